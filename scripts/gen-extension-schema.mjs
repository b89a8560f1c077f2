// Generates, from the core's rule metadata (ruleList):
//  - schemas/reportmdrc.schema.json (jsonValidation for .reportmdrc.json),
//  - the per-rule entries of the `reportMarkdown.rules` setting in package.json,
//  - their localized descriptions in package.nls.json / package.nls.zh-cn.json.
// Usage: node scripts/gen-extension-schema.mjs [--check]   (--check: exit 1 if anything is stale)
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';

const check = process.argv.includes('--check');

const bundle = await esbuild.build({
  entryPoints: ['src/core/index.ts'],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  logLevel: 'warning',
});
const core = await import('data:text/javascript;base64,' + Buffer.from(bundle.outputFiles[0].text).toString('base64'));

const SEVERITIES = ['off', 'error', 'warning', 'info'];

/** JSON schema of one option value, inferred from its default. */
function optionSchema(value) {
  if (Array.isArray(value)) {
    const item = value.find((entry) => entry !== undefined);
    return { type: 'array', items: item === undefined ? {} : optionSchema(item), default: value };
  }
  if (value === null) return {};
  if (typeof value === 'object') return { type: 'object', default: value };
  return { type: typeof value === 'number' ? 'number' : typeof value, default: value };
}

function ruleSchema(rule, description) {
  const options = Object.fromEntries(Object.entries(rule.defaultOptions ?? {}).map(([key, value]) => [key, optionSchema(value)]));
  return {
    ...description,
    default: rule.severity,
    oneOf: [
      { type: 'string', enum: SEVERITIES },
      { type: 'boolean' },
      {
        type: 'object',
        properties: { severity: { type: 'string', enum: SEVERITIES }, ...options },
        additionalProperties: false,
      },
    ],
  };
}

const outputs = new Map();

// 1. The .reportmdrc.json schema (descriptions in both languages: JSON schemas are not localized).
const schemaRules = {};
for (const rule of core.ruleList) {
  schemaRules[rule.id] = ruleSchema(rule, {
    description: `${rule.description['zh-CN']} / ${rule.description.en}`,
    markdownDescription: `${rule.description['zh-CN']}\n\n${rule.description.en}\n\n[${rule.id}](${rule.docsUrl})`,
  });
}
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/report-markdown/report-markdown/blob/main/schemas/reportmdrc.schema.json',
  title: 'Report Markdown configuration (.reportmdrc.json)',
  description: 'Rule settings for Report Markdown. Generated from the rule registry by scripts/gen-extension-schema.mjs.',
  type: 'object',
  properties: {
    $schema: { type: 'string' },
    rules: {
      description: '按规则 ID 设置：off / error / warning / info，或含 severity 与选项的对象。 / Rules keyed by id: off, error, warning, info, or an object with severity and options.',
      type: 'object',
      properties: schemaRules,
      additionalProperties: false,
    },
    export: {
      description: 'DOCX 导出设置（GB/T 9704 版式）。 / DOCX export settings (GB/T 9704 layout); see docs/export.md.',
      type: 'object',
      properties: {
        author: { type: 'string', description: '文档属性中的作者 / Author in the document properties' },
        tableOfContents: { type: 'boolean', default: false, description: '在正文前插入目录 / Insert a table of contents before the body' },
        layout: { type: 'object', description: '版式覆盖（页面、行距、字号、字体、各级标题…，单位 twip） / Layout overrides (page, line pitch, sizes, fonts, headings …, in twips); see docs/export.md' },
        fields: {
          type: 'object',
          description: '单位默认的版头、版记字段（发文机关标志、印发机关…），补全文档已有的版头或版记 / Unit defaults of 版头 and 版记 fields (发文机关标志, 印发机关 …), completing a 版头 or 版记 the document has; see docs/export.md',
          properties: Object.fromEntries(Object.keys(core.FRONT_MATTER_FIELDS).map((name) => [name, { type: 'string', maxLength: 200 }])),
          additionalProperties: false,
        },
        imageRoot: { type: 'string', description: '允许嵌入图片的文件夹（绝对路径，或相对于本文件所在文件夹）；默认为文档所在文件夹 / Folder images may be embedded from (absolute, or relative to this file\'s folder); default: the document\'s folder' },
        seal: { type: 'boolean', default: false, description: '加盖印章：成文日期右空四字，发文机关署名以成文日期为准居中（GB/T 9704 7.3.5.1）；默认不加盖印章（7.3.5.2） / Sealed document: date right-indented 4 characters, signature centred over it (GB/T 9704 7.3.5.1); default: no seal (7.3.5.2)' },
        imprintPage: { type: 'string', enum: ['last', 'even'], default: 'last', description: '版记所在页：last（默认）置于正文末页下端；even 单独置于偶数页下端（双面印刷） / Page of the 版记: last (default) at the bottom of the page where the text ends; even: on an even page of its own (double-sided printing)' },
        fonts: {
          description: '字体方案：windows（FangSong、KaiTi、SimHei…，默认）、gb2312（仿宋_GB2312、楷体_GB2312、方正小标宋简体…），或逐一指定字体名 / Font profile: windows (default), gb2312, or explicit font names',
          oneOf: [
            { type: 'string', enum: ['windows', 'gb2312'] },
            {
              type: 'object',
              properties: {
                profile: { type: 'string', enum: ['windows', 'gb2312'] },
                fangsong: { type: 'string', minLength: 1, maxLength: 31 },
                kaiti: { type: 'string', minLength: 1, maxLength: 31 },
                heiti: { type: 'string', minLength: 1, maxLength: 31 },
                songti: { type: 'string', minLength: 1, maxLength: 31 },
                xiaobiaosong: { type: 'string', minLength: 1, maxLength: 31 },
              },
              additionalProperties: false,
            },
          ],
        },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};
outputs.set('schemas/reportmdrc.schema.json', JSON.stringify(schema, null, 2) + '\n');

// 2. package.json: per-rule entries of reportMarkdown.rules, described through %rules.<id>%.
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const rulesSetting = manifest.contributes.configuration.properties['reportMarkdown.rules'];
rulesSetting.properties = Object.fromEntries(
  core.ruleList.map((rule) => [rule.id, ruleSchema(rule, { markdownDescription: `%rules.${rule.id}%` })]),
);
outputs.set('package.json', JSON.stringify(manifest, null, 2) + '\n');

// 3. Localized rule descriptions.
for (const [file, lang] of [['package.nls.json', 'en'], ['package.nls.zh-cn.json', 'zh-CN']]) {
  const strings = JSON.parse(readFileSync(file, 'utf8'));
  for (const key of Object.keys(strings)) if (key.startsWith('rules.')) delete strings[key];
  for (const rule of core.ruleList) strings[`rules.${rule.id}`] = `${rule.description[lang]} ([${rule.id}](${rule.docsUrl}))`;
  outputs.set(file, JSON.stringify(strings, null, 2) + '\n');
}

let stale = false;
for (const [file, text] of outputs) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // New file.
  }
  if (current === text) continue;
  if (check) {
    console.error(`${file} is out of date; run node scripts/gen-extension-schema.mjs`);
    stale = true;
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${file}`);
  }
}
process.exitCode = stale ? 1 : 0;

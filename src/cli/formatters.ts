/** Output formats of `report-md lint`: text lines with a summary, or one JSON array. */
import type { Finding } from '../core/index.js';

export type FileFindings = { file: string; findings: Finding[] };

/** The JSON shape other tools depend on: 1-based lines and columns (UTF-16 code units). */
export function toJson(results: readonly FileFindings[]): string {
  const out = [];
  for (const { file, findings } of results) {
    for (const finding of findings) {
      out.push({
        file,
        line: finding.range.start.line + 1,
        column: finding.range.start.character + 1,
        endLine: finding.range.end.line + 1,
        endColumn: finding.range.end.character + 1,
        rule: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        fixable: (finding.fix?.length ?? 0) > 0,
      });
    }
  }
  return JSON.stringify(out, null, 2) + '\n';
}

const SEVERITY_LABEL = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

/** `file:line:column  severity  message  rule` lines and a summary line. */
export function toText(results: readonly FileFindings[], lang: 'zh-CN' | 'en'): string {
  let out = '';
  const counts = { error: 0, warning: 0, info: 0 };
  let fixable = 0;
  for (const { file, findings } of results) {
    for (const finding of findings) {
      counts[finding.severity]++;
      if (finding.fix?.length) fixable++;
      out += `${file}:${finding.range.start.line + 1}:${finding.range.start.character + 1}  ${SEVERITY_LABEL[lang][finding.severity]}  ${finding.message}  ${finding.ruleId}\n`;
    }
  }
  const total = counts.error + counts.warning + counts.info;
  const files = results.length;
  if (lang === 'zh-CN') {
    out +=
      total === 0
        ? `检查了 ${files} 个文件，未发现问题\n`
        : `检查了 ${files} 个文件，发现 ${total} 个问题（${counts.error} 个错误，${counts.warning} 个警告，${counts.info} 个提示），其中 ${fixable} 个可用 report-md fix 自动修复\n`;
  } else {
    out +=
      total === 0
        ? `${files} file(s) checked, no problems\n`
        : `${files} file(s) checked: ${total} problem(s) (${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info), ${fixable} fixable with report-md fix\n`;
  }
  return out;
}

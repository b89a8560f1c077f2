/**
 * The real-document corpus (test/corpus/real): public documents of government bodies with
 * hand-written labels (the outline their authors meant, the report parts, every true defect).
 * Shared by the corpus test and `npm run corpus` (scripts/corpus.mjs → CORPUS.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { decodeDocument } from '../../src/cli/io.js';
import { fixAll, lint, outline, parseReport, type OutlineNode } from '../../src/core/index.js';

export type Labels = {
  kind: string;
  encoding?: string;
  title: number[];
  subtitle?: number[];
  docNumber?: number;
  addressee?: number[];
  headings: Array<{ line: number; level: number; marker: string }>;
  sections?: Array<{ line: number; text?: string }>;
  articles?: number[];
  closing?: { signature?: number[]; date?: number };
  notes?: number[];
  attachments?: number[];
  residue?: number[];
  defects?: Array<{ line: number; rule: string; note?: string }>;
};

export type CorpusDocument = { id: string; file: string; text: string; labels: Labels };

export type FindingResult = { rule: string; line: number; severity: string; message: string; correct: boolean };

export type PartCheck = { name: string; expected: number[]; actual: number[] };

export type DocumentResult = {
  id: string;
  kind: string;
  findings: FindingResult[];
  /** True defects the tool did not report. */
  missed: Array<{ line: number; rule: string }>;
  headings: { expected: number; missing: string[]; extra: string[] };
  title: { expected: number[]; actual: number[] };
  parts: PartCheck[];
  /** `fix` changed the text. */
  fixChanged: boolean;
  /** The labels list true defects. */
  hasDefects: boolean;
};

export const corpusDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../test/corpus/real');

/** Reads every labelled document of the corpus (decoding GB18030 and BOMs as the CLI does). */
export function loadCorpus(dir = corpusDir): CorpusDocument[] {
  if (!fs.existsSync(dir)) return [];
  const out: CorpusDocument[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith('.labels.json')) continue;
    const id = name.slice(0, -'.labels.json'.length);
    const candidates = fs.readdirSync(dir).filter((file) => file.startsWith(id + '.') && !file.endsWith('.json'));
    const file = candidates[0];
    if (!file) continue;
    const bytes = fs.readFileSync(path.join(dir, file));
    const { text } = decodeDocument(file, bytes);
    const labels = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Labels;
    out.push({ id, file, text, labels });
  }
  return out;
}

function flatten(nodes: readonly OutlineNode[], out: OutlineNode[] = []): OutlineNode[] {
  for (const node of nodes) {
    out.push(node);
    flatten(node.children, out);
  }
  return out;
}

/** 1-based lines covered by the nodes of the given types. */
function linesOf(text: string, types: readonly string[], filter?: (node: { type: string; role?: string }) => boolean): number[] {
  const document = parseReport(text);
  const lines: number[] = [];
  for (const node of document.root.children) {
    if (!types.includes(node.type) || !node.position) continue;
    if (filter && !filter(node as { type: string; role?: string })) continue;
    for (let line = node.position.start.line; line <= node.position.end.line; line++) {
      const content = text.slice(document.lines.starts[line - 1]!, document.lines.ends[line - 1]!).trim();
      if (content) lines.push(line);
    }
  }
  return lines;
}

/** Lints, outlines and fixes one document and compares with its labels. */
export function evaluate(document: CorpusDocument): DocumentResult {
  const { text, labels } = document;
  const defects = labels.defects ?? [];
  const allLines = text.split(/\r\n|\r|\n/);
  // HTML comments a dataset inserted (<!-- INFO END -->) are no text of the document: left out of the residue comparison.
  const residueLabels = (labels.residue ?? []).filter((line) => !/^\s*<!--.*-->\s*$/.test(allLines[line - 1] ?? ''));
  const residue = new Set(residueLabels);
  const findings = lint(text, { lang: 'zh-CN' }).map((finding): FindingResult => {
    const line = finding.range.start.line + 1;
    return {
      rule: finding.ruleId,
      line,
      severity: finding.severity,
      message: finding.message,
      // Residue lines (page chrome) are true template-residue findings: the writer deletes them.
      correct: defects.some((defect) => defect.line === line && defect.rule === finding.ruleId) || (finding.ruleId === 'template-residue' && residue.has(line)),
    };
  });
  const missed = defects.filter((defect) => !findings.some((finding) => finding.line === defect.line && finding.rule === defect.rule));

  const nodes = flatten(outline(text));
  const actualHeadings = new Set(nodes.filter((node) => node.kind === 'heading').map((node) => `${node.selectionRange.start.line + 1}:${node.level}`));
  const expectedHeadings = new Set(labels.headings.map((heading) => `${heading.line}:${heading.level}`));
  const titleNode = nodes.find((node) => node.kind === 'title');
  const titleLines = titleNode ? linesOf(text, ['reportTitle']) : [];
  const expectedTitle = labels.title.length > 0 ? labels.title : [];

  // Parts are compared only where the labels speak of them (older labels have no 主送 field).
  const parts: PartCheck[] = [
    { name: 'subtitle', expected: labels.subtitle ?? [], actual: linesOf(text, ['reportSubtitle']) },
    { name: 'addressee', expected: labels.addressee ?? [], actual: linesOf(text, ['addressee']) },
    { name: 'sections', expected: (labels.sections ?? []).map((section) => section.line), actual: nodes.filter((node) => node.kind === 'section').map((node) => node.selectionRange.start.line + 1) },
    {
      name: 'closing',
      expected: [...(labels.closing?.signature ?? []), ...(labels.closing?.date ? [labels.closing.date] : [])],
      actual: linesOf(text, ['signature', 'dateLine']),
    },
    { name: 'notes', expected: labels.notes ?? [], actual: linesOf(text, ['note']) },
    { name: 'attachments', expected: labels.attachments ?? [], actual: linesOf(text, ['attachmentNote']) },
    { name: 'residue', expected: residueLabels, actual: linesOf(text, ['residue']) },
  ];
  const labelled = new Set(Object.keys(labels).map((key) => (key === 'docNumber' ? 'docNumber' : key)));
  const comparable = parts.filter((part) => labelled.has(part.name) || (part.name === 'closing' && labelled.has('closing')));
  parts.length = 0;
  parts.push(...comparable);
  if (labels.docNumber !== undefined) parts.push({ name: 'docNumber', expected: [labels.docNumber], actual: linesOf(text, ['masthead'], (node) => node.role === 'docNumber') });

  return {
    id: document.id,
    kind: labels.kind,
    findings,
    missed,
    headings: {
      expected: expectedHeadings.size,
      missing: [...expectedHeadings].filter((key) => !actualHeadings.has(key)),
      extra: [...actualHeadings].filter((key) => !expectedHeadings.has(key)),
    },
    title: { expected: expectedTitle, actual: titleLines },
    parts,
    // What fix does besides deleting residue lines (that part is checked through the residue findings).
    fixChanged: fixAll(text, { lang: 'zh-CN', config: { rules: { 'template-residue': 'off' } } }) !== text,
    hasDefects: defects.length > 0,
  };
}

/** True when the title lines agree (the labels may list only the first and last line of a title with blank lines inside). */
export function titleMatches(result: DocumentResult): boolean {
  const { expected, actual } = result.title;
  if (expected.length === 0) return actual.length === 0;
  if (actual.length === 0) return false;
  return actual[0] === expected[0] && actual[actual.length - 1] === expected[expected.length - 1];
}

/** Lines in one list but not the other. */
export function partDiff(part: PartCheck): { missing: number[]; extra: number[] } {
  const expected = new Set(part.expected);
  const actual = new Set(part.actual);
  return { missing: [...expected].filter((line) => !actual.has(line)), extra: [...actual].filter((line) => !expected.has(line)) };
}

/** The outline tree: titles, section titles and numbered headings, nested by level. */
import { toString } from 'mdast-util-to-string';
import type { OutlineMarker } from '../parse/nodes.js';
import type { ReportDocument } from '../parse/report.js';

/**
 * One node of the outline. Sections (unnumbered titles) are roots; headings nest by level.
 * The 版头 and the 版记 are one root each (`masthead`, `imprint`, titled 版头 / 版记) with
 * one child per element (level 1, titled with the element's name and text: `发文字号 国办发〔2019〕3号`).
 */
export type OutlineEntry = {
  kind: 'title' | 'section' | 'heading' | 'masthead' | 'imprint';
  /** 0 for titles, sections and the 版头 / 版记 groups, else the marker level 1–5 (1 for 版头 and 版记 elements). */
  level: number;
  marker?: OutlineMarker;
  title: string;
  /** 0-based line of the entry. */
  line: number;
  start: number;
  end: number;
  /** 0-based last line covered by this entry's section (until the next entry at the same or a shallower level); a title's own last line. */
  sectionEndLine: number;
  /** 0 for the document itself, 1 … for each 附件 that follows it (each numbers on its own). */
  part: number;
  parent?: OutlineEntry;
  children: OutlineEntry[];
};

/** A group of sibling headings of one level under one parent: the unit of numbering checks. */
export type SiblingGroup = {
  parent?: OutlineEntry;
  level: number;
  part: number;
  items: OutlineEntry[];
};

export type Outline = {
  /** Top-level entries in document order (title, sections, and headings not under a section). */
  roots: OutlineEntry[];
  /** All numbered headings in document order. */
  headings: OutlineEntry[];
  groups: SiblingGroup[];
};


/** Builds the outline from a parsed report. Numbering restarts after every section title. */
export function buildOutline(document: ReportDocument): Outline {
  const roots: OutlineEntry[] = [];
  const headings: OutlineEntry[] = [];
  const all: OutlineEntry[] = [];
  let section: OutlineEntry | undefined;
  let stack: OutlineEntry[] = [];
  let part = 0;
  const partGroups: Partial<Record<'masthead' | 'imprint', OutlineEntry>> = {};

  for (const node of document.root.children) {
    const position = node.position;
    if (!position) continue;
    if (node.type === 'sectionTitle' && node.role === 'attachment') part++;
    const base = { line: position.start.line - 1, start: position.start.offset!, end: position.end.offset!, sectionEndLine: position.end.line - 1, part, children: [] };
    if (node.type === 'masthead' || node.type === 'imprint') {
      // One group per document for each of 版头 and 版记, wherever its elements stand (front matter or lines).
      let group = partGroups[node.type];
      if (!group) {
        group = { kind: node.type, level: 0, title: node.type === 'masthead' ? '版头' : '版记', ...base, children: [] };
        partGroups[node.type] = group;
        roots.push(group);
        all.push(group);
      }
      const text = toString(node, { includeHtml: false }).trim();
      const entry: OutlineEntry = { kind: node.type, level: 1, title: partEntryTitle(node.role, text), ...base, parent: group };
      group.children.push(entry);
      group.end = Math.max(group.end, entry.end);
      continue;
    }
    if (node.type === 'reportTitle') {
      const entry: OutlineEntry = { kind: 'title', level: 0, title: toString(node, { includeHtml: false }).trim(), ...base };
      roots.push(entry);
      all.push(entry);
      stack = [];
      section = undefined;
    } else if (node.type === 'sectionTitle') {
      const entry: OutlineEntry = { kind: 'section', level: 0, title: toString(node, { includeHtml: false }).trim(), ...base };
      roots.push(entry);
      all.push(entry);
      section = entry;
      stack = [];
    } else if (node.type === 'outlineHeading') {
      const entry: OutlineEntry = { kind: 'heading', level: node.marker.level, marker: node.marker, title: node.title, ...base };
      while (stack.length > 0 && stack[stack.length - 1]!.level >= entry.level) stack.pop();
      const parent = stack[stack.length - 1] ?? section;
      if (parent) {
        entry.parent = parent;
        parent.children.push(entry);
      } else {
        roots.push(entry);
      }
      stack.push(entry);
      headings.push(entry);
      all.push(entry);
    }
  }

  // Section extents: an entry's section ends before the next entry at the same or a shallower depth.
  const lastLine = document.lines.starts.length - 1;
  const depthOf = (entry: OutlineEntry): number => (entry.kind === 'heading' ? entry.level : 0);
  for (let index = 0; index < all.length; index++) {
    const entry = all[index]!;
    // The title owns no section: the headings after it are roots, not its children (a title
    // spanning the document made sticky scroll pin it over the lines under it).
    if (entry.kind === 'title') continue;
    let endLine = lastLine;
    for (let next = index + 1; next < all.length; next++) {
      const candidate = all[next]!;
      if (depthOf(candidate) <= depthOf(entry) || candidate.kind !== 'heading') {
        endLine = candidate.line - 1;
        break;
      }
    }
    entry.sectionEndLine = Math.max(entry.line, endLine);
  }
  // A 版头 or 版记 group covers its own elements only.
  for (const group of Object.values(partGroups)) {
    const last = group.children[group.children.length - 1]!;
    group.sectionEndLine = Math.max(group.line, last.line);
  }

  const groups: SiblingGroup[] = [];
  const collect = (parent: OutlineEntry | undefined, children: OutlineEntry[]): void => {
    const byLevel = new Map<number, OutlineEntry[]>();
    for (const child of children) {
      if (child.kind !== 'heading') continue;
      let list = byLevel.get(child.level);
      if (!list) byLevel.set(child.level, (list = []));
      list.push(child);
    }
    for (const [level, items] of byLevel) {
      const group: SiblingGroup = { level, part: items[0]!.part, items };
      if (parent) group.parent = parent;
      groups.push(group);
    }
    for (const child of children) if (child.children.length > 0) collect(child, child.children);
  };
  // Root-level headings: split into runs separated by titles (a title restarts numbering like a section).
  let run: OutlineEntry[] = [];
  for (const entry of roots) {
    if (entry.kind === 'heading') run.push(entry);
    else {
      if (run.length > 0) collect(undefined, run);
      run = [];
      if (entry.children.length > 0) collect(entry, entry.children);
    }
  }
  if (run.length > 0) collect(undefined, run);
  groups.sort((left, right) => left.items[0]!.start - right.items[0]!.start);
  return { roots, headings, groups };
}

/** Names of the 版头 and 版记 elements, as GB/T 9704 calls them. */
const PART_LABELS: Record<string, string> = {
  copyNumber: '份号',
  secrecy: '密级',
  urgency: '紧急程度',
  issuer: '发文机关标志',
  docNumber: '发文字号',
  signer: '签发人',
  copyTo: '抄送',
  printed: '印发',
  printOffice: '印发机关',
  printDate: '印发日期',
};

/** `发文字号 国办发〔2019〕3号`; a line that names itself (`签发人：张三`, `抄送：…`) keeps its own label. */
function partEntryTitle(role: string, text: string): string {
  const named = /^(签\s*发\s*人|抄\s*送|抄\s*报)\s*[:：]\s*/.exec(text);
  if (named) return `${named[1]!.replace(/\s/g, '')} ${text.slice(named[0].length)}`;
  return `${PART_LABELS[role] ?? role} ${text}`;
}

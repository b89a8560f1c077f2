/**
 * Characters XML 1.0 forbids (C0 controls other than tab, LF and CR; lone
 * surrogates; U+FFFE and U+FFFF) make a .docx part unreadable: Word reports
 * the file as damaged and LibreOffice refuses it. Every text that reaches
 * the package passes through here first: the report tree (body, title,
 * headings, tables, footnotes, image alt texts and URLs), the document
 * properties and the layout strings. Forbidden characters are removed and
 * reported, per source line where there is one.
 *
 * The tree is never modified: when it holds a forbidden character, the
 * nodes on the way to it are copied (copy on write), so a caller's cached
 * tree stays as it was.
 */
import type { Node, Root } from 'mdast';

/** One character XML 1.0 does not allow (the `u` flag makes a lone surrogate one code point). */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const FORBIDDEN_ALL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** True when the text holds a character XML 1.0 forbids. */
export function hasForbiddenXmlChars(text: string): boolean {
  return FORBIDDEN.test(text);
}

/** `U+0001` for a code point (or a lone surrogate). */
export function codePointLabel(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text without forbidden characters, and the distinct removed ones as `U+XXXX` labels, in order of appearance. */
export function stripForbiddenXmlChars(text: string): { text: string; removed: string[] } {
  if (!FORBIDDEN.test(text)) return { text, removed: [] };
  const removed = new Set<string>();
  const clean = text.replace(FORBIDDEN_ALL, (character) => {
    removed.add(codePointLabel(character));
    return '';
  });
  return { text: clean, removed: [...removed] };
}

/** Removed characters of one place (a source line, or a named property), as `U+XXXX` labels in code point order. */
export type ForbiddenCharFinding = { line?: number; removed: string[] };

type Mutable = Record<string, unknown>;

/** Keys of a node that are never text written to the package. */
const SKIP = new Set(['type', 'position', 'children', 'data']);

function isObject(value: unknown): value is Mutable {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a node's own strings (and those one object deeper, e.g. an outline marker) hold forbidden characters. */
function nodeIsDirty(node: Mutable): boolean {
  for (const key in node) {
    if (SKIP.has(key)) continue;
    const value = node[key];
    if (typeof value === 'string') {
      if (FORBIDDEN.test(value)) return true;
    } else if (isObject(value)) {
      for (const inner in value) {
        const innerValue = value[inner];
        if (typeof innerValue === 'string' && FORBIDDEN.test(innerValue)) return true;
      }
    }
  }
  return false;
}

/** The line of the first forbidden character of `value`, counting its line breaks from the node's start line. */
function lineOf(value: string, startLine: number | undefined): number | undefined {
  if (startLine === undefined) return undefined;
  const at = value.search(FORBIDDEN);
  let line = startLine;
  for (let index = value.indexOf('\n'); index !== -1 && index < at; index = value.indexOf('\n', index + 1)) line++;
  return line;
}

/** Whether no node of the tree holds a forbidden character (the usual case: one pass, no bookkeeping). */
function treeIsClean(root: Root): boolean {
  const stack: Mutable[] = [root as unknown as Mutable];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (nodeIsDirty(node)) return false;
    const children = node['children'];
    if (Array.isArray(children)) for (const child of children) if (isObject(child)) stack.push(child);
  }
  return true;
}

/**
 * The tree with forbidden characters removed from every string of every
 * node (the same object when there are none), and what was removed per line.
 */
export function sanitizeTree(root: Root): { root: Root; findings: ForbiddenCharFinding[] } {
  if (treeIsClean(root)) return { root, findings: [] };
  // Pass 1 (iterative, pre-order): find the nodes holding forbidden characters and mark their ancestors.
  const order: Mutable[] = [];
  const parent = new Map<Mutable, Mutable | undefined>();
  const dirty = new Set<Mutable>();
  const stack: Array<[Mutable, Mutable | undefined]> = [[root as unknown as Mutable, undefined]];
  while (stack.length > 0) {
    const [node, up] = stack.pop()!;
    order.push(node);
    parent.set(node, up);
    if (nodeIsDirty(node)) {
      for (let at: Mutable | undefined = node; at && !dirty.has(at); at = parent.get(at)) dirty.add(at);
    }
    const children = node['children'];
    if (Array.isArray(children)) {
      for (let index = children.length - 1; index >= 0; index--) {
        const child: unknown = children[index];
        if (isObject(child)) stack.push([child, node]);
      }
    }
  }

  // Pass 2 (reverse pre-order: children before parents): copy the dirty nodes with clean strings.
  const byLine = new Map<number | undefined, Set<string>>();
  const note = (line: number | undefined, removed: readonly string[]) => {
    let set = byLine.get(line);
    if (!set) byLine.set(line, (set = new Set()));
    for (const label of removed) set.add(label);
  };
  const lineAbove = (node: Mutable): number | undefined => {
    for (let at: Mutable | undefined = node; at; at = parent.get(at)) {
      const line = (at as unknown as Node).position?.start.line;
      if (line !== undefined) return line;
    }
    return undefined;
  };
  const copies = new Map<Mutable, Mutable>();
  for (let index = order.length - 1; index >= 0; index--) {
    const node = order[index]!;
    if (!dirty.has(node)) continue;
    const copy: Mutable = { ...node };
    const startLine = lineAbove(node);
    for (const key in copy) {
      if (SKIP.has(key)) continue;
      const value = copy[key];
      if (typeof value === 'string') {
        if (!FORBIDDEN.test(value)) continue;
        const line = lineOf(value, startLine);
        const { text, removed } = stripForbiddenXmlChars(value);
        copy[key] = text;
        note(line, removed);
      } else if (isObject(value) && Object.values(value).some((inner) => typeof inner === 'string' && FORBIDDEN.test(inner))) {
        const inner: Mutable = { ...value };
        for (const innerKey in inner) {
          const innerValue = inner[innerKey];
          if (typeof innerValue !== 'string' || !FORBIDDEN.test(innerValue)) continue;
          const { text, removed } = stripForbiddenXmlChars(innerValue);
          inner[innerKey] = text;
          note(startLine, removed);
        }
        copy[key] = inner;
      }
    }
    const children = node['children'];
    if (Array.isArray(children) && children.some((child) => copies.has(child as Mutable))) {
      copy['children'] = children.map((child) => copies.get(child as Mutable) ?? child);
    }
    copies.set(node, copy);
  }
  const findings = [...byLine.entries()]
    .sort(([a], [b]) => (a ?? 0) - (b ?? 0))
    .map(([line, set]) => {
      const removed = [...set].sort((a, b) => parseInt(a.slice(2), 16) - parseInt(b.slice(2), 16));
      return line === undefined ? { removed } : { line, removed };
    });
  return { root: copies.get(root as unknown as Mutable) as unknown as Root, findings };
}

/**
 * A plain settings object (the layout) with forbidden characters removed
 * from its strings; the same object when it has none. `findings` name each
 * changed setting by its dotted path.
 */
export function sanitizeSettings<T>(value: T, path = ''): { value: T; findings: Array<{ setting: string; removed: string[] }> } {
  if (typeof value === 'string') {
    if (!FORBIDDEN.test(value)) return { value, findings: [] };
    const { text, removed } = stripForbiddenXmlChars(value);
    return { value: text as T, findings: [{ setting: path, removed }] };
  }
  if (Array.isArray(value)) {
    const findings: Array<{ setting: string; removed: string[] }> = [];
    let changed = false;
    const items = value.map((item, index) => {
      const result = sanitizeSettings(item, `${path}[${index}]`);
      findings.push(...result.findings);
      if (result.value !== item) changed = true;
      return result.value;
    });
    return { value: (changed ? items : value) as T, findings };
  }
  if (isObject(value)) {
    const findings: Array<{ setting: string; removed: string[] }> = [];
    let copy: Mutable | undefined;
    for (const key of Object.keys(value)) {
      const result = sanitizeSettings(value[key], path ? `${path}.${key}` : key);
      findings.push(...result.findings);
      if (result.value !== value[key]) {
        copy ??= { ...value };
        copy[key] = result.value;
      }
    }
    return { value: (copy ?? value) as T, findings };
  }
  return { value, findings: [] };
}

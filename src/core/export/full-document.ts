/**
 * Gathers the 版头 and 版记 of a full 公文 for the export: the elements written as
 * lines, given in the front matter, or set as unit defaults (`export.fields` in
 * `.reportmdrc.json`). The 版头 elements become one run at the place of the first
 * one (the top of the document), in GB/T 9704 order; the 版记 elements one run at
 * the end of the document (after the 附件, on the last page).
 *
 * A field written in the document wins over the front matter, which wins over the
 * defaults. Defaults complete a 版头 (版记) the document has: a report without any
 * 版头 (版记) element gets none from the defaults.
 */
import type { Root, RootContent } from 'mdast';
import type { Imprint, Masthead } from '../parse/nodes.js';
import { FRONT_MATTER_FIELDS } from '../parse/parts.js';
import { MASTHEAD_ORDER } from './handlers/masthead.js';
import { stripForbiddenXmlChars } from './xml-chars.js';

/** Unit defaults by field name (发文机关标志, 印发机关 …), as in the front matter. */
export type PartFields = Readonly<Record<string, string>>;

/** Known field names, for configuration checks. */
export const FIELD_NAMES: readonly string[] = Object.keys(FRONT_MATTER_FIELDS);

const IMPRINT_ORDER: readonly Imprint['role'][] = ['copyTo', 'printed', 'printOffice', 'printDate'];

/** The root with its 版头 and 版记 gathered (the same root when it has neither). */
export function arrangeFullDocument(root: Root, defaults: PartFields = {}): Root {
  const mastheads: Masthead[] = [];
  const imprints: Imprint[] = [];
  const rest: RootContent[] = [];
  let mastheadAt = -1;
  for (const node of root.children) {
    if (node.type === 'masthead') {
      if (mastheadAt < 0) mastheadAt = rest.length;
      mastheads.push(node);
    } else if (node.type === 'imprint') {
      imprints.push(node);
    } else {
      rest.push(node);
    }
  }
  if (mastheads.length === 0 && imprints.length === 0) return root;

  const fromDefaults = (type: 'masthead' | 'imprint', has: (role: string) => boolean) => {
    const out: Array<Masthead | Imprint> = [];
    for (const [name, value] of Object.entries(defaults)) {
      const field = FRONT_MATTER_FIELDS[name];
      if (!field || field.type !== type || value.trim() === '' || has(field.role)) continue;
      out.push({ type, role: field.role, frontMatter: true, children: [{ type: 'text', value: stripForbiddenXmlChars(value.trim()).text }] } as Masthead | Imprint);
    }
    return out;
  };

  // Written lines first, then front matter: the first element of a role is the one used.
  const written = <T extends { frontMatter?: true }>(items: T[]) => [...items.filter((item) => !item.frontMatter), ...items.filter((item) => item.frontMatter)];
  let head: Masthead[] = [];
  if (mastheads.length > 0) {
    const ordered = written(mastheads);
    // A 发文字号 line that carries the 签发人 counts as a 签发人 too.
    const roles = new Set<string>(ordered.map((item) => item.role));
    head = [...ordered, ...(fromDefaults('masthead', (role) => roles.has(role)) as Masthead[])];
    head.sort((left, right) => MASTHEAD_ORDER.indexOf(left.role) - MASTHEAD_ORDER.indexOf(right.role));
  }
  let tail: Imprint[] = [];
  if (imprints.length > 0) {
    const ordered = written(imprints);
    const roles = new Set<string>(ordered.map((item) => item.role));
    // A written 印发 line holds both the office and the date.
    const has = (role: string) => roles.has(role) || (roles.has('printed') && (role === 'printOffice' || role === 'printDate'));
    tail = [...ordered, ...(fromDefaults('imprint', has) as Imprint[])];
    tail.sort((left, right) => IMPRINT_ORDER.indexOf(left.role) - IMPRINT_ORDER.indexOf(right.role));
  }
  const children = [...rest];
  if (head.length > 0) children.splice(Math.max(0, mastheadAt), 0, ...head);
  children.push(...tail);
  return { ...root, children };
}

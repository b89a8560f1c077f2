/**
 * The report-Markdown dialect: plain reports (one paragraph per line, any
 * indentation) with CommonMark/GFM constructs where written.
 *
 * The document is segmented line by line: fenced code, `#` headings, lists,
 * block quotes, tables, HTML and definitions go to remark as Markdown chunks;
 * every other non-blank line is one paragraph. Plain paragraphs without
 * inline Markdown characters skip remark entirely (the common case).
 */
import type { Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Position as UnistPosition } from 'unist';
import { buildLineTable, isIndentChar, type LineTable } from './lines.js';
import { parseMarkdownSlice, REDACTION_MASK } from './markdown.js';
import type { OutlineHeading, OutlineMarker, RunInHead } from './nodes.js';
import { parseHanNumeral } from '../numerals.js';
import { matchOutlineMarker, styleKey } from './outline-markers.js';
import {
  attachmentNumber,
  endsWithDocumentKind,
  FRONT_MATTER_FIELDS,
  imprintRole,
  isAddresseeLike,
  isAttachmentHeading,
  isAttachmentNoteStart,
  isAuthorLine,
  isDashSubtitle,
  isDateLine,
  isDatedHeadNote,
  isDocNumber,
  isImprintLine,
  isLawHeadNote,
  isListRowLike,
  isLongTitle,
  isNotesLabel,
  isNoteLine,
  isParentheticalLine,
  isSectionTitleLike,
  isTitleLike,
  mastheadRole,
  titleBeforeDash,
} from './parts.js';
import { isChromeLine, isResidueLike, isResidueLine, markChromeRuns } from './residue.js';

/** A block the rules look at: one report paragraph, heading or other leaf block with text. */
export type TextBlock = {
  node: RootContent;
  /** 0-based line of the block start. */
  line: number;
  /** Offsets of the block content (without indentation) in the document. */
  start: number;
  end: number;
  /** Literal text spans [start, end) inside the block (excludes code, HTML, URLs, emphasis marks). */
  textRanges: Array<[number, number]>;
  /** The outline marker when the block is a numbered paragraph. */
  marker?: OutlineMarker;
  /** True when the block is a direct child of the root (report paragraphs and headings). */
  topLevel: boolean;
};

/** A parsed report: the tree plus line tables and per-block text ranges for the rules. */
export type ReportDocument = {
  text: string;
  lines: LineTable;
  root: Root;
  blocks: TextBlock[];
  /** HTML comment nodes (for inline disable directives): offset and value. */
  comments: Array<{ offset: number; line: number; value: string }>;
};

/** Characters that can start inline Markdown (emphasis, code, links, images, HTML, escapes, entities, strikethrough, autolinks). */
const INLINE_SPECIAL = /[*_`[<\\~@]|&[#A-Za-z]|https?:|www\./i;
const FENCE_OPEN = /^(`{3,}|~{3,})/;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const BULLET = /^[-+*][ \t]/;
const ORDERED_LIST = /^[0-9]{1,9}[)][ \t]/;
const THEMATIC = /^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const DEFINITION = /^\[[^\]]+\]:/;
const TABLE_DELIMITER = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const HTML_BLOCK = /^<(?:!--|\/?[a-zA-Z][a-zA-Z0-9-]*(?:[\s/>]|$)|!\[CDATA\[|\?)/;
const SENTENCE_END = /[。！？!?]/;
/** Short nouns a redaction `*` stands before (`*镇`, `*书记`). */
const REDACTION_FOLLOWERS = /^(?:镇|乡|村|县|区|市|省|州|街道|社区|书记|县长|镇长|乡长|区长|市长|主任|局|委|办|所|站|队|校|小学|中学|公司|同志|力量)/;

type LineKind = 'blank' | 'report' | 'markdown';

/** Parses report Markdown into a tree with explicit report nodes. */
export function parseReport(text: string): ReportDocument {
  const lines = buildLineTable(text);
  const lineCount = lines.starts.length;
  const contentStarts = new Array<number>(lineCount);
  for (let line = 0; line < lineCount; line++) {
    let offset = lines.starts[line]!;
    const end = lines.ends[line]!;
    while (offset < end && isIndentChar(text.charCodeAt(offset))) offset++;
    contentStarts[line] = offset;
  }

  const children: RootContent[] = [];
  const blocks: TextBlock[] = [];
  const comments: ReportDocument['comments'] = [];
  const reportLines: Array<{ node: RootContent; line: number; index: number }> = [];

  // Link and footnote definitions ([^1]: …, [ref]: url) anywhere in the document, so that a
  // report line parsed on its own still resolves [^1] and [text][ref].
  let definitions = '';
  if (text.includes(']:')) {
    for (let index = 0; index < lineCount; index++) {
      const start = contentStarts[index]!;
      if (text.charCodeAt(start) === 0x5b /* [ */ && DEFINITION.test(text.slice(start, Math.min(lines.ends[index]!, start + 200)))) {
        definitions += '\n\n' + text.slice(start, lines.ends[index]!);
      }
    }
  }

  let line = 0;
  const frontMatter = readFrontMatter(text, lines, contentStarts);
  if (frontMatter) {
    for (const field of frontMatter.fields) {
      children.push(field.node);
      blocks.push(field.block);
    }
    line = frontMatter.end + 1;
  }
  while (line < lineCount) {
    const contentStart = contentStarts[line]!;
    const end = lines.ends[line]!;
    if (contentStart === end) {
      line++;
      continue;
    }
    const kind = classifyLine(text, lines, contentStarts, line);
    const last = kind === 'markdown' ? markdownChunkEnd(text, lines, contentStarts, line) : line;
    if (kind === 'markdown' && !isPathological(text, lines, contentStarts, line, last)) {
      const sliceStart = contentStart;
      const sliceEnd = lines.ends[last]!;
      const column = contentStart - lines.starts[line]!;
      const nodes = parseMarkdownSlice(text.slice(sliceStart, sliceEnd), sliceStart, line, column);
      for (const node of nodes) {
        children.push(node);
        collectBlocks(node, blocks, comments, true);
      }
      line = last + 1;
      continue;
    }
    // One report paragraph per line (pathologically nested Markdown is kept as literal text).
    const paragraph = parseReportLine(text, lines, line, contentStart, end, kind === 'markdown', definitions);
    const index = children.length;
    children.push(paragraph.node);
    reportLines.push({ node: paragraph.node, line, index });
    blocks.push(paragraph.block);
    for (const comment of paragraph.comments) comments.push(comment);
    line++;
  }

  const root: Root = {
    type: 'root',
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: endPoint(text, lines),
    },
  };
  classifyReportParts(text, root, blocks);
  return { text, lines, root, blocks, comments };
}

/** A front matter key line: `发文字号: 国办发〔2019〕3号` (a colon, half- or full-width). */
const FRONT_MATTER_LINE = /^([^\s:：#][^:：]{0,19}?)\s*[:：][ \t\u3000]*(.*?)[ \t\u3000]*$/;
/** Most lines a front matter block may span. */
const MAX_FRONT_MATTER_LINES = 60;

/**
 * Optional front matter at the top: `---`, flat `字段: 值` lines with the names of the
 * 版头 and 版记 elements (parts.ts FRONT_MATTER_FIELDS), `---` (or `...`). Values may be
 * quoted; `#` lines are comments; keys not known are ignored. A block with any other
 * line (nested YAML, prose), or without one known field, is no front matter and is read as text.
 */
function readFrontMatter(text: string, lines: LineTable, contentStarts: number[]): { end: number; fields: Array<{ node: RootContent; block: TextBlock }> } | undefined {
  const lineCount = lines.starts.length;
  const content = (line: number) => text.slice(contentStarts[line]!, lines.ends[line]!).replace(/[ \t]+$/, '');
  if (lineCount < 3 || content(0) !== '---' || contentStarts[0]! - lines.starts[0]! > 1) return undefined;
  let end = -1;
  for (let line = 1; line < Math.min(lineCount, MAX_FRONT_MATTER_LINES); line++) {
    const value = content(line);
    if (value === '---' || value === '...') {
      end = line;
      break;
    }
    if (value !== '' && !value.startsWith('#') && !FRONT_MATTER_LINE.test(value)) return undefined;
  }
  if (end < 0) return undefined;
  const fields: Array<{ node: RootContent; block: TextBlock }> = [];
  for (let line = 1; line < end; line++) {
    const start = contentStarts[line]!;
    const raw = text.slice(start, lines.ends[line]!);
    const match = FRONT_MATTER_LINE.exec(raw);
    if (!match || raw.startsWith('#')) continue;
    const field = FRONT_MATTER_FIELDS[match[1]!.trim()];
    if (!field) continue;
    // A trailing HTML comment (a directive or a fixture's expectation) is not part of the value.
    let value = match[2]!.replace(/[ \t\u3000]*<!--.*?-->$/, '');
    let valueStart = start + raw.indexOf(value, match[1]!.length);
    // A quoted value: "…" or '…'.
    if (value.length >= 2 && /^(["']).*\1$/.test(value)) {
      value = value.slice(1, -1);
      valueStart++;
    }
    if (value.trim() === '') continue;
    const lineStart = lines.starts[line]!;
    const position = {
      start: { line: line + 1, column: valueStart - lineStart + 1, offset: valueStart },
      end: { line: line + 1, column: valueStart + value.length - lineStart + 1, offset: valueStart + value.length },
    };
    const children: PhrasingContent[] = [textNode(value, valueStart, line, lineStart)];
    const node: RootContent =
      field.type === 'masthead'
        ? { type: 'masthead', role: field.role, frontMatter: true, children, position }
        : { type: 'imprint', role: field.role, frontMatter: true, children, position };
    fields.push({ node, block: { node, line, start: valueStart, end: valueStart + value.length, textRanges: [[valueStart, valueStart + value.length]], topLevel: true } });
  }
  // Without a single known field the block is text between two rules (`---` / `说明：…` / `---`), kept as written.
  if (fields.length === 0) return undefined;
  return { end, fields };
}

function endPoint(text: string, lines: LineTable): UnistPosition['end'] {
  const last = lines.starts.length - 1;
  return { line: last + 1, column: text.length - lines.starts[last]! + 1, offset: text.length };
}

/** Decides whether a line starts a Markdown block construct or is a report paragraph. */
function classifyLine(text: string, lines: LineTable, contentStarts: number[], line: number): LineKind {
  const start = contentStarts[line]!;
  const end = lines.ends[line]!;
  if (start === end) return 'blank';
  const first = text.charCodeAt(start);
  // Quick exit: a line starting with a CJK character or a full-width bracket is a report line.
  if (first >= 0x2e80) return 'report';
  const head = text.slice(start, Math.min(end, start + 12));
  if (FENCE_OPEN.test(head) || ATX_HEADING.test(head) || head.startsWith('>') || BULLET.test(head)) return 'markdown';
  if (ORDERED_LIST.test(head) || DEFINITION.test(head) || HTML_BLOCK.test(head) || head.startsWith('|')) return 'markdown';
  const content = text.slice(start, end);
  if (THEMATIC.test(content)) return 'markdown';
  if (line + 1 < lines.starts.length && content.includes('|')) {
    const next = text.slice(contentStarts[line + 1]!, lines.ends[line + 1]!);
    if (next.includes('-') && TABLE_DELIMITER.test(next)) return 'markdown';
  }
  return 'report';
}

const MAX_QUOTE_DEPTH = 64;
const MAX_LIST_INDENT = 256;
const BULLET_CHAIN = new RegExp(`^(?:[-+*][ \\t]+){${MAX_QUOTE_DEPTH},}`);

/**
 * True for Markdown chunks nested so deeply (thousands of > or list levels)
 * that remark would take minutes or overflow its stack; such lines are read
 * as plain report paragraphs instead.
 */
function isPathological(text: string, lines: LineTable, contentStarts: number[], first: number, last: number): boolean {
  for (let line = first; line <= last; line++) {
    const start = contentStarts[line]!;
    if (start - lines.starts[line]! > MAX_LIST_INDENT) return true;
    if (BULLET_CHAIN.test(text.slice(start, Math.min(lines.ends[line]!, start + 2 * MAX_QUOTE_DEPTH + 2)))) return true;
    if (text.charCodeAt(start) === 0x3e /* > */) {
      let depth = 0;
      for (let index = start; index < lines.ends[line]! && depth <= MAX_QUOTE_DEPTH; index++) {
        const code = text.charCodeAt(index);
        if (code === 0x3e) depth++;
        else if (code !== 0x20 && code !== 0x09) break;
      }
      if (depth > MAX_QUOTE_DEPTH) return true;
    }
  }
  return false;
}

/** Finds the last line of a Markdown chunk that starts at `line`. */
function markdownChunkEnd(text: string, lines: LineTable, contentStarts: number[], line: number): number {
  const lineCount = lines.starts.length;
  const start = contentStarts[line]!;
  const head = text.slice(start, Math.min(lines.ends[line]!, start + 12));
  const fence = FENCE_OPEN.exec(head);
  if (fence) {
    const marker = fence[1]!;
    for (let next = line + 1; next < lineCount; next++) {
      const content = text.slice(contentStarts[next]!, lines.ends[next]!);
      if (content.startsWith(marker[0]!.repeat(marker.length)) && content.replace(/[`~]/g, '').trim() === '') return next;
    }
    return lineCount - 1;
  }
  if (ATX_HEADING.test(head) || THEMATIC.test(text.slice(start, lines.ends[line]!))) return line;
  if (HTML_BLOCK.test(head)) {
    // HTML blocks end at a blank line (comments end at -->).
    if (head.startsWith('<!--')) {
      for (let next = line; next < lineCount; next++) {
        if (text.slice(lines.starts[next]!, lines.ends[next]!).includes('-->')) return next;
      }
      return lineCount - 1;
    }
    let next = line;
    while (next + 1 < lineCount && contentStarts[next + 1]! < lines.ends[next + 1]!) next++;
    return next;
  }
  // Lists, quotes, tables, definitions: continue while lines are of the same kind or indented continuations.
  const isQuote = head.startsWith('>');
  const isList = BULLET.test(head) || ORDERED_LIST.test(head);
  // A footnote definition goes on over lines indented by 4 spaces or a tab (GFM), e.g. a long 注释 after the 成文日期.
  const isFootnote = /^\[\^[^\]]+\]:/.test(head);
  let last = line;
  for (let next = line + 1; next < lineCount; next++) {
    const contentStart = contentStarts[next]!;
    const end = lines.ends[next]!;
    if (contentStart === end) break;
    const nextHead = text.slice(contentStart, Math.min(end, contentStart + 12));
    const indentation = text.slice(lines.starts[next]!, contentStart);
    if (isQuote && nextHead.startsWith('>')) {
      last = next;
    } else if (isList && (BULLET.test(nextHead) || ORDERED_LIST.test(nextHead))) {
      last = next;
    } else if (isList && indentation.length >= 2 && /^[ \t]+$/.test(indentation)) {
      last = next;
    } else if (isFootnote && /^[ \t]+$/.test(indentation) && (indentation.length >= 4 || indentation.includes('\t'))) {
      last = next;
    } else if (!isQuote && !isList && nextHead.includes('|') && !ATX_HEADING.test(nextHead)) {
      last = next;
    } else {
      break;
    }
  }
  return last;
}

/** Builds the paragraph (or outline heading) node for one report line. */
function parseReportLine(
  text: string,
  lines: LineTable,
  line: number,
  contentStart: number,
  end: number,
  literal = false,
  definitions = '',
): { node: RootContent; block: TextBlock; comments: ReportDocument['comments'] } {
  // Trailing spaces are not part of the paragraph content.
  let contentEnd = end;
  while (contentEnd > contentStart && isIndentChar(text.charCodeAt(contentEnd - 1))) contentEnd--;
  const marker = matchOutlineMarker(text, contentStart, contentEnd);
  const lineStart = lines.starts[line]!;
  const content = text.slice(contentStart, contentEnd);
  let phrasing: PhrasingContent[];
  const textRanges: Array<[number, number]> = [];
  const comments: ReportDocument['comments'] = [];
  // Redaction stars (*镇) are literal text: a line whose only Markdown-looking characters are such stars needs no remark.
  const unmasked = content.includes('*') ? maskRedactionStars(content) : content;
  if (literal || !INLINE_SPECIAL.test(unmasked)) {
    phrasing = [textNode(content, contentStart, line, lineStart)];
    textRanges.push([contentStart, contentEnd]);
  } else {
    phrasing = [];
    let parseFrom = contentStart;
    if (marker) {
      phrasing.push(textNode(marker.text, contentStart, line, lineStart));
      textRanges.push([marker.start, marker.end]);
      parseFrom = marker.end;
    }
    const source = parseFrom < contentEnd ? maskRedactionStars(text.slice(parseFrom, contentEnd)) : '';
    if (parseFrom < contentEnd && isLoneStarLine(source)) {
      // What remark returns for it (masked stars restored as in shiftPositions), without remark.
      const value = source.includes(REDACTION_MASK) ? source.split(REDACTION_MASK).join('*') : source;
      phrasing.push(textNode(value, parseFrom, line, lineStart));
      textRanges.push([parseFrom, parseFrom + value.length]);
    } else if (parseFrom < contentEnd) {
      const withDefinitions = definitions && source.includes('[') ? source + definitions : source;
      const parsed = parseMarkdownSlice(withDefinitions, parseFrom, line, parseFrom - lineStart);
      // Appended definitions come back as definition nodes after the paragraph: drop them.
      const nodes = withDefinitions === source ? parsed : parsed.filter((node) => node.type !== 'definition' && node.type !== 'footnoteDefinition');
      const only = nodes.length === 1 ? nodes[0] : undefined;
      if (only && only.type === 'paragraph') {
        for (const child of only.children) phrasing.push(child);
        collectInline(only.children, textRanges, comments);
      } else {
        phrasing.push(textNode(text.slice(parseFrom, contentEnd), parseFrom, line, lineStart));
        textRanges.push([parseFrom, contentEnd]);
      }
    }
  }
  const position = {
    start: { line: line + 1, column: contentStart - lineStart + 1, offset: contentStart },
    end: { line: line + 1, column: contentEnd - lineStart + 1, offset: contentEnd },
  };
  let node: RootContent;
  if (marker) {
    node = buildOutlineHeading(text, marker, phrasing, position, contentEnd, 0);
  } else {
    const paragraph: Paragraph = { type: 'paragraph', children: phrasing, position };
    node = paragraph;
  }
  const block: TextBlock = { node, line, start: contentStart, end: contentEnd, textRanges, topLevel: true };
  if (marker) block.marker = marker;
  return { node, block, comments };
}

/** Replaces `*` used as a redaction mark (`*镇`) so remark does not pair it as emphasis. */
export function maskRedactionStars(source: string): string {
  if (!source.includes('*')) return source;
  let out = '';
  let copied = 0;
  // Single stars left for Markdown so far; an odd count means one may still close as emphasis.
  let unpaired = 0;
  for (let index = source.indexOf('*'); index >= 0; index = source.indexOf('*', index + 1)) {
    if (source[index - 1] === '*' || source[index + 1] === '*') continue;
    const after = source.slice(index + 1, index + 3);
    const beforeIsCjk = source.charCodeAt(index - 1) >= 0x2e80;
    const afterIsClosing = index + 1 >= source.length || /[”’」』）)，。、；：！？]/.test(source[index + 1]!);
    if (REDACTION_FOLLOWERS.test(after) || (beforeIsCjk && afterIsClosing && unpaired % 2 === 0)) {
      out += source.slice(copied, index) + REDACTION_MASK;
      copied = index + 1;
      continue;
    }
    unpaired++;
  }
  return copied === 0 ? source : out + source.slice(copied);
}

/** Inline Markdown characters other than `*` (see INLINE_SPECIAL), and characters remark rewrites or reads as space (NUL, tab). */
const SPECIAL_BUT_STAR = /[_`[<\\~@\u0000\t]|&[#A-Za-z]|https?:|www\./i;

/**
 * True when remark would read `source` (one line, masked) as a paragraph of one text node holding the
 * line as written: it starts with a CJK character or full-width bracket (no block construct, no leading
 * space), ends with no space (trimmed before) and has one `*` and no other inline Markdown: a lone
 * `*` has nothing to pair with. Such lines skip remark (`小*域内` in a long paragraph).
 */
function isLoneStarLine(source: string): boolean {
  if (source.length === 0 || source.charCodeAt(0) < 0x2e80) return false;
  const star = source.indexOf('*');
  return star >= 0 && source.indexOf('*', star + 1) < 0 && !SPECIAL_BUT_STAR.test(source);
}

function textNode(value: string, offset: number, line: number, lineStart: number): Text {
  return {
    type: 'text',
    value,
    position: {
      start: { line: line + 1, column: offset - lineStart + 1, offset },
      end: { line: line + 1, column: offset + value.length - lineStart + 1, offset: offset + value.length },
    },
  };
}

/** Builds an outlineHeading, splitting a run-in heading after its first sentence. */
export function buildOutlineHeading(
  text: string,
  marker: OutlineMarker,
  phrasing: PhrasingContent[],
  position: NonNullable<Paragraph['position']>,
  contentEnd: number,
  depth: number,
): OutlineHeading {
  let sentenceEnd = -1;
  const rest = text.slice(marker.end, contentEnd);
  const match = SENTENCE_END.exec(rest);
  if (match) {
    let end = marker.end + match.index + 1;
    // Keep a closing quote or bracket with the sentence: …”。 or 。”
    while (end < contentEnd && /[”’」』]/.test(text[end]!)) end++;
    // Run-in only when prose follows: a trailing HTML comment (a disable directive) is no body text.
    if (text.slice(end, contentEnd).replace(/<!--[\s\S]*?-->/g, '').trim().length > 0) sentenceEnd = end;
  }
  const headEnd = sentenceEnd >= 0 ? sentenceEnd : contentEnd;
  const title = text
    .slice(marker.end, headEnd)
    .trim()
    .replace(/[。！？!?]$/, '');
  if (sentenceEnd < 0) {
    return { type: 'outlineHeading', marker, runIn: false, title, depth, children: phrasing, position };
  }
  const [head, body] = splitPhrasing(phrasing, sentenceEnd);
  const headStart = head[0]?.position?.start ?? position.start;
  const headLast = head[head.length - 1]?.position?.end ?? position.end;
  const runInHead: RunInHead = {
    type: 'runInHead',
    children: head,
    position: { start: { ...headStart }, end: { ...headLast } },
  };
  return { type: 'outlineHeading', marker, runIn: true, title, depth, children: [runInHead, ...body], position };
}

/** Splits phrasing content at a document offset; a non-text node spanning the offset stays whole on the left. */
function splitPhrasing(phrasing: PhrasingContent[], offset: number): [PhrasingContent[], PhrasingContent[]] {
  const head: PhrasingContent[] = [];
  const body: PhrasingContent[] = [];
  for (const node of phrasing) {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? 0;
    if (end <= offset) head.push(node);
    else if (start >= offset) body.push(node);
    else if (node.type === 'text' && node.position && end - start === node.value.length) {
      const cut = offset - start;
      const { line, column } = node.position.start;
      head.push({
        type: 'text',
        value: node.value.slice(0, cut),
        position: { start: { ...node.position.start }, end: { line, column: column + cut, offset } },
      });
      body.push({
        type: 'text',
        value: node.value.slice(cut),
        position: { start: { line, column: column + cut, offset }, end: { ...node.position.end } },
      });
    } else {
      head.push(node);
    }
  }
  return [head, body];
}

type AnyNode = { type: string; value?: string; url?: string; children?: AnyNode[]; position?: UnistPosition };

/** Collects literal text ranges and HTML comments of phrasing content. */
function collectInline(nodes: readonly AnyNode[], ranges: Array<[number, number]>, comments: ReportDocument['comments']): void {
  const stack: AnyNode[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    const position = node.position;
    if (node.type === 'text' && position) {
      ranges.push([position.start.offset!, position.end.offset!]);
    } else if (node.type === 'html' && position && node.value?.startsWith('<!--')) {
      comments.push({ offset: position.start.offset!, line: position.start.line - 1, value: node.value });
    } else if (node.type === 'link' && node.children) {
      // An autolink's text is its URL: not prose.
      const label = node.children.length === 1 && node.children[0]!.type === 'text' ? node.children[0]!.value : undefined;
      const isAutolink = label !== undefined && node.url !== undefined && (node.url === label || node.url.endsWith(label) || /^(?:https?:|www\.)/i.test(label));
      if (!isAutolink) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
    } else if (node.children) {
      for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
    }
  }
}

/** Registers the text blocks of a Markdown chunk node (headings, paragraphs, table cells …). */
function collectBlocks(node: RootContent, blocks: TextBlock[], comments: ReportDocument['comments'], topLevel: boolean): void {
  const stack: Array<{ node: AnyNode; topLevel: boolean }> = [{ node: node as AnyNode, topLevel }];
  while (stack.length > 0) {
    const { node: current, topLevel: isTop } = stack.pop()!;
    const position = current.position;
    if (current.type === 'html' && position && current.value?.startsWith('<!--')) {
      comments.push({ offset: position.start.offset!, line: position.start.line - 1, value: current.value });
      continue;
    }
    if (current.type === 'paragraph' || current.type === 'heading' || current.type === 'tableCell') {
      if (!position) continue;
      const ranges: Array<[number, number]> = [];
      collectInline(current.children ?? [], ranges, comments);
      blocks.push({
        node: current as RootContent,
        line: position.start.line - 1,
        start: position.start.offset!,
        end: position.end.offset!,
        textRanges: ranges,
        topLevel: isTop,
      });
      continue;
    }
    const children = current.children;
    if (children) for (let index = children.length - 1; index >= 0; index--) stack.push({ node: children[index]!, topLevel: false });
  }
}

/** Plain text of a block's literal ranges. */
function blockText(text: string, block: TextBlock): string {
  let out = '';
  for (const [start, end] of block.textRanges) out += text.slice(start, end);
  return out;
}

export { isTitleLike };

/** Lines between the title and the body that belong to the document head. */
function isHeadLine(content: string): boolean {
  return (
    isTitleLike(content) ||
    isAddresseeLike(content, true) ||
    isResidueLike(content) ||
    isParentheticalLine(content) ||
    isDashSubtitle(content) ||
    mastheadRole(content) !== undefined ||
    isDateLine(content) ||
    isDatedHeadNote(content) ||
    isLawHeadNote(content) ||
    titleBeforeDash(content) !== undefined ||
    isLongTitle(content)
  );
}

/** The 文种 of GB/T 9704 and the 条例: a title ending so is complete. */
const OFFICIAL_KIND = /(?:的|之)?(?:通知|通报|意见|决定|决议|命令|公报|公告|通告|报告|请示|批复|议案|函|纪要|指导意见|实施意见)$/;

/** A letter-spaced line (`几 个 问 题 的 通 知`, as older titles are set) read without its spaces. */
function closeLetterSpacing(content: string): string {
  const trimmed = content.trim();
  return /^[\u4e00-\u9fff](?:[ \u3000\u00a0]+[\u4e00-\u9fff])+$/.test(trimmed) ? trimmed.replace(/[ \u3000\u00a0]+/g, '') : content;
}
/** A chapter title and the first article on one line: the chapter part (its name up to 20 characters), then spaces before 第X条. */
const RUN_TOGETHER_CHAPTER = /^(第[一二三四五六七八九十百]{1,4}章\s*\S.{0,20}?)\s+(?=第[一二三四五六七八九十百零〇]{1,5}条\s)/;

/** The heading of a table of contents. */
const TABLE_OF_CONTENTS = /^目[\s\u3000]*录$/;

/** A number alone on a line (a table cell): 1445, 12.5, -3.2%, ±0.8. */
const BARE_NUMBER = /^[-+±－]?[0-9０-９][0-9０-９.,，．]*\s*[%％‰]?$/;
/** Longest line read as a table cell, and most lines from one cell to the next. */
const TABLE_CELL_LENGTH = 16;
const TABLE_CELL_GAP = 6;

/** Section titles that name themselves as one: 专栏7, 第一部分, 附件. */
const LABELLED_SECTION = /^(?:专栏|第\s*[一二三四五六七八九十百0-9０-９]+\s*(?:部分|篇|编|章|节)|附\s*件|附\s*表)/;

/** Most lines a title is written on. */
const MAX_TITLE_LINES = 3;
/** Longest title, all lines together. */
const MAX_TITLE_LENGTH = 90;

/**
 * Marks the report parts among the top-level paragraphs and headings: residue, 版头 lines,
 * the title (on one to three lines), subtitle lines, 主送, section titles, 附件说明,
 * the closing (署名 and 成文日期, with 附注 and footnotes after it), 版记 lines and 附件 headings.
 */
function classifyReportParts(text: string, root: Root, blocks: TextBlock[]): void {
  const blockByNode = new Map<RootContent, TextBlock>();
  for (const block of blocks) if (block.topLevel) blockByNode.set(block.node, block);
  const children = root.children;
  // A block's text ranges do not change here (only its node does): its content is read once.
  const contents = new Map<TextBlock, string>();
  const contentOf = (node: RootContent): string => {
    const block = blockByNode.get(node);
    if (!block) return '';
    let content = contents.get(block);
    if (content === undefined) {
      content = blockText(text, block).trim();
      contents.set(block, content);
    }
    return content;
  };
  const lineOf = (node: RootContent): number => blockByNode.get(node)?.line ?? (node.position ? node.position.start.line - 1 : -1);

  // Headings written with # become outline headings or section titles.
  const previousByDepth = new Map<number, OutlineMarker>();
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!;
    if (node.type !== 'heading') continue;
    const block = blockByNode.get(node);
    if (!block) continue;
    const firstText = node.children[0];
    const headingStart = firstText?.position?.start.offset ?? block.end;
    let marker = firstText?.type === 'text' ? matchOutlineMarker(text, headingStart, block.end) : undefined;
    // `## 三` after `## 二、…`: a # heading that is a bare numeral, next in its siblings' run, is that heading
    // with its 、 missing (numbering-style reports it and adds the 、).
    if (!marker && firstText?.type === 'text') marker = bareNumeralMarker(headingStart, block.end, previousByDepth.get(node.depth));
    if (marker?.level === 1) previousByDepth.set(node.depth, marker);
    let replacement: RootContent;
    if (marker) {
      replacement = buildOutlineHeading(text, marker, node.children, node.position!, block.end, node.depth);
      block.marker = marker;
    } else {
      replacement = { type: 'sectionTitle', depth: node.depth, children: node.children, position: node.position! };
    }
    replace(index, replacement);
  }

  // A chapter title run together with its first article on one line (第一章　总则　　第一条 为规范…,
  // a lost line break in a pasted 办法): the chapter title is a section title, the article a paragraph.
  const articleBlocks = new Map<TextBlock, TextBlock>();
  const withArticles: RootContent[] = [];
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!;
    withArticles.push(node);
    if (node.type !== 'paragraph' || text.charCodeAt(node.position?.start.offset ?? 0) !== 0x7b2c /* 第 */) continue;
    const block = blockByNode.get(node);
    const first = block?.textRanges[0];
    if (!block || !first || first[0] !== block.start) continue;
    const split = RUN_TOGETHER_CHAPTER.exec(text.slice(block.start, first[1]));
    if (!split) continue;
    const chapterEnd = block.start + split[1]!.length;
    const articleStart = block.start + split[0]!.length;
    const start = node.position!.start;
    const at = (offset: number) => ({ line: start.line, column: start.column + offset - start.offset!, offset });
    const [head, body] = splitPhrasing(node.children, articleStart);
    const chapter: RootContent = { type: 'sectionTitle', depth: 0, runTogether: true, children: splitPhrasing(head, chapterEnd)[0], position: { start: { ...start }, end: at(chapterEnd) } };
    const article: RootContent = { type: 'paragraph', children: body, position: { start: at(articleStart), end: { ...node.position!.end } } };
    const articleRanges = block.textRanges.map(([from, to]): [number, number] => [Math.max(from, articleStart), to]).filter(([from, to]) => to > from);
    const articleBlock: TextBlock = { node: article, line: block.line, start: articleStart, end: block.end, textRanges: articleRanges, topLevel: true };
    block.node = chapter;
    block.end = chapterEnd;
    block.textRanges = [[block.start, chapterEnd]];
    blockByNode.delete(node);
    blockByNode.set(chapter, block);
    blockByNode.set(article, articleBlock);
    articleBlocks.set(block, articleBlock);
    withArticles.splice(withArticles.length - 1, 1, chapter, article);
  }
  if (articleBlocks.size > 0) {
    // Rebuilt in place without spreading (a long document has more blocks than a call takes arguments).
    children.length = 0;
    for (const node of withArticles) children.push(node);
    // Each article's block right after its chapter's (one pass: blocks stay in document order).
    const merged: TextBlock[] = [];
    for (const block of blocks) {
      merged.push(block);
      const articleBlock = articleBlocks.get(block);
      if (articleBlock) merged.push(articleBlock);
    }
    blocks.length = 0;
    for (const block of merged) blocks.push(block);
  }

  // Whole lines of web-page chrome or template-site residue, anywhere; chrome spread over
  // several short lines (a font-size switch one word per line, breadcrumbs with `>` lines).
  const singleLine: Array<{ index: number; line: number; content: string }> = [];
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!;
    const position = node.position;
    if (!position || position.start.line !== position.end.line) continue;
    if (node.type !== 'paragraph' && node.type !== 'blockquote' && node.type !== 'table' && node.type !== 'sectionTitle') continue;
    const raw = text.slice(position.start.offset!, position.end.offset!);
    if (raw.length > 300) continue;
    singleLine.push({ index, line: position.start.line - 1, content: node.type === 'paragraph' ? contentOf(node) || raw.trim() : raw.trim() });
  }
  const chromeFlags = markChromeRuns(singleLine);
  singleLine.forEach((entry, position) => {
    const node = children[entry.index]!;
    const raw = text.slice(node.position!.start.offset!, node.position!.end.offset!);
    const template = node.type === 'paragraph' && ((isResidueLine(entry.content) && !isChromeLine(entry.content)) || (isResidueLine(raw) && !isChromeLine(raw)));
    // A chrome line whose text is partly a link (原文链接：https://…) is chrome by its raw text.
    const chrome = chromeFlags[position] || (node.type === 'paragraph' && raw.trim() !== entry.content && isChromeLine(raw));
    if (template || chrome) replace(entry.index, { type: 'residue', reason: template ? 'template' : 'chrome', children: phrasingOf(node), position: node.position! });
  });

  // The head: everything before the first body paragraph, outline heading or non-paragraph block.
  let preambleEnd = 0;
  while (preambleEnd < children.length) {
    const node = children[preambleEnd]!;
    if (node.type === 'paragraph') {
      // A table of contents (目　　录) belongs to the body, with the first chapter after it.
      if (!isHeadLine(contentOf(node)) || TABLE_OF_CONTENTS.test(contentOf(node))) break;
    } else if (node.type !== 'sectionTitle' && node.type !== 'html' && node.type !== 'residue' && node.type !== 'masthead' && node.type !== 'imprint') {
      break;
    }
    preambleEnd++;
  }

  // The title: the first title-like line of the first group (lines without a blank between them)
  // that holds no template-site residue. Page chrome lines are skipped without spoiling their group.
  let titleIndex = -1;
  {
    let groupHasResidue = false;
    const candidates: number[] = [];
    let previousLine = -2;
    const flush = (): boolean => {
      if (!groupHasResidue && candidates.length > 0) {
        titleIndex = candidates[0]!;
        return true;
      }
      groupHasResidue = false;
      candidates.length = 0;
      return false;
    };
    for (let index = 0; index < preambleEnd; index++) {
      const node = children[index]!;
      const block = blockByNode.get(node);
      // Front matter fields are no title candidates.
      if (!block || node.type === 'masthead' || node.type === 'imprint') continue;
      if (previousLine >= 0 && block.line - previousLine > 1 && flush()) break;
      previousLine = block.line;
      const content = contentOf(node);
      if (node.type === 'residue') {
        if (node.reason !== 'chrome') groupHasResidue = true;
        continue;
      }
      if (isResidueLike(content)) groupHasResidue = true;
      else if (mastheadRole(content) === 'issuer' && nextIsDocNumber(index)) continue;
      else if ((node.type === 'sectionTitle' && node.depth > 0) || (isTitleLike(content) && mastheadRole(content) === undefined) || titleBeforeDash(content) || isLongTitle(content)) candidates.push(index);
    }
    if (titleIndex < 0) flush();
  }

  // A page header names the page above its chrome; the document's own title is the one that
  // carries its ——subtitle, after the chrome (宁夏要闻 … 发表时间 … / 政府工作报告 / ——2026年2月3日在…).
  if (titleIndex >= 0 && !isDashSubtitle(contentOf(children[titleIndex + 1] ?? children[titleIndex]!))) {
    let sawChrome = false;
    for (let index = titleIndex + 1; index + 1 < preambleEnd; index++) {
      const node = children[index]!;
      if (node.type === 'residue') {
        sawChrome = true;
        continue;
      }
      if (node.type !== 'paragraph' && node.type !== 'sectionTitle') break;
      const content = contentOf(node);
      if (!isTitleLike(content) || !sawChrome) break;
      // …or the one that names a kind of document (…统计公报) below a site header that names none (万载县人民政府-统计局).
      const namesKind = endsWithDocumentKind(content) && !endsWithDocumentKind(contentOf(children[titleIndex]!));
      if (isDashSubtitle(contentOf(children[index + 1]!)) || namesKind) {
        const header = children[titleIndex]!;
        replace(titleIndex, { type: 'residue', reason: 'chrome', children: phrasingOf(header), position: header.position! });
        titleIndex = index;
      }
      break;
    }
  }

  // A page header repeats the title above the page chrome: the document's own title is the later copy.
  if (titleIndex >= 0) {
    const titleText = sameTitleKey(contentOf(children[titleIndex]!));
    for (let index = titleIndex + 1; index < preambleEnd; index++) {
      const node = children[index]!;
      if ((node.type !== 'paragraph' && node.type !== 'sectionTitle') || sameTitleKey(contentOf(node)) !== titleText) continue;
      for (let header = titleIndex; header < index; header++) {
        const headerNode = children[header]!;
        if (headerNode.type === 'residue') break;
        if (headerNode.type === 'paragraph' || headerNode.type === 'sectionTitle') replace(header, { type: 'residue', reason: 'chrome', children: phrasingOf(headerNode), position: headerNode.position! });
      }
      titleIndex = index;
      break;
    }
  }

  // Lines before the title that belong to a group with residue are residue too (e.g. a site's name among its ads).
  if (titleIndex > 0) {
    let group: number[] = [];
    const flushResidueGroup = (): void => {
      if (group.some((index) => { const node = children[index]!; return node.type === 'residue' && node.reason === 'template'; })) {
        for (const index of group) {
          const node = children[index]!;
          if (node.type === 'paragraph' || node.type === 'sectionTitle') replace(index, { type: 'residue', reason: 'group', children: phrasingOf(node), position: node.position! });
        }
      }
      group = [];
    };
    let previousLine = -2;
    for (let index = 0; index < titleIndex; index++) {
      const line = lineOf(children[index]!);
      if (previousLine >= 0 && line - previousLine > 1) flushResidueGroup();
      previousLine = line;
      group.push(index);
    }
    flushResidueGroup();
  }

  // A title written on two or three lines: 国务院办公厅关于开展 / 城镇小区配套幼儿园治理工作的通知.
  let titleEnd = titleIndex;
  if (titleIndex >= 0) titleEnd = titleExtent(titleIndex);
  if (titleIndex >= 0) {
    const parts = children.slice(titleIndex, titleEnd + 1);
    const phrasing: PhrasingContent[] = [];
    parts.forEach((part, partIndex) => {
      if (partIndex > 0) {
        const previousEnd = parts[partIndex - 1]!.position!.end;
        phrasing.push({ type: 'break', position: { start: { ...previousEnd }, end: { ...previousEnd } } });
      }
      phrasing.push(...phrasingOf(part));
    });
    const title: RootContent = {
      type: 'reportTitle',
      children: phrasing,
      position: { start: { ...parts[0]!.position!.start }, end: { ...parts[parts.length - 1]!.position!.end } },
    };
    const firstBlock = blockByNode.get(parts[0]!);
    for (const part of parts) {
      const block = blockByNode.get(part);
      if (block) {
        block.node = title;
        blockByNode.delete(part);
      }
    }
    if (firstBlock) blockByNode.set(title, firstBlock);
    children.splice(titleIndex, parts.length, title);
    preambleEnd -= parts.length - 1;
    titleEnd = titleIndex;
  }

  // The rest of the head: 版头 lines, subtitle and author lines, 主送.
  let previousWasSubtitle = false;
  for (let index = 0; index < preambleEnd; index++) {
    const node = children[index]!;
    if (index === titleIndex || node.type === 'residue' || node.type === 'html') continue;
    if (node.type !== 'paragraph' && node.type !== 'sectionTitle') continue;
    const content = contentOf(node);
    const role = mastheadRole(content) ?? orderNumberRole(index, content);
    const afterTitle = titleIndex >= 0 && index > titleIndex;
    if (role && (role !== 'issuer' || !afterTitle)) {
      replace(index, { type: 'masthead', role, children: phrasingOf(node), position: node.position! });
      previousWasSubtitle = false;
    } else if (afterTitle && (isParentheticalLine(content) || isDashSubtitle(content) || isDatedHeadNote(content) || isLawHeadNote(content))) {
      replace(index, { type: 'reportSubtitle', children: phrasingOf(node), position: node.position! });
      previousWasSubtitle = true;
    } else if (afterTitle && previousWasSubtitle && isAuthorLine(content)) {
      // One speaker line under the subtitle: 省长　许勤; or the rest of a ——subtitle broken over two lines
      // (——2026年1月26日在广东省第十四届 / 人民代表大会第五次会议上), after which the speaker line may still come.
      const previous = contentOf(children[index - 1]!);
      const continuesDash = isDashSubtitle(previous) && !/[上）)]$|(?:讲话|报告|发言)$/.test(previous) && /上$|上的(?:讲话|报告|发言)$/.test(content);
      replace(index, { type: 'reportSubtitle', children: phrasingOf(node), position: node.position! });
      previousWasSubtitle = continuesDash;
    } else if (afterTitle && isAuthorLine(content) && nextIsDatedNote(index)) {
      // The issuing bodies above the date line of a 公报: 万载县统计局　国家统计局万载调查队 / （2023年5月）.
      replace(index, { type: 'reportSubtitle', children: phrasingOf(node), position: node.position! });
      previousWasSubtitle = false;
    } else if (afterTitle && isAddresseeLike(content, true)) {
      replace(index, { type: 'addressee', children: phrasingOf(node), position: node.position! });
      previousWasSubtitle = false;
    } else if (afterTitle && isCaptionAfterChrome(index, content)) {
      // A photo caption left between the page chrome and the text (分享: / 省长赵刚作政府工作报告 / 各位代表：).
      replace(index, { type: 'residue', reason: 'chrome', children: phrasingOf(node), position: node.position! });
      previousWasSubtitle = false;
    } else {
      previousWasSubtitle = false;
    }
  }

  // The closing: the last date line before the 附件 pages (or the end) followed only by 附注, 版记,
  // footnotes, residue or a 附件说明 written after the date.
  let firstAttachment = -1;
  for (let index = preambleEnd; index < children.length; index++) {
    const node = children[index]!;
    if ((node.type === 'paragraph' || node.type === 'sectionTitle') && isAttachmentHeading(contentOf(node))) {
      firstAttachment = index;
      break;
    }
  }
  let closingDate = -1;
  for (let index = (firstAttachment >= 0 ? firstAttachment : children.length) - 1; index >= preambleEnd; index--) {
    const node = children[index]!;
    if ((node.type === 'paragraph' || node.type === 'sectionTitle') && isDateLine(contentOf(node))) {
      closingDate = index;
      break;
    }
    if (!isAfterMatter(node)) break;
  }
  // A notice that issues a text (将《…考评办法》印发给你们) closes with its own 署名 and date, before that text.
  const issued = dateBeforeIssuedText();
  if (issued && (closingDate < 0 || issued.date < closingDate)) {
    closingDate = issued.date;
    // The issued text's title is a section title, however long (…扎实推进高水平开放实施意见).
    const titleNode = children[issued.title]!;
    if (titleNode.type === 'paragraph') replace(issued.title, { type: 'sectionTitle', depth: 0, children: titleNode.children, position: titleNode.position! });
  }
  // A date followed by its 附注 (（此件公开发布）) closes the document even when an attached text follows without a 附件 heading.
  if (closingDate < 0) {
    for (let index = preambleEnd + 1; index + 1 < children.length; index++) {
      const node = children[index]!;
      if ((node.type !== 'paragraph' && node.type !== 'sectionTitle') || !isDateLine(contentOf(node))) continue;
      const next = children[index + 1]!;
      if ((next.type === 'paragraph' || next.type === 'sectionTitle') && /^[（(](?:此件|本文|此文|联系人)/.test(contentOf(next)) && isNoteLine(contentOf(next))) {
        closingDate = index;
        break;
      }
    }
  }
  // A notice that forwards or issues a text (转发…请示的通知, 印发…规则的通知, a 令 and its 条例) closes before
  // that text: the earliest date line followed (附注 aside) by the forwarded text's title is the closing,
  // not the date that closes the forwarded text itself.
  const forwardedDate = dateBeforeForwardedTitle(closingDate < 0 ? children.length : closingDate);
  if (forwardedDate >= 0) closingDate = forwardedDate;
  let closingStart = closingDate;
  if (closingDate >= 0) {
    replace(closingDate, { type: 'dateLine', children: phrasingOf(children[closingDate]!), position: children[closingDate]!.position! });
    for (let index = closingDate - 1; index >= Math.max(preambleEnd, closingDate - 2); index--) {
      const node = children[index]!;
      if (node.type !== 'sectionTitle' && node.type !== 'paragraph') break;
      const signature = contentOf(node);
      if (!isTitleLike(signature) || signature.length > 40 || isAttachmentNoteStart(signature) || matchOutlineMarker(signature, 0, signature.length)) break;
      replace(index, { type: 'signature', children: phrasingOf(node), position: node.position! });
      closingStart = index;
    }
  }

  // Short lines set out as a list (member lists, a table of contents): three or more list rows
  // in a row, a blank line apart at most, are no section titles. A row repeating an earlier one
  // ends the list (the table of contents' 第一章 … and the chapter itself).
  const listRows = new Set<number>();
  for (let index = preambleEnd; index < children.length; ) {
    const run: number[] = [];
    const seen = new Set<string>();
    let next = index;
    while (next < children.length) {
      const node = children[next]!;
      if (node.type !== 'paragraph' || !isListRowLike(contentOf(node))) break;
      if (run.length > 0 && lineOf(node) - lineOf(children[next - 1]!) > 2) break;
      const key = contentOf(node).replace(/[\s\u3000]/g, '');
      if (seen.has(key)) break;
      seen.add(key);
      run.push(next);
      next++;
    }
    if (run.length >= 3) for (const row of run) listRows.add(row);
    index = Math.max(next, index + 1);
  }

  // A table pasted from a web page comes one cell per line, blank or TAB-only lines between: a run of
  // short lines among bare numbers (省（市） / 1995年招生人数 / … / 北京 / 1445 / 300) is table cells, no
  // section titles. A number alone on a line is never prose, so two of them mark the run.
  const tableCells = new Set<number>();
  for (let index = preambleEnd; index < children.length; ) {
    const run: number[] = [];
    let numbers = 0;
    let next = index;
    while (next < children.length) {
      const node = children[next]!;
      if (node.type !== 'paragraph' && node.type !== 'sectionTitle') break;
      const content = contentOf(node).trim();
      const isNumber = BARE_NUMBER.test(content);
      if (!isNumber && (content.length > TABLE_CELL_LENGTH || !isTitleLike(content))) break;
      if (run.length > 0 && lineOf(node) - lineOf(children[next - 1]!) > TABLE_CELL_GAP) break;
      if (isNumber) numbers++;
      run.push(next);
      next++;
    }
    if (numbers >= 2 && run.length - numbers >= 2) for (const cell of run) tableCells.add(cell);
    index = Math.max(next, index + 1);
  }

  // Body lines: 附件说明, 附注 and 版记 after the closing, 附件 headings, section titles.
  let inAttachmentNote = -1;
  let afterClosing = false;
  // 附注 follow the closing directly: once the text goes on (an attached text's title), a bracketed line is no 附注.
  let notesOpen = false;
  let bareAttachmentLabel = false;
  for (let index = preambleEnd; index < children.length; index++) {
    const node = children[index]!;
    if (index === closingDate) afterClosing = notesOpen = true;
    if (node.type !== 'paragraph' && node.type !== 'sectionTitle' && !(node.type === 'outlineHeading' && inAttachmentNote >= 0)) {
      if (node.type !== 'html') inAttachmentNote = -1;
      if (index > closingDate && !AFTER_CLOSING_TYPES.has(node.type)) notesOpen = false;
      continue;
    }
    const block = blockByNode.get(node);
    if (!block) continue;
    const content = node.type === 'outlineHeading' ? text.slice(block.start, block.end).trim() : contentOf(node);
    const previous = children[index - 1];
    // Name lines of a 附件说明 may stand a blank line apart.
    const adjacent = previous !== undefined && block.line - lineOf(previous) <= 2;
    if (isAttachmentNoteStart(content)) {
      inAttachmentNote = markAttachmentNote(index, content, undefined);
      bareAttachmentLabel = /^附\s*件\s*[:：]$/.test(content);
      continue;
    }
    // `附件：` alone with the one attachment's name on the next line.
    if (bareAttachmentLabel && inAttachmentNote === 0 && block.line - lineOf(previous!) === 1 && node.type === 'paragraph' && isTitleLike(content) && !isAttachmentHeading(content) && !isDateLine(content)) {
      markAttachmentNote(index, content, 0);
      bareAttachmentLabel = false;
      inAttachmentNote = -1;
      continue;
    }
    bareAttachmentLabel = false;
    if (inAttachmentNote >= 0 && adjacent) {
      const number = attachmentNumber(content);
      const expected = inAttachmentNote + 1;
      if (number && number.index === 0 && (number.ordinal === expected || number.ordinal === expected + 1 || number.ordinal === inAttachmentNote)) {
        inAttachmentNote = markAttachmentNote(index, content, expected);
        continue;
      }
    }
    inAttachmentNote = -1;
    if (node.type === 'outlineHeading') continue;
    if (afterClosing && notesOpen && isNoteLine(content) && index > closingDate && (firstAttachment < 0 || index < firstAttachment)) {
      replace(index, { type: 'note', children: phrasingOf(node), position: node.position! });
      continue;
    }
    if (index > closingDate) notesOpen = false;
    if (isImprintLine(content)) {
      replace(index, { type: 'imprint', role: imprintRole(content)!, children: phrasingOf(node), position: node.position! });
    } else if (isAttachmentHeading(content)) {
      replace(index, { type: 'sectionTitle', depth: node.type === 'sectionTitle' ? node.depth : 0, role: 'attachment', children: phrasingOf(node), position: node.position! });
    } else if (
      node.type === 'paragraph' &&
      index >= preambleEnd &&
      (closingStart < 0 || index < closingStart || index > closingDate) &&
      ((isSectionTitleLike(content) && !listRows.has(index) && !tableCells.has(index) && !isBrokenOff(index) && !signsDate(index)) || isNotesLabel(content)) &&
      !isResidueLike(content)
    ) {
      replace(index, { type: 'sectionTitle', depth: 0, children: node.children, position: node.position! });
    }
  }

  // A short unnumbered line directly under a numbered heading, where the next heading goes on with the
  // numbering open above it (一、实践主题 / 小我融入大我 青春献给祖国 / 二、…; 4、… / a line broken off
  // mid-sentence / 5、…), is that heading's text: the numbering says the run goes on, so it opens no section.
  {
    const open: OutlineMarker[] = [];
    let previous: RootContent | undefined;
    for (let index = preambleEnd; index < children.length; index++) {
      const node = children[index]!;
      if (node.type === 'outlineHeading') {
        while (open.length > 0 && open[open.length - 1]!.level >= node.marker.level) open.pop();
        open.push(node.marker);
      } else if (node.type === 'sectionTitle' && node.depth === 0 && node.role === undefined && previous?.type === 'outlineHeading' && !previous.runIn && !LABELLED_SECTION.test(contentOf(node))) {
        // The next node that is no body text (scanned in place: this runs on every parse).
        let ahead = index + 1;
        while (ahead < children.length && (children[ahead]!.type === 'paragraph' || children[ahead]!.type === 'html')) ahead++;
        const next = children[ahead];
        const continues = next?.type === 'outlineHeading' && open.some((marker) => marker.level === next.marker.level && styleKey(marker) === styleKey(next.marker) && marker.ordinal + 1 === next.marker.ordinal);
        if (continues) replace(index, { type: 'paragraph', children: node.children, position: node.position! });
        else open.length = 0;
      } else if (node.type === 'sectionTitle' || node.type === 'reportTitle') {
        open.length = 0;
      }
      if (node.type !== 'html') previous = children[index];
    }
  }

  function replace(index: number, replacement: RootContent): void {
    const block = blockByNode.get(children[index]!);
    children[index] = replacement;
    if (block) {
      block.node = replacement;
      blockByNode.set(replacement, block);
    }
  }

  /**
   * The first date line of the body whose next line is the title of a text the document cites in
   * 《》 before it (the notice issues it: 现将《…实施意见》印发给你们); returns the date's and the title's index.
   */
  function dateBeforeIssuedText(): { date: number; title: number } | undefined {
    if (!text.includes('《')) return undefined;
    // Each cited title once, with where it is first cited (one pass over the text).
    const cited = new Map<string, number>();
    for (const match of text.matchAll(/《([^《》\n]{2,120})》/g)) {
      const key = citationKey(match[1]!);
      if (!cited.has(key)) cited.set(key, match.index);
    }
    for (let index = preambleEnd; index + 1 < children.length; index++) {
      const node = children[index]!;
      if ((node.type !== 'paragraph' && node.type !== 'sectionTitle') || !isDateLine(contentOf(node))) continue;
      let next = index + 1;
      while (next < children.length && (children[next]!.type === 'html' || children[next]!.type === 'residue')) next++;
      const candidate = children[next];
      if (!candidate || (candidate.type !== 'paragraph' && candidate.type !== 'sectionTitle')) continue;
      const title = contentOf(candidate);
      if (title.length < 4 || title.length > 100 || /[。；！？]/.test(title) || TRAILING_STOP.test(title)) continue;
      const citedAt = cited.get(citationKey(title));
      if (citedAt !== undefined && citedAt < (blockByNode.get(node)?.start ?? 0)) return { date: index, title: next };
    }
    return undefined;
  }

  /** A marker for a heading that is a bare Chinese numeral (`## 三`) following `## 二、` at its depth. */
  function bareNumeralMarker(start: number, end: number, previous: OutlineMarker | undefined): OutlineMarker | undefined {
    const numeral = text.slice(start, end).trim();
    if (!previous || !/^[一二三四五六七八九十百]{1,4}$/.test(numeral)) return undefined;
    const ordinal = parseHanNumeral(numeral);
    if (ordinal !== previous.ordinal + 1) return undefined;
    const offset = text.indexOf(numeral, start);
    return { level: 1, ordinal, text: numeral, style: { numeral: 'han', open: '', close: '' }, start: offset, end: offset + numeral.length, numeralStart: offset, numeralEnd: offset + numeral.length };
  }

  /** A short line the text was broken into: the line above it stops mid-sentence (…，PM / 2.5, …发展的 / 主要目标). */
  function isBrokenOff(index: number): boolean {
    const previous = children[index - 1];
    if (!previous || previous.type !== 'paragraph' || lineOf(children[index]!) - lineOf(previous) !== 1) return false;
    const above = contentOf(previous);
    if (/[的和与及或并]$/.test(above)) return true;
    return above.length > 40 && !/[。！？；：:!?;…”’」』）)】》>]$/.test(above);
  }

  /** A short line over a date line (one more short line between at most): the 署名 of an attached text, no section title. */
  function signsDate(index: number): boolean {
    for (let next = index + 1; next <= index + 2 && next < children.length; next++) {
      const node = children[next]!;
      if (node.type !== 'paragraph' && node.type !== 'sectionTitle') return false;
      if (lineOf(node) - lineOf(children[next - 1]!) > 2) return false;
      const content = contentOf(node);
      if (isDateLine(content)) return true;
      if (!isTitleLike(content) || content.length > 30) return false;
    }
    return false;
  }

  /** The next block is a bracketed date line close below: （2023年5月）. */
  function nextIsDatedNote(index: number): boolean {
    const next = children[index + 1];
    if (!next || index + 1 >= preambleEnd || (next.type !== 'paragraph' && next.type !== 'reportSubtitle') || lineOf(next) - lineOf(children[index]!) > 2) return false;
    const content = contentOf(next);
    return isParentheticalLine(content) && isDateLine(content.slice(1, -1));
  }

  /** A short line of the head directly under a page-chrome line (no blank between), before the text starts. */
  function isCaptionAfterChrome(index: number, content: string): boolean {
    const previous = children[index - 1];
    if (!previous || previous.type !== 'residue' || previous.reason !== 'chrome' || lineOf(children[index]!) - lineOf(previous) !== 1) return false;
    return isTitleLike(content) && content.length <= 30 && mastheadRole(content) === undefined;
  }

  function nextIsDocNumber(index: number): boolean {
    for (let next = index + 1; next < Math.min(children.length, index + 3); next++) {
      const content = contentOf(children[next]!);
      if (content === '') continue;
      return isDocNumber(content);
    }
    return false;
  }

  /** The number of an order or announcement standing alone under its title (中华人民共和国国务院令 / 第706号, …公告 / 2018年第1号). */
  function orderNumberRole(index: number, content: string): 'docNumber' | undefined {
    if (titleIndex < 0 || index !== titleIndex + 1 || !/(?:令|公告)$/.test(contentOf(children[titleIndex]!))) return undefined;
    return /^(?:[0-9０-９]{4}\s*年\s*)?第\s*[0-9０-９]{1,4}\s*号$/.test(content.trim()) ? 'docNumber' : undefined;
  }

  /** The first date line before `limit` whose next text (附注 and blank Markdown aside) is a title that names a kind of document; -1 if none. */
  function dateBeforeForwardedTitle(limit: number): number {
    for (let index = preambleEnd; index < limit; index++) {
      const node = children[index]!;
      if ((node.type !== 'paragraph' && node.type !== 'sectionTitle') || !isDateLine(contentOf(node))) continue;
      let next = index + 1;
      while (next < children.length && (children[next]!.type === 'html' || children[next]!.type === 'residue' || ((children[next]!.type === 'paragraph' || children[next]!.type === 'sectionTitle') && isNoteLine(contentOf(children[next]!))))) next++;
      let title = '';
      for (let line = next; line < Math.min(children.length, next + MAX_TITLE_LINES); line++) {
        const candidate = children[line]!;
        if (candidate.type !== 'paragraph' && candidate.type !== 'sectionTitle') break;
        const content = contentOf(candidate);
        if (!isTitleLike(content) || isDateLine(content) || mastheadRole(content)) break;
        title += closeLetterSpacing(content);
        if (endsWithDocumentKind(title)) return index;
      }
    }
    return -1;
  }

  /** The last index of a title that starts at `first` (the author's line breaks inside a title). */
  function titleExtent(first: number): number {
    let text = contentOf(children[first]!);
    if (endsWithDocumentKind(text) && !nextContinuesTitle(first, text)) return first;
    let last = first;
    let kindEnd = endsWithDocumentKind(text) ? first : -1;
    for (let next = first + 1; next < Math.min(preambleEnd, first + MAX_TITLE_LINES); next++) {
      const node = children[next]!;
      if (node.type !== 'paragraph' && node.type !== 'sectionTitle') break;
      if (lineOf(node) - lineOf(children[next - 1]!) > 2) break;
      const content = contentOf(node);
      if (!isTitleLike(content) || mastheadRole(content) || isDashSubtitle(content) || isAddresseeLike(content)) break;
      text += closeLetterSpacing(content);
      if (text.length > MAX_TITLE_LENGTH) break;
      // …的通知 / …的意见 ends a title for certain; …制度 may go on (…制度 / 重大执法决定法制审核制度的指导意见).
      if (endsWithDocumentKind(text)) {
        kindEnd = next;
        if (OFFICIAL_KIND.test(text) || !nextContinuesTitle(next, text)) return next;
      }
      last = next;
    }
    if (kindEnd >= 0) return kindEnd;
    // A slogan title on two lines directly above its ——subtitle: 凝心聚力谋发展 / 实干担当开新局.
    if (last === first + 1 || last === first) {
      const second = children[first + 1];
      const after = children[first + 2];
      if (
        second &&
        after &&
        first + 2 < preambleEnd + 1 &&
        (second.type === 'paragraph' || second.type === 'sectionTitle') &&
        lineOf(second) - lineOf(children[first]!) <= 4 &&
        isTitleLike(contentOf(second)) &&
        !mastheadRole(contentOf(second)) &&
        isDashSubtitle(contentOf(after))
      ) {
        return first + 1;
      }
    }
    return first;
  }

  /** True when the line after `index` carries on the title and ends it with a 文种 (…的指导意见). */
  function nextContinuesTitle(index: number, text: string): boolean {
    const node = children[index + 1];
    if (!node || index + 1 >= preambleEnd || (node.type !== 'paragraph' && node.type !== 'sectionTitle')) return false;
    if (lineOf(node) - lineOf(children[index]!) > 2) return false;
    const content = contentOf(node);
    if (!isTitleLike(content) || mastheadRole(content) || isDashSubtitle(content) || isAddresseeLike(content)) return false;
    return (text + content).length <= MAX_TITLE_LENGTH && OFFICIAL_KIND.test(closeLetterSpacing(content));
  }

  /** Nodes that may follow the 成文日期: 附注, 版记, footnotes, comments, residue, blank Markdown. */
  function isAfterMatter(node: RootContent): boolean {
    if (node.type === 'html' || node.type === 'residue' || node.type === 'footnoteDefinition' || node.type === 'definition') return true;
    if (node.type === 'thematicBreak') return true;
    if (node.type !== 'paragraph' && node.type !== 'sectionTitle') return false;
    const content = contentOf(node);
    if (isNoteLine(content) || isImprintLine(content) || isAttachmentNoteStart(content)) return true;
    // A 附件说明 name line written after the date: 2.名称 (no sentence in it).
    return attachmentNumber(content) !== undefined && !/[。；]/.test(content) && content.length <= 80;
  }

  /** Marks one 附件说明 line; returns the attachment number it ends at (0 when unnumbered). */
  function markAttachmentNote(index: number, content: string, expected: number | undefined): number {
    const node = children[index]!;
    const block = blockByNode.get(node)!;
    const replacement: RootContent = { type: 'attachmentNote', children: phrasingOf(node), position: node.position! };
    let number = attachmentNumber(content);
    if (!number && expected === undefined) {
      // 附件：1.名称 — the number follows the label.
      const afterLabel = /^附\s*件\s*[:：]\s*/.exec(content);
      if (afterLabel) {
        const rest = attachmentNumber(content.slice(afterLabel[0].length));
        if (rest) number = { ...rest, index: afterLabel[0].length };
      }
    }
    if (number) {
      const contentStart = text.indexOf(content, block.start);
      const numeralStart = (contentStart >= 0 ? contentStart : block.start) + number.index;
      replacement.number = {
        ordinal: number.ordinal,
        numeralStart,
        numeralEnd: numeralStart + number.numeral.length,
        numeral: /[０-９]/.test(number.numeral) ? 'fullwidth' : 'ascii',
      };
    }
    // The name lines are no outline headings.
    delete block.marker;
    replace(index, replacement);
    return number ? number.ordinal : 0;
  }
}

/** Nodes that may stand between the closing and its 附注. */
const AFTER_CLOSING_TYPES = new Set(['html', 'residue', 'footnoteDefinition', 'definition', 'thematicBreak', 'signature', 'dateLine', 'note', 'imprint', 'attachmentNote']);

/** Punctuation that ends a sentence or clause: no title ends so. */
const TRAILING_STOP = /[，、：:；;,.!?]$/;

/** A cited title compared with the title line itself: without spaces, 《》〈〉 and quotes, brackets and dashes alike. */
function citationKey(title: string): string {
  return sameTitleKey(title).replace(/[《》〈〉“”"‘’']/g, '');
}

/** A title compared across copies: half- and full-width brackets, dashes and spaces alike. */
function sameTitleKey(title: string): string {
  return title.replace(/[\s\u3000]/g, '').replace(/[(（]/g, '(').replace(/[)）]/g, ')').replace(/[—–－-]+/g, '-');
}

function phrasingOf(node: RootContent): PhrasingContent[] {
  if (node.type === 'outlineHeading') {
    const out: PhrasingContent[] = [];
    for (const child of node.children) {
      if (child.type === 'runInHead') out.push(...child.children);
      else out.push(child);
    }
    return out;
  }
  return 'children' in node ? (node.children as PhrasingContent[]) : [];
}

/** Lines of template-site advertising (会员群、订阅、仅供学习 …); shared with the template-residue rule. */
export { isResidueLike };

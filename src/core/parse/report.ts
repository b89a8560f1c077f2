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
import { matchOutlineMarker } from './outline-markers.js';
import { isResidueLike } from './residue.js';

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
/** Characters after which a line reads as a finished sentence or clause, not a title. */
const TRAILING_PUNCTUATION = /[。！？；，、：:;,.!?…—]$/;
const DATE_LINE =
  /^(?:[0-9０-９]{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日)?$/;
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
  classifyReportParts(text, lines, root, blocks);
  return { text, lines, root, blocks, comments };
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
    if (parseFrom < contentEnd) {
      const source = maskRedactionStars(text.slice(parseFrom, contentEnd));
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
function maskRedactionStars(source: string): string {
  if (!source.includes('*')) return source;
  let out = '';
  // Single stars left for Markdown so far; an odd count means one may still close as emphasis.
  let unpaired = 0;
  for (let index = 0; index < source.length; index++) {
    const char = source[index]!;
    if (char === '*' && source[index - 1] !== '*' && source[index + 1] !== '*') {
      const after = source.slice(index + 1, index + 3);
      const beforeIsCjk = source.charCodeAt(index - 1) >= 0x2e80;
      const afterIsClosing = index + 1 >= source.length || /[”’」』）)，。、；：！？]/.test(source[index + 1]!);
      if (REDACTION_FOLLOWERS.test(after) || (beforeIsCjk && afterIsClosing && unpaired % 2 === 0)) {
        out += REDACTION_MASK;
        continue;
      }
      unpaired++;
    }
    out += char;
  }
  return out;
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

/** True for a short line without sentence-final punctuation: a title or section title. */
export function isTitleLike(content: string): boolean {
  const trimmed = content.trim();
  if (trimmed.length === 0 || trimmed.length > 40) return false;
  if (TRAILING_PUNCTUATION.test(trimmed) || trimmed.includes('。')) return false;
  if (DATE_LINE.test(trimmed)) return false;
  // A parenthetical note (（责任人：x）) or a closing formula (特此报告) is not a title.
  if (/^[（(【〔]/.test(trimmed) && /[）)】〕]$/.test(trimmed)) return false;
  if (/^(?:特此|专此|以上|此致)/.test(trimmed)) return false;
  return true;
}

/** Marks titles, section titles, 主送, 落款 and dates among the top-level paragraphs and headings. */
function classifyReportParts(text: string, lines: LineTable, root: Root, blocks: TextBlock[]): void {
  const blockByNode = new Map<RootContent, TextBlock>();
  for (const block of blocks) if (block.topLevel) blockByNode.set(block.node, block);
  const children = root.children;

  // Headings written with # become outline headings or section titles.
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!;
    if (node.type !== 'heading') continue;
    const block = blockByNode.get(node);
    if (!block) continue;
    const firstText = node.children[0];
    const headingStart = firstText?.position?.start.offset ?? block.end;
    const marker = firstText?.type === 'text' ? matchOutlineMarker(text, headingStart, block.end) : undefined;
    let replacement: RootContent;
    if (marker) {
      replacement = buildOutlineHeading(text, marker, node.children, node.position!, block.end, node.depth);
      block.marker = marker;
    } else {
      replacement = { type: 'sectionTitle', depth: node.depth, children: node.children, position: node.position! };
    }
    children[index] = replacement;
    block.node = replacement;
    blockByNode.delete(node);
    blockByNode.set(replacement, block);
  }

  // Preamble: everything before the first body paragraph, outline heading or non-paragraph block.
  let preambleEnd = 0;
  while (preambleEnd < children.length) {
    const node = children[preambleEnd]!;
    if (node.type === 'paragraph') {
      const content = blockText(text, blockByNode.get(node)!);
      if (!isTitleLike(content) && !isAddresseeLike(content) && !isResidueLike(content) && !isParentheticalLine(content) && !/^\s*[—－-]{2}/.test(content)) break;
    } else if (node.type !== 'sectionTitle' && node.type !== 'html') {
      break;
    }
    preambleEnd++;
  }

  // Group preamble lines by blank-line runs; skip groups that read like template-site residue.
  let titleIndex = -1;
  let groupHasResidue = false;
  let groupStartIndex = 0;
  const groupCandidates: number[] = [];
  const flushGroup = (): boolean => {
    if (!groupHasResidue && groupCandidates.length > 0) {
      titleIndex = groupCandidates[0]!;
      return true;
    }
    return false;
  };
  for (let index = 0; index < preambleEnd; index++) {
    const node = children[index]!;
    const block = blockByNode.get(node);
    if (index > groupStartIndex && block) {
      const previous = blockByNode.get(children[index - 1]!);
      if (previous && block.line - previous.line > 1) {
        if (flushGroup()) break;
        groupHasResidue = false;
        groupCandidates.length = 0;
        groupStartIndex = index;
      }
    }
    if (!block) continue;
    const content = blockText(text, block);
    if (isResidueLike(content)) groupHasResidue = true;
    else if (node.type === 'sectionTitle' || isTitleLike(content)) groupCandidates.push(index);
  }
  if (titleIndex < 0) flushGroup();

  for (let index = 0; index < children.length; index++) {
    const node = children[index]!;
    const block = blockByNode.get(node);
    if (!block) continue;
    if (index === titleIndex) {
      replace(index, { type: 'reportTitle', children: phrasingOf(node), position: node.position! });
      continue;
    }
    if (node.type !== 'paragraph') continue;
    const content = blockText(text, block);
    if (index < preambleEnd && index > titleIndex && titleIndex >= 0 && (isParentheticalLine(content) || /^\s*[—－-]{2}/.test(content))) {
      replace(index, { type: 'reportSubtitle', children: node.children, position: node.position! });
    } else if (index < preambleEnd && index > titleIndex && titleIndex >= 0 && isAddresseeLike(content)) {
      replace(index, { type: 'addressee', children: node.children, position: node.position! });
    } else if (index >= preambleEnd && isTitleLike(content) && !isResidueLike(content)) {
      replace(index, { type: 'sectionTitle', depth: 0, children: node.children, position: node.position! });
    }
  }

  // Closing: a date line at the end, preceded by up to two short issuing-body lines.
  let last = children.length - 1;
  while (last >= 0 && children[last]!.type === 'html') last--;
  const lastNode = children[last];
  const lastBlock = lastNode ? blockByNode.get(lastNode) : undefined;
  if (lastNode && lastBlock && (lastNode.type === 'paragraph' || lastNode.type === 'sectionTitle')) {
    const content = blockText(text, lastBlock).trim();
    if (DATE_LINE.test(content)) {
      replace(last, { type: 'dateLine', children: phrasingOf(lastNode), position: lastNode.position! });
      for (let index = last - 1; index >= Math.max(0, last - 2); index--) {
        const node = children[index]!;
        const block = blockByNode.get(node);
        if (!block || (node.type !== 'sectionTitle' && node.type !== 'paragraph')) break;
        const signature = blockText(text, block).trim();
        if (!isTitleLike(signature) || signature.length > 30) break;
        replace(index, { type: 'signature', children: phrasingOf(node), position: node.position! });
      }
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
  void lines;
}

function phrasingOf(node: RootContent): PhrasingContent[] {
  return 'children' in node ? (node.children as PhrasingContent[]) : [];
}

/** A short line wholly in brackets: the date line under a speech title, （征求意见稿）… */
function isParentheticalLine(content: string): boolean {
  const trimmed = content.trim();
  return trimmed.length <= 40 && /^[（(〔][^（(]*[）)〕]$/.test(trimmed);
}

/** 主送 line: short and ending with a colon. */
function isAddresseeLike(content: string): boolean {
  const trimmed = content.trim();
  return trimmed.length > 1 && trimmed.length <= 40 && /[：:]$/.test(trimmed) && !trimmed.includes('。');
}

/** Lines of template-site advertising (会员群、订阅、仅供学习 …); shared with the template-residue rule. */
export { isResidueLike };

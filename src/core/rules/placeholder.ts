/** placeholder: template placeholders left in the text (XX镇, x月x日, 20XX年, ××, ○○, *镇 …). */
import type { Rule, RuleContext } from '../lint/rule.js';
import type { TextBlock } from '../parse/report.js';
import { isSafePattern } from '../lint/safe-pattern.js';
import { isCjk } from './cjk.js';

/** Established terms that start with X and are not placeholders. */
export const DEFAULT_ALLOW = ['X光', 'X射线', 'X线', 'X轴', 'X染色体', 'X型', 'X形', 'X因素'];

const X_RUN = /[XxＸｘ]+(?:[-－~～—][XxＸｘ]+)*/g;
/** Runs of blank symbols; a single one only between date units (××××年×月×日), where no sign or zero stands. */
const SYMBOL_RUN = /×{2,}|○{2,}|□{2,}|＊+|(?<=[年月])[×○□](?=[月日号])/g;
/** A Chinese digit beside a run of ○ makes the ○ a zero (二○○四年), as 〇 is. */
const CHINESE_DIGIT = /[一二三四五六七八九〇○零]/;

/** True for characters that make a neighbouring `*` read as a redaction mark rather than Markdown. */
function isCjkOrFullWidthPunctuation(char: string | undefined): boolean {
  return isCjk(char) || (char !== undefined && '“”‘’'.includes(char));
}

type Token = { start: number; end: number; text: string };

/** A placeholder token of X, ×, ○, □ or * (not an `extra` pattern's match): these join into phrases. */
type Kind = 'blank' | 'extra';

/**
 * What may stand between two blanks of one phrase: a date or time unit (`x月x日`,
 * `xx年x月x日`, `X时X分`), a decimal point (`X.X%`), a range (`x月x日至x月x日`).
 */
const CONNECTOR = /^(?:[年月日号时点分.．]|[年月日号]?[至到~～—－-])$/;

/**
 * What a blank's phrase takes after it: the unit of a number (`X亿元`, `X多万元`, `X%`,
 * `X个`), a date unit (`20XX年`, `x日`), or the noun of a redacted name (`XX镇`,
 * `XXX书记`, `*村`, `XX路`). Longest alternatives first. A time (`X时X分`) takes
 * only 分 or 秒.
 */
const SUFFIX = new RegExp(
  '(?:' +
    [
      '多?[亿万千百]?(?:平方公里|平方米|立方米|千瓦时|公里|千米|人次|场次|批次|元|米|亩|吨|人|户|个|家|项|条|名|所|座|宗|件|次|场|处|台|辆|套|间|份|期|倍|股|天|篇|起|页)',
      '多?[亿万千百]',
      '[年月日号]',
      '[%％‰]',
      '有限公司|街道|社区|书记|县长|镇长|乡长|区长|市长|主任|小学|中学|公司|同志|项目|[镇乡村县区市省州局委办所站队校路街江河]',
    ].join('|') +
    ')',
  'y',
);

/** ASCII or full-width digit. */
function isDigitCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

/** True when masked[from, to) holds 时 or 点 (a time: `X时X分`). */
function hasTimeUnit(masked: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const code = masked.charCodeAt(index);
    if (code === 0x65f6 /* 时 */ || code === 0x70b9 /* 点 */) return true;
  }
  return false;
}

function isLatinCode(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isAsciiDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * Joins the blanks of one phrase into one token: digits before the first blank
 * (`20XX年`), blanks joined by a date unit or a decimal point, and the unit or
 * noun after the last blank. One finding per phrase: `xx年x月x日` is one
 * placeholder, as the writer fills it in, not three.
 */
function joinPhrases(masked: string, blockStart: number, tokens: Array<Token & { kind: Kind }>): Token[] {
  const phrases: Token[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const first = tokens[index]!;
    if (first.kind === 'extra') {
      phrases.push({ start: first.start, end: first.end, text: first.text });
      continue;
    }
    let start = first.start - blockStart;
    let end = first.end - blockStart;
    while (start > 0 && isDigitCode(masked.charCodeAt(start - 1))) start--;
    let time = hasTimeUnit(masked, start, end);
    while (index + 1 < tokens.length && tokens[index + 1]!.kind === 'blank') {
      const next = tokens[index + 1]!;
      // A connector is one or two characters.
      const gap = next.start - blockStart - end;
      if (gap < 1 || gap > 2 || !CONNECTOR.test(masked.slice(end, next.start - blockStart))) break;
      time ||= hasTimeUnit(masked, end, next.end - blockStart);
      end = next.end - blockStart;
      index++;
    }
    // 分 and 秒 end a time (`X时X分`) but not a lone blank (`x分局`).
    let suffixLength = 0;
    if (time) {
      const code = masked.charCodeAt(end);
      if (code === 0x5206 /* 分 */ || code === 0x79d2 /* 秒 */) suffixLength = 1;
    } else {
      // SUFFIX's longest alternative has 6 characters: matching in place reads no further than the former 6-character slice.
      SUFFIX.lastIndex = end;
      const suffix = SUFFIX.exec(masked);
      if (suffix) suffixLength = suffix[0].length;
    }
    end += suffixLength;
    phrases.push({ start: blockStart + start, end: blockStart + end, text: masked.slice(start, end) });
  }
  return phrases;
}

/** The allow list indexed for lookups at an X: terms keyed by their text with the leading X in lower case. */
type AllowIndex = { keys: Set<string>; lengths: number[]; seconds: Set<number> };

const allowCache = new WeakMap<object, AllowIndex>();
const extraCache = new WeakMap<object, RegExp[]>();

/**
 * The `extra` patterns compiled once per options array. Invalid and unsafe ones
 * (nested quantifiers, backreferences, overlong: see safe-pattern.ts) are rejected
 * by the configuration check; one that reaches the rule anyway is skipped, never run.
 */
function compiledExtra(extra: readonly string[]): RegExp[] {
  let compiled = extraCache.get(extra);
  if (!compiled) {
    compiled = [];
    for (const source of extra) {
      if (typeof source !== 'string' || !isSafePattern(source)) continue;
      try {
        compiled.push(new RegExp(source, 'gu'));
      } catch {
        // Validated in config.ts; a pattern that slips through is ignored here.
      }
    }
    extraCache.set(extra, compiled);
  }
  return compiled;
}

function buildAllowIndex(terms: readonly unknown[]): AllowIndex {
  const keys = new Set<string>();
  const lengths = new Set<number>();
  const seconds = new Set<number>();
  for (const term of terms) {
    if (typeof term !== 'string' || term.length < 2 || !/^[XxＸｘ]/.test(term)) continue;
    keys.add(term[0]!.toLowerCase() + term.slice(1));
    lengths.add(term.length);
    seconds.add(term.charCodeAt(1));
  }
  return { keys, lengths: [...lengths].sort((left, right) => left - right), seconds };
}

const DEFAULT_ALLOW_INDEX = buildAllowIndex(DEFAULT_ALLOW);

/** The configured allow-list extends the default one (it never re-enables X线 by accident); indexed once per options array. */
function allowList(configured: unknown): AllowIndex {
  if (!Array.isArray(configured) || configured === DEFAULT_ALLOW) return DEFAULT_ALLOW_INDEX;
  let index = allowCache.get(configured);
  if (!index) {
    index = buildAllowIndex([...DEFAULT_ALLOW, ...configured]);
    allowCache.set(configured, index);
  }
  return index;
}

/**
 * Whether an allow-listed term (X光, X射线 …) starts at `start`: the X in either
 * case, the rest exactly. One Set lookup per distinct term length, whatever the
 * number of terms.
 */
function allowedAt(masked: string, start: number, allow: AllowIndex): boolean {
  // Every term has two characters or more: the character after the X rules out most places at once.
  if (!allow.seconds.has(masked.charCodeAt(start + 1))) return false;
  const first = masked[start]!.toLowerCase();
  for (const length of allow.lengths) {
    if (start + length > masked.length) break;
    if (allow.keys.has(first + masked.slice(start + 1, start + length))) return true;
  }
  return false;
}

/**
 * An X that names something rather than leaves a blank: a letter standing for something (用X代表消防救援),
 * a quoted programme code (“415X”, “1+N+X”), the X of an A+X scheme (1+X证书, “双尖双领+X”).
 */
function isNamedX(masked: string, index: number): boolean {
  if (/^(?:代表|表示)/.test(masked.slice(index + 1, index + 3))) return true;
  if (isQuotedCode(masked, index)) return true;
  if (!/[+＋]/.test(masked[index - 1] ?? '')) return false;
  const beforePlus = masked[index - 2] ?? '';
  // 1+X, N+X — or a Chinese name+X closed right after (“双尖双领+X”、).
  return /[0-9A-Z]/.test(beforePlus) || (beforePlus !== '' && !/[XxＸｘ]/.test(beforePlus) && /[”’」、，。；）]/.test(masked[index + 1] ?? ''));
}

/** True when the X at `index` sits in a short quoted code of digits, capitals and + (“415X”, “1+N+X”). */
function isQuotedCode(masked: string, index: number): boolean {
  let open = index - 1;
  while (open >= 0 && index - open <= 12 && /[0-9A-Z+＋·.\-]/.test(masked[open]!)) open--;
  let close = index + 1;
  while (close < masked.length && close - index <= 12 && /[0-9A-Z+＋·.\-]/.test(masked[close]!)) close++;
  if (masked[open] !== '“' || masked[close] !== '”') return false;
  const code = masked.slice(open + 1, close);
  // A code has a digit or another capital beside the X; “X” alone or “XX” stays a placeholder.
  return /[0-9]/.test(code) || /[A-WYZ]/.test(code);
}

/**
 * Finds placeholders in one block, one per phrase: `x月x日`, `20XX年`, `XX镇` and
 * `X亿元` are one placeholder each (the blanks with their date units, leading digits
 * and the unit or noun that follows).
 */
export function findPlaceholders(context: Pick<RuleContext, 'maskedText' | 'options'>, block: TextBlock): Token[] {
  const masked = context.maskedText(block);
  const allow = allowList(context.options['allow']);
  const extra = (context.options['extra'] as string[] | undefined) ?? [];
  const tokens: Array<Token & { kind: Kind }> = [];
  if (/[XxＸｘ]/.test(masked)) {
    X_RUN.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = X_RUN.exec(masked))) {
      const start = match.index;
      const end = start + match[0].length;
      // Neighbours by code (NaN past either end): reading masked[i] would make a string of each CJK character.
      const before = masked.charCodeAt(start - 1);
      const after = masked.charCodeAt(end);
      // XG stands for 3G/4G/5G with the digit blanked out; any other Latin neighbour makes it a word (Excel, XML).
      const generation = after === 0x47 /* G */ && !isLatinCode(masked.charCodeAt(end + 1));
      if (isLatinCode(before) || (isLatinCode(after) && !generation)) continue;
      // x86, x64, X11: a product or architecture name, not a placeholder.
      if (match[0].length === 1 && isAsciiDigitCode(after) && isAsciiDigitCode(masked.charCodeAt(end + 1))) continue;
      // 3x4, 1920x1080: a multiplication sign, not a placeholder.
      if (match[0].length === 1 && isAsciiDigitCode(before) && isAsciiDigitCode(after) && (match[0] === 'x' || match[0] === 'X')) continue;
      if (allow.keys.size > 0 && end < masked.length && allowedAt(masked, start, allow)) continue;
      if (match[0] === 'X' && isNamedX(masked, start)) continue;
      tokens.push({ start: block.start + start, end: block.start + end, text: match[0], kind: 'blank' });
    }
  }
  if (/[×○□＊]/.test(masked)) {
    SYMBOL_RUN.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = SYMBOL_RUN.exec(masked))) {
      // ○ written for the zero of a Chinese numeral (二○○四年, 一九九○年): a digit, not a blank.
      if (match[0][0] === '○' && (CHINESE_DIGIT.test(masked[match.index - 1] ?? '') || CHINESE_DIGIT.test(masked[match.index + match[0].length] ?? ''))) continue;
      tokens.push({ start: block.start + match.index, end: block.start + match.index + match[0].length, text: match[0], kind: 'blank' });
    }
  }
  if (masked.includes('*')) {
    for (let index = masked.indexOf('*'); index >= 0; index = masked.indexOf('*', index + 1)) {
      let end = index;
      while (masked.charCodeAt(end) === 0x2a /* * */) end++;
      const before = masked[index - 1];
      const after = masked[end];
      if (isCjkOrFullWidthPunctuation(before) || isCjkOrFullWidthPunctuation(after)) {
        tokens.push({ start: block.start + index, end: block.start + end, text: masked.slice(index, end), kind: 'blank' });
      }
      index = end - 1;
    }
  }
  for (const pattern of compiledExtra(extra)) {
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(masked))) {
      if (match[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      if (match[0].includes('\u0000')) continue;
      tokens.push({ start: block.start + match.index, end: block.start + match.index + match[0].length, text: match[0], kind: 'extra' });
    }
  }
  if (tokens.length === 0) return [];
  if (tokens.length > 1) tokens.sort((left, right) => left.start - right.start);
  const separate = overlapsNext(tokens) ? tokens.filter((token, index) => index === 0 || token.start >= tokens[index - 1]!.end) : tokens;
  const phrases = joinPhrases(masked, block.start, separate);
  // A phrase's unit may run into an `extra` match that follows it: keep the earlier one.
  return overlapsNext(phrases) ? phrases.filter((phrase, index) => index === 0 || phrase.start >= phrases[index - 1]!.end) : phrases;
}

/** True when some item starts before the one before it ends (the filters above would drop it). */
function overlapsNext(items: readonly Token[]): boolean {
  for (let index = 1; index < items.length; index++) if (items[index]!.start < items[index - 1]!.end) return true;
  return false;
}

export const placeholder: Rule = {
  id: 'placeholder',
  name: { 'zh-CN': '占位符未替换', en: 'Leftover placeholder' },
  severity: 'error',
  fixable: false,
  tags: ['placeholder'],
  defaultOptions: { allow: DEFAULT_ALLOW, extra: [] },
  description: {
    'zh-CN': '模板占位符未替换（XX、x月x日、20XX年、××、○○、*镇 等）',
    en: 'Leftover template placeholders (XX, x月x日, 20XX年, ××, ○○, *镇 …)',
  },
  check(context) {
    // Placeholders repeat (XX, x月x日): one message object per placeholder text.
    const messages = new Map<string, { 'zh-CN': string; en: string }>();
    for (const block of context.document.blocks) {
      for (const token of findPlaceholders(context, block)) {
        let message = messages.get(token.text);
        if (!message) {
          message = {
            'zh-CN': `占位符“${token.text}”未替换`,
            en: `Leftover placeholder "${token.text}"`,
          };
          messages.set(token.text, message);
        }
        context.report({ start: token.start, end: token.end, message });
      }
    }
  },
};

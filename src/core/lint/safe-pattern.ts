/**
 * A guard for user-supplied regular expressions (the placeholder rule's
 * `extra` patterns): JavaScript's backtracking engine takes exponential or
 * high-polynomial time on some patterns (`(a+)+$` on "aaaa…b"), and a lint
 * that runs them cannot be interrupted. `unsafePatternReason` reads the
 * pattern's structure and refuses, with a reason a writer can act on:
 *
 * - patterns longer than MAX_PATTERN_LENGTH;
 * - backreferences (`\1`, `\k<name>`);
 * - a repeated group that contains another repetition (`(a+)+`, `(\w+\s?)*`)
 *   or can match empty text (`(a?b?)*`);
 * - a repeated group whose alternatives can start with the same character
 *   (`(a|ab)+`, `(\d|[0-9])*`);
 * - two unbounded repetitions that can match the same characters with only
 *   optional parts between them (`\s*\s*`, `.*x?.*`).
 *
 * It is deliberately conservative (a few safe patterns such as `(\d+,)+` are
 * refused too; they can be written without nesting). Pure: no Node built-ins.
 */

/** Longest pattern accepted (longer lists of words belong in several patterns or the allow list). */
export const MAX_PATTERN_LENGTH = 256;

type CharSet = { source: string } | 'any';

type Atom =
  | { kind: 'chars'; set: CharSet }
  | { kind: 'group'; alternatives: Term[][]; lookaround: boolean }
  | { kind: 'assertion' }
  | { kind: 'backreference'; source: string };

type Term = { atom: Atom; min: number; max: number; source: string };

class Unsafe extends Error {}

/**
 * Why `pattern` may not be run over user text, or undefined when it is safe.
 * The pattern must already compile with the `u` flag (callers report syntax errors first).
 */
export function unsafePatternReason(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return `it is ${pattern.length} characters long (at most ${MAX_PATTERN_LENGTH}); split it into several patterns`;
  }
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    return `it is not a valid regular expression (${(error as Error).message})`;
  }
  try {
    const alternatives = new Parser(pattern).parse();
    for (const sequence of alternatives) checkSequence(sequence);
    return undefined;
  } catch (error) {
    if (error instanceof Unsafe) return error.message;
    // Syntax the reader does not know: refuse rather than run something unchecked.
    return `it uses syntax the safety check cannot read (${(error as Error).message})`;
  }
}

/** True when `pattern` may be run over user text. */
export function isSafePattern(pattern: string): boolean {
  return unsafePatternReason(pattern) === undefined;
}

// ---------------------------------------------------------------------------
// Reading the pattern (the `u`-flag grammar, which is strict).

class Parser {
  private index = 0;

  constructor(private readonly pattern: string) {}

  parse(): Term[][] {
    const alternatives = this.alternatives();
    if (this.index < this.pattern.length) throw new Error(`unexpected "${this.pattern[this.index]}"`);
    return alternatives;
  }

  private alternatives(): Term[][] {
    const alternatives: Term[][] = [this.sequence()];
    while (this.pattern[this.index] === '|') {
      this.index++;
      alternatives.push(this.sequence());
    }
    return alternatives;
  }

  private sequence(): Term[] {
    const terms: Term[] = [];
    while (this.index < this.pattern.length && this.pattern[this.index] !== '|' && this.pattern[this.index] !== ')') {
      const start = this.index;
      const atom = this.atom();
      const [min, max] = this.quantifier();
      terms.push({ atom, min, max, source: this.pattern.slice(start, this.index) });
    }
    return terms;
  }

  private atom(): Atom {
    const pattern = this.pattern;
    const start = this.index;
    const char = pattern[this.index]!;
    if (char === '^' || char === '$') {
      this.index++;
      return { kind: 'assertion' };
    }
    if (char === '.') {
      this.index++;
      return { kind: 'chars', set: { source: '.' } };
    }
    if (char === '[') {
      this.index++;
      if (pattern[this.index] === '^') this.index++;
      while (this.index < pattern.length && pattern[this.index] !== ']') {
        this.index += pattern[this.index] === '\\' ? 2 : 1;
      }
      if (pattern[this.index] !== ']') throw new Error('unterminated character class');
      this.index++;
      return { kind: 'chars', set: { source: pattern.slice(start, this.index) } };
    }
    if (char === '(') {
      this.index++;
      let lookaround = false;
      if (pattern[this.index] === '?') {
        const head = pattern.slice(this.index, this.index + 4);
        if (head.startsWith('?:')) this.index += 2;
        else if (head.startsWith('?=') || head.startsWith('?!')) {
          this.index += 2;
          lookaround = true;
        } else if (head.startsWith('?<=') || head.startsWith('?<!')) {
          this.index += 3;
          lookaround = true;
        } else if (head.startsWith('?<')) {
          const close = pattern.indexOf('>', this.index);
          if (close < 0) throw new Error('unterminated group name');
          this.index = close + 1;
        } else {
          // Modifiers such as (?i:…) or (?-i:…).
          const modifiers = /^\?[a-zA-Z-]*:/.exec(pattern.slice(this.index));
          if (!modifiers) throw new Error('unknown group');
          this.index += modifiers[0].length;
        }
      }
      const alternatives = this.alternatives();
      if (pattern[this.index] !== ')') throw new Error('unterminated group');
      this.index++;
      return { kind: 'group', alternatives, lookaround };
    }
    if (char === '\\') return this.escape();
    // A literal character (a whole code point: the u flag reads surrogate pairs as one).
    const code = pattern.codePointAt(this.index)!;
    this.index += code > 0xffff ? 2 : 1;
    return { kind: 'chars', set: { source: pattern.slice(start, this.index) } };
  }

  private escape(): Atom {
    const pattern = this.pattern;
    const start = this.index;
    const next = pattern[this.index + 1];
    if (next === undefined) throw new Error('trailing backslash');
    if (next === 'b' || next === 'B') {
      this.index += 2;
      return { kind: 'assertion' };
    }
    if (/[1-9]/.test(next)) {
      this.index += 2;
      while (/[0-9]/.test(pattern[this.index] ?? '')) this.index++;
      return { kind: 'backreference', source: pattern.slice(start, this.index) };
    }
    if (next === 'k') {
      const close = pattern.indexOf('>', this.index);
      this.index = close < 0 ? pattern.length : close + 1;
      return { kind: 'backreference', source: pattern.slice(start, this.index) };
    }
    if (next === 'p' || next === 'P') {
      const close = pattern.indexOf('}', this.index);
      if (close < 0) throw new Error('unterminated property escape');
      this.index = close + 1;
    } else if (next === 'u' && pattern[this.index + 2] === '{') {
      const close = pattern.indexOf('}', this.index);
      if (close < 0) throw new Error('unterminated code point escape');
      this.index = close + 1;
    } else if (next === 'u') {
      this.index += 6;
    } else if (next === 'x') {
      this.index += 4;
    } else if (next === 'c') {
      this.index += 3;
    } else {
      this.index += 2;
    }
    return { kind: 'chars', set: { source: pattern.slice(start, this.index) } };
  }

  /** [min, max] of the quantifier after an atom ([1, 1] when there is none); a lazy `?` is skipped. */
  private quantifier(): [number, number] {
    const pattern = this.pattern;
    let range: [number, number] | undefined;
    const char = pattern[this.index];
    if (char === '*') range = [0, Infinity];
    else if (char === '+') range = [1, Infinity];
    else if (char === '?') range = [0, 1];
    if (range) this.index++;
    else if (char === '{') {
      const braces = /^\{(\d+)(?:(,)(\d*))?\}/.exec(pattern.slice(this.index));
      if (braces) {
        const min = Number(braces[1]);
        const max = braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3]);
        range = [min, max];
        this.index += braces[0].length;
      }
    }
    if (!range) return [1, 1];
    if (pattern[this.index] === '?') this.index++;
    return range;
  }
}

// ---------------------------------------------------------------------------
// The checks.

function describe(term: Term): string {
  return `"${term.source}"`;
}

function checkSequence(sequence: readonly Term[]): void {
  for (const term of sequence) {
    const atom = term.atom;
    if (atom.kind === 'backreference') {
      throw new Unsafe(`it uses a backreference (${atom.source}), which can take exponential time`);
    }
    if (atom.kind !== 'group') continue;
    if (term.max > 1 && !atom.lookaround) {
      const inner = innerRepetition(atom.alternatives);
      if (inner) {
        throw new Unsafe(
          `the repeated group ${describe(term)} contains another repetition (${describe(inner)}), a nested quantifier that can take exponential time; rewrite it without nesting`,
        );
      }
      if (atom.alternatives.some(isNullableSequence)) {
        throw new Unsafe(`the repeated group ${describe(term)} can match empty text, which can take exponential time`);
      }
      const overlap = overlappingAlternatives(atom.alternatives);
      if (overlap) {
        throw new Unsafe(
          `the repeated group ${describe(term)} has alternatives that can match the same text ("${overlap[0]}" and "${overlap[1]}"), which can take exponential time`,
        );
      }
    }
    for (const alternative of atom.alternatives) checkSequence(alternative);
  }
  checkAdjacentRepetitions(flatten(sequence));
}

/** The first term inside the alternatives that repeats a variable number of times (more than once). */
function innerRepetition(alternatives: readonly Term[][]): Term | undefined {
  for (const alternative of alternatives) {
    for (const term of alternative) {
      if (term.max > 1 && term.min < term.max) return term;
      if (term.atom.kind === 'group') {
        const found = innerRepetition(term.atom.alternatives);
        if (found) return found;
      }
    }
  }
  return undefined;
}

function isNullableTerm(term: Term): boolean {
  if (term.min === 0) return true;
  const atom = term.atom;
  if (atom.kind === 'assertion' || atom.kind === 'backreference') return true;
  if (atom.kind === 'group') return atom.lookaround || atom.alternatives.some(isNullableSequence);
  return false;
}

function isNullableSequence(sequence: readonly Term[]): boolean {
  return sequence.every(isNullableTerm);
}

/** Plain groups (no quantifier, one alternative) are spliced into their sequence, so `a*(?:a*)` is seen as adjacent. */
function flatten(sequence: readonly Term[]): Term[] {
  const out: Term[] = [];
  for (const term of sequence) {
    const atom = term.atom;
    if (atom.kind === 'group' && !atom.lookaround && term.min === 1 && term.max === 1 && atom.alternatives.length === 1) {
      out.push(...flatten(atom.alternatives[0]!));
    } else {
      out.push(term);
    }
  }
  return out;
}

/** Two unbounded repetitions over overlapping characters with only optional parts between them take polynomial time of high degree. */
function checkAdjacentRepetitions(sequence: readonly Term[]): void {
  for (let first = 0; first < sequence.length; first++) {
    const left = sequence[first]!;
    if (left.max !== Infinity) continue;
    for (let second = first + 1; second < sequence.length; second++) {
      const right = sequence[second]!;
      if (right.max === Infinity && overlaps(charsOf(left.atom), charsOf(right.atom))) {
        throw new Unsafe(
          `the repetitions ${describe(left)} and ${describe(right)} can match the same characters one after the other, which can take a very long time; merge them into one`,
        );
      }
      if (!isNullableTerm(right)) break;
    }
  }
}

/** The characters an atom can consume ('any' when too complex to tell). */
function charsOf(atom: Atom): CharSet[] {
  if (atom.kind === 'chars') return [atom.set];
  if (atom.kind === 'group') return atom.lookaround ? [] : atom.alternatives.flatMap((alternative) => alternative.flatMap((term) => charsOf(term.atom)));
  if (atom.kind === 'backreference') return ['any'];
  return [];
}

/** The characters a sequence can start with. */
function firstChars(sequence: readonly Term[]): CharSet[] {
  const out: CharSet[] = [];
  for (const term of sequence) {
    const atom = term.atom;
    if (atom.kind === 'chars') out.push(atom.set);
    else if (atom.kind === 'group' && !atom.lookaround) for (const alternative of atom.alternatives) out.push(...firstChars(alternative));
    else if (atom.kind === 'backreference') out.push('any');
    if (!isNullableTerm(term)) break;
  }
  return out;
}

function overlappingAlternatives(alternatives: readonly Term[][]): [string, string] | undefined {
  if (alternatives.length < 2) return undefined;
  const firsts = alternatives.map(firstChars);
  for (let left = 0; left < alternatives.length; left++) {
    for (let right = left + 1; right < alternatives.length; right++) {
      if (overlaps(firsts[left]!, firsts[right]!)) {
        const show = (sequence: readonly Term[]): string => sequence.map((term) => term.source).join('');
        return [show(alternatives[left]!), show(alternatives[right]!)];
      }
    }
  }
  return undefined;
}

const testerCache = new Map<string, RegExp>();

function tester(set: { source: string }): RegExp {
  let regex = testerCache.get(set.source);
  if (!regex) {
    regex = new RegExp(`^(?:${set.source})$`, 'u');
    testerCache.set(set.source, regex);
  }
  return regex;
}

let probeList: string[] | undefined;

/** Characters tried when two sets are compared: the BMP, and a few astral ones (built on first use). */
function probes(): string[] {
  if (!probeList) {
    probeList = [];
    for (let code = 0; code <= 0xffff; code++) if (code < 0xd800 || code > 0xdfff) probeList.push(String.fromCharCode(code));
    for (const code of [0x1f600, 0x20000, 0x2a700, 0x10ffff]) probeList.push(String.fromCodePoint(code));
  }
  return probeList;
}

const overlapCache = new Map<string, boolean>();

/** Whether some character is in both unions of sets. */
function overlaps(left: readonly CharSet[], right: readonly CharSet[]): boolean {
  if (left.length === 0 || right.length === 0) return false;
  if (left.includes('any') || right.includes('any')) return true;
  for (const a of left as Array<{ source: string }>) {
    for (const b of right as Array<{ source: string }>) {
      const key = `${a.source}\u0000${b.source}`;
      let found = overlapCache.get(key);
      if (found === undefined) {
        const testA = tester(a);
        const testB = tester(b);
        found = a.source === b.source || probes().some((char) => testA.test(char) && testB.test(char));
        overlapCache.set(key, found);
      }
      if (found) return true;
    }
  }
  return false;
}

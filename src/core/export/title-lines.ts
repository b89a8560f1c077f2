/**
 * Line breaks for a long one-line title (GB/T 9704 7.3.1): "回行时，要做到
 * 词意完整，排列对称，长短适宜，间距恰当，标题排列应当使用梯形或菱形".
 *
 * The title is cut only between words (ICU word boundaries from
 * `Intl.Segmenter('zh', { granularity: 'word' })`; character boundaries
 * where the runtime has no segmenter), never before closing punctuation or
 * after an opening bracket, into the fewest lines that fit the type area,
 * with line lengths as even as possible. Among equally even cuts, shapes
 * that read as 梯形 (lengths growing or shrinking line by line) or 菱形
 * (longest in the middle) win over an hourglass, and the last line is never
 * a lone word such as 报告 or 通知.
 */

/** Characters that never start a line. */
const NO_LINE_START = /^[，。、；：！？）》」』”’〕】,.;:!?)\]}…—·]/;
/** Characters that never end a line. */
const NO_LINE_END = /[（《「『“‘〔【([{]$/;

type SegmenterLike = { segment(text: string): Iterable<{ segment: string }> };

/** Word pieces of a text (ICU word segmentation), or single characters without Intl.Segmenter. */
export function titleWords(text: string): string[] {
  const Segmenter = (Intl as unknown as { Segmenter?: new (locale: string, options: { granularity: 'word' }) => SegmenterLike }).Segmenter;
  if (!Segmenter) return [...text];
  const words: string[] = [];
  for (const { segment } of new Segmenter('zh', { granularity: 'word' }).segment(text)) words.push(segment);
  // Digits stay with what follows them (2024年, 3号) and a number is never cut.
  const merged: string[] = [];
  for (const word of words) {
    const previous = merged[merged.length - 1];
    if (previous !== undefined && (/[0-9０-９]$/.test(previous) || /^[0-9０-９]/.test(word) && /[0-9０-９.．]$/.test(previous))) merged[merged.length - 1] = previous + word;
    else merged.push(word);
  }
  return merged;
}

/** Width of a title text in full-width characters (half-width characters count one half). */
function units(text: string): number {
  let width = 0;
  for (const character of text) width += character.charCodeAt(0) < 0x2e80 || (character >= '\uff61' && character <= '\uff9f') ? 0.5 : 1;
  return width;
}

/** 0 for 梯形 (lengths monotone) and 菱形 (rising, then falling); 1 for an hourglass or a zigzag (falling, then rising). */
function shapePenalty(lengths: readonly number[]): number {
  let falling = false;
  for (let index = 1; index < lengths.length; index++) {
    if (lengths[index]! < lengths[index - 1]!) falling = true;
    else if (lengths[index]! > lengths[index - 1]! && falling) return 1;
  }
  return 0;
}

/**
 * The title split into lines of at most `capacity` full-width characters, or
 * undefined when it fits on one line (or cannot be cut well: a single word
 * longer than a line is left to the word processor).
 */
export function balanceTitle(text: string, capacity: number): string[] | undefined {
  const total = units(text);
  if (total <= capacity || capacity < 4) return undefined;
  const words = titleWords(text);
  // Possible cut positions: after word `index` (exclusive end index into words).
  const cuts: number[] = [];
  for (let index = 1; index < words.length; index++) {
    const before = words.slice(0, index).join('');
    const after = words.slice(index).join('');
    if (NO_LINE_END.test(before) || NO_LINE_START.test(after)) continue;
    cuts.push(index);
  }
  const lineCount = Math.ceil(total / capacity);
  for (let lines = lineCount; lines <= Math.min(lineCount + 1, 4); lines++) {
    const best = bestSplit(words, cuts, lines, capacity, total);
    if (best) return best;
  }
  return undefined;
}

/** The most even split into exactly `lines` lines over the allowed cuts (exhaustive over cuts: titles are short). */
function bestSplit(words: readonly string[], cuts: readonly number[], lines: number, capacity: number, total: number): string[] | undefined {
  const target = total / lines;
  let best: { score: number; parts: string[] } | undefined;
  const lastWord = words[words.length - 1] ?? '';
  const choose = (start: number, from: number, chosen: number[]): void => {
    if (chosen.length === lines - 1) {
      const bounds = [0, ...chosen, words.length];
      const parts = bounds.slice(1).map((end, index) => words.slice(bounds[index]!, end).join(''));
      const lengths = parts.map(units);
      if (lengths.some((length) => length > capacity)) return;
      // Never a lone word on the last line (…的 / 报告), nor a last line much shorter than the others.
      const last = parts[parts.length - 1]!;
      if (last === lastWord && words.length > lines) return;
      if (lengths[lengths.length - 1]! < Math.min(4, target)) return;
      const evenness = lengths.reduce((sum, length) => sum + (length - target) ** 2, 0);
      // A cut between two one-character words may split a word the dictionary missed (印|发): avoided when possible.
      const weak = chosen.filter((cut) => [...words[cut - 1]!].length === 1 && [...words[cut]!].length === 1).length;
      const score = evenness + 4 * weak + 1000 * shapePenalty(lengths);
      if (!best || score < best.score) best = { score, parts };
      return;
    }
    for (let at = from; at < cuts.length; at++) {
      const cut = cuts[at]!;
      if (cut <= start) continue;
      chosen.push(cut);
      choose(cut, at + 1, chosen);
      chosen.pop();
    }
  };
  if (lines - 1 > 3 || cuts.length > 60) return undefined;
  choose(0, 0, []);
  return best?.parts;
}

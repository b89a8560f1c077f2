/**
 * Numbering conventions, read from the document itself.
 *
 * Reports restart each level under a new parent (一、 → （一）（二）, 二、 → （一）…);
 * State Council opinions number （一）…（十五） straight through 一、…五、, county
 * opinions number provisions 1.–20. through the whole text. Both are correct. For each
 * level of each part (the document, then each 附件) this module decides which
 * convention the document follows, from how its runs start:
 *
 * - a run is a stretch of siblings under one parent; a sibling numbered 1 starts a new run
 *   (a second list under the same heading, after body text, is a list of its own);
 * - a later run that starts at 1 is evidence for "restart", one that starts where the
 *   previous run of its level ended (+1) is evidence for "continuous";
 * - a clear majority (all, or at least twice the other and at least two) decides;
 *   otherwise the convention is unknown and run starts are not checked at all;
 * - under a restart convention, a run under a section title (or at the top) that goes on
 *   exactly from the previous run is left alone: the document mixes both conventions there.
 *
 * Inside a run, numbers always count on by one: a gap, a repeat or disorder there is
 * a slip whatever the convention.
 */
import type { Outline, OutlineEntry } from './build.js';

export type Convention = 'restart' | 'continuous' | 'unknown';

export type NumberingRun = {
  level: number;
  part: number;
  parent?: OutlineEntry;
  items: OutlineEntry[];
};

export type RunPlan = {
  run: NumberingRun;
  convention: Convention;
  /**
   * The number the run should start at, or undefined when the start cannot be judged
   * (unknown convention): the run is then only checked against its own first number.
   */
  expectedStart: number | undefined;
  /** Why the start is expected: the first run of its level, a restart, or continuing the previous run. */
  reason: 'first' | 'restart' | 'continue' | 'own';
};

/** Splits sibling groups into runs (at every sibling numbered 1 after the first). */
export function numberingRuns(outline: Outline): NumberingRun[] {
  const runs: NumberingRun[] = [];
  for (const group of outline.groups) {
    let current: NumberingRun | undefined;
    for (const item of group.items) {
      if (!current || item.marker!.ordinal === 1) {
        current = { level: group.level, part: group.part, items: [] };
        if (group.parent) current.parent = group.parent;
        runs.push(current);
      }
      current.items.push(item);
    }
  }
  runs.sort((left, right) => left.items[0]!.start - right.items[0]!.start);
  return runs;
}

/** Decides a convention from the starts of the runs after the first one of a level. */
export function inferConvention(runs: readonly NumberingRun[]): Convention {
  let restarts = 0;
  let continues = 0;
  for (let index = 1; index < runs.length; index++) {
    const start = runs[index]!.items[0]!.marker!.ordinal;
    const previous = runs[index - 1]!;
    const previousEnd = previous.items[previous.items.length - 1]!.marker!.ordinal;
    if (start === 1) restarts++;
    else if (start === previousEnd + 1) continues++;
  }
  if (restarts === 0 && continues === 0) return runs.length <= 1 ? 'restart' : 'unknown';
  if (continues === 0) return 'restart';
  if (restarts === 0) return 'continuous';
  if (continues >= 2 * restarts && continues >= 2) return 'continuous';
  if (restarts >= 2 * continues && restarts >= 2) return 'restart';
  return 'unknown';
}

/** True when the line directly above a run's first item ends a lead-in with the number before it: `注：1.…` over `2.…`. */
function startsInLineAbove(text: string, first: OutlineEntry, written: number): boolean {
  const lineStart = text.lastIndexOf('\n', first.start - 1) + 1;
  if (lineStart === 0) return false;
  const above = text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, lineStart);
  const marker = first.marker!;
  const before = written - 1;
  const numeral =
    marker.style.numeral === 'ascii' ? String(before)
    : marker.style.numeral === 'fullwidth' ? [...String(before)].map((digit) => String.fromCharCode(0xff10 + Number(digit))).join('')
    : marker.style.numeral === 'circled' && before <= 20 ? String.fromCharCode(0x2460 + before - 1)
    : undefined;
  if (numeral === undefined) return false;
  const lead = new RegExp(`[：:]\\s*${marker.style.open === '' ? '' : '[（(]'}${numeral}${marker.style.close === '' ? '' : '[' + marker.style.close.replace(/[.\\]/g, '\\$&') + ']'}`);
  return lead.test(above);
}

/** The number a run's last item is written with. */
function writtenEnd(run: NumberingRun): number {
  return run.items[run.items.length - 1]!.marker!.ordinal;
}

/** The numbering plan of every run: its level's convention and the number it should start at. */
export function planNumbering(outline: Outline, text?: string): RunPlan[] {
  const runs = numberingRuns(outline);
  const chains = new Map<string, NumberingRun[]>();
  for (const run of runs) {
    const key = `${run.part}:${run.level}`;
    let chain = chains.get(key);
    if (!chain) chains.set(key, (chain = []));
    chain.push(run);
  }
  const plans: RunPlan[] = [];
  // The last run of each (part, level), for a 附件 part whose first list goes on from the part before it.
  const lastRuns = new Map<string, NumberingRun>();
  for (const chain of chains.values()) {
    const first = chain[0]!;
    const before = first.part > 0 ? lastRuns.get(`${first.part - 1}:${first.level}`) : undefined;
    lastRuns.set(`${first.part}:${first.level}`, chain[chain.length - 1]!);
    const convention = inferConvention(chain);
    // The number the previous run ends at once renumbered (or as written when it was not judged).
    let previousEnd = 0;
    chain.forEach((run, index) => {
      const written = run.items[0]!.marker!.ordinal;
      let expectedStart: number | undefined;
      let reason: RunPlan['reason'];
      if (index === 0 && before && written > 1 && written === writtenEnd(before) + 1) {
        // A list after an 附件 heading that goes on from the list before it (a tender's 附件 in the
        // middle of its chapters): the evidence for a fresh start is ambiguous, so it is not judged.
        expectedStart = undefined;
        reason = 'own';
      } else if (index === 0) {
        expectedStart = 1;
        reason = 'first';
      } else if (written === 1) {
        expectedStart = 1;
        reason = 'restart';
      } else if (convention === 'restart' && run.parent?.kind !== 'heading' && written === writtenEnd(chain[index - 1]!) + 1) {
        // Under a section title (第四章 …) or at the top, a run that goes on exactly from the previous
        // one is one list numbered through the sections, as 法规 and tenders number their items: the
        // document mixes both conventions, so the start is not judged. Under a numbered parent
        // (二、 → （四）（五）) the same start is the slip of a list that failed to restart.
        expectedStart = undefined;
        reason = 'own';
      } else if (convention === 'restart') {
        expectedStart = 1;
        reason = 'restart';
      } else if (convention === 'continuous') {
        expectedStart = previousEnd + 1;
        reason = 'continue';
      } else {
        expectedStart = undefined;
        reason = 'own';
      }
      // 注：1.… with 2. 3. … on the lines below: the run's first items stand inside the line above it.
      if (text !== undefined && expectedStart !== undefined && written > 1 && written !== expectedStart && startsInLineAbove(text, run.items[0]!, written)) {
        expectedStart = undefined;
        reason = 'own';
      }
      plans.push({ run, convention, expectedStart, reason });
      previousEnd = (expectedStart ?? written) + run.items.length - 1;
    });
  }
  plans.sort((left, right) => left.run.items[0]!.start - right.run.items[0]!.start);
  return plans;
}

/** The convention of each (part, level), for rules that only need to know it (one map, built once per plan list). */
const conventionMaps = new WeakMap<readonly RunPlan[], Map<string, Convention>>();
export function conventionOf(plans: readonly RunPlan[], part: number, level: number): Convention {
  let map = conventionMaps.get(plans);
  if (!map) {
    map = new Map();
    for (const plan of plans) {
      const key = `${plan.run.part}:${plan.run.level}`;
      if (!map.has(key)) map.set(key, plan.convention);
    }
    conventionMaps.set(plans, map);
  }
  return map.get(`${part}:${level}`) ?? 'restart';
}

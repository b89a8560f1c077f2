// Growth of every rule, the parser and the outline on pathological inputs.
//
// Each subject (parseReport, buildOutline, each rule on its own) is timed on
// inputs of n, 4n and 16n units (CPU time, fastest of several runs, after a
// warm-up and a garbage collection), and fails when time grows faster than about n log n:
// from 4n to 16n, n log n grows ×4.5 and a quadratic ×16; the limit is ×8
// (exponent 1.5). Subjects that stay under FLOOR_MS even at 16n pass
// outright (too fast to measure, and fast enough), and a failing verdict is
// re-measured up to twice before it counts, so one GC pause cannot fail the suite.
//
// Runs in a process of its own (`npm run test:complexity`, part of `npm test`): CPU times measured after
// hundreds of other tests in one heap were GC-bound and made linear subjects look steep.
// Cases with a history (cjk-spacing, count-mismatch) have their own tests at the end.
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import { runRules } from '../../src/core/lint/run.js';
import { buildOutline } from '../../src/core/outline/build.js';
import { parseReport, type ReportDocument } from '../../src/core/index.js';
import { rules } from '../../src/core/rules/index.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Characters of the smallest input; 16n is then about 130 K characters. */
const BASE_CHARS = 8_000;
/** Below this at 16n a subject passes without a ratio (fast, and too short to time reliably). */
const FLOOR_MS = 40;
/** Largest accepted growth exponent between 4n and 16n (n log n ≈ 1.1, quadratic 2). */
const MAX_EXPONENT = 1.5;
/** A run this long is measured once (it is far from noise). */
const SINGLE_RUN_MS = 400;
/** A subject this slow at 4n that already grew too steeply from n is judged without 16n. */
const EARLY_VERDICT_MS = 500;

type Generator = { name: string; unit: (index: number) => string; prefix?: string; joiner?: string };

const HAN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const han = (index: number) => HAN_NUMERALS[index % 10]!;

/** Inputs that stress the rules and the parser; each is `prefix + units joined`. */
const GENERATORS: Generator[] = [
  { name: 'spaced Chinese without Chinese punctuation', unit: () => '安全 生产 ', prefix: '工作报告\n\n' },
  { name: 'spaced Chinese with Chinese punctuation, one paragraph', unit: () => '安全 生产 工作，', prefix: '工作报告\n\n' },
  { name: 'long prose paragraph', unit: () => '我们坚持以人民为中心，推进XX镇建设，狠抓抓落实。', prefix: '工作报告\n\n' },
  { name: 'many short lines', unit: (index) => `${han(index)}是加强安全生产，推进工作。\n`, prefix: '工作报告\n\n' },
  {
    name: 'numbered outline with skips and mixed styles',
    unit: (index) => `${han(index)}、标题${index % 3 === 0 ? '。' : ''}\n（${han(index + 2)}）小标题\n${(index % 7) + 1}.条目\n（${(index % 5) + 2}）细目\n①要点\n正文内容。\n`,
    prefix: '关于工作的报告\n\n',
  },
  { name: 'enumerations in one paragraph', unit: (index) => `三个方面：一是甲，二是乙，${han(index + 3)}是丙，`, prefix: '工作报告\n\n' },
  { name: 'enumerations on many lines', unit: (index) => `以下四项工作：一是甲；二是乙；${han(index)}是丙。\n`, prefix: '工作报告\n\n' },
  { name: 'unbalanced brackets and quotes', unit: () => '（《“【「‘(["', prefix: '工作报告\n\n' },
  { name: 'balanced brackets and ASCII quotes', unit: () => '（《说明》）“引号”"英文"，', prefix: '工作报告\n\n' },
  { name: 'placeholders and X-words', unit: () => 'XX镇x月x日20XX年××○○*镇X光Excel3x4，', prefix: '工作报告\n\n' },
  { name: 'doubled characters and punctuation', unit: () => '狠抓抓安全，，。。家家户户实实在在', prefix: '工作报告\n\n' },
  { name: 'numbers, widths and dates', unit: () => '共 32 个，２０２３年7月10日、2023.7.10、2023-07-10，１２３４，Windows 10 系统，', prefix: '工作报告\n\n' },
  { name: 'template residue and fill-in instructions', unit: () => '仅供学习 禁止外传\n（此处填写内容）【待补】（下转第四版）\n', prefix: '工作报告\n\n' },
  { name: 'emphasis delimiters *a** on one line', unit: () => '*a**', prefix: '工作报告\n\n' },
  { name: 'emphasis on many lines', unit: () => '- **粗体**与*斜体*、`代码`和[链接](http://a.b)\n', prefix: '工作报告\n\n' },
  { name: 'a wide table', unit: () => '|a', prefix: '工作报告\n\n', joiner: '' },
  { name: 'unclosed links and images on one line', unit: () => 'x[a![b', prefix: '工作报告\n\n' },
  { name: 'headings each with a short line under them, pasted tables', unit: (index) => `${index + 1}、甲\n小我融入大我\n\n北京\n\n1445\n\n`, prefix: '工作报告\n\n' },
  { name: 'HTML comments and directives', unit: () => '正文<!-- report-md-disable-line placeholder -->XX，\n', prefix: '工作报告\n\n' },
];

/** The wide table needs its delimiter row; other generators are plain repetitions. */
function make(generator: Generator, chars: number): string {
  let body = '';
  let index = 0;
  while (body.length < chars) body += generator.unit(index++) + (generator.joiner ?? '');
  if (generator.name === 'a wide table') body = `${body}|\n${'|-'.repeat(index)}|\n${body}|`;
  return (generator.prefix ?? '') + body;
}

type Subject = { name: string; run: (document: ReportDocument, text: string) => unknown };

const SUBJECTS: Subject[] = [
  { name: 'parseReport', run: (_document, text) => parseReport(text) },
  { name: 'buildOutline', run: (document) => buildOutline(document) },
  ...rules.map((rule): Subject => ({ name: rule.id, run: (document) => runRules(document, [rule]) })),
];

/** CPU time of one run in ms (user + system: a loaded machine that deschedules the test does not count). */
function timeOnce(run: () => unknown): number {
  gc();
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/** Fastest of up to five runs (one when a run is long). */
function timeMedian(run: () => unknown): number {
  const first = timeOnce(run);
  if (first >= SINGLE_RUN_MS) return first;
  const times = [first];
  const runs = first >= 50 ? 3 : 5;
  while (times.length < runs) times.push(timeOnce(run));
  // The fastest run: a garbage-collection pause or another process only ever adds time, while a
  // superlinear algorithm is slow on every run (a median let one CI run in a loaded suite fail).
  return Math.min(...times);
}

type Measurement = { times: number[]; exponent: number | undefined; verdict: 'fast' | 'ok' | 'too steep' };

type Inputs = { texts: string[]; documents: ReportDocument[] };

/** The three inputs of a generator, parsed once for all subjects. */
function inputsFor(generator: Generator): Inputs {
  const texts = [1, 4, 16].map((factor) => make(generator, BASE_CHARS * factor));
  return { texts, documents: texts.map((text) => parseReport(text)) };
}

function measure(subject: Subject, inputs: Inputs): Measurement {
  const timed = (size: number) => () => subject.run(inputs.documents[size]!, inputs.texts[size]!);
  // Warm-up on the smallest input, then the largest once: fast subjects stop here.
  timed(0)();
  const largest = timeOnce(timed(2));
  if (largest < FLOOR_MS / 2) return { times: [Number.NaN, Number.NaN, largest], exponent: undefined, verdict: 'fast' };
  const times = [timeMedian(timed(0)), timeMedian(timed(1))];
  const growth = (small: number, large: number) => Math.log(large / Math.max(small, 0.05)) / Math.log(4);
  // Already slow and steep at 4n: 16n would only take minutes to say the same.
  if (times[1]! >= EARLY_VERDICT_MS && growth(times[0]!, times[1]!) > MAX_EXPONENT) {
    return { times: [...times, Number.NaN], exponent: growth(times[0]!, times[1]!), verdict: 'too steep' };
  }
  times.push(timeMedian(timed(2)));
  if (times[2]! < FLOOR_MS) return { times, exponent: undefined, verdict: 'fast' };
  const exponent = growth(times[1]!, times[2]!);
  // Steep on both steps (n → 4n and 4n → 16n), as every quadratic case found so far was (cjk-spacing
  // 10 / 154 / 2243 ms, count-mismatch 78 / 1249 ms): a subject that allocates a finding per space is
  // steep on one step only when a major GC falls into the 16n run, and that is no quadratic algorithm.
  const steep = exponent > MAX_EXPONENT && growth(times[0]!, times[1]!) > MAX_EXPONENT;
  return { times, exponent, verdict: steep ? 'too steep' : 'ok' };
}

/** Measures, and re-measures up to twice a verdict that says too steep (a real quadratic stays steep). */
function measureTwice(subject: Subject, inputs: Inputs): Measurement {
  let result = measure(subject, inputs);
  for (let again = 0; again < 2 && result.verdict === 'too steep'; again++) result = measure(subject, inputs);
  return result;
}

function describeMeasurement(subject: string, generator: string, measurement: Measurement): string {
  const times = measurement.times.map((time) => (Number.isNaN(time) ? '–' : `${time.toFixed(1)} ms`)).join(' / ');
  const exponent = measurement.exponent === undefined ? '' : `, exponent ${measurement.exponent.toFixed(2)}`;
  return `${subject} on "${generator}": n / 4n / 16n = ${times}${exponent}`;
}

/** REPORT_MD_COMPLEXITY_VERBOSE=1 prints every measurement. */
const VERBOSE = process.env['REPORT_MD_COMPLEXITY_VERBOSE'] === '1';

/**
 * Pairs with a history, each measured in its own test below (not in the
 * generator's test), so a failure names the case. cjk-spacing was quadratic
 * here (600 KB took over 60 s; fixed in 292302c: this test failed before it at
 * n / 4n / 16n = 10 / 154 / 2243 ms). count-mismatch was found quadratic by
 * this test (the lead-in sentence is searched backwards from every
 * enumeration in a paragraph with no 。): it fails until the rule is fixed.
 */
const KNOWN_CASES: Array<{ subject: string; generator: string; note: string }> = [
  { subject: 'cjk-spacing', generator: 'spaced Chinese without Chinese punctuation', note: 'was quadratic until 292302c' },
  { subject: 'count-mismatch', generator: 'enumerations in one paragraph', note: 'was quadratic until the lead-in became a bounded clause' },
];
const KNOWN_QUADRATIC = new Set(KNOWN_CASES.map((known) => `${known.subject}|${known.generator}`));

describe('complexity: every rule, the parser and the outline grow at most about n log n', function () {
  this.timeout(300_000);
  for (const generator of GENERATORS) {
    it(generator.name, () => {
      const failures: string[] = [];
      const inputs = inputsFor(generator);
      for (const subject of SUBJECTS) {
        if (KNOWN_QUADRATIC.has(`${subject.name}|${generator.name}`)) continue;
        const measurement = measureTwice(subject, inputs);
        if (VERBOSE) console.log(`      ${measurement.verdict.padEnd(9)} ${describeMeasurement(subject.name, generator.name, measurement)}`);
        if (measurement.verdict === 'too steep') failures.push(describeMeasurement(subject.name, generator.name, measurement));
      }
      assert.deepEqual(failures, [], `grows faster than n log n:\n  ${failures.join('\n  ')}`);
    });
  }

  it('the guard itself: a quadratic subject is caught, a linear one passes', () => {
    const quadratic: Subject = {
      name: 'quadratic',
      run: (_document, text) => {
        let sum = 0;
        for (let outer = 0; outer < text.length; outer += 8) for (let inner = 0; inner < text.length; inner += 8) sum += text.charCodeAt(inner);
        return sum;
      },
    };
    const linear: Subject = { name: 'linear', run: (_document, text) => text.split('').reverse().join('') };
    const input: Generator = { name: 'plain', unit: () => '一二三四五六七八九十' };
    const inputs = inputsFor(input);
    assert.equal(measureTwice(quadratic, inputs).verdict, 'too steep');
    assert.notEqual(measureTwice(linear, inputs).verdict, 'too steep');
  });
});

describe('complexity: cases with a history', function () {
  this.timeout(300_000);
  for (const known of KNOWN_CASES) {
    // Open cases (KNOWN …) are pending until fixed, so CI stays meaningful for every other pair;
    // REPORT_MD_COMPLEXITY_KNOWN=1 runs them. Fixed ones run always, as regression tests.
    const open = known.note.startsWith('KNOWN') && process.env['REPORT_MD_COMPLEXITY_KNOWN'] !== '1';
    (open ? it.skip : it)(`${known.subject} on ${known.generator} (${known.note})`, () => {
      const subject = SUBJECTS.find((candidate) => candidate.name === known.subject)!;
      const generator = GENERATORS.find((candidate) => candidate.name === known.generator)!;
      const measurement = measureTwice(subject, inputsFor(generator));
      assert.notEqual(measurement.verdict, 'too steep', `grows faster than n log n: ${describeMeasurement(subject.name, generator.name, measurement)}`);
    });
  }
});

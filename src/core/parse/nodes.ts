/**
 * The report-Markdown tree: plain mdast (from remark-parse + remark-gfm)
 * extended with explicit nodes for the parts of a 公文-style report.
 * Every node keeps `position` in the ORIGINAL document (offsets, 1-based
 * line/column as in unist), so linter and exporter share one tree.
 */
import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { Parent } from 'unist';

/** Marker style details, used by numbering-style and by the renumber fix. */
export type MarkerStyle = {
  /** Numeral family: Chinese numerals, ASCII digits, full-width digits, circled. */
  numeral: 'han' | 'ascii' | 'fullwidth' | 'circled';
  /** Opening bracket ('' when none): '（' or '('. */
  open: string;
  /** Closing bracket or separator: '、' '.' '．' '）' ')' or '' (circled). */
  close: string;
};

/** A numbering marker at the start of a paragraph: 一、 （一） 1. （1） ①. */
export type OutlineMarker = {
  /** Outline level: 1 一、 · 2 （一） · 3 1. · 4 （1） · 5 ①. */
  level: 1 | 2 | 3 | 4 | 5;
  /** The number the marker states (一 → 1). */
  ordinal: number;
  /** The marker exactly as written, e.g. "（一）". */
  text: string;
  style: MarkerStyle;
  /** Offsets of the marker in the original text. */
  start: number;
  end: number;
  /** Offsets of the numeral inside the marker (what a renumber fix rewrites). */
  numeralStart: number;
  numeralEnd: number;
};

/** The document title (first title-like line of the preamble). */
export interface ReportTitle extends Parent {
  type: 'reportTitle';
  children: PhrasingContent[];
}

/** A line under the title: a bracketed date under a speech title （2024年2月20日）, a ——副标题, （征求意见稿）. */
export interface ReportSubtitle extends Parent {
  type: 'reportSubtitle';
  children: PhrasingContent[];
}

/** An unnumbered section title (`下半年工作安排`) or a `#` heading without a marker. Level-1 numbering restarts after it. */
export interface SectionTitle extends Parent {
  type: 'sectionTitle';
  /** Markdown heading depth when written with `#`, else 0. */
  depth: number;
  children: PhrasingContent[];
}

/** 主送机关 line: a short line ending with ： before the body. */
export interface Addressee extends Parent {
  type: 'addressee';
  children: PhrasingContent[];
}

/** 落款: the issuing body at the end of the report. */
export interface Signature extends Parent {
  type: 'signature';
  children: PhrasingContent[];
}

/** The date line at the end of the report (成文日期). */
export interface DateLine extends Parent {
  type: 'dateLine';
  children: PhrasingContent[];
}

/**
 * A numbered outline heading. When the paragraph runs on past its first
 * sentence (run-in heading), `runIn` is true and the first child is a
 * `runInHead` holding the heading sentence; the remaining children are body text.
 * Otherwise all children are heading text. The marker text is part of the
 * children (it stays literal text in every output).
 */
export interface OutlineHeading extends Parent {
  type: 'outlineHeading';
  marker: OutlineMarker;
  runIn: boolean;
  /** Plain text of the heading without the marker (first sentence for run-in). */
  title: string;
  /** Markdown heading depth when written as `## 一、…`, else 0. */
  depth: number;
  children: Array<PhrasingContent | RunInHead>;
}

/** The heading sentence of a run-in heading. */
export interface RunInHead extends Parent {
  type: 'runInHead';
  children: PhrasingContent[];
}

export type ReportBlock = ReportTitle | ReportSubtitle | SectionTitle | Addressee | Signature | DateLine | OutlineHeading;

declare module 'mdast' {
  interface RootContentMap {
    reportTitle: ReportTitle;
    reportSubtitle: ReportSubtitle;
    sectionTitle: SectionTitle;
    addressee: Addressee;
    signature: Signature;
    dateLine: DateLine;
    outlineHeading: OutlineHeading;
  }
  interface PhrasingContentMap {
    runInHead: RunInHead;
  }
}

export type { Root, RootContent };

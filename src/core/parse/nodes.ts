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
  /** Stray spaces inside the marker (`二 、`), as [start, end) offsets; absent when there are none. */
  stray?: Array<[number, number]>;
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
  /** `attachment` for a 附件 page heading (附件1): the attachment that follows is a document of its own. */
  role?: 'attachment';
  /** True for a chapter title written on one line with the first article after it (第一章　总则　　第一条 …). */
  runTogether?: boolean;
  children: PhrasingContent[];
}

/** A 版头 line: 发文字号, 份号, 密级, 紧急程度, 签发人, 发文机关标志. */
export interface Masthead extends Parent {
  type: 'masthead';
  role: 'docNumber' | 'copyNumber' | 'secrecy' | 'urgency' | 'signer' | 'issuer';
  /** Set when the element comes from the front matter (`发文字号: …`): the children are the value alone. */
  frontMatter?: true;
  children: PhrasingContent[];
}

/** One line of the 附件说明 (附件：1.名称 and each following name line). */
export interface AttachmentNote extends Parent {
  type: 'attachmentNote';
  /** The attachment number as written, when the line has one. */
  number?: { ordinal: number; numeralStart: number; numeralEnd: number; numeral: 'ascii' | 'fullwidth' };
  children: PhrasingContent[];
}

/** 附注 after the date: （此件公开发布）. */
export interface Note extends Parent {
  type: 'note';
  children: PhrasingContent[];
}

/** 版记 line: 抄送：…, ××办公室 2026年8月1日印发 (front matter: 印发机关 and 印发日期 apart). */
export interface Imprint extends Parent {
  type: 'imprint';
  role: 'copyTo' | 'printed' | 'printOffice' | 'printDate';
  /** Set when the element comes from the front matter (`抄送: …`): the children are the value alone. */
  frontMatter?: true;
  children: PhrasingContent[];
}

/** A line that is not part of the document: web-page chrome or template-site residue. */
export interface Residue extends Parent {
  type: 'residue';
  /** Web-page chrome, a template-site line, or a line grouped with template-site lines before the title. */
  reason: 'chrome' | 'template' | 'group';
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


declare module 'mdast' {
  interface RootContentMap {
    reportTitle: ReportTitle;
    reportSubtitle: ReportSubtitle;
    sectionTitle: SectionTitle;
    addressee: Addressee;
    signature: Signature;
    dateLine: DateLine;
    outlineHeading: OutlineHeading;
    masthead: Masthead;
    attachmentNote: AttachmentNote;
    note: Note;
    imprint: Imprint;
    residue: Residue;
  }
  interface PhrasingContentMap {
    runInHead: RunInHead;
  }
}

export type { Root, RootContent };

/**
 * Text-only paragraphs, kept as options until they are written.
 *
 * Nearly every block of a report is a paragraph of plain text runs (style,
 * bold, strike, character style, fonts: no images, footnote references or
 * fields). Making each of them a tree of `docx` components and letting
 * `docx` serialize it costs ~40 µs per paragraph and most of the export's
 * memory; a long report has tens of thousands. So handlers describe such a
 * paragraph as a {@link PlainParagraph}; `toDocx()` gives the ordinary docx
 * Paragraph (footnotes, table cells, the `buildDocxDocument` API), and the
 * packer (pack.ts) writes all paragraphs of one shape from a template that
 * `docx` itself serialized, filling in only the escaped text.
 */
import { Paragraph, TextRun, type IParagraphOptions, type IRunOptions, type ParagraphChild } from 'docx';

/** A text run not yet made into a docx object. */
export class RunSpec {
  constructor(readonly options: IRunOptions) {}
}

/** A paragraph child: a text run spec, or a docx object (image, footnote reference, …). */
export type RunItem = RunSpec | ParagraphChild;

/** Paragraph options without docx children. */
export type ParagraphProperties = Omit<IParagraphOptions, 'children'>;

/** Paragraph options whose children may be run specs. */
export type ParagraphSpec = ParagraphProperties & { readonly children?: readonly RunItem[] };

/** A paragraph of text runs only; see the module comment. */
export class PlainParagraph {
  constructor(
    readonly properties: ParagraphProperties,
    readonly runs: readonly IRunOptions[],
  ) {}

  /** The docx Paragraph these options make. */
  toDocx(): Paragraph {
    return new Paragraph({ ...this.properties, children: this.runs.map((run) => new TextRun(run)) });
  }

  /** Everything but the run texts: paragraphs with the same shape differ in their XML only by the escaped texts. */
  shape(): string {
    return JSON.stringify([this.properties, this.runs.map(({ text, ...rest }) => [text !== undefined, rest])]);
  }
}

/** docx Paragraph or PlainParagraph for a spec: plain when every child is a run spec. */
export function makeParagraph(spec: ParagraphSpec): Paragraph | PlainParagraph {
  const { children = [], ...properties } = spec;
  if (children.every((child) => child instanceof RunSpec)) {
    return new PlainParagraph(
      properties,
      (children as readonly RunSpec[]).map((child) => child.options),
    );
  }
  return new Paragraph({ ...properties, children: docxRuns(children) });
}

/** docx objects for run items. */
export function docxRuns(children: readonly RunItem[]): ParagraphChild[] {
  return children.map((child) => (child instanceof RunSpec ? new TextRun(child.options) : child));
}

/** A docx object for a block (PlainParagraph → Paragraph; anything else as it is). */
export function toDocxBlock<T>(block: T | PlainParagraph): T | Paragraph {
  return block instanceof PlainParagraph ? block.toDocx() : block;
}

/**
 * The GB/T 9704-2012 layout table: every number the DOCX exporter writes.
 *
 * Units: twips (1/20 pt, 1 mm = 56.693 twips) for lengths, half-points for
 * font sizes (`w:sz`). All values are integers; `resolveLayout` rejects
 * anything else. Sources for each number are in
 * `shared/reference/gongwen-format.md` (sections 1-2) and docs/export.md.
 */

import { resolveFontFaces, type FontFaces, type FontSetting } from './fonts.js';

/** One font family written to every rFonts slot (ascii, hAnsi, eastAsia, cs) with hint eastAsia. */
export type FontName = string;

/** Style of one outline level (一、 （一） 1. （1） ①). */
export type HeadingLayout = {
  font: FontName;
  bold: boolean;
};

export type PageLayout = {
  /** A4: 210 mm x 297 mm. */
  width: number;
  height: number;
  /** 天头 37 mm. */
  marginTop: number;
  /** 297 - 37 - 225 = 35 mm. */
  marginBottom: number;
  /** 订口 28 mm. */
  marginLeft: number;
  /** 210 - 28 - 156 = 26 mm. */
  marginRight: number;
  /** Distance from the page top to the header. */
  header: number;
  /** Distance from the page bottom to the bottom of the footer (page number). */
  footer: number;
};

export type Layout = {
  page: PageLayout;
  /** Exact line spacing of body text: 225 mm / 22 lines = 579 twips (22 x 579 = 12738 <= 12756). */
  linePitch: number;
  /**
   * Twips added after every character of body text (negative condenses).
   * 28 x (320 - 8) = 8736 <= 8845 type-area width, 29 x 312 = 9048 do not fit:
   * 28 characters per full line in Word and LibreOffice alike. -5 to -14 all give
   * 28; LibreOffice 7.4 drops a line-final mark that should hang in the margin far
   * more often at -5 (39 on the five seeds) than at -8 (none; docs/export.md).
   */
  characterSpacing: number;
  /** Widow/orphan control. Off so every body page holds 22 lines (GB 5.2.3 "撑满版心"). */
  widowControl: boolean;
  /** Keep stand-alone headings on the page of the paragraph that follows. */
  keepHeadingsWithNext: boolean;
  sizes: {
    /** 二号 22 pt. */
    title: number;
    /** 三号 16 pt: body, headings, 主送, 落款, 日期. */
    body: number;
    /** 四号 14 pt. */
    pageNumber: number;
    /** Table text; GB 5.2.2 default 三号. */
    table: number;
    /** Footnote text, 四号. */
    footnote: number;
  };
  fonts: {
    /** 仿宋: body text, levels 3-4, 主送, 落款, 日期, tables. */
    body: FontName;
    /** 小标宋: the document title. */
    title: FontName;
    /** *emphasis* and block quotes: 楷体. */
    emphasis: FontName;
    /** 宋体: page numbers. */
    pageNumber: FontName;
    /** Unnumbered section titles: 黑体. */
    sectionTitle: FontName;
    /** Code blocks and inline code (ASCII slots only; CJK keeps the body font). */
    code: FontName;
  };
  /** Levels 1-5: 黑体, 楷体, 仿宋 bold, 仿宋, 仿宋. */
  headings: [HeadingLayout, HeadingLayout, HeadingLayout, HeadingLayout, HeadingLayout];
  /** Space after the title: one blank line before 主送/body (GB 7.3.2). */
  titleSpaceAfter: number;
  /** Space before 落款 / 日期: one blank line below the body (GB 7.3.5). */
  closingSpaceBefore: number;
  /** 署名 right indent in characters when the date is not longer (GB 7.3.5.2: 2 字). */
  signatureRightChars: number;
  /** 成文日期 right indent in characters when the document is sealed (GB 7.3.5.1: 4 字). */
  sealDateRightChars: number;
  pageNumbers: {
    enabled: boolean;
    /** Text on each side of the number: 一字线 U+2014 plus a space. */
    prefix: string;
    suffix: string;
    /** Odd pages right, even pages left, this far in from the type-area edge (1 字 of 四号 = 280). */
    edgeIndent: number;
  };
  /** Table borders: eighths of a point (4 = 0.5 pt). */
  tableBorderSize: number;
  /** 版头 (GB 7.2): the 发文机关标志 and the separator line under the 发文字号. */
  masthead: {
    /** Largest size of the 发文机关标志 (half-points; smaller when the name would not fit on one line): 小初 36 pt. */
    issuerSize: number;
    /** Colour of the 发文机关标志 and of the separator line (RGB hex). */
    color: string;
    /** Thickness of the separator line, eighths of a point (8 = 1 pt). */
    lineSize: number;
    /** Distance from the 发文字号's line box to the separator line, points (4 mm below the text). */
    lineSpace: number;
    /** Space under the separator line: the title stands two lines below it (GB 7.3.1). */
    spaceAfterLine: number;
  };
  /** 版记 (GB 7.4): 四号, separator lines 0.35 mm (thick) and 0.25 mm (thin). */
  imprint: {
    size: number;
    /** First and last separator lines, eighths of a point (8 = 1 pt ≈ 0.35 mm). */
    thickLine: number;
    /** Lines between the 版记 elements (6 = 0.75 pt ≈ 0.26 mm). */
    thinLine: number;
  };
};

/** The defaults: GB/T 9704-2012 numbers as written by Word-authored templates (see the reference). */
export const DEFAULT_LAYOUT: Layout = {
  page: {
    width: 11906,
    height: 16838,
    marginTop: 2098,
    marginBottom: 1984,
    marginLeft: 1587,
    marginRight: 1474,
    header: 851,
    footer: 1418,
  },
  linePitch: 579,
  characterSpacing: -8,
  widowControl: false,
  keepHeadingsWithNext: true,
  sizes: { title: 44, body: 32, pageNumber: 28, table: 32, footnote: 28 },
  fonts: {
    body: 'FangSong',
    title: 'FZXiaoBiaoSong-B05S',
    emphasis: 'KaiTi',
    pageNumber: 'SimSun',
    sectionTitle: 'SimHei',
    code: 'Courier New',
  },
  headings: [
    { font: 'SimHei', bold: false },
    { font: 'KaiTi', bold: false },
    { font: 'FangSong', bold: true },
    { font: 'FangSong', bold: false },
    { font: 'FangSong', bold: false },
  ],
  titleSpaceAfter: 579,
  closingSpaceBefore: 579,
  signatureRightChars: 2,
  sealDateRightChars: 4,
  pageNumbers: { enabled: true, prefix: '\u2014 ', suffix: ' \u2014', edgeIndent: 280 },
  tableBorderSize: 4,
  masthead: { issuerSize: 72, color: 'FF0000', lineSize: 8, lineSpace: 11, spaceAfterLine: 1158 },
  imprint: { size: 28, thickLine: 8, thinLine: 6 },
};

/** Partial overrides, any depth (settings / .reportmdrc.json `export.layout`). */
export type LayoutOverrides = {
  page?: Partial<PageLayout>;
  linePitch?: number;
  characterSpacing?: number;
  widowControl?: boolean;
  keepHeadingsWithNext?: boolean;
  sizes?: Partial<Layout['sizes']>;
  fonts?: Partial<Layout['fonts']>;
  headings?: Array<Partial<HeadingLayout> | undefined>;
  titleSpaceAfter?: number;
  closingSpaceBefore?: number;
  signatureRightChars?: number;
  sealDateRightChars?: number;
  pageNumbers?: Partial<Layout['pageNumbers']>;
  tableBorderSize?: number;
  masthead?: Partial<Layout['masthead']>;
  imprint?: Partial<Layout['imprint']>;
};

/** The default layout with the faces of a font profile (fonts.ts) in every font slot. */
export function layoutWithFaces(faces: FontFaces): Layout {
  return {
    ...DEFAULT_LAYOUT,
    fonts: { ...DEFAULT_LAYOUT.fonts, body: faces.fangsong, title: faces.xiaobiaosong, emphasis: faces.kaiti, pageNumber: faces.songti, sectionTitle: faces.heiti },
    headings: [
      { font: faces.heiti, bold: false },
      { font: faces.kaiti, bold: false },
      { font: faces.fangsong, bold: true },
      { font: faces.fangsong, bold: false },
      { font: faces.fangsong, bold: false },
    ],
  };
}

/**
 * Merges overrides into the defaults and validates that every length is an integer in range.
 * `fonts` (a profile or explicit faces, `export.fonts`) sets the font slots first; `overrides.fonts` still wins.
 */
export function resolveLayout(overrides: LayoutOverrides = {}, fonts?: FontSetting): Layout {
  const base = fonts === undefined ? DEFAULT_LAYOUT : layoutWithFaces(resolveFontFaces(fonts));
  const headings = base.headings.map((heading, index) => ({ ...heading, ...(overrides.headings?.[index] ?? {}) })) as Layout['headings'];
  const layout: Layout = {
    page: { ...base.page, ...overrides.page },
    linePitch: overrides.linePitch ?? base.linePitch,
    characterSpacing: overrides.characterSpacing ?? base.characterSpacing,
    widowControl: overrides.widowControl ?? base.widowControl,
    keepHeadingsWithNext: overrides.keepHeadingsWithNext ?? base.keepHeadingsWithNext,
    sizes: { ...base.sizes, ...overrides.sizes },
    fonts: { ...base.fonts, ...overrides.fonts },
    headings,
    titleSpaceAfter: overrides.titleSpaceAfter ?? base.titleSpaceAfter,
    closingSpaceBefore: overrides.closingSpaceBefore ?? base.closingSpaceBefore,
    signatureRightChars: overrides.signatureRightChars ?? base.signatureRightChars,
    sealDateRightChars: overrides.sealDateRightChars ?? base.sealDateRightChars,
    pageNumbers: { ...base.pageNumbers, ...overrides.pageNumbers },
    tableBorderSize: overrides.tableBorderSize ?? base.tableBorderSize,
    masthead: { ...base.masthead, ...overrides.masthead },
    imprint: { ...base.imprint, ...overrides.imprint },
  };
  validateLayout(layout);
  return layout;
}

function requireInteger(name: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`export layout: "${name}" must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
}

function requireFont(name: string, value: unknown): void {
  // Word limits rFonts names to fewer than 32 characters (MS-OI29500 2.1.88).
  if (typeof value !== 'string' || value.trim() === '' || value.length >= 32) {
    throw new RangeError(`export layout: "${name}" must be a font name of 1-31 characters, got ${JSON.stringify(value)}`);
  }
}

function validateLayout(layout: Layout): void {
  const page = layout.page;
  requireInteger('page.width', page.width, 2880, 31680);
  requireInteger('page.height', page.height, 2880, 31680);
  for (const key of ['marginTop', 'marginBottom', 'marginLeft', 'marginRight', 'header', 'footer'] as const) {
    requireInteger(`page.${key}`, page[key], 0, 15840);
  }
  if (page.marginLeft + page.marginRight >= page.width) throw new RangeError('export layout: left + right margins leave no type area');
  if (page.marginTop + page.marginBottom >= page.height) throw new RangeError('export layout: top + bottom margins leave no type area');
  requireInteger('linePitch', layout.linePitch, 120, 2880);
  requireInteger('characterSpacing', layout.characterSpacing, -200, 200);
  for (const key of Object.keys(layout.sizes) as Array<keyof Layout['sizes']>) requireInteger(`sizes.${key}`, layout.sizes[key], 2, 3276);
  for (const key of Object.keys(layout.fonts) as Array<keyof Layout['fonts']>) requireFont(`fonts.${key}`, layout.fonts[key]);
  layout.headings.forEach((heading, index) => {
    requireFont(`headings[${index}].font`, heading.font);
    if (typeof heading.bold !== 'boolean') throw new RangeError(`export layout: "headings[${index}].bold" must be true or false`);
  });
  requireInteger('titleSpaceAfter', layout.titleSpaceAfter, 0, 15840);
  requireInteger('closingSpaceBefore', layout.closingSpaceBefore, 0, 15840);
  requireInteger('signatureRightChars', layout.signatureRightChars, 0, 20);
  requireInteger('sealDateRightChars', layout.sealDateRightChars, 0, 20);
  requireInteger('pageNumbers.edgeIndent', layout.pageNumbers.edgeIndent, 0, 15840);
  requireInteger('tableBorderSize', layout.tableBorderSize, 0, 96);
  requireInteger('masthead.issuerSize', layout.masthead.issuerSize, 2, 3276);
  if (typeof layout.masthead.color !== 'string' || !/^[0-9A-Fa-f]{6}$/.test(layout.masthead.color)) {
    throw new RangeError(`export layout: "masthead.color" must be six hex digits (FF0000), got ${JSON.stringify(layout.masthead.color)}`);
  }
  requireInteger('masthead.lineSize', layout.masthead.lineSize, 2, 96);
  requireInteger('masthead.lineSpace', layout.masthead.lineSpace, 0, 31);
  requireInteger('masthead.spaceAfterLine', layout.masthead.spaceAfterLine, 0, 15840);
  requireInteger('imprint.size', layout.imprint.size, 2, 3276);
  requireInteger('imprint.thickLine', layout.imprint.thickLine, 2, 96);
  requireInteger('imprint.thinLine', layout.imprint.thinLine, 2, 96);
}

/** Every font name the layout writes, each once, in a fixed order (for the font table). */
export function layoutFontNames(layout: Layout): string[] {
  const names = [layout.fonts.body, layout.fonts.title, layout.fonts.emphasis, layout.fonts.sectionTitle, layout.fonts.pageNumber, ...layout.headings.map((heading) => heading.font), layout.fonts.code];
  return [...new Set(names)];
}

/** Width of the type area (版心) in twips. */
export function typeAreaWidth(layout: Layout): number {
  return layout.page.width - layout.page.marginLeft - layout.page.marginRight;
}

/** Height of the type area (版心) in twips. */
export function typeAreaHeight(layout: Layout): number {
  return layout.page.height - layout.page.marginTop - layout.page.marginBottom;
}

/** Advance of one full-width body character: font size plus character spacing (320 - 8 = 312). */
export function bodyCharacterPitch(layout: Layout): number {
  return layout.sizes.body * 10 + layout.characterSpacing;
}

/** First-line indent of body text: 2 字 at the condensed pitch (624). */
export function firstLineIndent(layout: Layout): number {
  return 2 * bodyCharacterPitch(layout);
}

/** Style ids written to styles.xml (Word's built-in ids where one exists). */
export const STYLE_IDS = {
  normal: 'Normal',
  title: 'Title',
  subtitle: 'Subtitle',
  addressee: 'Addressee',
  sectionTitle: 'SectionTitle',
  signature: 'Signature',
  dateLine: 'DateLine',
  quote: 'Quote',
  tableText: 'TableText',
  code: 'Code',
  footer: 'Footer',
  footnoteText: 'FootnoteText',
  tocHeading: 'TOCHeading',
  attachmentNote: 'AttachmentNote',
  attachmentHeading: 'AttachmentHeading',
  heading: ['Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5'],
  headingChar: ['Heading1Char', 'Heading2Char', 'Heading3Char', 'Heading4Char', 'Heading5Char'],
  emphasisChar: 'Emphasis',
} as const;

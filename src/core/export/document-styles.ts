/**
 * Turns the layout table into docx style definitions: docDefaults, Normal,
 * the title, one heading style per outline level (with outline levels, so
 * Word's and WPS's navigation pane and tables of contents work), linked
 * character styles for run-in heading sentences, and the 公文 parts.
 */
import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type ICharacterStyleOptions, type IStylesOptions } from 'docx';
import { firstLineIndent, STYLE_IDS, type FontName, type Layout } from './styles.js';

/** rFonts with one family in every slot, so digits, quotes and dashes do not fall back to a Latin font. */
export function fontSlots(name: FontName): { ascii: string; hAnsi: string; eastAsia: string; cs: string; hint: string } {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' };
}

/** Exact line spacing on the 22-line pitch, no space before or after. */
function gridSpacing(layout: Layout, before = 0, after = 0) {
  return { line: layout.linePitch, lineRule: LineRuleType.EXACT, before, after };
}

/** `widowControl` is written by the style constructor but is missing from the style option types. */
function withWidowControl<T extends object>(paragraph: T, layout: Layout): T {
  return { ...paragraph, widowControl: layout.widowControl } as T;
}

/** Names Word knows for its built-in styles (lower-case, as Word writes them), so localized Word shows 标题 1 etc. */
const HEADING_NAMES = ['heading 1', 'heading 2', 'heading 3', 'heading 4', 'heading 5'];

/** Builds every style the exporter references. */
export function buildStyles(layout: Layout): IStylesOptions {
  const indent = firstLineIndent(layout);
  const body = layout.sizes.body;
  const noIndent = { firstLine: 0, left: 0, right: 0 };

  const paragraphStyles: IParagraphStyleOptions[] = [
    {
      id: STYLE_IDS.normal,
      name: 'Normal',
      quickFormat: true,
      run: { font: fontSlots(layout.fonts.body), size: body, characterSpacing: layout.characterSpacing, color: '000000' },
      paragraph: withWidowControl(
        { alignment: AlignmentType.JUSTIFIED, spacing: gridSpacing(layout), indent: { firstLine: indent } },
        layout,
      ),
    },
    {
      id: STYLE_IDS.title,
      name: 'Title',
      basedOn: STYLE_IDS.normal,
      next: STYLE_IDS.normal,
      quickFormat: true,
      run: { font: fontSlots(layout.fonts.title), size: layout.sizes.title, bold: false, characterSpacing: 0 },
      paragraph: { alignment: AlignmentType.CENTER, indent: noIndent, spacing: gridSpacing(layout, 0, layout.titleSpaceAfter) },
    },
    {
      id: STYLE_IDS.subtitle,
      name: 'Subtitle',
      basedOn: STYLE_IDS.normal,
      next: STYLE_IDS.normal,
      quickFormat: true,
      run: { font: fontSlots(layout.fonts.emphasis) },
      paragraph: { alignment: AlignmentType.CENTER, indent: noIndent },
    },
    {
      id: STYLE_IDS.sectionTitle,
      name: '节标题',
      basedOn: STYLE_IDS.normal,
      next: STYLE_IDS.normal,
      quickFormat: true,
      run: { font: fontSlots(layout.fonts.sectionTitle), size: body },
      paragraph: { alignment: AlignmentType.CENTER, indent: noIndent, keepNext: layout.keepHeadingsWithNext, outlineLevel: 0 },
    },
    {
      id: STYLE_IDS.addressee,
      name: '主送机关',
      basedOn: STYLE_IDS.normal,
      next: STYLE_IDS.normal,
      quickFormat: true,
      paragraph: { alignment: AlignmentType.JUSTIFIED, indent: noIndent },
    },
    {
      id: STYLE_IDS.signature,
      name: '落款',
      basedOn: STYLE_IDS.normal,
      next: STYLE_IDS.dateLine,
      quickFormat: true,
      paragraph: { alignment: AlignmentType.RIGHT, indent: noIndent, keepNext: true },
    },
    {
      id: STYLE_IDS.dateLine,
      name: '成文日期',
      basedOn: STYLE_IDS.normal,
      next: STYLE_IDS.normal,
      quickFormat: true,
      paragraph: { alignment: AlignmentType.RIGHT, indent: noIndent },
    },
    {
      // 附件说明 (GB 7.3.4): indents per line are direct (handlers/report-parts.ts); never in the outline.
      id: STYLE_IDS.attachmentNote,
      name: '附件说明',
      basedOn: STYLE_IDS.normal,
      next: STYLE_IDS.normal,
      paragraph: { alignment: AlignmentType.LEFT, keepNext: true },
    },
    {
      // 附件 heading on an attachment page (GB 7.3.7): 黑体, flush left, top of a new page.
      id: STYLE_IDS.attachmentHeading,
      name: '附件标识',
      basedOn: STYLE_IDS.normal,
      next: STYLE_IDS.title,
      run: { font: fontSlots(layout.fonts.sectionTitle) },
      paragraph: { alignment: AlignmentType.LEFT, indent: noIndent, keepNext: true },
    },
    {
      id: STYLE_IDS.quote,
      name: 'Quote',
      basedOn: STYLE_IDS.normal,
      next: STYLE_IDS.normal,
      run: { font: fontSlots(layout.fonts.emphasis) },
      paragraph: { indent: { left: indent, firstLine: indent } },
    },
    {
      id: STYLE_IDS.tableText,
      name: '表格文字',
      basedOn: STYLE_IDS.normal,
      run: { size: layout.sizes.table, characterSpacing: 0 },
      paragraph: { alignment: AlignmentType.LEFT, indent: noIndent, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
    },
    {
      id: STYLE_IDS.code,
      name: '代码',
      basedOn: STYLE_IDS.normal,
      run: { font: { ...fontSlots(layout.fonts.body), ascii: layout.fonts.code, hAnsi: layout.fonts.code, cs: layout.fonts.code }, size: layout.sizes.footnote, characterSpacing: 0 },
      paragraph: { alignment: AlignmentType.LEFT, indent: noIndent, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
    },
    {
      id: STYLE_IDS.footer,
      name: 'footer',
      basedOn: STYLE_IDS.normal,
      run: { font: fontSlots(layout.fonts.pageNumber), size: layout.sizes.pageNumber, characterSpacing: 0 },
      paragraph: { indent: noIndent, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
    },
    {
      id: STYLE_IDS.footnoteText,
      name: 'footnote text',
      basedOn: STYLE_IDS.normal,
      run: { size: layout.sizes.footnote, characterSpacing: 0 },
      paragraph: { alignment: AlignmentType.JUSTIFIED, indent: noIndent, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
    },
    {
      id: STYLE_IDS.tocHeading,
      name: 'TOC Heading',
      basedOn: STYLE_IDS.normal,
      next: STYLE_IDS.normal,
      run: { font: fontSlots(layout.fonts.sectionTitle) },
      paragraph: { alignment: AlignmentType.CENTER, indent: noIndent },
    },
  ];

  const characterStyles: ICharacterStyleOptions[] = [
    { id: STYLE_IDS.emphasisChar, name: 'Emphasis', quickFormat: true, run: { font: fontSlots(layout.fonts.emphasis), italics: false } },
  ];

  layout.headings.forEach((heading, index) => {
    const run = { font: fontSlots(heading.font), size: body, bold: heading.bold, color: '000000' };
    paragraphStyles.push({
      id: STYLE_IDS.heading[index]!,
      name: HEADING_NAMES[index]!,
      basedOn: STYLE_IDS.normal,
      next: STYLE_IDS.normal,
      link: STYLE_IDS.headingChar[index]!,
      quickFormat: true,
      run,
      paragraph: {
        alignment: AlignmentType.JUSTIFIED,
        spacing: gridSpacing(layout),
        indent: { firstLine: indent },
        keepNext: layout.keepHeadingsWithNext,
        outlineLevel: index,
      },
    });
    characterStyles.push({
      id: STYLE_IDS.headingChar[index]!,
      name: `Heading ${index + 1} Char`,
      basedOn: 'DefaultParagraphFont',
      link: STYLE_IDS.heading[index]!,
      run,
    });
  });

  return {
    default: {
      document: {
        run: {
          font: fontSlots(layout.fonts.body),
          size: body,
          language: { value: 'zh-CN', eastAsia: 'zh-CN' },
        },
        paragraph: withWidowControl({ spacing: { before: 0, after: 0 } }, layout),
      },
    },
    paragraphStyles,
    characterStyles,
  };
}

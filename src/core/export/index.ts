/** Public API of the DOCX exporter (GB/T 9704 layout). */
export { exportDocx, buildDocxDocument, convertBlocks, pageNumberFooters, ImageOutsideRootError } from './to-docx.js';
export type { DocxExportOptions, DocxExportResult, ReadImage } from './to-docx.js';
export type { ExportWarning, WarningCode, ExportLanguage } from './context.js';
export { DEFAULT_LAYOUT, resolveLayout, layoutFontNames, typeAreaWidth, typeAreaHeight, bodyCharacterPitch, firstLineIndent, STYLE_IDS } from './styles.js';
export type { Layout, LayoutOverrides, PageLayout, HeadingLayout, FontName } from './styles.js';
export { closingIndents, textWidth } from './handlers/closing.js';
export { readImageInfo, imagePolicy, resolveImagePath } from './image-info.js';
export type { ImageInfo, ImageFormat, ImagePolicy, ImageRefusal } from './image-info.js';
export { hasForbiddenXmlChars, stripForbiddenXmlChars } from './xml-chars.js';
export { FONT_PROFILES, resolveFontFaces, declareFont } from './fonts.js';
export type { FontFaces, FontProfileName, FontSetting, FontDeclaration } from './fonts.js';
export { lineBreaksFor, joinWrappedLines } from './line-breaks.js';
export type { LineBreaks } from './line-breaks.js';

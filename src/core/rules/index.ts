/** The rule registry: an explicit, ordered list (no discovery, bundler-safe). Retired ids are never reused. */
import type { Rule } from '../lint/rule.js';
import { countMismatch } from './count-mismatch.js';
import { enumerationSequence } from './enumeration-sequence.js';
import { numberingLevel } from './numbering-level.js';
import { numberingLone } from './numbering-lone.js';
import { numberingSequence } from './numbering-sequence.js';
import { numberingStyle } from './numbering-style.js';
import { pairing } from './pairing.js';
import { placeholder } from './placeholder.js';
import { cjkSpacing } from './cjk-spacing.js';
import { dateStyle } from './date-style.js';
import { headingPunctuation } from './heading-punctuation.js';
import { numberWidth } from './number-width.js';
import { punctuationWidth } from './punctuation-width.js';
import { quoteStyle } from './quote-style.js';
import { repeatedChar } from './repeated-char.js';
import { templateResidue } from './template-residue.js';
import { addresseeRequired } from './addressee-required.js';
import { attachmentMatch } from './attachment-match.js';
import { docNumberFormat } from './doc-number-format.js';
import { reportRequest } from './report-request.js';
import { runTogetherHeading } from './run-together-heading.js';

export const rules: readonly Rule[] = [
  placeholder,
  numberingSequence,
  numberingLevel,
  numberingLone,
  numberingStyle,
  enumerationSequence,
  countMismatch,
  pairing,
  templateResidue,
  punctuationWidth,
  cjkSpacing,
  numberWidth,
  quoteStyle,
  repeatedChar,
  headingPunctuation,
  dateStyle,
  docNumberFormat,
  attachmentMatch,
  addresseeRequired,
  reportRequest,
  runTogetherHeading,
];

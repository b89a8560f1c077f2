/** Chinese numerals, full-width digits and circled numbers ↔ integers. */

const HAN_DIGITS = '零一二三四五六七八九';

/** Parses a Chinese numeral from 一 to 九十九 (also 〇/零-free forms like 二十); returns undefined when invalid. */
export function parseHanNumeral(text: string): number | undefined {
  if (text.length === 0 || text.length > 3) return undefined;
  if (text.length === 1) {
    if (text === '十') return 10;
    const digit = HAN_DIGITS.indexOf(text);
    return digit > 0 ? digit : undefined;
  }
  const tenIndex = text.indexOf('十');
  if (tenIndex < 0) return undefined;
  const tensText = text.slice(0, tenIndex);
  const unitsText = text.slice(tenIndex + 1);
  let tens = 1;
  if (tensText.length === 1) {
    tens = HAN_DIGITS.indexOf(tensText);
    if (tens < 2) return undefined; // 一十 is not written in headings
  } else if (tensText.length > 1) {
    return undefined;
  }
  let units = 0;
  if (unitsText.length === 1) {
    units = HAN_DIGITS.indexOf(unitsText);
    if (units < 1) return undefined;
  } else if (unitsText.length > 1) {
    return undefined;
  }
  return tens * 10 + units;
}

/** Formats 1–99 as a Chinese numeral (11 → 十一, 20 → 二十). */
export function formatHanNumeral(value: number): string {
  if (value < 1 || value > 99 || !Number.isInteger(value)) return String(value);
  if (value < 10) return HAN_DIGITS[value]!;
  const tens = Math.floor(value / 10);
  const units = value % 10;
  return (tens === 1 ? '' : HAN_DIGITS[tens]!) + '十' + (units === 0 ? '' : HAN_DIGITS[units]!);
}

/** Parses ASCII or full-width decimal digits. */
export function parseDigits(text: string): number | undefined {
  let value = 0;
  for (const char of text) {
    const code = char.charCodeAt(0);
    let digit: number;
    if (code >= 0x30 && code <= 0x39) digit = code - 0x30;
    else if (code >= 0xff10 && code <= 0xff19) digit = code - 0xff10;
    else return undefined;
    value = value * 10 + digit;
  }
  return text.length > 0 ? value : undefined;
}

/** Formats digits in ASCII or full width. */
export function formatDigits(value: number, fullWidth: boolean): string {
  const ascii = String(value);
  if (!fullWidth) return ascii;
  let out = '';
  for (const char of ascii) out += String.fromCharCode(char.charCodeAt(0) - 0x30 + 0xff10);
  return out;
}

/** Parses a circled number ①–㊿. */
export function parseCircled(char: string): number | undefined {
  const code = char.charCodeAt(0);
  if (code >= 0x2460 && code <= 0x2473) return code - 0x2460 + 1;
  if (code >= 0x3251 && code <= 0x325f) return code - 0x3251 + 21;
  if (code >= 0x32b1 && code <= 0x32bf) return code - 0x32b1 + 36;
  return undefined;
}

/** Formats 1–50 as a circled number. */
export function formatCircled(value: number): string {
  if (value >= 1 && value <= 20) return String.fromCharCode(0x2460 + value - 1);
  if (value >= 21 && value <= 35) return String.fromCharCode(0x3251 + value - 21);
  if (value >= 36 && value <= 50) return String.fromCharCode(0x32b1 + value - 36);
  return String(value);
}

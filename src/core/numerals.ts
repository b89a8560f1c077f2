/** Chinese numerals, full-width digits and circled numbers ↔ integers. */

const HAN_DIGITS = '零一二三四五六七八九';

/** Parses a Chinese numeral from 一 to 九百九十九 (二十, 一百, 一百零五, 一百一十); returns undefined when invalid. */
export function parseHanNumeral(text: string): number | undefined {
  const hundredIndex = text.indexOf('百');
  if (hundredIndex >= 0) {
    const hundreds = hundredIndex === 1 ? HAN_DIGITS.indexOf(text[0]!) : -1;
    if (hundreds < 1) return undefined;
    let rest = text.slice(hundredIndex + 1);
    if (rest === '') return hundreds * 100;
    if (rest.startsWith('零')) {
      rest = rest.slice(1);
      const units = rest.length === 1 ? HAN_DIGITS.indexOf(rest) : -1;
      return units >= 1 ? hundreds * 100 + units : undefined;
    }
    // 一百一十 writes its ten with 一; 一百二十三 as usual.
    const tens = rest.startsWith('一十') ? parseHanNumeral(rest.slice(1)) : rest.startsWith('十') ? undefined : parseHanNumeral(rest);
    return tens !== undefined && tens >= 10 && (rest.startsWith('一十') ? tens < 20 : tens >= 20) ? hundreds * 100 + tens : undefined;
  }
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

/** Formats 1–999 as a Chinese numeral (11 → 十一, 20 → 二十, 100 → 一百, 105 → 一百零五, 110 → 一百一十); undefined past the table. */
export function formatHanNumeral(value: number): string | undefined {
  if (value < 1 || value > 999 || !Number.isInteger(value)) return undefined;
  if (value >= 100) {
    const hundreds = Math.floor(value / 100);
    const rest = value % 100;
    if (rest === 0) return HAN_DIGITS[hundreds]! + '百';
    if (rest < 10) return HAN_DIGITS[hundreds]! + '百零' + HAN_DIGITS[rest]!;
    return HAN_DIGITS[hundreds]! + '百' + (rest < 20 ? '一' : '') + formatHanNumeral(rest)!;
  }
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

/** Formats 1–50 as a circled number; undefined past ㊿ (there is no circled 51). */
export function formatCircled(value: number): string | undefined {
  if (value >= 1 && value <= 20) return String.fromCharCode(0x2460 + value - 1);
  if (value >= 21 && value <= 35) return String.fromCharCode(0x3251 + value - 21);
  if (value >= 36 && value <= 50) return String.fromCharCode(0x32b1 + value - 36);
  return undefined;
}

/** Word's number formats (`w:numFmt`): a counter value as the text Word shows for it. */
import { formatDigits, formatHanNumeral } from '../numerals.js';

const HAN_DIGITS = '〇一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** A Chinese numeral for any non-negative integer (十一, 一百零五, 一千二百); 0 is 〇. */
function hanCounting(value: number): string {
  if (value === 0) return '〇';
  const short = formatHanNumeral(value);
  if (short !== undefined) return short;
  if (value >= 1000 && value <= 9999) {
    const thousands = Math.floor(value / 1000);
    const rest = value % 1000;
    if (rest === 0) return HAN_DIGITS[thousands] + '千';
    return HAN_DIGITS[thousands] + '千' + (rest < 100 ? '零' : '') + (rest < 20 && rest >= 10 ? '一' : '') + hanCounting(rest);
  }
  return String(value);
}

/** 壹 贰 … 拾 拾壹 … 贰拾 … 壹佰 (financial numerals), 1–999. */
function legal(value: number): string {
  if (value < 1 || value > 999) return String(value);
  const hundreds = Math.floor(value / 100);
  const tens = Math.floor((value % 100) / 10);
  const units = value % 10;
  let text = hundreds > 0 ? LEGAL_DIGITS[hundreds] + '佰' : '';
  if (tens > 0) text += (hundreds > 0 || tens > 1 ? LEGAL_DIGITS[tens] : hundreds > 0 ? LEGAL_DIGITS[1] : '') + '拾';
  else if (hundreds > 0 && units > 0) text += '零';
  if (units > 0) text += LEGAL_DIGITS[units];
  return text;
}

function roman(value: number): string {
  if (value < 1 || value > 3999) return String(value);
  const table: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let text = '';
  for (const [amount, letters] of table) {
    while (value >= amount) {
      text += letters;
      value -= amount;
    }
  }
  return text;
}

/** A, B, … Z, AA, BB, … (Word repeats the letter). */
function letter(value: number): string {
  if (value < 1) return String(value);
  const character = String.fromCharCode(0x41 + ((value - 1) % 26));
  return character.repeat(Math.floor((value - 1) / 26) + 1);
}

/** ① … ⑳ ㉑ … ㊿ */
function enclosedCircle(value: number): string {
  if (value >= 1 && value <= 20) return String.fromCharCode(0x2460 + value - 1);
  if (value >= 21 && value <= 35) return String.fromCharCode(0x3251 + value - 21);
  if (value >= 36 && value <= 50) return String.fromCharCode(0x32b1 + value - 36);
  return String(value);
}

/** Formats a counter value in a `w:numFmt`; unknown formats fall back to decimal. */
export function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'none':
      return '';
    case 'decimalZero':
      return value >= 0 && value < 10 ? `0${value}` : String(value);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return formatDigits(value, true);
    case 'upperRoman':
      return roman(value);
    case 'lowerRoman':
      return roman(value).toLowerCase();
    case 'upperLetter':
      return letter(value);
    case 'lowerLetter':
      return letter(value).toLowerCase();
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseDigitalTenThousand':
      return hanCounting(value);
    case 'chineseLegalSimplified':
      return legal(value);
    case 'ideographTraditional':
      return value >= 1 ? HEAVENLY_STEMS[(value - 1) % 10]! : String(value);
    case 'ideographZodiac':
      return value >= 1 ? EARTHLY_BRANCHES[(value - 1) % 12]! : String(value);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosedCircle(value);
    case 'decimalEnclosedParen':
      return value >= 1 && value <= 20 ? String.fromCharCode(0x2474 + value - 1) : `(${value})`;
    case 'decimalEnclosedFullstop':
      return value >= 1 && value <= 20 ? String.fromCharCode(0x2488 + value - 1) : `${value}.`;
    case 'ideographEnclosedCircle':
      return value >= 1 && value <= 10 ? String.fromCharCode(0x3280 + value - 1) : String(value);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(value)].map((digit) => HAN_DIGITS[Number(digit)] ?? digit).join('');
    default:
      return String(value);
  }
}

/** Symbol/Wingdings private-use bullets and Word's common bullet glyphs → an ordinary bullet. */
export function bulletText(lvlText: string): string {
  let text = '';
  for (const character of lvlText) {
    const code = character.codePointAt(0)!;
    text += code >= 0xe000 && code <= 0xf8ff ? '•' : character;
  }
  return text;
}

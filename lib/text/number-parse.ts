/**
 * The number layer of the figure scanner: reads one number expression at a position (digits with
 * separators, decimals, suffixes and powers; number words with scales, "point" decimals, spelled
 * fractions; vague counts), without qualifiers, ranges or units (lib/text/figures.ts adds those).
 */
import {
  DOZEN,
  HALF,
  HUNDRED,
  ORDINAL,
  QUARTER,
  SCALE,
  TEEN,
  TENS,
  UNIT,
  ZERO,
  lexiconWords,
  lowerWord,
  numberWord,
  type NumberWord,
} from './number-words';
import { createWordTrie } from './word-trie';
import { isAsciiLetter, isDigit, isGroupSpace, isWordChar, skipSpaces, wordEnd } from './tokenizer';

/** A parsed number expression. */
export interface Num {
  start: number;
  end: number;
  value: number;
  /** Upper bound of a vague count ("hundreds" → 200..999); equal to `value` otherwise. */
  high: number;
  vague: boolean;
  /** Multiplier of the scale word or suffix that ends the number ("million", "bn", "k"); 1 if none. */
  scale: number;
  /** Starts with digits (as opposed to number words). */
  digits: boolean;
  /** A bare digit integer: no separators, decimals, suffix, power, scale or words. */
  plain: boolean;
  /** Digits in a `plain` integer. */
  digitCount: number;
  /** Written with thousands separators ("12,000"). */
  grouped: boolean;
  fraction: boolean;
  /** Ends with a lower-case "m" suffix ("10m"): million only next to a currency, else metres. */
  weakM: boolean;
  /** The single word "one" (pronoun checks apply). */
  loneOne: boolean;
  /** Written as a power ("1e10", "1.1^23", "1.3x10^6"). */
  power: boolean;
}

/** A run the scanner must skip as a whole (phone number, date, id, measurement, version). */
export class Skip {
  constructor(
    /** Where the run ends. */
    readonly skip: number,
  ) {}
}

/** Whether a parse result is a {@link Skip} (a class check: cheap whatever shape `x` has). */
export function isSkip<T extends object>(x: T | Skip | null): x is Skip {
  return x instanceof Skip;
}

// ---------------------------------------------------------------------------------------------
// Digits

/** Exact powers of ten up to 10^22 (the last a double holds exactly), for {@link scaleBy}. */
const SCALE_POWERS = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** Multiplies by a power of ten through the decimal string, so 1.2 × 1e9 is exactly 1200000000. */
export function scaleBy(value: number, scale: number): number {
  if (scale === 1) return value;
  // The scales are powers of ten (1e3, 1e6…): found in the table before any logarithm is taken.
  let exp = SCALE_POWERS.indexOf(scale);
  if (exp < 0) exp = Math.round(Math.log10(scale));
  if (10 ** exp === scale) {
    // An integer times a power of ten is exact below 2^53: the same as through the string (whose
    // "-0" reads as 0, hence the + 0), without building it.
    if (Number.isInteger(value) && Math.abs(value * scale) <= Number.MAX_SAFE_INTEGER)
      return value * scale + 0;
    const s = String(value);
    if (!s.includes('e')) return Number(s + 'e' + exp);
  }
  return value * scale;
}

/** Suffixes glued to digits ("10k", "$1.2bn", "2mil"); case matters ("10g" is grams, "1mm" millimetres). */
const SUFFIXES = new Map<string, number>([
  ['k', 1e3],
  ['K', 1e3],
  ['M', 1e6],
  ['MM', 1e6],
  ['mn', 1e6],
  ['mln', 1e6],
  ['mil', 1e6],
  ['G', 1e9],
  ['b', 1e9],
  ['B', 1e9],
  ['bn', 1e9],
  ['Bn', 1e9],
  ['BN', 1e9],
  ['bln', 1e9],
  ['tn', 1e12],
  ['tln', 1e12],
]);

function digitsEnd(text: string, p: number): number {
  while (p < text.length && isDigit(text.charCodeAt(p))) p++;
  return p;
}

/** Exactly three digits at `p` and no fourth. */
function threeDigits(text: string, p: number): boolean {
  return (
    isDigit(text.charCodeAt(p)) &&
    isDigit(text.charCodeAt(p + 1)) &&
    isDigit(text.charCodeAt(p + 2)) &&
    !isDigit(text.charCodeAt(p + 3))
  );
}

/** The end of a run of digits, letters and inner separators (to skip ids, phones, dates whole). */
export function numberRunEnd(text: string, p: number): number {
  const n = text.length;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (isDigit(c) || isWordChar(c)) {
      p++;
      continue;
    }
    if ((c === 45 || c === 46 || c === 47 || c === 58 || c === 44 || c === 0x2013) && p + 1 < n) {
      const d = text.charCodeAt(p + 1);
      if (isDigit(d)) {
        p++;
        continue;
      }
    }
    break;
  }
  return p;
}

const VULGAR: Record<number, number> = {
  0xbc: 0.25,
  0xbd: 0.5,
  0xbe: 0.75,
  0x2153: 1 / 3,
  0x2154: 2 / 3,
  0x2155: 0.2,
  0x2156: 0.4,
  0x2157: 0.6,
  0x2158: 0.8,
  0x2159: 1 / 6,
  0x215a: 5 / 6,
  0x215b: 0.125,
  0x215c: 0.375,
  0x215d: 0.625,
  0x215e: 0.875,
};

/** The value of a vulgar-fraction character ("½"), if it is one. */
export function vulgarValue(c: number): number | undefined {
  if (c < 0xbc || (c > 0xbe && (c < 0x2153 || c > 0x215e))) return undefined;
  return VULGAR[c];
}

/**
 * A fresh {@link Num} read from digits, with nothing attached. Every `Num` is made here or by
 * {@link copyNum}, so they all share one object shape (property access stays monomorphic).
 */
export function blankNum(start: number, end: number, value: number): Num {
  return {
    start,
    end,
    value,
    high: value,
    vague: false,
    scale: 1,
    digits: true,
    plain: false,
    digitCount: 0,
    grouped: false,
    fraction: false,
    weakM: false,
    loneOne: false,
    power: false,
  };
}

/** Exact powers of ten, for {@link decimalValue}. */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * The value of the decimal number whose integer digits are the digits in `[intStart, intEnd)`
 * (separators in between skipped) and whose fraction digits are `[fracStart, fracEnd)`: exactly
 * `Number` of {@link decimalString}. With at most 15 digits the digits make an exact integer and
 * one correctly rounded division gives the correctly rounded value, as `Number` does; longer ones
 * go through the string.
 */
function decimalValue(
  text: string,
  intStart: number,
  intEnd: number,
  fracStart: number,
  fracEnd: number,
): number {
  let acc = 0;
  let count = 0;
  for (let k = intStart; k < intEnd; k++) {
    const d = text.charCodeAt(k) - 48;
    if (d >= 0 && d <= 9) {
      acc = acc * 10 + d;
      count++;
    }
  }
  for (let k = fracStart; k < fracEnd; k++) acc = acc * 10 + (text.charCodeAt(k) - 48);
  const frac = fracEnd - fracStart;
  if (count + frac > 15) return Number(decimalString(text, intStart, intEnd, fracStart, fracEnd));
  return frac === 0 ? acc : acc / POW10[frac]!;
}

/** The digits of {@link decimalValue} as a decimal string ("12000", "1.5", ".25"). */
function decimalString(
  text: string,
  intStart: number,
  intEnd: number,
  fracStart: number,
  fracEnd: number,
): string {
  let s = '';
  for (let k = intStart; k < intEnd; k++) if (isDigit(text.charCodeAt(k))) s += text[k];
  return fracEnd > fracStart ? s + '.' + text.slice(fracStart, fracEnd) : s;
}

/** `Number(text.slice(from, to))` for a run of ASCII digits, without the slice when it is short. */
function digitRunValue(text: string, from: number, to: number): number {
  return decimalValue(text, from, to, to, to);
}

/** A copy of `num` (to change without touching the original), of the same shape. */
export function copyNum(num: Num): Num {
  const copy = blankNum(num.start, num.end, num.value);
  copy.high = num.high;
  copy.vague = num.vague;
  copy.scale = num.scale;
  copy.digits = num.digits;
  copy.plain = num.plain;
  copy.digitCount = num.digitCount;
  copy.grouped = num.grouped;
  copy.fraction = num.fraction;
  copy.weakM = num.weakM;
  copy.loneOne = num.loneOne;
  copy.power = num.power;
  return copy;
}

/**
 * Reads a digit number at `p` (a digit, or "." before a digit). `listContext` is set when the
 * number follows "digit," ("22,24,26"), where a comma cannot be a decimal comma.
 */
export function parseDigits(text: string, p: number, listContext: boolean): Num | Skip {
  const start = p;
  let q = p;
  let decimal = false;
  let grouped = false;
  let intLen = 0;
  // The digits of the value: the integer part in [start, intEnd) (group separators skipped) and
  // the fraction in [fracStart, q) when `decimal`.
  let intEnd = p;
  let fracStart = p;
  if (text.charCodeAt(q) === 46) {
    fracStart = q + 1;
    q = digitsEnd(text, q + 1);
    decimal = true;
  } else {
    const e = digitsEnd(text, q);
    intLen = e - q;
    q = e;
    if (intLen > 1 && text.charCodeAt(start) === 48 && text.charCodeAt(q) !== 46) {
      // "007", "03-1234-5678", "0000": codes, not amounts
      return new Skip(numberRunEnd(text, q));
    }
    const c = text.charCodeAt(q);
    if (intLen <= 3 && c === 44) {
      let r = q;
      while (text.charCodeAt(r) === 44 && threeDigits(text, r + 1)) r += 4;
      if (r > q) {
        q = r;
        grouped = true;
      } else {
        // Indian grouping: 12,34,567
        let pairs = 0;
        while (
          text.charCodeAt(r) === 44 &&
          isDigit(text.charCodeAt(r + 1)) &&
          isDigit(text.charCodeAt(r + 2)) &&
          !isDigit(text.charCodeAt(r + 3))
        ) {
          r += 3;
          pairs++;
        }
        if (pairs > 0 && text.charCodeAt(r) === 44 && threeDigits(text, r + 1)) {
          q = r + 4;
          grouped = true;
        }
      }
    } else if (intLen <= 3 && isGroupSpace(c) && threeDigits(text, q + 1)) {
      let r = q;
      while (text.charCodeAt(r) === c && threeDigits(text, r + 1)) r += 4;
      q = r;
      grouped = true;
    }
    intEnd = q;
    if (text.charCodeAt(q) === 46 && isDigit(text.charCodeAt(q + 1))) {
      const e2 = digitsEnd(text, q + 1);
      if (text.charCodeAt(e2) === 46 && isDigit(text.charCodeAt(e2 + 1))) {
        // 192.168.1.2, 1.2.3, 20.11.2024: versions, addresses, dates
        return new Skip(numberRunEnd(text, e2));
      }
      fracStart = q + 1;
      q = e2;
      decimal = true;
    } else if (!grouped && !listContext && intLen <= 3 && c === 44 && isDigit(text.charCodeAt(q + 1))) {
      // decimal comma ("1,3", "5,00") when not a list ("22,24,26") and not thousands
      const e2 = digitsEnd(text, q + 1);
      const after = text.charCodeAt(e2);
      const nextDigit = isDigit(text.charCodeAt(e2 + 1));
      if (e2 - q - 1 <= 2 && !((after === 44 || after === 46) && nextDigit)) {
        fracStart = q + 1;
        q = e2;
        decimal = true;
      }
    }
  }
  const fracEnd = decimal ? q : fracStart;
  const value = decimalValue(text, start, intEnd, fracStart, fracEnd);
  const num = blankNum(start, q, value);
  num.grouped = grouped;
  const c = text.charCodeAt(q);

  // Powers: 1e10, 12.32e+14, 1.1^23, 1.3x10^6
  if ((c === 101 || c === 69) && !grouped) {
    let r = q + 1;
    const sc = text.charCodeAt(r);
    if (sc === 43 || sc === 45) r++;
    if (isDigit(text.charCodeAt(r))) {
      const e = digitsEnd(text, r);
      if (!isWordChar(text.charCodeAt(e))) {
        num.value = Number(
          decimalString(text, start, intEnd, fracStart, fracEnd) + text.slice(q, e).toLowerCase(),
        );
        num.high = num.value;
        num.power = true;
        num.end = e;
        return num;
      }
    }
  }
  if (c === 94 || ((c === 120 || c === 0xd7) && text.startsWith('10^', q + 1))) {
    let r = c === 94 ? q + 1 : q + 4;
    let sign = 1;
    for (;;) {
      const sc = text.charCodeAt(r);
      if (sc === 45) sign = -sign;
      else if (sc !== 43) break;
      r++;
    }
    if (isDigit(text.charCodeAt(r))) {
      const e = digitsEnd(text, r);
      const exp = sign * digitRunValue(text, r, e);
      num.value = c === 94 ? Math.pow(value, exp) : value * Math.pow(10, exp);
      num.high = num.value;
      num.power = true;
      num.end = e;
      return num;
    }
  }
  // Glued suffix: 10k, 1.2bn, 10M; anything else glued (29km, 11th, 1990s) is not a count
  if (isWordChar(c)) {
    const e = wordEnd(text, q);
    const suffix = text.slice(q, e);
    const mult = SUFFIXES.get(suffix);
    if (mult === undefined && suffix !== 'm') return new Skip(numberRunEnd(text, e));
    if (isDigit(text.charCodeAt(e))) return new Skip(numberRunEnd(text, e));
    num.value = scaleBy(value, mult ?? 1e6);
    num.high = num.value;
    num.scale = mult ?? 1e6;
    num.weakM = suffix === 'm' && !decimal;
    num.end = e;
    return num;
  }
  if (c === 58 && isDigit(text.charCodeAt(q + 1))) return new Skip(numberRunEnd(text, q)); // 10:30
  if (c === 47 && isDigit(text.charCodeAt(q + 1))) {
    // 3/4 is a fraction; 5/17/2018, 9/11 and 24/7 are not amounts
    const e = digitsEnd(text, q + 1);
    const den = digitRunValue(text, q + 1, e);
    const after = text.charCodeAt(e);
    if (
      !decimal &&
      !grouped &&
      den > value &&
      den <= 10 &&
      !(after === 47 && isDigit(text.charCodeAt(e + 1))) &&
      !isWordChar(after) &&
      !(after === 46 && isDigit(text.charCodeAt(e + 1)))
    ) {
      num.value = value / den;
      num.high = num.value;
      num.fraction = true;
      num.end = e;
      return num;
    }
    return new Skip(numberRunEnd(text, e));
  }
  if ((c === 45 || c === 0x2013) && isDigit(text.charCodeAt(q + 1))) {
    // 03-1234-5678, 2024-11-20, 100-0001: three groups or a zero-led second group is a code
    const e = digitsEnd(text, q + 1);
    const after = text.charCodeAt(e);
    if (
      text.charCodeAt(q + 1) === 48 ||
      ((after === 45 || after === 0x2013) && isDigit(text.charCodeAt(e + 1)))
    ) {
      return new Skip(numberRunEnd(text, e));
    }
  }
  const vul = vulgarValue(c);
  if (vul !== undefined && !decimal && !grouped) {
    num.value = value + vul;
    num.high = num.value;
    num.fraction = true;
    num.end = q + 1;
    return num;
  }
  if (!decimal && !grouped) {
    // mixed number: "2 1/4", "1 4/5"
    const r = skipSpaces(text, q);
    if (r > q && isDigit(text.charCodeAt(r))) {
      const e1 = digitsEnd(text, r);
      if (text.charCodeAt(e1) === 47 && isDigit(text.charCodeAt(e1 + 1))) {
        const e2 = digitsEnd(text, e1 + 1);
        const a = digitRunValue(text, r, e1);
        const b = digitRunValue(text, e1 + 1, e2);
        const after = text.charCodeAt(e2);
        if (a < b && b <= 10 && !isWordChar(after) && after !== 47 && !isDigit(after)) {
          num.value = value + a / b;
          num.high = num.value;
          num.fraction = true;
          num.end = e2;
          return num;
        }
      }
    }
    num.plain = true;
    num.digitCount = intLen;
  }
  return num;
}

// ---------------------------------------------------------------------------------------------
// Words

interface WordTok {
  s: number;
  e: number;
  w: string;
  info: NumberWord | undefined;
  /** Joined to the previous word by a hyphen ("twenty-one", "one - fourth"). */
  hyphen: boolean;
}

/** Reads the word at `p` (after spaces), optionally across one hyphen; null if none. */
function readWordTok(text: string, p: number): WordTok | null {
  let q = skipSpaces(text, p);
  let hyphen = false;
  if (text.charCodeAt(q) === 45) {
    hyphen = true;
    q = skipSpaces(text, q + 1);
  }
  if (!isAsciiLetter(text.charCodeAt(q))) return null;
  const e = wordEnd(text, q);
  const w = lowerWord(text, q, e);
  return { s: q, e, w, info: numberWord(w), hyphen };
}

/** What {@link nextWord} reads where there is no word (for callers that skip reading). */
const NO_WORD: { readonly w: string; readonly s: number; readonly e: number } = { w: '', s: -1, e: -1 };

/**
 * The first letter of the word {@link nextWord} reads after `p`, lower-cased, or 0 when there is
 * none (that word always starts with an ASCII letter): callers that look for a few words check it
 * first and skip reading most words.
 */
export function nextInitial(text: string, p: number): number {
  const c = text.charCodeAt(skipSpaces(text, p));
  return isAsciiLetter(c) ? c | 32 : 0;
}

// Single-entry memo: the figure layer asks for the word after the same position several times
// (fraction operator, percent, currency, "or more", time words). Cleared after each scan
// ({@link forgetNextWord}) so that it never keeps a page's text alive.
let memoText = '';
let memoPos = -1;
let memoWord: { w: string; s: number; e: number } = { w: '', s: 0, e: 0 };

/** Clears the memo of {@link nextWord}; the figure scanner calls it when a scan ends. */
export function forgetNextWord(): void {
  memoText = '';
  memoPos = -1;
  memoWord = { w: '', s: 0, e: 0 };
}

/** The next word after `p` (after spaces), lower-cased; `w` is '' when no ASCII word is there. */
export function nextWord(text: string, p: number): { w: string; s: number; e: number } {
  if (p === memoPos && text === memoText) return memoWord;
  const q = skipSpaces(text, p);
  let r: { w: string; s: number; e: number };
  if (!isAsciiLetter(text.charCodeAt(q))) r = { w: '', s: q, e: q };
  else {
    const e = wordEnd(text, q);
    r = { w: lowerWord(text, q, e), s: q, e };
  }
  memoText = text;
  memoPos = p;
  memoWord = r;
  return r;
}

/** An item of a spelled fraction: a number word, "and", or "a"/"an"; compounds pre-joined. */
interface FracItem {
  s: number;
  e: number;
  cls: number; // lexicon class, 0 for "and", -1 for "a"/"an"
  value: number;
  plural: boolean;
  /** "first"/"second" written alone (not "twenty-first"): never a denominator. */
  bareOrdinal12: boolean;
}

function wordValue(it: FracItem): number {
  return it.cls === 0 ? 0 : it.cls === -1 ? 1 : it.value;
}

const isAnd = (it: FracItem | undefined): boolean => it !== undefined && it.cls === 0;

/** Lenient sum of number words (as the reference parsers do): ignores "and", ordinals add. */
function sumWords(items: FracItem[]): number {
  let total = 0;
  let cur = 0;
  for (const it of items) {
    const v = wordValue(it);
    if (it.cls === 0) continue;
    if (it.cls === HUNDRED || ((it.cls === ORDINAL || it.cls === HALF || it.cls === QUARTER) && v >= 100)) {
      cur = (cur || 1) * v;
    } else if (it.cls === SCALE) {
      total += (cur || 1) * v;
      cur = 0;
    } else {
      cur += v;
    }
  }
  return total + cur;
}

/** Can `big` take `small` after it in a compound ("hundred" + "thirty", "thirty" + "five")? */
function composable(big: number, small: number): boolean {
  const base = small > 10 ? 100 : 10;
  return big % base === 0 && big / base >= 1;
}

interface FracValue {
  whole: number;
  frac: number;
  /** The numerator of the fraction part (a singular denominator needs 1). */
  numerator: number;
}

/**
 * Splits a spelled fraction into whole, numerator and denominator the way Recognizers-Text reads
 * it ("one hundred thirty fifths" = 100/35, "one hundred and thirty fifths" = 130/5,
 * "one hundred and three quarters" = 100¾): scan back from the denominator while the words still
 * compose into it.
 */
function splitFraction(items: FracItem[]): FracValue {
  const len = items.length;
  const last = items[len - 1];
  if (!last) return { whole: 0, frac: 0, numerator: 0 };
  if (len === 1) return { whole: 0, frac: 1 / wordValue(last), numerator: 1 };
  let split = len - 1;
  let current = wordValue(last);
  let round = 1;
  for (split = len - 2; split >= 0; split--) {
    const it = items[split];
    if (!it || isAnd(it)) continue;
    const previous = current;
    current = wordValue(it);
    if (previous >= 100 && previous > current && current < 100 && isAnd(items[split - 1])) {
      // "two and fifty-four hundredths": the words after "and" are the numerator
      split++;
      break;
    }
    if ((previous >= 100 && previous > current) || (previous < 100 && composable(current, previous))) {
      if (previous < 100 && current >= round) round = current;
      else if (previous < 100 && current < round) {
        split++;
        break;
      }
      if (split === 0) {
        split = 1;
        while (split <= len - 2) {
          const a = items[split];
          const b = items[split + 1];
          if (a && b && wordValue(a) >= 100 && !isAnd(b) && wordValue(b) < 100) {
            split++;
            break;
          }
          split++;
        }
        break;
      }
      continue;
    }
    split++;
    break;
  }
  if (split < 1) split = 1;
  const denominator = sumWords(items.slice(split));
  const head = items.slice(0, split);
  let numer = 0;
  let mixedIndex = head.length;
  for (let i = head.length - 2; i >= 0; i--) {
    if (isAnd(head[i])) {
      numer = sumWords(head.slice(i + 1));
      mixedIndex = i + 1;
      break;
    }
  }
  const whole = sumWords(head.slice(0, mixedIndex));
  if (mixedIndex !== head.length && numer < denominator) {
    return { whole, frac: numer / denominator, numerator: numer };
  }
  return { whole: 0, frac: (whole + numer) / denominator, numerator: whole + numer };
}

// Words a spelled fraction is made of: 1 = numerator words and links, 2 = denominators.
const FRACTION_TRIE = createWordTrie([
  ...[...lexiconWords()].map((w): [string, number] => [w, 1]),
  ['and', 1],
  ['a', 1],
  ['an', 1],
  ...[...lexiconWords()]
    .filter((w) => {
      const c = numberWord(w)?.cls;
      return c === ORDINAL || c === HALF || c === QUARTER;
    })
    .map((w): [string, number] => [w, 2]),
]);

/** Alloc-free pre-check: do number words at `p` run into a denominator ("fifths", "half")? */
function denominatorAhead(text: string, p: number): boolean {
  let q = p;
  for (let k = 0; k < 16; k++) {
    q = skipSpaces(text, q);
    if (text.charCodeAt(q) === 45) q = skipSpaces(text, q + 1);
    const m = FRACTION_TRIE.match(text, q);
    if (m <= 0) return false;
    const tag = m % 64;
    if (tag === 2) return true;
    q = (m - tag) / 64;
  }
  return false;
}

const FRACTION_FOLLOWERS = new Set(['of', 'and', 'or', 'but', 'to', 'than', 'in']);

/**
 * Reads a spelled fraction at `p` ("three fifths", "one and a half", "a hundredth",
 * "one million and a half", "two thirds of a million"); null if the words there are not one.
 */
function parseWordFraction(text: string, p: number): Num | null {
  if (!denominatorAhead(text, p)) return null;
  const items: FracItem[] = [];
  let q = p;
  let endsWithDenominator = false;
  for (;;) {
    const t = readWordTok(text, q);
    if (!t) break;
    const prev = items[items.length - 1];
    if (t.hyphen) {
      // hyphens join tens-unit compounds and a numerator to its denominator, nothing else
      if (!prev || prev.cls === 0 || prev.cls === -1) break;
      const ok =
        t.info !== undefined &&
        ((t.info.cls === UNIT && prev.cls === TENS) ||
          t.info.cls === ORDINAL ||
          t.info.cls === HALF ||
          t.info.cls === QUARTER);
      if (!ok) break;
    }
    if (t.w === 'and') {
      if (!prev || prev.cls === 0 || prev.cls === -1) break;
      const nx = readWordTok(text, t.e);
      if (!nx || nx.hyphen || !(nx.w === 'a' || nx.w === 'an' || (nx.info && nx.info.cls !== ZERO))) break;
      items.push({ s: t.s, e: t.e, cls: 0, value: 0, plural: false, bareOrdinal12: false });
      q = t.e;
      continue;
    }
    if (t.w === 'a' || t.w === 'an') {
      if (prev && prev.cls !== 0) break;
      items.push({ s: t.s, e: t.e, cls: -1, value: 1, plural: false, bareOrdinal12: false });
      q = t.e;
      continue;
    }
    const info = t.info;
    if (!info || info.cls === ZERO || info.cls === DOZEN) break;
    if ((info.cls === HUNDRED || info.cls === SCALE) && info.plural && !prev) break;
    if (info.cls === UNIT && prev && prev.cls === TENS && t.hyphen) {
      // "twenty-three" is one word for the split
      prev.value += info.value;
      prev.cls = UNIT + 100; // compound
      prev.e = t.e;
      q = t.e;
      continue;
    }
    const isDen = info.cls === ORDINAL || info.cls === HALF || info.cls === QUARTER;
    items.push({
      s: t.s,
      e: t.e,
      cls: info.cls,
      value: info.value,
      plural: info.plural,
      bareOrdinal12: info.cls === ORDINAL && info.value <= 2 && !(prev && prev.cls === TENS),
    });
    q = t.e;
    if (isDen) {
      endsWithDenominator = true;
      break;
    }
  }
  const den = items[items.length - 1];
  const first = items[0];
  if (!endsWithDenominator || !den || !first || den.bareOrdinal12) return null;

  // "half million", "quarter million", "half a dozen", "two thirds of a million"
  let trailScale = 0;
  let end = den.e;
  {
    let r = end;
    let nw = nextWord(text, r);
    if (nw.w === 'of') {
      r = nw.e;
      nw = nextWord(text, r);
    }
    if (nw.w === 'a' || nw.w === 'an') {
      r = nw.e;
      nw = nextWord(text, r);
    }
    const info = numberWord(nw.w);
    if (info && !info.plural && (info.cls === SCALE || info.cls === DOZEN || info.cls === HUNDRED)) {
      trailScale = info.value;
      end = nw.e;
    }
  }
  if (items.length === 1 && trailScale === 0) return null; // "half", "fifth" alone
  if (items.length === 1 && den.cls === ORDINAL) return null; // "fifth million"

  let whole = 0;
  let frac: number;
  let numerator: number;
  let wholeScale = 1;
  // "one million and a half": the fraction is of the scale before "and"
  let andAt = -1;
  for (let i = items.length - 2; i > 0; i--) {
    const prev = items[i - 1];
    if (isAnd(items[i]) && prev && prev.cls === SCALE && prev.value >= 1000) {
      andAt = i;
      break;
    }
  }
  if (andAt > 0) {
    whole = sumWords(items.slice(0, andAt));
    wholeScale = items[andAt - 1]?.value ?? 1;
    const f = splitFraction(items.slice(andAt + 1));
    frac = f.whole + f.frac;
    numerator = f.numerator;
  } else if (items.length === 1) {
    frac = 1 / wordValue(den);
    numerator = 1;
  } else {
    const f = splitFraction(items);
    whole = f.whole;
    frac = f.frac;
    numerator = f.numerator;
  }
  if (!den.plural && numerator !== 1) return null; // "two millionth" is not 2/1,000,000
  if (!den.plural && trailScale === 0 && den.cls === ORDINAL && whole === 0 && andAt < 0) {
    const nw = nextWord(text, den.e);
    if (nw.w !== '' && !FRACTION_FOLLOWERS.has(nw.w)) return null; // "a third straight day"
  }
  let value: number;
  if (trailScale > 0) {
    value = wholeScale > trailScale ? whole + frac * trailScale : (whole + frac) * trailScale;
  } else {
    value = whole + frac * wholeScale;
  }
  const num = blankNum(p, end, value);
  num.digits = false;
  num.fraction = trailScale === 0;
  num.scale = trailScale || 1;
  num.start = first.s;
  return num;
}

const ST_START = 0;
const ST_A = 1;
const ST_UNIT = 2;
const ST_TEEN = 3;
const ST_TENS = 4;
const ST_HUNDRED = 5;
const ST_SCALE = 6;
const ST_AND = 7;
const ST_DIGITS = 8;

interface Card {
  total: number;
  cur: number;
  last: number;
  lastScale: number;
  end: number;
  /** State before the last "and", to undo "3 hundred and 2" when "hundred" follows. */
  beforeAnd: { total: number; cur: number; last: number; lastScale: number; end: number } | null;
  words: number;
}

function acceptsUnit(last: number): boolean {
  return last === ST_START || last === ST_TENS || last === ST_HUNDRED || last === ST_SCALE || last === ST_AND;
}
function acceptsTeenOrTens(last: number): boolean {
  return last === ST_START || last === ST_HUNDRED || last === ST_SCALE || last === ST_AND;
}

/** Reads "point seventy-one" decimals after a spelled number; returns [digits, end] or null. */
function readPointDigits(text: string, p: number): [string, number] | null {
  if (nextInitial(text, p) !== 0x70) return null; // p
  const pw = nextWord(text, p);
  if (pw.w !== 'point') return null;
  let digits = '';
  let q = pw.e;
  for (;;) {
    const t = readWordTok(text, q);
    if (!t || !t.info || (t.hyphen && digits === '')) break;
    const info = t.info;
    if (info.cls === ZERO || info.cls === UNIT) {
      if (t.hyphen) break;
      digits += String(info.value);
    } else if (info.cls === TEEN) {
      if (t.hyphen) break;
      digits += String(info.value);
    } else if (info.cls === TENS) {
      if (t.hyphen) break;
      const u = readWordTok(text, t.e);
      if (u && u.info && u.info.cls === UNIT) {
        digits += String(info.value + u.info.value);
        q = u.e;
        continue;
      }
      digits += String(info.value / 10) + '0';
    } else break;
    q = t.e;
  }
  return digits === '' ? null : [digits, q];
}

/** Vague counts: "dozens", "hundreds", "tens of thousands", "several hundred", "a few thousand". */
function parseVague(text: string, p: number, w: string, wEnd: number): Num | null {
  let low = 0;
  let high = 0;
  let end = wEnd;
  const info = numberWord(w);
  if (info && info.plural && (info.cls === HUNDRED || info.cls === SCALE || info.cls === DOZEN)) {
    if (info.cls === DOZEN) {
      low = 24;
      high = 99;
    } else {
      low = 2 * info.value;
      high = 10 * info.value - 1;
      if (info.cls === HUNDRED) {
        const of = nextInitial(text, wEnd) === 0x6f ? nextWord(text, wEnd) : NO_WORD; // o
        const big = of.w === 'of' ? nextWord(text, of.e) : of;
        const bi = numberWord(big.w);
        if (of.w === 'of' && bi && bi.cls === SCALE && bi.plural) {
          low = 200 * bi.value;
          high = 1000 * bi.value - 1;
          end = big.e;
        }
      }
    }
  } else if (w === 'tens') {
    if (nextInitial(text, wEnd) !== 0x6f) return null; // o
    const of = nextWord(text, wEnd);
    if (of.w !== 'of') return null;
    const big = nextWord(text, of.e);
    const bi = numberWord(big.w);
    if (!bi || bi.cls !== SCALE || !bi.plural) return null;
    low = 20 * bi.value;
    high = 100 * bi.value - 1;
    end = big.e;
  } else if (w === 'several' || w === 'few') {
    // several/a few + hundred, thousand, million, dozen (chains: "several hundred thousand")
    let mult = 1;
    let r = wEnd;
    for (;;) {
      const nw = nextWord(text, r);
      const ni = numberWord(nw.w);
      if (!ni || ni.plural || !(ni.cls === HUNDRED || ni.cls === SCALE || ni.cls === DOZEN)) break;
      if (mult > 1 && ni.value <= mult) break;
      mult *= ni.value;
      r = nw.e;
      if (ni.cls === DOZEN) break;
    }
    if (mult === 1) return null;
    end = r;
    low = (w === 'several' ? 3 : 2) * mult;
    high = (w === 'several' ? 9 : 5) * mult;
  } else return null;
  const num = blankNum(p, end, low);
  num.high = high;
  num.vague = true;
  num.digits = false;
  return num;
}

/**
 * Reads one number at `p`: digits (with what may follow them: "2 million", "3 hundred and 21",
 * "3 million and a half") or number words, fractions included. `null` when nothing numeric starts
 * there; a `Skip` for digit runs that are codes rather than amounts.
 */
export function parseNumber(text: string, p: number, listContext = false): Num | Skip | null {
  const c = text.charCodeAt(p);
  const vul = vulgarValue(c);
  if (vul !== undefined) {
    const num = blankNum(p, p + 1, vul);
    num.fraction = true;
    return num;
  }
  let card: Card;
  let first: Num | null = null;
  if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(p + 1)))) {
    const d = parseDigits(text, p, listContext);
    if (d instanceof Skip) return d;
    // suffixed, powered and fraction numbers are complete; others may take a scale ("1.5 million")
    if (d.scale !== 1 || d.fraction || d.power) return d;
    const spaced = extendDigitScale(text, d);
    if (spaced !== d) return spaced;
    // fast exit: nothing after the digits can extend them
    const after = skipSpaces(text, d.end);
    const ac = text.charCodeAt(after);
    if (!isDigit(ac) && !(isAsciiLetter(ac) && FRACTION_TRIE.spells(text, after))) return d;
    first = d;
    card = { total: 0, cur: d.value, last: ST_DIGITS, lastScale: 0, end: d.end, beforeAnd: null, words: 0 };
  } else {
    if (!isAsciiLetter(c)) return null;
    const e = wordEnd(text, p);
    const w = lowerWord(text, p, e);
    const vague = parseVague(text, p, w, e);
    if (vague) return vague;
    if (w === 'a') {
      const nw = nextWord(text, e);
      if (nw.w === 'few') return parseVague(text, p, 'few', nw.e);
    }
    const frac = parseWordFraction(text, p);
    if (frac) return frac;
    const info = numberWord(w);
    if (w === 'a' || w === 'an') {
      const nw = nextWord(text, e);
      const ni = numberWord(nw.w);
      if (!ni || ni.plural || !(ni.cls === HUNDRED || ni.cls === SCALE || ni.cls === DOZEN)) return null;
      card = { total: 0, cur: 1, last: ST_A, lastScale: 0, end: e, beforeAnd: null, words: 1 };
    } else if (!info) {
      return null;
    } else if (info.cls === ZERO) {
      const pd = readPointDigits(text, e);
      const num = blankNum(p, pd ? pd[1] : e, pd ? Number('0.' + pd[0]) : 0);
      num.digits = false;
      return num;
    } else if ((info.cls === HUNDRED || info.cls === SCALE) && !info.plural) {
      // bare "hundred thousand": only as the head of a larger scale
      const nw = nextWord(text, e);
      const ni = numberWord(nw.w);
      if (!ni || ni.plural || ni.cls !== SCALE || ni.value <= info.value) return null;
      card = { total: 0, cur: 1, last: ST_A, lastScale: 0, end: p, beforeAnd: null, words: 0 };
    } else if (info.cls === UNIT || info.cls === TEEN || info.cls === TENS) {
      card = { total: 0, cur: 0, last: ST_START, lastScale: 0, end: p, beforeAnd: null, words: 0 };
    } else {
      return null;
    }
  }
  runCardinal(text, card, first !== null);
  const num = first ?? blankNum(p, card.end, 0);
  const value = card.total + card.cur;
  if (card.end !== num.end || value !== num.value) {
    num.end = card.end;
    num.value = value;
    num.high = value;
    num.plain = false;
  }
  num.scale = card.lastScale || num.scale;
  if (!first) {
    num.digits = false;
    num.loneOne = card.words === 1 && lowerWord(text, p, card.end) === 'one';
    // "two hundred point zero three"
    const pd = card.last !== ST_SCALE ? readPointDigits(text, card.end) : null;
    if (pd) {
      num.value = value + Number('0.' + pd[0]);
      num.high = num.value;
      num.end = pd[1];
    }
  }
  return num;
}

/** Extends a cardinal number over the words (and small digit groups) that compose with it. */
function runCardinal(text: string, card: Card, digitsLed: boolean): void {
  let q = card.end;
  for (;;) {
    const at = skipSpaces(text, q);
    const c = text.charCodeAt(at);
    if (isDigit(c)) {
      if (!(card.last === ST_AND || card.last === ST_SCALE)) break;
      const d = parseDigits(text, at, false);
      if (d instanceof Skip || !d.plain || d.value < 1) break;
      if (card.last === ST_AND) {
        if (d.value >= 100 || card.beforeAnd?.last !== ST_HUNDRED) {
          restoreAnd(card);
          break;
        }
        card.cur += d.value;
        card.last = ST_UNIT;
      } else {
        // "4 thousand 3 hundred": a digit group after a scale only when a multiplier follows
        const nw = nextWord(text, d.end);
        const ni = numberWord(nw.w);
        if (d.value >= 1000 || !ni || ni.plural || !(ni.cls === HUNDRED || ni.cls === SCALE)) break;
        card.cur = d.value;
        card.last = ST_DIGITS;
      }
      card.end = d.end;
      q = d.end;
      continue;
    }
    // alloc-free rejection of ordinary words before reading the token
    const wq = c === 45 ? skipSpaces(text, at + 1) : at;
    const wm = FRACTION_TRIE.match(text, wq);
    if (wm <= 0 || isWordChar(text.charCodeAt((wm - (wm % 64)) / 64))) break;
    const t = readWordTok(text, q);
    if (!t) break;
    if (t.hyphen && !(card.last === ST_TENS && t.info?.cls === UNIT)) break;
    if (t.w === 'and') {
      if (!(
        card.last === ST_HUNDRED ||
        card.last === ST_SCALE ||
        card.last === ST_DIGITS ||
        card.last === ST_UNIT ||
        card.last === ST_TEEN ||
        card.last === ST_TENS
      ))
        break;
      // "3 million and a half", "3 and a half": a fraction after "and"
      const f = parseWordFraction(text, skipSpaces(text, t.e));
      if (f && f.fraction && !f.vague) {
        const scale = card.last === ST_SCALE && card.lastScale >= 1000 ? card.lastScale : 1;
        const tail = text.slice(f.start, f.end).toLowerCase();
        const halfOrQuarter = tail.endsWith('half') || tail.endsWith('quarter') || tail.endsWith('quarters');
        if (scale > 1 || (digitsLed && halfOrQuarter)) {
          card.total += card.cur;
          card.cur = 0;
          card.total += f.value * scale;
          card.end = f.end;
          card.last = ST_SCALE + 100; // closed
          // "five and a half million"
          const nw = nextWord(text, f.end);
          const ni = numberWord(nw.w);
          if (ni && !ni.plural && ni.cls === SCALE) {
            card.total =
              card.lastScale > ni.value
                ? card.total - f.value * scale + f.value * ni.value
                : scaleBy(card.total, ni.value);
            card.lastScale = ni.value;
            card.end = nw.e;
          }
          break;
        }
      }
      if (!(card.last === ST_HUNDRED || card.last === ST_SCALE)) break;
      card.beforeAnd = {
        total: card.total,
        cur: card.cur,
        last: card.last,
        lastScale: card.lastScale,
        end: card.end,
      };
      card.last = ST_AND;
      q = t.e;
      continue;
    }
    const info = t.info;
    if (!info) break;
    const cls = info.cls;
    if (cls === UNIT && acceptsUnit(card.last)) {
      card.cur += info.value;
      card.last = ST_UNIT;
    } else if (cls === TEEN && acceptsTeenOrTens(card.last)) {
      card.cur += info.value;
      card.last = ST_TEEN;
    } else if (cls === TENS && acceptsTeenOrTens(card.last)) {
      card.cur += info.value;
      card.last = ST_TENS;
    } else if (
      cls === HUNDRED &&
      !(info.plural && digitsLed) &&
      (card.last === ST_UNIT ||
        card.last === ST_TEEN ||
        card.last === ST_TENS ||
        card.last === ST_A ||
        card.last === ST_DIGITS) &&
      card.cur > 0 &&
      (card.cur < 100 ||
        (digitsLed && card.total === 0 && card.beforeAnd === null && card.last === ST_DIGITS))
    ) {
      card.cur = scaleBy(card.cur, 100);
      card.last = ST_HUNDRED;
    } else if (
      cls === SCALE &&
      !(info.plural && (card.last === ST_A || digitsLed)) &&
      ((card.cur > 0 && card.last !== ST_AND) || (card.last === ST_SCALE && info.value > card.lastScale))
    ) {
      if (card.lastScale > 0 && info.value > card.lastScale) {
        card.total = scaleBy(card.total + card.cur, info.value);
      } else if (card.lastScale > 0 && info.value === card.lastScale) {
        break;
      } else {
        card.total += scaleBy(card.cur, info.value);
      }
      card.cur = 0;
      card.lastScale = info.value;
      card.last = ST_SCALE;
    } else if (cls === DOZEN && card.cur > 0 && card.last !== ST_AND && card.last !== ST_SCALE) {
      const low = card.cur % 100;
      card.cur = low === 0 ? card.cur * 12 : card.cur - low + low * 12;
      card.end = t.e;
      card.words++;
      card.last = ST_SCALE + 100; // closed
      break;
    } else {
      if (card.last === ST_AND || ((cls === HUNDRED || cls === SCALE) && card.beforeAnd)) restoreAnd(card);
      break;
    }
    card.words++;
    card.end = t.e;
    q = t.e;
  }
  if (card.last === ST_AND) restoreAnd(card);
}

function restoreAnd(card: Card): void {
  const b = card.beforeAnd;
  if (!b) return;
  card.total = b.total;
  card.cur = b.cur;
  card.last = b.last;
  card.lastScale = b.lastScale;
  card.end = b.end;
  card.beforeAnd = null;
}

/** Spaced single-letter scales after digits ("2.33 k", "1,674.5 G", "- 10  k"). */
const SPACED_LETTER_SCALES: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, G: 1e9 };

/**
 * After a digit number, a spaced scale word or letter ("2 million", "1,674.5 G", "13 lakh",
 * "3 dozens", "322 hundred") extends it; returns the extended number (or the same one).
 */
export function extendDigitScale(text: string, num: Num): Num {
  if (!num.digits || num.scale !== 1 || num.fraction || num.vague) return num;
  const q = skipSpaces(text, num.end);
  if (q === num.end) return num;
  const c = text.charCodeAt(q);
  if (isAsciiLetter(c) && !isWordChar(text.charCodeAt(q + 1))) {
    const mult = SPACED_LETTER_SCALES[text[q] ?? ''];
    if (mult !== undefined && !isDigit(text.charCodeAt(q + 1))) {
      const scaled = copyNum(num);
      scaled.end = q + 1;
      scaled.value = scaleBy(num.value, mult);
      scaled.high = scaleBy(num.value, mult);
      scaled.scale = mult;
      scaled.plain = false;
      return scaled;
    }
  }
  return num;
}

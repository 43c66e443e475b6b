/**
 * The figure scanner (DESIGN §6 "Figures"): finds every number-like expression a news reader would
 * call a figure, with its qualifier ("about 12,000", "more than 5,000", "between 10,900 and
 * 12,000"), and leaves out dates, years, times, ordinals, ids, codes, phone numbers and URLs.
 *
 * Design: one pass over char codes. Text with no digit, currency sign and no anchor word (number
 * words and qualifier openers, matched by a letter trie) is skipped without allocating. (A hash
 * of each word was tried as a pre-filter: no faster once optimised, and slower on a cold page,
 * where most of the pass runs before V8 has optimised it.) Openers are only looked at again
 * when a number follows them (see `scan`); only at an anchor does the small recursive-descent
 * parser (lib/text/number-parse.ts) run, and it skips the checks that cannot apply to what follows
 * a number (`nothingAfterNumber`).
 *
 * Decisions (documented here because tests hold them):
 * - Values: exact and "about" → low = high; more-than / at-least → high = null; up-to /
 *   fewer-than → low = 0 (or the bound itself when negative), high = the bound; ranges → both.
 * - Vague counts have qualifier `range` with honest bounds: dozens 24–99, hundreds 200–999,
 *   thousands 2,000–9,999 (any plural scale S: 2S–10S−1), tens of S 20S–100S−1, hundreds of S
 *   200S–1000S−1, several S 3S–9S, a few S 2S–5S. "several" and "a few" alone are not figures.
 * - Approximators ("about", "some") do not attach to ranges or to "N or more": "about 20~100" is
 *   the range "20~100". "as many as" and "up to" are up-to.
 * - "over N years" (a duration) is not "more than N" unless followed by "old".
 * - Years: a bare 4-digit number 1800–2100 (no separators, unit, qualifier) is a year unless a
 *   plural noun follows and no preposition or article precedes ("2000 troops" is a figure, "in 2000
 *   troops…" and "2024" are not). Bare 5-digit numbers are postcodes unless a plural noun follows.
 * - "one" is not a figure after a determiner ("the one", "which one", "no one") or before "of",
 *   "another", "by" ("one of three generals": only "three" is). "a"/"an" alone never are.
 * - "1m" (lower-case m, no currency, no decimal) is metres, not a million; "10M", "$1m", "3.5m" are
 *   millions. Digits glued to other letters ("29km", "11th", "F-16", "Covid-19") are not figures.
 * - Money keeps its symbol or currency word in the text and gets an ISO code as `unit`;
 *   percentages keep "%"/"percent" in the text and get unit `percent`.
 */
import type { Qualifier } from '../dataset/types';
import type { Figure, FigureValue } from './types';
import { NUMBER_CONTINUATION_WORDS, NUMBER_START_WORDS, lowerWord } from './number-words';
import { createWordTrie } from './word-trie';
import { FILTER_READ, FILTER_RUN, wordFilterOf, type WordFollower } from './word-walk';
import {
  isSkip,
  forgetNextWord,
  nextInitial,
  nextWord,
  numberRunEnd,
  parseNumber,
  scaleBy,
  vulgarValue,
  Skip,
  blankNum,
  copyNum,
  type Num,
} from './number-parse';
import {
  isAsciiLetter,
  isDigit,
  isSpace,
  isWordChar,
  skipSpaces,
  skipSpacesBack,
  wordEnd,
  wordStartBefore,
} from './tokenizer';

/** The ISO code of a currency sign ($ £ € ¥ ₩ ₽ ₴), or undefined. */
function currencyOfSign(c: number): string | undefined {
  switch (c) {
    case 0x24:
      return 'USD';
    case 0xa3:
      return 'GBP';
    case 0x20ac:
      return 'EUR';
    case 0xa5:
      return 'JPY';
    case 0x20a9:
      return 'KRW';
    case 0x20bd:
      return 'RUB';
    case 0x20b4:
      return 'UAH';
    default:
      return undefined;
  }
}
const CURRENCY_CODES = new Set(['USD', 'EUR', 'GBP', 'KRW', 'JPY', 'RUB', 'UAH']);
const CURRENCY_WORDS = new Map<string, string>([
  ['dollars', 'USD'],
  ['dollar', 'USD'],
  ['euros', 'EUR'],
  ['euro', 'EUR'],
  ['yen', 'JPY'],
  ['won', 'KRW'],
  ['rubles', 'RUB'],
  ['ruble', 'RUB'],
  ['roubles', 'RUB'],
  ['rouble', 'RUB'],
  ['hryvnias', 'UAH'],
  ['hryvnia', 'UAH'],
  ['hryvnas', 'UAH'],
]);

/** Qualifier phrases, by first word; the longest match wins. 'exact' marks "equal to". */
const QUALIFIER_PHRASES: [string, Qualifier][] = [
  ['about', 'about'],
  ['around', 'about'],
  ['approximately', 'about'],
  ['approx', 'about'],
  ['roughly', 'about'],
  ['some', 'about'],
  ['nearly', 'about'],
  ['almost', 'about'],
  ['an estimated', 'about'],
  ['estimated', 'about'],
  ['close to', 'about'],
  ['circa', 'about'],
  ['at least', 'at-least'],
  ['at least or equal to', 'at-least'],
  ['no fewer than', 'at-least'],
  ['no less than', 'at-least'],
  ['not fewer than', 'at-least'],
  ['not less than', 'at-least'],
  ['a minimum of', 'at-least'],
  ['greater than or equal to', 'at-least'],
  ['more than or equal to', 'at-least'],
  ['higher than or equal to', 'at-least'],
  ['larger than or equal to', 'at-least'],
  ['bigger than or equal to', 'at-least'],
  ['greater or equal than', 'at-least'],
  ['greater or equal to', 'at-least'],
  ['more or equal than', 'at-least'],
  ['higher or equal than', 'at-least'],
  ['larger or equal than', 'at-least'],
  ['bigger or equal than', 'at-least'],
  ['equal to or more than', 'at-least'],
  ['equal to or greater than', 'at-least'],
  ['equal to or higher than', 'at-least'],
  ['equal to or larger than', 'at-least'],
  ['equal to or bigger than', 'at-least'],
  ['more than', 'more-than'],
  ['over', 'more-than'],
  ['well over', 'more-than'],
  ['just over', 'more-than'],
  ['above', 'more-than'],
  ['well above', 'more-than'],
  ['just above', 'more-than'],
  ['in excess of', 'more-than'],
  ['upwards of', 'more-than'],
  ['upward of', 'more-than'],
  ['greater than', 'more-than'],
  ['larger than', 'more-than'],
  ['bigger than', 'more-than'],
  ['higher than', 'more-than'],
  ['exceed', 'more-than'],
  ['exceeds', 'more-than'],
  ['exceeded', 'more-than'],
  ['exceeding', 'more-than'],
  ['surpass', 'more-than'],
  ['surpasses', 'more-than'],
  ['surpassed', 'more-than'],
  ['surpassing', 'more-than'],
  ['up to', 'up-to'],
  ['as many as', 'up-to'],
  ['as much as', 'up-to'],
  ['at most', 'up-to'],
  ['no more than', 'up-to'],
  ['not more than', 'up-to'],
  ['a maximum of', 'up-to'],
  ['less than or equal to', 'up-to'],
  ['fewer than or equal to', 'up-to'],
  ['smaller than or equal to', 'up-to'],
  ['lower than or equal to', 'up-to'],
  ['less or equal than', 'up-to'],
  ['less or equal to', 'up-to'],
  ['fewer or equal than', 'up-to'],
  ['smaller or equal than', 'up-to'],
  ['lower or equal than', 'up-to'],
  ['equal to or less than', 'up-to'],
  ['equal to or fewer than', 'up-to'],
  ['equal to or smaller than', 'up-to'],
  ['equal to or lower than', 'up-to'],
  ['fewer than', 'fewer-than'],
  ['less than', 'fewer-than'],
  ['under', 'fewer-than'],
  ['just under', 'fewer-than'],
  ['well under', 'fewer-than'],
  ['below', 'fewer-than'],
  ['just below', 'fewer-than'],
  ['well below', 'fewer-than'],
  ['smaller than', 'fewer-than'],
  ['lower than', 'fewer-than'],
  ['equal to', 'exact'],
  ['equals', 'exact'],
  ['equals to', 'exact'],
  ['equaling to', 'exact'],
  ['equalling to', 'exact'],
  ['exactly', 'exact'],
];

const PHRASES_BY_FIRST = new Map<string, { words: string[]; q: Qualifier; phrase: string }[]>();
for (const [phrase, q] of QUALIFIER_PHRASES) {
  const words = phrase.split(' ');
  const first = words[0] ?? '';
  const list = PHRASES_BY_FIRST.get(first) ?? [];
  list.push({ words, q, phrase });
  list.sort((a, b) => b.words.length - a.words.length);
  PHRASES_BY_FIRST.set(first, list);
}

// Anchor trie tags: kind * 8 + how many words to look ahead for a number before parsing.
const K_NUMBER = 1; // starts a number: parse right away
const K_OPENER = 2; // may open a figure ("more", "about", "between"): look ahead first
const K_CONTINUATION = 3; // only continues a number ("fifth", "few"): not an anchor itself
const K_ARTICLE = 4; // "a"/"an": an opener ("a dozen", "a third", "a few hundred")
const K_LINK = 5; // inner words of qualifier phrases ("than", "least", "to"): a look-ahead passes them

function anchorEntries(): [string, number][] {
  const look = new Map<string, number>();
  const opener = (w: string, n: number): void => {
    look.set(w, Math.max(look.get(w) ?? 0, Math.min(n, 7)));
  };
  for (const [w, list] of PHRASES_BY_FIRST) for (const ph of list) opener(w, ph.words.length);
  opener('between', 2);
  opener('from', 2);
  opener('percent', 2);
  opener('percents', 2);
  opener('per', 3);
  opener('us', 1);
  for (const code of CURRENCY_CODES) opener(code.toLowerCase(), 1);
  const entries: [string, number][] = [];
  for (const list of PHRASES_BY_FIRST.values()) {
    for (const ph of list) for (const w of ph.words.slice(1)) entries.push([w, K_LINK * 8]);
  }
  entries.push(['cent', K_LINK * 8], ['of', K_LINK * 8], ['and', K_LINK * 8]);
  for (const w of NUMBER_CONTINUATION_WORDS) entries.push([w, K_CONTINUATION * 8]);
  for (const [w, n] of look) entries.push([w, K_OPENER * 8 + n]);
  entries.push(['a', K_ARTICLE * 8 + 3], ['an', K_ARTICLE * 8 + 3]);
  for (const w of NUMBER_START_WORDS) entries.push([w, K_NUMBER * 8]);
  return entries;
}
const ANCHORS = createWordTrie(anchorEntries());
/**
 * The anchors' words by their hash in the shared word walk ({@link FigureScan.wordFilter}):
 * `FILTER_RUN` for the words that can only join a run of openers ("about", "than", "and", "a"),
 * `FILTER_READ` for the others (number words and what only continues a number).
 */
export const FIGURE_WORD_FILTER = figureWordFilter();

function figureWordFilter(): Uint8Array {
  const tags = new Map<string, number>(anchorEntries()); // a later entry wins, as in ANCHORS
  const kind = (tag: number) => tag >> 3;
  const runOnly = (tag: number) => kind(tag) === K_OPENER || kind(tag) === K_LINK || kind(tag) === K_ARTICLE;
  return wordFilterOf(
    [...tags].map(([word, tag]) => [word, runOnly(tag) ? FILTER_RUN : FILTER_READ] as const),
  );
}

/**
 * Cheap pre-check after an opener word: does a digit, currency sign or number word come within the
 * next `words` words? Reads char codes only, so common words ("in", "a", "some") cost little.
 */
function numberAhead(text: string, p: number, words: number): boolean {
  let q = p;
  for (let k = 0; k < words; k++) {
    q = skipSpaces(text, q);
    const c = text.charCodeAt(q);
    if (isDigit(c) || currencyOfSign(c) !== undefined || vulgarValue(c) !== undefined) return true;
    if (c === 46 || c === 45 || c === 0x2212) return isDigit(text.charCodeAt(q + 1));
    if (!isAsciiLetter(c)) return false;
    const m = ANCHORS.match(text, q);
    if (m <= 0) return false;
    const kind = (m % 64) >> 3;
    if (kind === K_NUMBER || kind === K_CONTINUATION) return true;
    q = (m - (m % 64)) / 64;
    if (isWordChar(text.charCodeAt(q)) || isDigit(text.charCodeAt(q))) return false;
    if (kind === K_ARTICLE) {
      // "a dozen", "a third", "a few hundred": the article must be followed by a number word
      const r = skipSpaces(text, q);
      const m2 = ANCHORS.match(text, r);
      if (m2 <= 0) return false;
      const k2 = (m2 % 64) >> 3;
      return k2 === K_NUMBER || k2 === K_CONTINUATION;
    }
  }
  return false;
}

const TIME_UNITS = new Set([
  'year',
  'years',
  'month',
  'months',
  'week',
  'weeks',
  'day',
  'days',
  'hour',
  'hours',
  'minute',
  'minutes',
  'second',
  'seconds',
  'decade',
  'decades',
  'century',
  'centuries',
  'night',
  'nights',
]);

const MONTHS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

/** Words before a number that make a bare 4-digit number a year ("in 2000", "the 2015 vote"). */
const YEAR_LEAD = new Set([
  'in',
  'since',
  'by',
  'of',
  'until',
  'till',
  'before',
  'after',
  'from',
  'to',
  'during',
  'through',
  'early',
  'late',
  'mid',
  'and',
  'or',
  'between',
  'the',
  'a',
  'year',
  'fiscal',
  'summer',
  'winter',
  'spring',
  'autumn',
  'fall',
  'for',
  'at',
  'on',
  'this',
  'that',
  'its',
  'their',
  'his',
  'her',
]);
const NOT_PLURAL_NOUNS = new Set([
  'was',
  'is',
  'has',
  'as',
  'its',
  'his',
  'this',
  'thus',
  'plus',
  'us',
  'yes',
  'less',
  'unless',
  'across',
  'towards',
  'afterwards',
  'always',
  'perhaps',
  'besides',
  'whereas',
  'does',
  'goes',
]);
/** Words before "one" that make it a pronoun ("the one", "which one", "no one"). */
const ONE_PRONOUN_LEAD = new Set([
  'the',
  'this',
  'that',
  'which',
  'each',
  'every',
  'any',
  'no',
  'another',
  'such',
  'what',
  'whichever',
  'last',
  'first',
  'next',
  'new',
  'old',
  'other',
  'right',
  'wrong',
  'same',
  'little',
  'big',
]);
const ONE_PRONOUN_NEXT = new Set(['of', 'another', 'by', 'anothers']);

const BOUND_GE = new Set(['more', 'greater', 'higher', 'above', 'over', 'larger', 'bigger', 'upwards']);
const BOUND_LE = new Set(['less', 'fewer', 'lower', 'below', 'under', 'smaller']);

/** A number with what sits around it: currency, sign, percent, fraction operator, range. */
interface Amount {
  start: number;
  end: number;
  low: number;
  high: number;
  unit: string | undefined;
  vague: boolean;
  range: boolean;
  num: Num;
  /** A bare digit integer with nothing attached (candidate year, postcode, date part). */
  plain: boolean;
  /** "or more" / "or less" / "or equal (to)" after the number, not yet part of `end`. */
  bound: { kind: 'ge' | 'le' | 'eq'; end: number } | null;
}

/** An {@link Amount} with no bound yet; every `Amount` is made here, so all share one shape. */
function makeAmount(
  start: number,
  end: number,
  low: number,
  high: number,
  unit: string | undefined,
  vague: boolean,
  range: boolean,
  num: Num,
  plain: boolean,
): Amount {
  return { start, end, low, high, unit, vague, range, num, plain, bound: null };
}

function isYearLike(num: Num): boolean {
  return num.plain && num.digitCount === 4 && num.value >= 1800 && num.value <= 2100;
}

/** Does a number start at `p` (after spaces)? */
function startsNumber(text: string, p: number): boolean {
  const q = skipSpaces(text, p);
  const c = text.charCodeAt(q);
  if (isDigit(c) || currencyOfSign(c) !== undefined || vulgarValue(c) !== undefined) return true;
  if ((c === 45 || c === 0x2212) && isDigit(text.charCodeAt(q + 1))) return true;
  if (!isAsciiLetter(c)) return false;
  const r = parseNumber(text, q);
  return r !== null && !isSkip(r);
}

function percentEnd(text: string, p: number): number {
  const c = text.charCodeAt(p);
  if (c === 37) return p + 1;
  if ((c === 32 || c === 0xa0 || c === 0x202f) && text.charCodeAt(p + 1) === 37) return p + 2;
  if (nextInitial(text, p) !== 0x70) return -1; // p
  const w = nextWord(text, p);
  if (w.w === 'percent' || w.w === 'percents' || w.w === 'pct') return w.e;
  if (w.w === 'percentage') {
    const pts = nextWord(text, w.e);
    return pts.w === 'points' || pts.w === 'point' ? pts.e : w.e;
  }
  if (w.w === 'per') {
    const cent = nextWord(text, w.e);
    if (cent.w === 'cent') return cent.e;
  }
  return -1;
}

/** Currency after the number: "dollars", "US dollars", "won", "USD"; returns [code, end] or null. */
function currencyAfter(text: string, p: number): [string, number] | null {
  const f = text.charCodeAt(skipSpaces(text, p)) | 0x20;
  // first letters of the currency words and codes: d e g h j k p r u w y
  if (
    f !== 100 &&
    f !== 101 &&
    f !== 103 &&
    f !== 104 &&
    f !== 106 &&
    f !== 107 &&
    f !== 112 &&
    f !== 114 &&
    f !== 117 &&
    f !== 119 &&
    f !== 121
  ) {
    return null;
  }
  const w = nextWord(text, p);
  if (w.w === '') return null;
  const raw = text.slice(w.s, w.e);
  if (CURRENCY_CODES.has(raw)) return [raw, w.e];
  if (raw === 'US') {
    const d = nextWord(text, w.e);
    if (d.w === 'dollars' || d.w === 'dollar') return ['USD', d.e];
    return null;
  }
  const code = CURRENCY_WORDS.get(w.w);
  if (code) return [code, w.e];
  if (w.w === 'pounds') {
    const st = nextWord(text, w.e);
    if (st.w === 'sterling') return ['GBP', st.e];
  }
  return null;
}

/** Currency before the number ("$", "US$", "USD "); returns [code, index of the number] or null. */
function currencyBefore(text: string, p: number): [string, number] | null {
  const c = text.charCodeAt(p);
  const sym = currencyOfSign(c);
  if (sym !== undefined) {
    let q = p + 1;
    if (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 0xa0) q++;
    return isDigit(text.charCodeAt(q)) || text.charCodeAt(q) === 46 ? [sym, q] : null;
  }
  if (c === 85 && text.charCodeAt(p + 1) === 83 && text.charCodeAt(p + 2) === 36) {
    let q = p + 3;
    if (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 0xa0) q++;
    return isDigit(text.charCodeAt(q)) ? ['USD', q] : null;
  }
  // Codes are three capital letters: check that before reading the word.
  if (c >= 65 && c <= 90 && wordEnd(text, p) === p + 3) {
    const e = p + 3;
    const raw = text.slice(p, e);
    if (CURRENCY_CODES.has(raw)) {
      const q = skipSpaces(text, e);
      if (q > e && isDigit(text.charCodeAt(q))) return [raw, q];
    }
  }
  return null;
}

/**
 * The words that {@link parseAmount} looks for right after a number: fraction operators, percent
 * and currency words and codes, range connectors, "or more".
 */
const AFTER_NUMBER = createWordTrie(
  [
    ...'over in out percent percents pct percentage per pounds us to through thru and or'.split(' '),
    ...CURRENCY_WORDS.keys(),
    ...[...CURRENCY_CODES].map((code) => code.toLowerCase()),
  ].map((w): [string, number] => [w, 1]),
);

/**
 * Whether nothing that {@link parseAmount} looks for after a number can follow `p`: past spaces
 * there is neither a word of {@link AFTER_NUMBER} (nor a word with other letters than ASCII) nor
 * a percent sign or a range dash. True for most numbers ("12,000 troops", "2024,").
 */
function nothingAfterNumber(text: string, p: number): boolean {
  const q = skipSpaces(text, p);
  const c = text.charCodeAt(q);
  if (!isAsciiLetter(c)) return c !== 37 && c !== 45 && c !== 0x2013 && c !== 0x7e; // % - – ~
  const m = AFTER_NUMBER.match(text, q); // one reading of the word: its end, and whether it is one
  return m < 0 && !isWordChar(text.charCodeAt(-m));
}

/** Reads an amount at `p`: [currency] [sign] number [fraction operator] [percent|currency] [range]. */
function parseAmount(text: string, p: number, allowRange: boolean): Amount | Skip | null {
  let q = p;
  let unit: string | undefined;
  const cur = currencyBefore(text, q);
  if (cur) {
    unit = cur[0];
    q = cur[1];
  }
  let neg = false;
  const c = text.charCodeAt(q);
  if (c === 45 || c === 0x2212) {
    const d = text.charCodeAt(q + 1);
    if (isDigit(d) || (d === 46 && isDigit(text.charCodeAt(q + 2)))) {
      neg = true;
      q++;
    } else if (q === 0 || text.charCodeAt(q - 1) === 10) {
      // "- 10  k" at the start of a line
      const r = skipSpaces(text, q + 1);
      if (r > q + 1 && isDigit(text.charCodeAt(r))) {
        neg = true;
        q = r;
      } else return null;
    } else return null;
  } else if (isAsciiLetter(c) && !cur && ((c | 32) === 0x6d || (c | 32) === 0x6e)) {
    // m, n
    const w = nextWord(text, q);
    if (w.w === 'minus' || w.w === 'negative') {
      neg = true;
      q = skipSpaces(text, w.e);
    }
  }
  const listContext = q >= 2 && text.charCodeAt(q - 1) === 44 && isDigit(text.charCodeAt(q - 2));
  const r = parseNumber(text, q, listContext);
  if (r === null || isSkip(r)) return r;
  let num = r;
  if (neg && num.vague) return null;
  let value = num.value;
  let end = num.end;
  // Most numbers are followed by an ordinary word or punctuation ("12,000 troops"): none of the
  // checks below (fraction operator, percent, currency, range, "or more") can then apply.
  const plainNext = nothingAfterNumber(text, end);
  // "one over three", "two out of five hundred", "1 in twenty-one"
  if (
    !plainNext &&
    !num.vague &&
    !num.fraction &&
    num.scale === 1 &&
    !unit &&
    (num.plain || !num.digits) &&
    Number.isInteger(value) &&
    (nextInitial(text, end) === 0x6f || nextInitial(text, end) === 0x69) // o, i
  ) {
    const op = nextWord(text, end);
    let denAt = -1;
    if (op.w === 'over' || op.w === 'in') denAt = op.e;
    else if (op.w === 'out') {
      const of = nextWord(text, op.e);
      if (of.w === 'of') denAt = of.e;
    }
    if (denAt >= 0) {
      const ds = skipSpaces(text, denAt);
      const den = parseNumber(text, ds);
      if (
        den &&
        !isSkip(den) &&
        !den.vague &&
        !den.fraction &&
        den.value > 0 &&
        Number.isInteger(den.value)
      ) {
        const after = nextWord(text, den.end);
        const ok =
          !TIME_UNITS.has(after.w) &&
          !(op.w === 'in' && isYearLike(den)) &&
          (op.w === 'over' || value < den.value) &&
          den.scale === 1;
        if (ok) {
          value = value / den.value;
          end = den.end;
          num = copyNum(num);
          num.fraction = true;
          num.plain = false;
          num.end = end;
          num.value = value;
          num.high = value;
        }
      }
    }
  }
  if (neg) value = -value;
  const high = num.vague ? num.high : value;
  if (unit === undefined && !plainNext) {
    const pe = percentEnd(text, end);
    if (pe >= 0) {
      unit = 'percent';
      end = pe;
    } else {
      const ca = currencyAfter(text, end);
      if (ca) {
        unit = ca[0];
        end = ca[1];
      }
    }
  }
  if (num.weakM && (unit === undefined || unit === 'percent')) return new Skip(num.end);
  const amount = makeAmount(
    p,
    end,
    value,
    high,
    unit,
    num.vague,
    false,
    num,
    num.plain && unit === undefined && !neg,
  );
  if (plainNext) return amount;
  if (allowRange && !num.vague) {
    const ranged = tryRange(text, amount, false);
    if (ranged) return ranged;
  }
  amount.bound = boundPostfix(text, amount.end);
  return amount;
}

/** "10,000–12,000", "10-12,000", "5 to 10 million", "20~100", "20 through 100"; `between` → "and". */
function tryRange(text: string, a: Amount, between: boolean): Amount | Skip | null {
  const s = skipSpaces(text, a.end);
  const c = text.charCodeAt(s);
  let connEnd = -1;
  let dash = false;
  let glued = false;
  if (!between && (c === 45 || c === 0x2013 || c === 0x7e)) {
    if (!a.num.digits) return null;
    dash = true;
    glued = s === a.end && !isSpace(text.charCodeAt(s + 1));
    connEnd = s + 1;
  } else if (nextInitial(text, a.end) === (between ? 0x61 : 0x74)) {
    // a, t
    const w = nextWord(text, a.end);
    if (between ? w.w === 'and' : w.w === 'to' || w.w === 'through' || w.w === 'thru') connEnd = w.e;
  }
  if (connEnd < 0) return null;
  const bs = skipSpaces(text, connEnd);
  if (dash && !isDigit(text.charCodeAt(bs)) && currencyOfSign(text.charCodeAt(bs)) === undefined) return null;
  const b = parseAmount(text, bs, false);
  if (b === null || isSkip(b)) return glued && b ? b : null;
  if (b.vague || (dash && !b.num.digits)) return null;
  if (a.unit !== undefined && b.unit !== undefined && a.unit !== b.unit) return null;
  let low = a.low;
  if (b.num.scale > 1 && a.num.scale === 1 && !a.num.fraction && a.low * b.num.scale <= b.high) {
    low = scaleBy(a.low, b.num.scale);
  } else if (
    b.num.grouped &&
    a.num.plain &&
    a.low < 1000 &&
    a.low * 1000 <= b.high &&
    a.low * 1000 > b.high / 10
  ) {
    low = a.low * 1000; // "10-12,000"
  }
  if (isYearLike(a.num) && isYearLike(b.num)) return new Skip(b.end); // 2010–2015
  if (!(low < b.high)) return glued ? new Skip(b.end) : null; // 5-3 scores, 2023-24 seasons
  return makeAmount(a.start, b.end, low, b.high, a.unit ?? b.unit, a.vague, true, a.num, false);
}

/** "or more", "and more", "or greater (than)", "or less", "or equal (to)" after a number. */
function boundPostfix(text: string, p: number): Amount['bound'] {
  const f = nextInitial(text, p);
  if (f !== 0x6f && f !== 0x61) return null; // o, a
  const w1 = nextWord(text, p);
  if (w1.w !== 'or' && w1.w !== 'and') return null;
  const w2 = nextWord(text, w1.e);
  let kind: 'ge' | 'le' | 'eq';
  if (BOUND_GE.has(w2.w)) kind = 'ge';
  else if (BOUND_LE.has(w2.w)) kind = 'le';
  else if (w2.w === 'equal') kind = 'eq';
  else return null;
  let end = w2.e;
  const w3 = nextWord(text, end);
  if (w3.w === 'than' || (kind === 'eq' && w3.w === 'to')) {
    if (startsNumber(text, w3.e)) return null; // "200 or greater than 190": two figures
    end = w3.e;
  } else if (startsNumber(text, end)) {
    return null;
  }
  return { kind, end };
}

/** Matches a qualifier phrase at `p` (whose first word is `w`). */
function matchQualifier(
  text: string,
  p: number,
  w: string,
): { q: Qualifier; end: number; phrase: string } | null {
  const list = PHRASES_BY_FIRST.get(w);
  if (!list) return null;
  const firstEnd = wordEnd(text, p);
  for (const ph of list) {
    let q = firstEnd;
    let ok = true;
    for (let i = 1; i < ph.words.length; i++) {
      if (nextInitial(text, q) !== ph.words[i]!.charCodeAt(0)) {
        ok = false;
        break;
      }
      const nw = nextWord(text, q);
      if (nw.w !== ph.words[i]) {
        ok = false;
        break;
      }
      q = nw.e;
    }
    if (ok) return { q: ph.q, end: q, phrase: ph.phrase };
  }
  return null;
}

/** "<", "<=", "< =", ">", ">=" before a number; not "<>", "=<", "=>". */
function matchSymbolQualifier(text: string, p: number): { q: Qualifier; end: number } | null {
  const c = text.charCodeAt(p);
  const before = p > 0 ? text.charCodeAt(p - 1) : 32;
  if (before === 60 || before === 61 || before === 62) return null;
  let q = p + 1;
  let inclusive = false;
  let r = skipSpaces(text, q);
  if (text.charCodeAt(r) === 61) {
    inclusive = true;
    q = r + 1;
    r = skipSpaces(text, q);
  }
  const d = text.charCodeAt(r);
  if (d === 60 || d === 62) return null;
  if (!isDigit(d) && !((d === 45 || d === 0x2212) && isDigit(text.charCodeAt(r + 1)))) return null;
  if (c === 60) return { q: inclusive ? 'up-to' : 'fewer-than', end: q };
  return { q: inclusive ? 'at-least' : 'more-than', end: q };
}

function makeFigure(
  text: string,
  start: number,
  end: number,
  qualifier: Qualifier,
  low: number,
  high: number | null,
  unit: string | undefined,
): Figure {
  return figureOf(text, start, end, qualifier, { low, high }, unit);
}

function figureOf(
  text: string,
  start: number,
  end: number,
  qualifier: Qualifier,
  value: FigureValue,
  unit: string | undefined,
): Figure {
  const fig: Figure = { text: text.slice(start, end), start, end, value, qualifier };
  if (unit !== undefined) fig.unit = unit;
  return fig;
}

function boundedValue(q: Qualifier, low: number, high: number): FigureValue {
  if (q === 'more-than' || q === 'at-least') return { low, high: null };
  if (q === 'up-to' || q === 'fewer-than') return { low: Math.min(0, high), high };
  return { low, high };
}

/** The previous word before `p` (skipping spaces and one '.'), lower-cased, and its raw text. */
function prevWord(text: string, p: number): { w: string; s: number } {
  let q = skipSpacesBack(text, p);
  if (text.charCodeAt(q - 1) === 46) q--;
  const s = wordStartBefore(text, q);
  return { w: lowerWord(text, s, q), s };
}

/** Whether the word `lower` whose first character (as written) is `first` is a capitalised month. */
function isCapitalisedMonth(first: number, lower: string): boolean {
  return first >= 65 && first <= 90 && MONTHS.has(lower);
}

function looksLikeCountNoun(text: string, p: number): boolean {
  const nw = nextWord(text, p);
  const raw = text.slice(nw.s, nw.e);
  if (raw.length < 3 || raw !== nw.w || !raw.endsWith('s')) return false;
  return !NOT_PLURAL_NOUNS.has(nw.w) && !MONTHS.has(nw.w);
}

/**
 * For a bare number with nothing attached: the index to skip to when it is not a figure (date,
 * year, time, postcode, pronoun "one"), or -1 when it is one.
 */
function notAFigure(text: string, a: Amount): number {
  const num = a.num;
  if (num.loneOne) {
    const pw = prevWord(text, a.start);
    if (ONE_PRONOUN_LEAD.has(pw.w)) return a.end;
    const nw = nextWord(text, a.end);
    if (ONE_PRONOUN_NEXT.has(nw.w) || text.charCodeAt(a.end) === 39 || text.charCodeAt(a.end) === 0x2019)
      return a.end;
    return -1;
  }
  if (!a.plain) return -1;
  const v = num.value;
  const nw = nextWord(text, a.end);
  // times: 3 pm, 3 p.m., 10 GMT
  if (nw.w === 'am' || nw.w === 'pm' || nw.w === 'gmt' || nw.w === 'utc') return nw.e;
  if (
    (nw.w === 'a' || nw.w === 'p') &&
    text.charCodeAt(nw.e) === 46 &&
    (text.charCodeAt(nw.e + 1) | 0x20) === 109
  ) {
    return nw.e + 2;
  }
  if (nw.w === 'o' && text.charCodeAt(nw.e) === 39) return nw.e + 1;
  // dates: November 20, Nov. 20, 20 November, November 28, 2024
  if (v >= 1 && v <= 31 && num.digitCount <= 2) {
    const pw = prevWord(text, a.start);
    if (isCapitalisedMonth(text.charCodeAt(pw.s), pw.w)) {
      let e = a.end;
      let r = e;
      if (text.charCodeAt(r) === 44) r++;
      r = skipSpaces(text, r);
      if (isDigit(text.charCodeAt(r))) {
        let y = r;
        while (isDigit(text.charCodeAt(y))) y++;
        if (y - r === 4 && !isWordChar(text.charCodeAt(y))) e = y;
      }
      return e;
    }
    if (isCapitalisedMonth(text.charCodeAt(nw.s), nw.w)) return a.end;
  }
  if (isYearLike(num)) {
    const pw = prevWord(text, a.start);
    if (looksLikeCountNoun(text, a.end) && !YEAR_LEAD.has(pw.w) && !MONTHS.has(pw.w)) return -1;
    return a.end;
  }
  if (num.digitCount === 5 && !looksLikeCountNoun(text, a.end)) return a.end; // postcode
  return -1;
}

interface Parsed {
  fig: Figure | null;
  next: number;
}

/** Turns an amount (with an optional qualifier phrase before it at `preStart`) into a figure. */
function finish(
  text: string,
  a: Amount,
  pre: { q: Qualifier; start: number; phrase: string } | null,
): Parsed {
  if (a.range) return { fig: makeFigure(text, a.start, a.end, 'range', a.low, a.high, a.unit), next: a.end };
  if (a.vague) return { fig: makeFigure(text, a.start, a.end, 'range', a.low, a.high, a.unit), next: a.end };
  let q: Qualifier = pre ? pre.q : 'exact';
  let start = pre ? pre.start : a.start;
  let end = a.end;
  if (pre && (pre.phrase === 'over' || pre.phrase === 'under')) {
    // "over three years" is a duration, "over thirty years old" an age
    const nw = nextWord(text, a.end);
    if (TIME_UNITS.has(nw.w) && nextWord(text, nw.e).w !== 'old') {
      q = 'exact';
      start = a.start;
    }
  }
  const b = a.bound;
  if (b) {
    const bounded = q === 'more-than' || q === 'fewer-than';
    if (b.kind === 'eq' && bounded) {
      q = q === 'more-than' ? 'at-least' : 'up-to';
      end = b.end;
    } else if (b.kind !== 'eq' && (q === 'exact' || q === 'about')) {
      if (q === 'about') start = a.start;
      q = b.kind === 'ge' ? 'at-least' : 'up-to';
      end = b.end;
    }
  }
  if (start === a.start && q === 'exact' && end === a.end) {
    const skip = notAFigure(text, a);
    if (skip >= 0) return { fig: null, next: Math.max(skip, a.start + 1) };
  }
  return { fig: figureOf(text, start, end, q, boundedValue(q, a.low, a.high), a.unit), next: end };
}

const LOWER_BOUNDS = new Set<Qualifier>(['more-than', 'at-least']);
const UPPER_BOUNDS = new Set<Qualifier>(['fewer-than', 'up-to']);

/** "more than 10 and less than 40", "at most 100 and at least 20" → one range. */
function mergeBounds(text: string, first: Parsed): Parsed {
  const f = first.fig;
  if (!f || !(LOWER_BOUNDS.has(f.qualifier) || UPPER_BOUNDS.has(f.qualifier))) return first;
  let q = skipSpaces(text, f.end);
  if (text.charCodeAt(q) === 44) q++;
  else {
    const initial = nextInitial(text, f.end);
    if (initial !== 0x61 && initial !== 0x62) return first; // a, b
    const w = nextWord(text, f.end);
    if (w.w !== 'and' && w.w !== 'but') return first;
    q = w.e;
  }
  q = skipSpaces(text, q);
  const second = parseFigureAt(text, q, false).fig;
  if (!second || second.start !== q || second.unit !== f.unit) return first;
  const lower = LOWER_BOUNDS.has(f.qualifier) ? f : LOWER_BOUNDS.has(second.qualifier) ? second : null;
  const upper = UPPER_BOUNDS.has(f.qualifier) ? f : UPPER_BOUNDS.has(second.qualifier) ? second : null;
  if (!lower || !upper || lower === upper) return first;
  const hi = upper.value.high;
  if (hi === null || !(lower.value.low < hi)) return first;
  return {
    fig: makeFigure(text, f.start, second.end, 'range', lower.value.low, hi, f.unit),
    next: second.end,
  };
}

/** Parses the figure starting at `p` (an anchor), or says where to continue scanning. */
function parseFigureAt(text: string, p: number, merge: boolean): Parsed {
  const c = text.charCodeAt(p);
  if (isAsciiLetter(c)) {
    const we = wordEnd(text, p);
    const w = lowerWord(text, p, we);
    const ph = matchQualifier(text, p, w);
    if (ph) {
      const as = skipSpaces(text, ph.end);
      const a = parseAmount(text, as, true) ?? bareHalf(text, as);
      if (a && !isSkip(a)) {
        const r = finish(text, a, { q: ph.q, start: p, phrase: ph.phrase });
        return merge ? mergeBounds(text, r) : r;
      }
    }
    if (w === 'between' || w === 'from') {
      const a = parseAmount(text, skipSpaces(text, we), false);
      if (a && !isSkip(a) && !a.vague) {
        const r = tryRange(text, a, w === 'between');
        if (r && !isSkip(r))
          return { fig: makeFigure(text, p, r.end, 'range', r.low, r.high, r.unit), next: r.end };
      }
      return { fig: null, next: we };
    }
    if (w === 'percent' || w === 'percents' || w === 'per') {
      // "percent of 10", "per cent of twenty-two"
      let e = we;
      if (w === 'per') {
        const cent = nextWord(text, we);
        if (cent.w !== 'cent') return { fig: null, next: we };
        e = cent.e;
      }
      const of = nextWord(text, e);
      if (of.w === 'of') {
        const a = parseAmount(text, skipSpaces(text, of.e), false);
        if (a && !isSkip(a) && !a.vague && a.unit === undefined) {
          return { fig: makeFigure(text, p, a.end, 'exact', a.low, a.low, 'percent'), next: a.end };
        }
      }
      return { fig: null, next: we };
    }
    // "one of", "one by one": the pronoun, as notAFigure would conclude after parsing it.
    if (w === 'one' && ONE_PRONOUN_NEXT.has(nextWord(text, we).w)) return { fig: null, next: we };
    const a = parseAmount(text, p, true);
    if (a && !isSkip(a)) return finish(text, a, null);
    return { fig: null, next: we };
  }
  if (c === 60 || c === 62) {
    const sq = matchSymbolQualifier(text, p);
    if (sq) {
      const a = parseAmount(text, skipSpaces(text, sq.end), false);
      if (a && !isSkip(a) && !a.vague) {
        const r = {
          fig: figureOf(text, p, a.end, sq.q, boundedValue(sq.q, a.low, a.high), a.unit),
          next: a.end,
        };
        return merge ? mergeBounds(text, r) : r;
      }
    }
    return { fig: null, next: p + 1 };
  }
  const a = parseAmount(text, p, true);
  if (a === null) return { fig: null, next: p + 1 };
  if (isSkip(a)) return { fig: null, next: Math.max(a.skip, p + 1) };
  return finish(text, a, null);
}

/** "half" after a qualifier ("more than half"): a figure there, though not on its own. */
function bareHalf(text: string, p: number): Amount | null {
  const w = nextWord(text, p);
  if (w.w !== 'half' || w.s !== p) return null;
  const r = parseNumber(text, p);
  if (r !== null) return null;
  const num = blankNum(p, w.e, 0.5);
  num.digits = false;
  num.fraction = true;
  return makeAmount(p, w.e, 0.5, 0.5, undefined, false, false, num, false);
}

/** Is the char before a digit at `p` one that makes the digits part of a code or word? */
function gluedBefore(text: string, p: number): boolean {
  if (p === 0) return false;
  const pc = text.charCodeAt(p - 1);
  if (isWordChar(pc)) return true;
  const pp = p >= 2 ? text.charCodeAt(p - 2) : 32;
  if (pc === 45 || pc === 0x2013) return isWordChar(pp) || isDigit(pp); // F-16, Covid-19, leftovers
  if (pc === 47 || pc === 58 || pc === 46 || pc === 95) return isDigit(pp) || isWordChar(pp); // 5/17, 10:30, a.5
  if (pc === 37 || pc === 35 || pc === 64) return true; // %20 (URL escapes), #5, @2
  return false;
}

/** A phone number after "+" ("+82 2 123 4567", "+1-222-2222"): the end of its run, or -1. */
function phoneEnd(text: string, p: number): number {
  let q = p;
  let groups = 1;
  const n = text.length;
  while (q < n) {
    const c = text.charCodeAt(q);
    if (isDigit(c)) {
      q++;
      continue;
    }
    if (
      (c === 32 || c === 45 || c === 46 || c === 47 || c === 40 || c === 41) &&
      isDigit(text.charCodeAt(q + 1))
    ) {
      groups++;
      q++;
      continue;
    }
    break;
  }
  return groups > 1 ? q : -1;
}

const CH_DIGIT = 1;
const CH_LETTER = 2;
const CH_SPECIAL = 3;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = CH_DIGIT;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = CH_LETTER;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = CH_LETTER;
for (const ch of '$.-<>:') ASCII_CLASS[ch.charCodeAt(0)] = CH_SPECIAL;
/** The ASCII chars other than letters and digits that the scan reads (see {@link FigureScan}). */
const FOLLOW_CHARS = Uint8Array.from(ASCII_CLASS, (kind) => (kind === CH_SPECIAL ? 1 : 0));

/**
 * Where the scan goes on after an ordinary word that ends at `end`: past one space, comma or
 * period, or past digits glued to it ("abc-123").
 */
function afterOrdinaryWord(text: string, end: number): number {
  const d = text.charCodeAt(end);
  return d === 32 || d === 44 || d === 46 ? end + 1 : numberRunEnd(text, end);
}

/**
 * Whether a figure's bounds are finite numbers ("1e400" is not a figure). A function of its own so
 * that the scan loop does not depend on the shapes and number kinds of figures (new ones would
 * make V8 throw the loop's optimised code away while it warms up).
 */
function hasFiniteValue(fig: Figure): boolean {
  const { low, high } = fig.value;
  return Number.isFinite(low) && (high === null || Number.isFinite(high));
}

/**
 * Whether the digit or special character `c` (scan class `kind`) at `i` is something other than
 * punctuation the scan steps over: a digit, a sign before a digit, a currency sign, a URL… A run of
 * openers before it may reach it, so the scan goes back to read them again.
 */
/** A non-ASCII char the scan reads as a sign: a currency sign, a vulgar fraction or a minus. */
function isWideSign(c: number): boolean {
  return currencyOfSign(c) !== undefined || vulgarValue(c) !== undefined || c === 0x2212;
}

function startsEvent(text: string, i: number, c: number, kind: number): boolean {
  if (kind === CH_DIGIT || c >= 128 || c === 36 || c === 60 || c === 62) return true;
  if (c === 58) return text.charCodeAt(i + 1) === 47 && text.charCodeAt(i + 2) === 47; // ://
  // . - : only before a digit, or a sign alone at the start of a line ("- 10 k")
  const next = text.charCodeAt(i + 1);
  return isDigit(next) || next === 46 || (c === 45 && (i === 0 || text.charCodeAt(i - 1) === 10));
}

/**
 * The scan: one pass over char codes. Opener words ("about", "more", "a", "in", …) only matter when
 * a number follows within a few words, and most are followed by none, so the scan does not look
 * ahead at each: it remembers where the run of such words began (`chain`) and skips them. At the
 * next digit, sign or number word it goes back to that start and reads the run again the way it
 * always did (looking ahead at each opener, `numberAhead`) up to where it was (`replayEnd`); at
 * any other word the run cannot reach a number, and it is forgotten. Going back is always safe:
 * the run holds nothing but such words, spaces and punctuation.
 *
 * The scan reads on its own (`runTo(text.length)`, {@link findFigures}) or follows the name
 * scanner's walk over the words ({@link WordFollower}), which tells it which words and chars it
 * can step over: those that spell no anchor and are no digit or sign.
 */
export class FigureScan implements WordFollower {
  at = 0;
  /** The figures found so far, in order. */
  readonly out: Figure[] = newFigureList();
  readonly wordFilter = FIGURE_WORD_FILTER;
  readonly charFilter = FOLLOW_CHARS;
  /** Where the current run of opener words began, or -1. */
  private chain = -1;
  /** While a run is read again: where the first reading had got to. */
  private replayEnd = -1;

  constructor(private readonly text: string) {}

  runTo(limit: number): void {
    const text = this.text;
    const out = this.out;
    const n = text.length;
    const stop = Math.min(limit, n);
    let i = this.at;
    let chain = this.chain;
    let replayEnd = this.replayEnd;
    while (i < stop) {
      const c = text.charCodeAt(i);
      let kind: number;
      if (c < 128) {
        kind = ASCII_CLASS[c] ?? 0;
        if (kind === 0) {
          i++;
          continue;
        }
      } else if (isWideSign(c)) {
        kind = CH_SPECIAL;
      } else if (isWordChar(c)) {
        if (chain >= 0) {
          replayEnd = i;
          i = chain;
          chain = -1;
          continue;
        }
        // a word in another script: skip it with any digits glued to it
        i = numberRunEnd(text, i + 1);
        continue;
      } else {
        i++;
        continue;
      }
      let r: Parsed | null = null;
      if (kind === CH_LETTER) {
        const m = ANCHORS.match(text, i);
        if (m < 0) {
          // An ordinary word (the common case): a run of openers before it cannot reach a number.
          chain = -1;
          i = afterOrdinaryWord(text, -m);
          continue;
        }
        const tag = m % 64;
        const we = (m - tag) / 64;
        const anchor = tag >> 3;
        if (
          anchor !== K_NUMBER &&
          anchor !== K_CONTINUATION &&
          !isWordChar(text.charCodeAt(we)) &&
          !isDigit(text.charCodeAt(we))
        ) {
          // An opener or an inner word of a qualifier: part of a run, unless read again.
          if (i >= replayEnd) {
            if (chain < 0) chain = i;
            i = we;
            continue;
          }
          if (anchor === K_LINK || !numberAhead(text, we, tag & 7)) {
            i = we;
            continue;
          }
        } else if (chain >= 0) {
          // A number word (or an anchor glued to more letters or digits) after a run: read it again.
          replayEnd = i;
          i = chain;
          chain = -1;
          continue;
        } else if (anchor !== K_NUMBER || isWordChar(text.charCodeAt(we)) || isDigit(text.charCodeAt(we))) {
          i = numberRunEnd(text, we);
          continue;
        }
        r = parseFigureAt(text, i, true);
      } else {
        if (chain >= 0 && startsEvent(text, i, c, kind)) {
          replayEnd = i;
          i = chain;
          chain = -1;
          continue;
        }
        if (kind === CH_DIGIT) {
          if (gluedBefore(text, i)) {
            i = numberRunEnd(text, i);
            continue;
          }
          if (i > 0 && text.charCodeAt(i - 1) === 43) {
            const pe = phoneEnd(text, i);
            if (pe > 0) {
              i = pe;
              continue;
            }
          }
          r = parseFigureAt(text, i, true);
        } else {
          // $ . - − < > : currency signs and vulgar fractions
          const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
          const next = text.charCodeAt(i + 1);
          if (c === 58) {
            if (next === 47 && text.charCodeAt(i + 2) === 47) {
              // a URL: skip to the next space
              let j = i + 3;
              while (j < n && !isSpace(text.charCodeAt(j))) j++;
              i = j;
              continue;
            }
            i++;
            continue;
          }
          if (c === 46) {
            if (!isDigit(next) || isDigit(prev) || isWordChar(prev)) {
              i++;
              continue;
            }
          } else if (c === 45 || c === 0x2212) {
            const spacedSign = (i === 0 || prev === 10) && isSpace(next);
            if (
              (!isDigit(next) && !(next === 46 && isDigit(text.charCodeAt(i + 2))) && !spacedSign) ||
              isDigit(prev) ||
              isWordChar(prev) ||
              prev === 45
            ) {
              i++;
              continue;
            }
          } else if (c === 36 && isWordChar(prev)) {
            i++;
            continue;
          }
          r = parseFigureAt(text, i, true);
        }
      }
      const fig = r.fig;
      if (fig !== null && hasFiniteValue(fig)) {
        out.push(fig);
        i = Math.max(r.next, fig.end, i + 1);
      } else {
        i = Math.max(r.next, i + 1);
      }
    }
    this.at = i;
    this.chain = chain;
    this.replayEnd = replayEnd;
  }

  readsChar(text: string, p: number): boolean {
    // The scan's own tests at these chars (see runTo and startsEvent): a period, hyphen or colon
    // that cannot start a figure, a URL or a replay is stepped over; so is a char of another
    // script that is no letter, sign or fraction (curly quotes, dashes).
    const c = text.charCodeAt(p);
    if (c >= 128) return isWideSign(c) || isWordChar(c);
    // An ASCII sign: what can start a replay can start anything the scan does there.
    return startsEvent(text, p, c, CH_SPECIAL);
  }

  skipWord(start: number, end: number): void {
    // The scan's branch for an ordinary word (one that spells no anchor), as in `runTo`.
    this.chain = -1;
    this.at = afterOrdinaryWord(this.text, end);
  }
}

/**
 * An empty array that already holds objects (V8's elements kind), like the one the scan leaves
 * behind: a fresh `[]` holds small integers until the first push changes its kind, and the scan
 * loop, optimised for one kind, would be thrown away again on every new call while it warms up.
 */
function newFigureList(): Figure[] {
  const list: (Figure | null)[] = [null];
  list.length = 0;
  return list as Figure[];
}

/**
 * Every figure in `text`, in order and non-overlapping; `text.slice(f.start, f.end) === f.text`.
 * Pure and total: never throws (a parser bug yields the figures found so far, not an exception).
 */
export function findFigures(text: string): Figure[] {
  if (typeof text !== 'string' || text.length === 0) return newFigureList();
  const scan = new FigureScan(text);
  try {
    scan.runTo(text.length);
  } catch {
    // keep what was found: a page must never break on a figure (tests use scanFiguresStrict)
  } finally {
    forgetNextWord();
  }
  return scan.out;
}

/** Same as {@link findFigures} but lets an internal error surface (for tests and fuzzing). */
export function scanFiguresStrict(text: string): Figure[] {
  const scan = new FigureScan(text);
  try {
    scan.runTo(text.length);
  } finally {
    forgetNextWord();
  }
  return scan.out;
}

/**
 * Ends a scan that followed another walk ({@link FigureScan}): reads to the end of the text and
 * returns the figures (as {@link findFigures} would). Lets an internal error surface.
 */
export function finishFigureScan(scan: FigureScan, text: string): Figure[] {
  try {
    scan.runTo(text.length);
  } finally {
    forgetNextWord();
  }
  return scan.out;
}

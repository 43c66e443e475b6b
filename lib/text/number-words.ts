/**
 * The English number lexicon of the figure scanner (lib/text/figures.ts): cardinal, ordinal and
 * scale words with their values, and a letter trie of the words that can start a figure, so the
 * scanner can reject ordinary words char by char without allocating a string for each.
 */

import { createWordTrie } from './word-trie';

/** Word classes of the lexicon. Plain numbers (not a `const enum`) so isolated transpilers agree. */
export const UNIT = 1; // one..nine
export const TEEN = 2; // ten..nineteen
export const TENS = 3; // twenty..ninety
export const HUNDRED = 4; // hundred, hundreds
export const SCALE = 5; // thousand, million, lakh, bn…
export const ZERO = 6; // zero, nought, naught
export const DOZEN = 7; // dozen, dozens, dz…
export const ORDINAL = 8; // third, fifths, hundredth… (value = the denominator it names)
export const HALF = 9; // half, halves (denominator 2)
export const QUARTER = 10; // quarter, quarters (denominator 4)

export interface NumberWord {
  cls: number;
  value: number;
  /** Plural form ("hundreds", "fifths", "dozens"). */
  plural: boolean;
}

const LEXICON = new Map<string, NumberWord>();

function add(cls: number, value: number, ...words: string[]): void {
  for (const w of words) LEXICON.set(w, { cls, value, plural: false });
}
function addPlural(cls: number, value: number, ...words: string[]): void {
  for (const w of words) LEXICON.set(w, { cls, value, plural: true });
}

const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
UNITS.forEach((w, i) => add(UNIT, i + 1, w));
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
TEENS.forEach((w, i) => add(TEEN, i + 10, w));
const TENS_WORDS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
TENS_WORDS.forEach((w, i) => add(TENS, (i + 2) * 10, w));
add(ZERO, 0, 'zero', 'nought', 'naught');
add(HUNDRED, 100, 'hundred');
addPlural(HUNDRED, 100, 'hundreds');
add(SCALE, 1e3, 'thousand');
addPlural(SCALE, 1e3, 'thousands');
add(SCALE, 1e5, 'lakh');
addPlural(SCALE, 1e5, 'lakhs');
add(SCALE, 1e6, 'million', 'mln', 'mn');
addPlural(SCALE, 1e6, 'millions');
add(SCALE, 1e7, 'crore');
addPlural(SCALE, 1e7, 'crores');
add(SCALE, 1e9, 'billion', 'bn', 'bln');
addPlural(SCALE, 1e9, 'billions');
add(SCALE, 1e12, 'trillion', 'tn', 'tln');
addPlural(SCALE, 1e12, 'trillions');
add(DOZEN, 12, 'dozen', 'doz', 'dz');
addPlural(DOZEN, 12, 'dozens', 'dozs', 'dzs');
add(HALF, 2, 'half');
addPlural(HALF, 2, 'halves');
add(QUARTER, 4, 'quarter');
addPlural(QUARTER, 4, 'quarters');

const ORDINALS: [string, number][] = [
  ['first', 1],
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
  ['fifth', 5],
  ['sixth', 6],
  ['seventh', 7],
  ['eighth', 8],
  ['ninth', 9],
  ['tenth', 10],
  ['eleventh', 11],
  ['twelfth', 12],
  ['thirteenth', 13],
  ['fourteenth', 14],
  ['fifteenth', 15],
  ['sixteenth', 16],
  ['seventeenth', 17],
  ['eighteenth', 18],
  ['nineteenth', 19],
  ['twentieth', 20],
  ['thirtieth', 30],
  ['fortieth', 40],
  ['fiftieth', 50],
  ['sixtieth', 60],
  ['seventieth', 70],
  ['eightieth', 80],
  ['ninetieth', 90],
  ['hundredth', 100],
  ['thousandth', 1e3],
  ['millionth', 1e6],
  ['billionth', 1e9],
  ['trillionth', 1e12],
];
for (const [w, v] of ORDINALS) {
  add(ORDINAL, v, w);
  addPlural(ORDINAL, v, w + 's');
}

/** Every word of the lexicon. */
export function lexiconWords(): IterableIterator<string> {
  return LEXICON.keys();
}

/** The lexicon entry of a lower-case word, if it is a number word. */
export function numberWord(lower: string): NumberWord | undefined {
  return LEXICON.get(lower);
}

/** Number words that start a figure by themselves (the scanner parses at each of them). */
export const NUMBER_START_WORDS: readonly string[] = [
  ...UNITS,
  ...TEENS,
  ...TENS_WORDS,
  'zero',
  'nought',
  'naught',
  'hundred',
  'hundreds',
  'thousand',
  'thousands',
  'million',
  'millions',
  'billion',
  'billions',
  'trillion',
  'trillions',
  'lakh',
  'lakhs',
  'crore',
  'crores',
  'dozen',
  'dozens',
  'half',
  'quarter',
  'several',
  'tens',
  'minus',
  'negative',
];

/** Words that only continue a number ("a fifth", "a few hundred"): never a figure's first word. */
export const NUMBER_CONTINUATION_WORDS: readonly string[] = [
  ...ORDINALS.flatMap(([w]) => [w, w + 's']),
  'few',
  'quarters',
  'halves',
];

/**
 * Words the figure rules read and compare (besides the lexicon): qualifiers, connectors, units,
 * currencies, months, time words. Only a speed-up: {@link lowerWord} hands them out without
 * allocating; any other word is read the slow way, with the same result.
 */
const VOCABULARY_EXTRA = `
  a an and or but of to through thru than over under in out from between point percent percents
  pct percentage points per cent minus negative several few tens the this that which each every
  any no another such what whichever last first next new old other right wrong same little big
  more less fewer greater higher lower larger bigger smaller above below upwards upward equal
  equals exactly at least most some about around approximately approx roughly nearly almost
  estimated close circa well just excess exceed exceeds exceeded exceeding surpass surpasses
  surpassed surpassing as many much maximum minimum not equaling equalling am pm gmt utc p o by
  dollars dollar euros euro yen won rubles ruble roubles rouble hryvnias hryvnia hryvnas pounds
  sterling us usd eur gbp krw jpy rub uah
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  year years month months week weeks day days hour hours minute minutes second seconds
  decade decades century centuries night nights since until till before after during early
  late mid fiscal summer winter spring autumn fall for on its their his her was is has plus
`
  .trim()
  .split(/\s+/);

const VOCABULARY = createWordTrie(
  [...LEXICON.keys(), ...VOCABULARY_EXTRA]
    .filter((w) => /^[a-z]+$/.test(w))
    .map((w): [string, number] => [w, 1]),
);

/** `text.slice(start, end).toLowerCase()`, without allocating for a word of the vocabulary. */
export function lowerWord(text: string, start: number, end: number): string {
  return VOCABULARY.word(text, start, end) ?? text.slice(start, end).toLowerCase();
}

/**
 * Word tokens for cue matching (attribution and quantity cues).
 *
 * Two forms share one tokeniser ({@link tokenizeInto}):
 * - {@link tokenizeWords}: `Word` objects with their normalised form, for building cue tables and
 *   for tests;
 * - {@link tokenizeInto}: the engine's hot path. It fills a reusable {@link Tokens} buffer of typed
 *   arrays with integer word ids from a {@link Vocabulary} (the cue words of one dataset), so a
 *   scan allocates no string or object per word. Ids are assigned by normalised form, so comparing
 *   ids is exactly comparing normalised forms; every word that is in no cue gets id 0.
 */

/** `w` word, `n` number-like token ("12,000", "11th"), `p` punctuation kept for clause/quote logic. */
export type WordKind = 'w' | 'n' | 'p';

export interface Word {
  start: number;
  end: number;
  /**
   * Normalised form: case-folded, diacritics folded, dots and apostrophes dropped ("U.S." → "us"),
   * possessive removed ("Korea's" → "korea"). Punctuation: `,` `;` `:` `(` `)` `q<` (opening
   * curly quote), `q>` (closing curly quote), `q` (straight double quote), `-` (dash), `.` `!` `?`.
   */
  norm: string;
  kind: WordKind;
  /** The word carried a possessive `'s` that was dropped (it ends a proper-noun run). */
  poss?: boolean;
}

/** Token kinds in a {@link Tokens} buffer (the typed form of {@link WordKind}). */
export const KIND_WORD = 0;
export const KIND_NUMBER = 1;
export const KIND_PUNCT = 2;

const KIND_NAMES: readonly WordKind[] = ['w', 'n', 'p'];

const NON_ASCII_LETTER = /[\p{L}\p{M}]/u;
const COMBINING = /\p{M}/gu;

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Letters (any script) and combining marks. */
function isLetterCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiLetter(c);
  return NON_ASCII_LETTER.test(text[i] ?? '');
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/** The punctuation the cue logic reads, by char code, with its normalised form. */
const PUNCT: ReadonlyMap<number, string> = new Map([
  [44, ','],
  [59, ';'],
  [58, ':'],
  [40, '('],
  [41, ')'],
  [91, '('],
  [93, ')'],
  [34, 'q'],
  [0x201c, 'q<'],
  [0x201d, 'q>'],
  [0x00ab, 'q<'],
  [0x00bb, 'q>'],
  [0x2014, '-'],
  [0x2013, '-'],
  [46, '.'],
  [33, '!'],
  [63, '?'],
]);

function normalise(raw: string): string {
  let s = raw.toLowerCase();
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 127) {
      s = s.normalize('NFKD').replace(COMBINING, '');
      break;
    }
  }
  if (s.indexOf('.') >= 0) s = s.split('.').join('');
  if (s.indexOf("'") >= 0 || s.indexOf('\u2019') >= 0) s = s.replace(/['\u2019]/g, '');
  return s;
}

/** The word itself when it is plain lower-case ASCII letters/digits (the common case), else null. */
function plainLower(text: string, i: number, j: number): string | null {
  for (let k = i; k < j; k++) {
    const c = text.charCodeAt(k);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return null;
  }
  return text.slice(i, j);
}

/** The normalised form of the token `text[start, end)` of kind `kind` (see {@link Word.norm}). */
function normOf(text: string, start: number, end: number, kind: number): string {
  if (kind === KIND_NUMBER) return text.slice(start, end).toLowerCase().replace(/,/g, '');
  if (kind === KIND_PUNCT) return PUNCT.get(text.charCodeAt(start)) ?? '';
  return plainLower(text, start, end) ?? normalise(text.slice(start, end));
}

/** ASCII char classes for the tokeniser (everything else is `OTHER`; non-ASCII is tested apart). */
const OTHER = 0;
const LETTER = 1;
const DIGIT = 2;
const MARK = 3;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (isAsciiLetter(c)) ASCII_CLASS[c] = LETTER;
  else if (isDigit(c)) ASCII_CLASS[c] = DIGIT;
  else if (PUNCT.has(c)) ASCII_CLASS[c] = MARK;
}

/**
 * Columns of the vocabulary automaton: a-z (either case) 0-25, digits 26-35, `.` 36 (numbers keep
 * it: "1.5"); -1 for other chars. A normalised form made of these chars only is in the automaton.
 * A row has one more entry, {@link ACCEPT_COLUMN}: the word id the node accepts.
 */
const DFA_WIDTH = 38;
const DOT_COLUMN = 36;
const ACCEPT_COLUMN = 37;
/** The root's row (row 0 is the dead state: all zeros). */
const ROOT = DFA_WIDTH;
const DFA_COLUMN = new Int8Array(128).fill(-1);
for (let c = 0; c < 26; c++) {
  DFA_COLUMN[97 + c] = c;
  DFA_COLUMN[65 + c] = c;
}
for (let c = 0; c < 10; c++) DFA_COLUMN[48 + c] = 26 + c;
DFA_COLUMN[46] = DOT_COLUMN;

/** End of the number-like token starting with the digit at `i` ("12,000", "1.5", "11th"). */
function numberEnd(text: string, i: number, end: number): number {
  let j = i + 1;
  while (j < end) {
    const d = text.charCodeAt(j);
    if (d < 128 && ASCII_CLASS[d] !== OTHER && ASCII_CLASS[d] !== MARK) j++;
    else if ((d === 44 || d === 46) && j + 1 < end && isDigit(text.charCodeAt(j + 1))) j += 2;
    else break;
  }
  return j;
}

/**
 * Reads the word starting with the letter at `i`: returns `wordEnd * 2 + possessive` (1 when a
 * possessive `'s` follows the word; the caller skips it). Apostrophes between letters stay inside
 * ("O'Brien"); dotted single-letter abbreviations are one word ("U.S.").
 */
function wordEnd(text: string, i: number, end: number): number {
  let j = i + 1;
  while (j < end) {
    const d = text.charCodeAt(j);
    if (d < 128 ? ASCII_CLASS[d] === LETTER || ASCII_CLASS[d] === DIGIT : isLetterCode(text, j)) {
      j++;
      continue;
    }
    if (isApostrophe(d) && j + 1 < end && isLetterCode(text, j + 1)) {
      const s = text.charCodeAt(j + 1) | 32;
      if (s === 115 && (j + 2 >= end || !isLetterCode(text, j + 2))) return j * 2 + 1;
      j += 2;
      continue;
    }
    // Dotted abbreviations of single letters: "U.S.", "U.N.", "e.g."
    if (d === 46 && j + 1 < end && isLetterCode(text, j + 1) && j - i === 1) {
      let k = j;
      while (
        k + 1 < end &&
        text.charCodeAt(k) === 46 &&
        isLetterCode(text, k + 1) &&
        (k + 2 >= end || !isLetterCode(text, k + 2))
      ) {
        k += 2;
      }
      if (k > j) {
        j = k < end && text.charCodeAt(k) === 46 ? k + 1 : k;
      }
      break;
    }
    break;
  }
  return j * 2;
}

/** Whether the non-ASCII char `c` is punctuation the cue logic reads (curly quotes, dashes). */
function isWideMark(c: number): boolean {
  return c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb || c === 0x2014 || c === 0x2013;
}

/**
 * A reusable token buffer: the tokens of one text span as parallel typed arrays (`n` valid
 * entries), so a scan tokenises sentence after sentence without allocating. `id` holds
 * {@link Vocabulary} ids, `kind` the `KIND_*` constants, `poss` 1 for a dropped possessive.
 */
export class Tokens {
  n = 0;
  start = new Int32Array(64);
  end = new Int32Array(64);
  id = new Int32Array(64);
  kind = new Uint8Array(64);
  poss = new Uint8Array(64);

  /** Makes room for `count` tokens (content is not kept: call before filling). */
  reserve(count: number): void {
    if (count <= this.start.length) return;
    const size = Math.max(count, this.start.length * 2);
    this.start = new Int32Array(size);
    this.end = new Int32Array(size);
    this.id = new Int32Array(size);
    this.kind = new Uint8Array(size);
    this.poss = new Uint8Array(size);
  }
}

/**
 * Interned normalised words: id 0 is "not a cue word", ids ≥ 1 are assigned once per distinct
 * normalised form. Page tokens are looked up straight from the text: the normalised forms made of
 * ASCII letters, digits and dots form an automaton (a trie over folded chars, one row of
 * {@link DFA_WIDTH} entries per node) that the tokeniser walks while it reads a word, so an
 * ordinary word costs one table read per char and no string. Other forms (non-ASCII) are found by
 * building the normalised string. Punctuation norms are interned first, so a punctuation token's
 * id is that of its norm.
 */
export class Vocabulary {
  private readonly words: string[] = [''];
  private readonly byNorm = new Map<string, number>();
  /**
   * The automaton, one row per node: at `row + column` the row of the next node (rows are stored
   * as offsets, `node * DFA_WIDTH`, so a step is one add and one read), at `row + ACCEPT_COLUMN`
   * the word id the node accepts (0: none). Row 0 is the dead state (all zeros), {@link ROOT} the
   * root. Read by the tokeniser; never written outside this class.
   */
  dfa: Int32Array | Uint16Array = new Int32Array(DFA_WIDTH * 256);
  private nodes = 2;
  /** Punctuation token id by char code (ASCII), and the few non-ASCII marks. */
  private readonly asciiPunct = new Int32Array(128);
  private readonly widePunct = new Map<number, number>();

  constructor() {
    for (const [code, norm] of PUNCT) {
      const id = this.intern(norm);
      if (code < 128) this.asciiPunct[code] = id;
      else this.widePunct.set(code, id);
    }
  }

  /** Number of ids handed out so far (ids are `< size`). */
  get size(): number {
    return this.words.length;
  }

  /** The id of `norm` (a normalised form), adding it when new. Never returns 0 for a non-empty norm. */
  intern(norm: string): number {
    const known = this.byNorm.get(norm);
    if (known !== undefined) return known;
    const id = this.words.length;
    this.words.push(norm);
    this.byNorm.set(norm, id);
    this.addToAutomaton(norm, id);
    return id;
  }

  /** The id of the normalised form `norm`, or 0. */
  id(norm: string): number {
    return this.byNorm.get(norm) ?? 0;
  }

  /** The normalised form of id `id` (`''` for 0). */
  norm(id: number): string {
    return this.words[id] ?? '';
  }

  /** The id of the punctuation token `c` (a char code the tokeniser keeps), or 0. */
  punctId(c: number): number {
    return c < 128 ? (this.asciiPunct[c] as number) : (this.widePunct.get(c) ?? 0);
  }

  /**
   * The id of the word token `text[start, end)`, or 0: the id of its normalised form (lower case,
   * dots and apostrophes dropped, diacritics folded), without building it for ASCII words.
   */
  lookupWord(text: string, start: number, end: number): number {
    let row = ROOT;
    for (let k = start; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c === 46 || c === 39 || c === 0x2019) continue;
      if (c >= 128) return this.id(normOf(text, start, end, KIND_WORD));
      row = this.dfa[row + (DFA_COLUMN[c] as number)] as number;
    }
    return this.dfa[row + ACCEPT_COLUMN] as number;
  }

  /** The id of the number token `text[start, end)` (lower case, commas dropped), or 0. */
  lookupNumber(text: string, start: number, end: number): number {
    let row = ROOT;
    for (let k = start; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c !== 44) row = this.dfa[row + (DFA_COLUMN[c] as number)] as number;
    }
    return this.dfa[row + ACCEPT_COLUMN] as number;
  }

  /** Adds `norm` to the automaton when it is made of automaton chars only. */
  private addToAutomaton(norm: string, id: number): void {
    for (let k = 0; k < norm.length; k++) {
      const c = norm.charCodeAt(k);
      // Upper case never occurs in a norm; it is excluded so each node has one spelling.
      if (c >= 128 || (DFA_COLUMN[c] as number) < 0 || (c >= 65 && c <= 90)) return;
    }
    if (!(this.dfa instanceof Int32Array)) this.dfa = Int32Array.from(this.dfa);
    let row = ROOT;
    for (let k = 0; k < norm.length; k++) {
      const slot = row + (DFA_COLUMN[norm.charCodeAt(k)] as number);
      let next = this.dfa[slot] as number;
      if (next === 0) {
        next = this.newRow();
        this.dfa[slot] = next;
      }
      row = next;
    }
    this.dfa[row + ACCEPT_COLUMN] = id;
  }

  /** A new node's row (zeros). */
  private newRow(): number {
    const row = this.nodes++ * DFA_WIDTH;
    if (row + DFA_WIDTH > this.dfa.length) {
      const dfa = new Int32Array(this.dfa.length * 2);
      dfa.set(this.dfa);
      this.dfa = dfa;
    }
    return row;
  }

  /**
   * Stores the automaton in 16-bit entries when its rows and ids fit (half the memory, so more of
   * it stays in the CPU's nearest cache while a page is tokenised). Words interned after this
   * make it 32-bit again.
   */
  compact(): void {
    const used = this.nodes * DFA_WIDTH;
    if (used > 0xffff || this.words.length > 0xffff) return;
    const dfa = new Uint16Array(used + DFA_WIDTH);
    for (let k = 0; k < used; k++) dfa[k] = this.dfa[k] as number;
    this.dfa = dfa;
  }
}

/** Tokenising for norms only ({@link tokenizeWords}) needs no vocabulary: every word gets id 0. */
const NO_WORDS = new Vocabulary();

/**
 * Tokenises `text[start, end)` into `out` (replacing its content): words, numbers and the
 * punctuation that matters to cue logic. Hyphens separate words ("Ukraine-occupied" → "ukraine",
 * "occupied"); a possessive `'s` ends a word and is dropped. Each token's id is `vocab`'s id of
 * its normalised form (0: not interned). Offsets index `text`. This is the only tokeniser:
 * {@link tokenizeWords} reads its output.
 */
export function tokenizeInto(out: Tokens, vocab: Vocabulary, text: string, start: number, end: number): void {
  // A token takes at least one char: reserving for the span keeps the loop free of size checks.
  out.reserve(end - start);
  const dfa = vocab.dfa;
  const starts = out.start;
  const ends = out.end;
  const ids = out.id;
  const kinds = out.kind;
  const poss = out.poss;
  let n = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    const cls =
      c < 128 ? (ASCII_CLASS[c] as number) : isWideMark(c) ? MARK : isLetterCode(text, i) ? LETTER : OTHER;
    if (cls === OTHER) {
      i++;
      continue;
    }
    starts[n] = i;
    if (cls === LETTER && c < 128) {
      // Fast path: a run of ASCII letters and digits, walked through the vocabulary's automaton
      // while it is read (a word that leaves it stays in the dead state 0). An apostrophe, a
      // non-ASCII char or a single letter's dot may continue the word: slow path.
      let row = dfa[ROOT + (DFA_COLUMN[c] as number)] as number;
      let j = i + 1;
      let d = 0;
      while (j < end && row !== 0) {
        d = text.charCodeAt(j);
        if (d >= 128) break;
        const col = DFA_COLUMN[d] as number;
        if (col < 0 || col === DOT_COLUMN) break;
        row = dfa[row + col] as number;
        j++;
      }
      if (row === 0) {
        // No vocabulary word starts this way: only find where the word ends.
        while (j < end) {
          d = text.charCodeAt(j);
          if (d >= 128) break;
          const col = DFA_COLUMN[d] as number;
          if (col < 0 || col === DOT_COLUMN) break;
          j++;
        }
      }
      if (j >= end || (d !== 39 && d < 128 && (d !== 46 || j - i > 1))) {
        ends[n] = j;
        kinds[n] = KIND_WORD;
        poss[n] = 0;
        ids[n] = dfa[row + ACCEPT_COLUMN] as number;
        i = j;
        n++;
        continue;
      }
    }
    if (cls === LETTER) {
      const w = wordEnd(text, i, end);
      const j = w >> 1;
      ends[n] = j;
      kinds[n] = KIND_WORD;
      poss[n] = w & 1;
      ids[n] = vocab.lookupWord(text, i, j);
      i = w & 1 ? j + 2 : j;
    } else if (cls === DIGIT) {
      const j = numberEnd(text, i, end);
      ends[n] = j;
      kinds[n] = KIND_NUMBER;
      poss[n] = 0;
      ids[n] = vocab.lookupNumber(text, i, j);
      i = j;
    } else {
      ends[n] = i + 1;
      kinds[n] = KIND_PUNCT;
      poss[n] = 0;
      ids[n] = vocab.punctId(c);
      i++;
    }
    n++;
  }
  out.n = n;
}

/**
 * Splits `text.slice(start, end)` into words, numbers and the punctuation that matters to cue
 * logic, as {@link tokenizeInto}, with each token's normalised form. Offsets index `text`.
 */
export function tokenizeWords(text: string, start = 0, end = text.length): Word[] {
  const t = new Tokens();
  tokenizeInto(t, NO_WORDS, text, start, end);
  const out: Word[] = [];
  for (let k = 0; k < t.n; k++) {
    const s = t.start[k] as number;
    const e = t.end[k] as number;
    const kind = t.kind[k] as number;
    const w: Word = { start: s, end: e, norm: normOf(text, s, e, kind), kind: KIND_NAMES[kind] as WordKind };
    if (t.poss[k] === 1) w.poss = true;
    out.push(w);
  }
  return out;
}

/** Normalised word sequence of a cue phrase ("North Korea's" → ["north", "korea"]). */
export function phraseNorms(phrase: string): string[] {
  return tokenizeWords(phrase)
    .filter((w) => w.kind !== 'p')
    .map((w) => w.norm);
}

/** Index of the first token whose start is ≥ `offset` (binary search). */
function tokenIndexAt(t: Tokens, offset: number): number {
  let lo = 0;
  let hi = t.n;
  const starts = t.start;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as number) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The tokens overlapping the character span `[start, end)` are `[from, to)` with
 * `from = tokenRangeFrom(t, start)` and `to = tokenRangeTo(t, from, end)` (two calls, so the hot
 * path returns no pair). This is the first: a span starting inside a token includes it.
 */
export function tokenRangeFrom(t: Tokens, start: number): number {
  const from = tokenIndexAt(t, start);
  return from > 0 && (t.end[from - 1] as number) > start ? from - 1 : from;
}

/** The end (exclusive) of the tokens from `from` on that start before `end` (see {@link tokenRangeFrom}). */
export function tokenRangeTo(t: Tokens, from: number, end: number): number {
  let to = from;
  while (to < t.n && (t.start[to] as number) < end) to++;
  return to;
}

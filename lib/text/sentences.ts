/**
 * Offset-based sentence splitter for news text: one pass, no regular expressions on the hot path.
 * It only stops at the chars that can end a sentence (found with `indexOf`, which V8 runs natively,
 * several times faster than reading every char code in JavaScript).
 */

import { createWordTrie } from './word-trie';

/** A sentence: `[start, end)` offsets into the text, trimmed of surrounding whitespace. */
export interface Span {
  start: number;
  end: number;
}

/** Abbreviations after which a period does not end a sentence (lower case, without dots). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'gen', 'gens', 'lt', 'maj', 'col', 'capt', 'cpt', 'sgt', 'cpl', 'pvt', 'adm',
  'cmdr', 'brig', 'rep', 'reps', 'sen', 'sens', 'gov', 'pres', 'prof', 'amb', 'rev', 'hon', 'st', 'mt',
  'jr', 'sr', 'jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'vs', 'approx',
  'est', 'fig', 'inc', 'ltd', 'co', 'corp', 'dept', 'univ', 'ft',
]); // prettier-ignore

/** Only an abbreviation before a number ("No. 1"); otherwise an ordinary word ("the answer is no."). */
const NUMBER_ABBREVIATIONS = new Set(['no', 'nos']);

/** A longer word is no abbreviation: it is rejected without building its string. */
const MAX_ABBREVIATION = Math.max(...[...ABBREVIATIONS, ...NUMBER_ABBREVIATIONS].map((a) => a.length));

const TAG_ABBREVIATION = 1;
const TAG_NUMBER_ABBREVIATION = 2;
/** Both lists as a word trie (lower-case ASCII letters, matched in any case). */
const ABBREVIATION_TRIE = createWordTrie([
  ...[...ABBREVIATIONS].map((a): [string, number] => [a, TAG_ABBREVIATION]),
  ...[...NUMBER_ABBREVIATIONS].map((a): [string, number] => [a, TAG_NUMBER_ABBREVIATION]),
]);

/** The chars a sentence can end at: terminators, line breaks and full-width terminators. */
const BREAK_CHARS = ['.', '!', '?', '\u2026', '\n', '\r', '\u3002', '\uff01', '\uff1f'];

function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x3000;
}

function isTerminator(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

/** Full-width terminators (CJK) end a sentence even without a following space. */
function isWideTerminator(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

/** Closing quotes and brackets that belong to the sentence they follow. */
function isCloser(c: number): boolean {
  return (
    c === 34 || c === 39 || c === 41 || c === 93 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x300d
  );
}

/** General Punctuation (curly quotes, dashes, ellipsis…): no letters, and common in news text. */
function isGeneralPunctuation(c: number): boolean {
  return c >= 0x2000 && c <= 0x206f;
}

function isLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (isGeneralPunctuation(c)) return false; // (answered without building strings)
  const ch = text[i] ?? '';
  return ch.toLowerCase() !== ch.toUpperCase();
}

function isLowerAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 97 && c <= 122;
  if (isGeneralPunctuation(c)) return false;
  const ch = text[i] ?? '';
  return ch.toLowerCase() === ch && ch.toUpperCase() !== ch;
}

/** Whether the period at `dot` closes an abbreviation, an initial or a dotted acronym. */
function isAbbreviationDot(text: string, dot: number, next: number): boolean {
  // The word before the dot: letters and dots.
  let ws = dot;
  let dotted = false;
  while (ws > 0) {
    const c = text.charCodeAt(ws - 1);
    if (c === 46) dotted = true;
    else if (!isLetter(text, ws - 1)) break;
    ws--;
  }
  if (ws === dot) return false;
  if (dotted) return true; // "U.S.", "e.g."
  if (dot - ws === 1) return !isLowerAt(text, ws); // an initial: "John F. Kennedy"
  if (dot - ws > MAX_ABBREVIATION) return false; // checked before building the string
  // Most words before a dot are ASCII letters: looked up without building their string.
  const m = ABBREVIATION_TRIE.match(text, ws);
  const tag = m % 64;
  if ((m > 0 ? (m - tag) / 64 : -m) === dot) {
    if (m < 0) return false;
    if (tag === TAG_ABBREVIATION) return true;
    const c = text.charCodeAt(next);
    return c >= 48 && c <= 57;
  }
  const lower = text.slice(ws, dot).toLowerCase();
  if (ABBREVIATIONS.has(lower)) return true;
  if (NUMBER_ABBREVIATIONS.has(lower)) {
    const c = text.charCodeAt(next);
    return c >= 48 && c <= 57;
  }
  return false;
}

/**
 * Splits `text` into sentences. A sentence ends at `.`, `!`, `?` or `…` (plus any closing quotes
 * or brackets) followed by whitespace and a character that is not a lower-case letter, except after
 * abbreviations (Mr., Gen., U.S., e.g.), initials and inside decimals (1.5). A blank line (the block
 * separator) always ends a sentence; a single line break does too unless the next line starts in
 * lower case (so headings without final punctuation end at their newline, while hard-wrapped
 * prose is kept together). Returned spans are in order, non-empty and trimmed.
 */
export function splitSentences(text: string): Span[] {
  const bounds = new SentenceBounds();
  new SentenceFinder(text).find(bounds, 0, text.length);
  const out: Span[] = [];
  for (let k = 0; k < bounds.n; k++)
    out.push({ start: bounds.start[k] as number, end: bounds.end[k] as number });
  return out;
}

/** Sentence offsets as parallel typed arrays (`n` valid entries): reusable, one allocation per growth. */
export class SentenceBounds {
  n = 0;
  start: Int32Array = new Int32Array(256);
  end: Int32Array = new Int32Array(256);

  /** Appends `[start, end)`. */
  push(start: number, end: number): void {
    if (this.n === this.start.length) {
      const size = this.n * 2;
      const starts = new Int32Array(size);
      starts.set(this.start);
      this.start = starts;
      const ends = new Int32Array(size);
      ends.set(this.end);
      this.end = ends;
    }
    this.start[this.n] = start;
    this.end[this.n] = end;
    this.n++;
  }
}

/**
 * Splits ranges of one text into sentences, in increasing order of range ({@link splitSentences}
 * is the whole text as one range).
 */
export class SentenceFinder {
  constructor(private readonly text: string) {}

  /**
   * The sentences of `text[from, to)` into `out` (replacing its content), without a `Span` object
   * per sentence. A range made of whole blocks ({@link blockAround}) gives exactly the sentences
   * the whole text has there: a blank line resets the splitter's state. Ranges must not go back.
   * With `until`, it stops after the sentence that holds offset `until` (the sentences after it
   * are not needed).
   */
  find(out: SentenceBounds, from: number, to: number, until = to): void {
    findSentences(this.text, out, from, Math.min(to, this.text.length), until);
  }
}

/** {@link SentenceFinder.find}. */
function findSentences(text: string, out: SentenceBounds, from: number, n: number, until: number): void {
  out.n = 0;
  let start = skipSpaces(text, from, n);
  let i = start;
  while (start < n) {
    i = nextBreak(text, i, n);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    let resume = -1; // where the next sentence starts looking, after a push
    if (c === 10 || c === 13) {
      let j = i;
      let lines = 0;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (!isSpace(d)) break;
        if (d === 10) lines++;
        j++;
      }
      if (lines >= 2 || j >= n || !isLowerAt(text, j)) {
        pushTrimmed(text, out, start, i);
        resume = j;
      } else i = j;
    } else if (isWideTerminator(c)) {
      let j = i + 1;
      while (j < n && (isWideTerminator(text.charCodeAt(j)) || isCloser(text.charCodeAt(j)))) j++;
      pushTrimmed(text, out, start, j);
      resume = j;
    } else {
      const j = terminatorEnd(text, i, n);
      if (j > 0) {
        pushTrimmed(text, out, start, j);
        resume = j;
      } else i++;
    }
    if (resume >= 0) {
      if (out.n > 0 && (out.end[out.n - 1] as number) > until) return;
      start = skipSpaces(text, resume, n);
      i = start;
    }
  }
  if (start < n) pushTrimmed(text, out, start, n);
}

/**
 * The break chars as one class: `test` from `lastIndex` finds the next one natively and without
 * allocating (faster than an `indexOf` per break char and keeping track of each).
 */
const BREAK_RE = new RegExp(`[${BREAK_CHARS.join('').replace(/[.?]/g, '\\$&')}]`, 'g');

/** The first break char at or after `i` (`end` when none before it). */
function nextBreak(text: string, i: number, end: number): number {
  BREAK_RE.lastIndex = i;
  if (!BREAK_RE.test(text)) return end;
  const p = BREAK_RE.lastIndex - 1;
  return p < end ? p : end;
}

/** The first non-space index at or after `i` (or `end`). */
function skipSpaces(text: string, i: number, end: number): number {
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Number of line feeds in `text[from, to)`. */
function lineFeeds(text: string, from: number, to: number): number {
  let lines = 0;
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) lines++;
  return lines;
}

/**
 * The block (text between blank lines: whitespace runs with two or more line feeds) that holds
 * offset `pos`, as `[start, end)` into `out`: `start` is where its text begins (after the blank
 * line before it, or 0), `end` where the blank line after it begins (or the text's end); empty
 * (`start === end`) when `pos` is inside a blank line. Blank lines always end a sentence and
 * restart the splitter, so {@link SentenceFinder.find} over a block finds the sentences the whole
 * text has there. `from` (≤ `pos`) is 0 or where a blank line or a block begins: the search goes
 * forward from it, so blocks looked up in text order cost one pass over the text.
 */
export function blockAround(text: string, pos: number, from: number, out: Span): void {
  const n = text.length;
  let start = from;
  let end = n;
  for (let q = text.indexOf('\n', from); q >= 0;) {
    let a = q;
    while (a > from && isSpace(text.charCodeAt(a - 1))) a--;
    let b = q + 1;
    while (b < n && isSpace(text.charCodeAt(b))) b++;
    if (lineFeeds(text, a, b) >= 2) {
      if (b <= pos) start = b;
      else {
        end = Math.max(a, start);
        if (a < pos) start = end = b; // `pos` is inside this blank line
        break;
      }
    }
    q = b < n ? text.indexOf('\n', b) : -1;
  }
  out.start = start;
  out.end = end;
}

/**
 * Whether the terminator (`.`, `!`, `?`, `…`) at `i` ends a sentence (text read up to `n`): returns the end of the
 * sentence (after any further terminators and closing quotes or brackets), or -1 when it does
 * not ("1.5", "U.S.A", "e.g.,", an abbreviation, or a lower-case continuation).
 */
function terminatorEnd(text: string, i: number, n: number): number {
  let j = i + 1;
  while (j < n && isTerminator(text.charCodeAt(j))) j++;
  while (j < n && isCloser(text.charCodeAt(j))) j++;
  if (j < n && !isSpace(text.charCodeAt(j))) return -1; // "1.5", "U.S.A", "e.g.,"
  let k = j;
  let newline = false;
  while (k < n && isSpace(text.charCodeAt(k))) {
    if (text.charCodeAt(k) === 10) newline = true;
    k++;
  }
  if (k < n && !newline && isLowerAt(text, k)) return -1;
  if (text.charCodeAt(i) === 46 && j === i + 1 && k < n && !newline && isAbbreviationDot(text, i, k))
    return -1;
  return j;
}

/** Appends `[start, end)` with trailing whitespace trimmed, unless that leaves it empty. */
function pushTrimmed(text: string, out: SentenceBounds, start: number, end: number): void {
  let e = end;
  while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
  if (e > start) out.push(start, e);
}

/**
 * Offset-based sentence splitter for news text: one pass over char codes, no regular expressions
 * on the hot path.
 */

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

function isLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  const ch = text[i] ?? '';
  return ch.toLowerCase() !== ch.toUpperCase();
}

function isLowerAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 97 && c <= 122;
  const ch = text[i] ?? '';
  return ch.toLowerCase() === ch && ch.toUpperCase() !== ch;
}

/** Whether the period at `dot` closes an abbreviation, an initial or a dotted acronym. */
function isAbbreviationDot(text: string, dot: number, next: number): boolean {
  let ws = dot;
  while (ws > 0 && (isLetter(text, ws - 1) || text.charCodeAt(ws - 1) === 46)) ws--;
  if (ws === dot) return false;
  const word = text.slice(ws, dot);
  if (word.indexOf('.') >= 0) return true; // "U.S.", "e.g."
  if (word.length === 1) return !isLowerAt(text, ws); // an initial: "John F. Kennedy"
  const lower = word.toLowerCase();
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
  const out: Span[] = [];
  const n = text.length;
  let start = -1;
  const push = (end: number): void => {
    let e = end;
    while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > start) out.push({ start, end: e });
    start = -1;
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (start < 0) {
      if (!isSpace(c)) start = i;
      else continue;
    }
    if (c >= 64 && c < 0x2026) continue; // letters and most symbols: the common case
    if (c > 13 && c < 33) continue;
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
        push(i);
      }
      i = j - 1;
      continue;
    }
    if (isWideTerminator(c)) {
      let j = i + 1;
      while (j < n && (isWideTerminator(text.charCodeAt(j)) || isCloser(text.charCodeAt(j)))) j++;
      push(j);
      i = j - 1;
      continue;
    }
    if (!isTerminator(c)) continue;
    let j = i + 1;
    while (j < n && isTerminator(text.charCodeAt(j))) j++;
    while (j < n && isCloser(text.charCodeAt(j))) j++;
    if (j < n && !isSpace(text.charCodeAt(j))) continue; // "1.5", "U.S.A", "e.g.,"
    let k = j;
    let newline = false;
    while (k < n && isSpace(text.charCodeAt(k))) {
      if (text.charCodeAt(k) === 10) newline = true;
      k++;
    }
    if (k < n && !newline && isLowerAt(text, k)) continue;
    if (c === 46 && j === i + 1 && k < n && !newline && isAbbreviationDot(text, i, k)) continue;
    push(j);
    i = j - 1;
  }
  if (start >= 0) push(n);
  return out;
}

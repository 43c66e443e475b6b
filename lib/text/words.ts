/**
 * Word tokens for cue matching (attribution and quantity cues). Only sentences that hold a figure
 * are tokenised, so this favours simplicity over raw speed; it still avoids regular expressions on
 * the ASCII path.
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

const NON_ASCII_LETTER = /[\p{L}\p{M}]/u;
const COMBINING = /\p{M}/gu;

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Letters (any script) and combining marks. */
export function isLetterCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiLetter(c);
  return NON_ASCII_LETTER.test(text[i] ?? '');
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

const PUNCT: Record<number, string> = {
  44: ',',
  59: ';',
  58: ':',
  40: '(',
  41: ')',
  91: '(',
  93: ')',
  34: 'q',
  0x201c: 'q<',
  0x201d: 'q>',
  0x00ab: 'q<',
  0x00bb: 'q>',
  0x2014: '-',
  0x2013: '-',
  46: '.',
  33: '!',
  63: '?',
};

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

/**
 * Splits `text.slice(start, end)` into words, numbers and the punctuation that matters to cue
 * logic. Hyphens separate words ("Ukraine-occupied" → "ukraine", "occupied"). Offsets index `text`.
 */
export function tokenizeWords(text: string, start = 0, end = text.length): Word[] {
  const out: Word[] = [];
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      let j = i + 1;
      while (j < end) {
        const d = text.charCodeAt(j);
        if (isDigit(d) || isAsciiLetter(d)) j++;
        else if ((d === 44 || d === 46) && j + 1 < end && isDigit(text.charCodeAt(j + 1))) j += 2;
        else break;
      }
      out.push({ start: i, end: j, norm: text.slice(i, j).toLowerCase().replace(/,/g, ''), kind: 'n' });
      i = j;
      continue;
    }
    if (isLetterCode(text, i)) {
      let j = i + 1;
      let poss = false;
      let stop = end;
      while (j < end) {
        const d = text.charCodeAt(j);
        if (isDigit(d) || isLetterCode(text, j)) {
          j++;
          continue;
        }
        if (isApostrophe(d) && j + 1 < end && isLetterCode(text, j + 1)) {
          const s = text.charCodeAt(j + 1) | 32;
          if (s === 115 && (j + 2 >= end || !isLetterCode(text, j + 2))) {
            poss = true;
            stop = j + 2;
            break;
          }
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
      const w: Word = {
        start: i,
        end: j,
        norm: plainLower(text, i, j) ?? normalise(text.slice(i, j)),
        kind: 'w',
      };
      if (poss) w.poss = true;
      out.push(w);
      i = poss ? stop : j;
      continue;
    }
    const p = PUNCT[c];
    if (p !== undefined) out.push({ start: i, end: i + 1, norm: p, kind: 'p' });
    i++;
  }
  return out;
}

/** Normalised word sequence of a cue phrase ("North Korea's" → ["north", "korea"]). */
export function phraseNorms(phrase: string): string[] {
  return tokenizeWords(phrase)
    .filter((w) => w.kind !== 'p')
    .map((w) => w.norm);
}

interface PhraseEntry<T> {
  norms: string[];
  values: T[];
}

/** A longest-match lookup of word sequences, keyed by their first word. */
export class PhraseSet<T> {
  private readonly byFirst = new Map<string, PhraseEntry<T>[]>();

  /** Adds `phrase` (tokenised like page text); several values may share one phrase. */
  add(phrase: string, value: T): void {
    const norms = phraseNorms(phrase);
    const first = norms[0];
    if (first === undefined) return;
    let list = this.byFirst.get(first);
    if (!list) {
      list = [];
      this.byFirst.set(first, list);
    }
    const same = list.find((e) => e.norms.length === norms.length && e.norms.every((n, k) => n === norms[k]));
    if (same) {
      if (!same.values.includes(value)) same.values.push(value);
      return;
    }
    list.push({ norms, values: [value] });
    list.sort((a, b) => b.norms.length - a.norms.length);
  }

  /** The longest phrase starting at `words[i]` (never crossing `limit`), or undefined. */
  longestAt(
    words: readonly Word[],
    i: number,
    limit = words.length,
  ): { len: number; values: T[] } | undefined {
    const w = words[i];
    if (!w || w.kind === 'p') return undefined;
    const list = this.byFirst.get(w.norm);
    if (!list) return undefined;
    for (const e of list) {
      const n = e.norms.length;
      if (i + n > limit) continue;
      let ok = true;
      for (let k = 1; k < n; k++) {
        if (words[i + k]?.norm !== e.norms[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return { len: n, values: e.values };
    }
    return undefined;
  }

  /** Every phrase starting at `words[i]` (not only the longest), as `[length, values]` pairs. */
  allAt(words: readonly Word[], i: number, limit = words.length): { len: number; values: T[] }[] {
    const w = words[i];
    if (!w || w.kind === 'p') return [];
    const list = this.byFirst.get(w.norm);
    if (!list) return [];
    const out: { len: number; values: T[] }[] = [];
    for (const e of list) {
      const n = e.norms.length;
      if (i + n > limit) continue;
      let ok = true;
      for (let k = 1; k < n; k++) {
        if (words[i + k]?.norm !== e.norms[k]) {
          ok = false;
          break;
        }
      }
      if (ok) out.push({ len: n, values: e.values });
    }
    return out;
  }
}

/** Index of the first word whose start is ≥ `offset` (binary search). */
export function wordIndexAt(words: readonly Word[], offset: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((words[mid] as Word).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Word index range `[from, to)` of the words overlapping the character span `[start, end)`. */
export function wordRange(words: readonly Word[], start: number, end: number): [number, number] {
  let from = wordIndexAt(words, start);
  if (from > 0 && (words[from - 1] as Word).end > start) from--;
  let to = from;
  while (to < words.length && (words[to] as Word).start < end) to++;
  return [from, to];
}

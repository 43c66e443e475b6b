/**
 * Char-code helpers for the figure scanner: character classes and a small word/space reader.
 * Everything works on UTF-16 code units of the scanned string and never allocates except where a
 * word's text is asked for.
 */

/** ASCII digit 0-9. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** ASCII letter. */
export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * A char that belongs to a word: ASCII letters, and letters of other scripts (approximated as
 * every code unit from U+00C0 that is not ×, ÷, general punctuation, a CJK symbol or a BOM), so
 * digits glued to any letters ("29km", "Su34", "서울3") are recognised as part of a word.
 */
export function isWordChar(c: number): boolean {
  if (c < 128) return isAsciiLetter(c);
  if (!(c >= 0xc0)) return false; // also NaN (past the end)
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  return c !== 0xfeff && c !== 0xfffd;
}

/** Letters or digits. */
export function isAlnum(c: number): boolean {
  return isDigit(c) || isWordChar(c);
}

/** Inline whitespace that may separate the words of one figure (no paragraph breaks). */
export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 10 ||
    c === 13 ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** A space that may group the thousands of a number ("12 000", "12 000", "12 000"). */
export function isGroupSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x2009 || c === 0x202f;
}

/** Index of the first non-space char at or after `p`; stops after one line break pair at most. */
export function skipSpaces(text: string, p: number): number {
  let breaks = 0;
  while (p < text.length) {
    const c = text.charCodeAt(p);
    if (!isSpace(c)) break;
    if (c === 10 && ++breaks > 1) break; // a blank line ends the phrase
    p++;
  }
  return p;
}

/** Index just past the letters of a word starting at `p` (`p` itself when no letter is there). */
export function wordEnd(text: string, p: number): number {
  while (p < text.length && isWordChar(text.charCodeAt(p))) p++;
  return p;
}

/** Index of the first char of the word ending just before `end` (skipping nothing). */
export function wordStartBefore(text: string, end: number): number {
  let p = end;
  while (p > 0 && isWordChar(text.charCodeAt(p - 1))) p--;
  return p;
}

/** Index just after the last non-space char before `p`. */
export function skipSpacesBack(text: string, p: number): number {
  while (p > 0 && isSpace(text.charCodeAt(p - 1))) p--;
  return p;
}

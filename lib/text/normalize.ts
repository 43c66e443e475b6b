/**
 * Text folding for name matching (DESIGN §6), with a map back to the original offsets.
 *
 * Folding, applied one code point at a time so that text and aliases fold identically:
 * - Unicode compatibility decomposition (NFKD), then the Latin/Greek/Cyrillic combining diacritics
 *   (U+0300–036F, U+1AB0–1AFF, U+1DC0–1DFF, U+20D0–20FF, U+FE20–FE2F) are dropped and the rest is
 *   recomposed (NFC), so "Zélensky" ≡ "Zelensky", "ＮＩＳ" ≡ "NIS", and Hangul syllables and kana with
 *   (han)dakuten survive intact (김영복 stays 김영복, が stays が);
 * - lower case (unless case-preserving), plus ß → ss and final ς → σ;
 * - every hyphen/dash and every whitespace character becomes a space, and runs of spaces collapse to
 *   one ("Yong-hyun" ≡ "Yong Hyun" ≡ "Yong  hyun");
 * - apostrophe look-alikes (’ ‘ ʼ ′ ` ´ ʻ) become `'` ("People’s" ≡ "People's");
 * - soft hyphens, zero-width joiners and byte-order marks are dropped; a zero-width space is a space.
 *
 * Known limits: folding is per code point, so text written with *decomposed* Hangul jamo or with
 * half-width katakana plus a separate sound mark does not meet the precomposed alias.
 */

/** Folded text: UTF-16 code units plus, for each, the original offset of the character that made it. */
export interface FoldedText {
  /** Folded code units; only the first `length` are meaningful. */
  readonly codes: Uint16Array;
  readonly length: number;
  /**
   * `map[i]` is the offset in the original text of the character that produced folded unit `i`;
   * `map[length]` is the original text's length. Non-decreasing.
   */
  readonly map: Int32Array;
  /** The original text's length. */
  readonly sourceLength: number;
}

/** Character classes of folded code units, used for word boundaries. */
export const CharClass = {
  Unknown: 0,
  /** Punctuation, space, symbols: separates words. */
  Other: 1,
  /** Letters (other than the scripts below), digits and marks. */
  Word: 2,
  /** Hangul: Korean puts spaces between words but attaches particles (김영복은). */
  Hangul: 3,
  /** Han ideographs and kana: no spaces between words. */
  Cjk: 4,
  /** A UTF-16 surrogate: classify the whole code point with {@link classAt}. */
  Surrogate: 5,
} as const;
export type CharClass = (typeof CharClass)[keyof typeof CharClass];

// Plain numbers for the hot paths (property loads on an exported object cost more across modules).
const UNKNOWN = 0;
const OTHER = 1;
const WORD = 2;
const HANGUL = 3;
const CJK = 4;
const SURROGATE = 5;

const SPACE = 32;
const APOSTROPHE = 39;
/** Marker in the single-unit fold tables: the fold is not exactly one unit, see the Map. */
const COMPLEX = 1;

/** The combining diacritics dropped by folding (Latin, Greek, Cyrillic accents; not kana marks). */
function isDroppedDiacritic(u: number): boolean {
  return (
    (u >= 0x0300 && u <= 0x036f) ||
    (u >= 0x1ab0 && u <= 0x1aff) ||
    (u >= 0x1dc0 && u <= 0x1dff) ||
    (u >= 0x20d0 && u <= 0x20ff) ||
    (u >= 0xfe20 && u <= 0xfe2f)
  );
}
const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d]);
const APOSTROPHES = new Set([0x2019, 0x2018, 0x02bc, 0x2032, 0x0060, 0x00b4, 0x02bb, 0x201b, 0xff07]);
const DROPPED = new Set([0x00ad, 0x200c, 0x200d, 0x2060, 0xfeff]);
const WHITESPACE = /\s/u;

/** Maps one code unit of a decomposed, recomposed fold result onto the unified punctuation. */
function unifyUnit(u: number): number {
  if (u < 0x80) {
    if (u === 0x2d || u <= 0x20 || u === 0x7f) return SPACE; // hyphen-minus, whitespace and controls
    if (u === 0x60) return APOSTROPHE;
    return u;
  }
  if (DASHES.has(u)) return SPACE;
  if (APOSTROPHES.has(u)) return APOSTROPHE;
  if (u === 0x200b || WHITESPACE.test(String.fromCharCode(u))) return SPACE;
  return u;
}

/** The fold of one code point, as a string (may be empty or longer than one unit). */
function foldCodePoint(cp: number, preserveCase: boolean): string {
  if (DROPPED.has(cp)) return '';
  // Before decomposition: NFKD turns ´ into a space plus a combining accent.
  if (APOSTROPHES.has(cp)) return "'";
  if (DASHES.has(cp)) return ' ';
  let s = String.fromCodePoint(cp).normalize('NFKD');
  if (!preserveCase) s = s.toLowerCase();
  let bare = '';
  for (let i = 0; i < s.length; i++) if (!isDroppedDiacritic(s.charCodeAt(i))) bare += s[i];
  s = bare.normalize('NFC');
  if (!preserveCase) s = s.replace(/ß/g, 'ss').replace(/ς/g, 'σ');
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(unifyUnit(s.charCodeAt(i)));
  return out;
}

interface FoldTables {
  /** BMP code unit → its one-unit fold, 0 = not computed yet, {@link COMPLEX} = see `multi`. */
  single: Uint16Array;
  /** Code point → fold, for folds that are empty or longer than one unit, and for astral code points. */
  multi: Map<number, string>;
}

function makeTables(preserveCase: boolean): FoldTables {
  const single = new Uint16Array(0x10000);
  for (let u = 0; u < 0x80; u++) {
    const lower = !preserveCase && u >= 0x41 && u <= 0x5a ? u + 32 : u;
    single[u] = unifyUnit(lower);
  }
  return { single, multi: new Map() };
}

const LOWER = makeTables(false);
const CASED = makeTables(true);

/** Fills and returns the `single` entry of BMP code unit `u` (not a surrogate) on first use. */
function fillSingle(tables: FoldTables, u: number, preserveCase: boolean): number {
  const s = foldCodePoint(u, preserveCase);
  const f = s.length === 1 && s.charCodeAt(0) > COMPLEX ? s.charCodeAt(0) : COMPLEX;
  if (f === COMPLEX) tables.multi.set(u, s);
  tables.single[u] = f;
  return f;
}

/**
 * The one unit that {@link foldText} writes for the character `u` (a UTF-16 code unit), when that
 * character folds to exactly one unit: every ASCII character and most letters, digits, dashes and
 * quotes of any script. 0 when it folds to nothing (soft hyphen, combining accent) or to several
 * units (ligatures, ß), and for surrogates: only {@link foldText} can place those. Lets a scanner
 * fold text on the fly instead of materialising it; a space unit still collapses with a space
 * before it, as in {@link foldText}.
 */
export function foldUnit(u: number): number {
  let f = LOWER.single[u]!;
  if (f === 0) {
    if (u >= 0xd800 && u <= 0xdfff) return 0;
    f = fillSingle(LOWER, u, false);
  }
  return f > COMPLEX ? f : 0;
}

function complexFold(tables: FoldTables, cp: number, preserveCase: boolean): string {
  let f = tables.multi.get(cp);
  if (f === undefined) {
    f = foldCodePoint(cp, preserveCase);
    tables.multi.set(cp, f);
  }
  return f;
}

/**
 * Folds `text` for matching and keeps the offset map back to it. Never throws; lone surrogates are
 * kept as they are. Cost is linear; ASCII goes through a table without allocating per character.
 *
 * @param preserveCase fold everything except letter case (used to check case-sensitive aliases).
 */
export function foldText(text: string, preserveCase = false): FoldedText {
  return foldInto(text, preserveCase, new Uint16Array(text.length + 16), new Int32Array(text.length + 17));
}

/**
 * {@link foldText} into the given arrays when they are large enough (`codes.length >= text.length`,
 * `map.length > codes.length`), else into new ones; the result says which.
 */
function foldInto(text: string, preserveCase: boolean, codesIn: Uint16Array, mapIn: Int32Array): FoldedText {
  const tables = preserveCase ? CASED : LOWER;
  const single = tables.single;
  const n = text.length;
  // Invariant: room for at least one unit per input unit still to read, so the hot path (one unit
  // in, at most one out) never checks capacity; only expansions (ﬁ → fi) may grow the arrays.
  let codes = codesIn;
  let map = mapIn;
  if (codes.length < n || map.length <= codes.length) {
    codes = new Uint16Array(n + 16);
    map = new Int32Array(n + 17);
  }
  let cap = codes.length;
  let len = 0;
  let last = SPACE; // so leading whitespace is dropped
  let i = 0;
  while (i < n) {
    const u = text.charCodeAt(i);
    let f = single[u]!;
    if (f === 0 && u >= 0x80 && (u < 0xd800 || u > 0xdfff)) f = fillSingle(tables, u, preserveCase);
    if (f > COMPLEX) {
      // The hot path: one unit in, at most one unit out.
      if (f !== SPACE || last !== SPACE) {
        codes[len] = f;
        map[len++] = i;
        last = f;
      }
      i++;
      continue;
    }
    let cp = u;
    let width = 1;
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < n) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (u - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const s = cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : complexFold(tables, cp, preserveCase);
    if (len + s.length + (n - i) > cap) {
      const grown = grow(codes, map, len + s.length + (n - i) + 16);
      codes = grown.codes;
      map = grown.map;
      cap = codes.length;
    }
    for (let k = 0; k < s.length; k++) {
      const unit = s.charCodeAt(k);
      if (unit === SPACE && last === SPACE) continue;
      codes[len] = unit;
      map[len++] = i;
      last = unit;
    }
    i += width;
  }
  map[len] = n;
  return { codes, length: len, map, sourceLength: n };
}

function grow(codes: Uint16Array, map: Int32Array, atLeast: number) {
  const size = Math.max(atLeast, codes.length * 2);
  const c = new Uint16Array(size);
  c.set(codes);
  const m = new Int32Array(size + 1);
  m.set(map.subarray(0, codes.length));
  return { codes: c, map: m };
}

/** The folded units as a string (for tests, keys and debugging). */
export function foldedToString(folded: FoldedText): string {
  return unitsToString(folded.codes, folded.length);
}

function unitsToString(codes: Uint16Array, length: number): string {
  let out = '';
  const CHUNK = 4096;
  for (let i = 0; i < length; i += CHUNK) {
    const part = codes.subarray(i, Math.min(length, i + CHUNK));
    out += String.fromCharCode.apply(null, part as unknown as number[]);
  }
  return out;
}

// Reused by the alias folds: building an index folds ~100,000 short strings.
let scratchCodes: Uint16Array = new Uint16Array(256);
let scratchMap: Int32Array = new Int32Array(257);

function foldShort(s: string, preserveCase: boolean): string {
  const f = foldInto(s, preserveCase, scratchCodes, scratchMap);
  scratchCodes = f.codes;
  scratchMap = f.map;
  let len = f.length;
  if (len > 0 && f.codes[len - 1] === SPACE) len--; // leading spaces are never emitted
  return unitsToString(f.codes, len);
}

/**
 * Folds an alias, title or surname exactly as {@link foldText} folds text, trimmed of surrounding
 * spaces, so that a folded alias occurs in folded text wherever the alias occurs in the text.
 */
export function foldAlias(alias: string): string {
  return foldShort(alias, false);
}

/** {@link foldAlias} without case folding, for case-sensitive aliases ("NIS"). */
export function foldAliasCasePreserving(alias: string): string {
  return foldShort(alias, true);
}

/** Offset in the original text where the folded unit `i` starts (`i` may equal `length`). */
export function originalStart(folded: FoldedText, i: number): number {
  return folded.map[i]!;
}

/**
 * Offset in the original text just after the folded range ending at `end` (exclusive, > 0): the start
 * of the next original character that produced output, so characters dropped by folding right after
 * the range (a combining accent, a soft hyphen) belong to it, and a character that folded into several
 * units is never cut.
 */
export function originalEnd(folded: FoldedText, end: number): number {
  const map = folded.map;
  const lastSource = map[end - 1]!;
  let j = end;
  while (j < folded.length && map[j] === lastSource) j++;
  return map[j]!;
}

const CLASSES = new Uint8Array(0x10000);
for (let u = 0; u < 0x80; u++) {
  // `_` joins words in handles and identifiers ("kursk_watch" is not the word "Kursk").
  const word = (u >= 0x30 && u <= 0x39) || (u >= 0x41 && u <= 0x5a) || (u >= 0x61 && u <= 0x7a) || u === 0x5f;
  CLASSES[u] = word ? WORD : OTHER;
}
for (let u = 0xd800; u <= 0xdfff; u++) CLASSES[u] = SURROGATE;

const HANGUL_RE = /\p{Script=Hangul}/u;
const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]/u;
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;

function classifyCodePoint(cp: number): CharClass {
  const ch = String.fromCodePoint(cp);
  if (HANGUL_RE.test(ch)) return HANGUL;
  if (CJK_RE.test(ch)) return CJK;
  return WORD_RE.test(ch) ? WORD : OTHER;
}

/** Class of a BMP code unit (surrogates answer {@link CharClass.Surrogate}); cached per unit. */
export function unitClass(u: number): CharClass {
  let c = CLASSES[u] as CharClass;
  if (c === UNKNOWN) {
    c = classifyCodePoint(u);
    CLASSES[u] = c;
  }
  return c;
}

/**
 * Class of the folded character at `i` (never {@link CharClass.Surrogate}: pairs are classified as a
 * whole, lone surrogates as {@link CharClass.Other}). Out of range answers {@link CharClass.Other}.
 */
export function classAt(folded: FoldedText, i: number): CharClass {
  if (i < 0 || i >= folded.length) return OTHER;
  const u = folded.codes[i]!;
  const c = unitClass(u);
  if (c !== SURROGATE) return c;
  const codes = folded.codes;
  if (u <= 0xdbff) {
    const lo = i + 1 < folded.length ? codes[i + 1]! : 0;
    if (lo < 0xdc00 || lo > 0xdfff) return OTHER;
    return classifyCodePoint((u - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000);
  }
  const hi = i > 0 ? codes[i - 1]! : 0;
  if (hi < 0xd800 || hi > 0xdbff) return OTHER;
  return classifyCodePoint((hi - 0xd800) * 0x400 + (u - 0xdc00) + 0x10000);
}

function isLetterLike(c: CharClass): boolean {
  return c === WORD || c === HANGUL || c === CJK;
}

/**
 * Whether a whole-word match may start at folded index `i`:
 * - a Han/kana character may start anywhere (those scripts put no spaces between words);
 * - otherwise the previous character must not be a letter or digit of Latin-like or Hangul script
 *   (a Latin word may follow Han/kana directly), and not an apostrophe inside a word ("O'Brien" does
 *   not contain the word "Brien").
 */
export function isWordStart(folded: FoldedText, i: number): boolean {
  const cur = classAt(folded, i);
  if (!isLetterLike(cur)) return false;
  if (cur === CJK || i === 0) return true;
  const prev = classAt(folded, i - 1);
  if (prev === WORD || prev === HANGUL) return false;
  if (prev === CJK) return cur === WORD;
  if (folded.codes[i - 1] === APOSTROPHE && i >= 2 && isLetterLike(classAt(folded, i - 2))) return false;
  return true;
}

/**
 * Hangul syllables that begin a particle or ending attached to a name (은/는, 이/가, 을/를, 의, 에/에게/에서,
 * 와/과, 도, 만, 로/으로, 께서, 랑, 씨, 측, 님): a Hangul match may end right before one of them.
 */
const HANGUL_PARTICLES = new Set([...'은는이가을를의에와과도만로으께랑씨측님'].map((ch) => ch.charCodeAt(0)));

/**
 * Whether a whole-word match may end at folded index `end` (exclusive, > 0):
 * - after a Han/kana character, always;
 * - after a Hangul character, if what follows is not a letter, or is Han/kana, or is a Hangul
 *   syllable that starts a particle (김영복은, 김영복의) — but not another syllable of a longer word;
 * - otherwise what follows must not be a letter or digit of Latin-like or Hangul script; an
 *   apostrophe may follow only as a possessive (`'s`, or a bare `'` after the word) or a closing
 *   quote, never inside a word ("Shin'ichi" does not contain the word "Shin").
 */
export function isWordEnd(folded: FoldedText, end: number): boolean {
  const lastClass = classAt(folded, end - 1);
  if (lastClass === CJK) return true;
  const next = classAt(folded, end);
  if (lastClass === HANGUL) {
    if (next === HANGUL) return HANGUL_PARTICLES.has(folded.codes[end]!);
    return next !== WORD;
  }
  if (next === WORD || next === HANGUL) return false;
  if (folded.codes[end] === APOSTROPHE && end + 1 < folded.length) {
    const after = classAt(folded, end + 1);
    if (!isLetterLike(after)) return true;
    const u = folded.codes[end + 1]!;
    return (u === 0x73 || u === 0x53) && !isLetterLike(classAt(folded, end + 2));
  }
  return true;
}

/** Whether folded unit `u` starts a Hangul particle (see {@link isWordEnd}). */
export function isHangulParticle(u: number): boolean {
  return HANGUL_PARTICLES.has(u);
}

/**
 * Answer of {@link wordStartInText} and {@link wordEndInText} when a character they must read has
 * no one-unit fold ({@link foldUnit} is 0): the caller has to use the folded text instead.
 */
export const NEEDS_FOLD = -1;

/** {@link foldUnit} of `text[p]` (`p` in range), with ASCII read from the table directly. */
export function foldUnitAt(text: string, p: number): number {
  const u = text.charCodeAt(p);
  return u < 0x80 ? LOWER.single[u]! : foldUnit(u);
}

/**
 * {@link isWordStart} read on unfolded `text`: whether a whole-word match may start at the unit of
 * `text[p]`, given that unit (`unit = foldUnit(text[p])`, non-zero). 1 or 0, or {@link NEEDS_FOLD}
 * when one of the two characters before `p` has no one-unit fold.
 */
export function wordStartInText(text: string, p: number, unit: number): number {
  const cur = unitClass(unit);
  if (!isLetterLike(cur)) return 0;
  // The unit before is the fold of text[p - 1] (a collapsed space leaves a space before it too).
  if (cur === CJK || p === 0) return 1;
  const before = foldUnitAt(text, p - 1);
  if (before === 0) return NEEDS_FOLD;
  const prev = unitClass(before);
  if (prev === WORD || prev === HANGUL) return 0;
  if (prev === CJK) return cur === WORD ? 1 : 0;
  if (before === APOSTROPHE && p >= 2) {
    const twoBefore = foldUnitAt(text, p - 2);
    if (twoBefore === 0) return NEEDS_FOLD;
    if (isLetterLike(unitClass(twoBefore))) return 0;
  }
  return 1;
}

/**
 * {@link isWordEnd} read on unfolded `text`: whether a whole-word match whose last unit is `last`
 * (not a space) may end just before `text[end]`. 1 or 0, or {@link NEEDS_FOLD} when one of the
 * characters it must read has no one-unit fold.
 */
export function wordEndInText(text: string, end: number, last: number): number {
  const lastClass = unitClass(last);
  if (lastClass === CJK) return 1;
  const n = text.length;
  if (end >= n) return 1;
  // `last` is not a space, so the fold of text[end] is the next unit (it cannot collapse).
  const u = foldUnitAt(text, end);
  if (u === 0) return NEEDS_FOLD;
  const next = unitClass(u);
  if (lastClass === HANGUL) {
    if (next === HANGUL) return HANGUL_PARTICLES.has(u) ? 1 : 0;
    return next !== WORD ? 1 : 0;
  }
  if (next === WORD || next === HANGUL) return 0;
  if (u === APOSTROPHE && end + 1 < n) {
    const u1 = foldUnitAt(text, end + 1);
    if (u1 === 0) return NEEDS_FOLD;
    if (!isLetterLike(unitClass(u1))) return 1;
    if (u1 !== 0x73 && u1 !== 0x53) return 0;
    if (end + 2 >= n) return 1;
    const u2 = foldUnitAt(text, end + 2);
    if (u2 === 0) return NEEDS_FOLD;
    return isLetterLike(unitClass(u2)) ? 0 : 1;
  }
  return 1;
}

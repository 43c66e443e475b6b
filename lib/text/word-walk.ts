/**
 * One walk over a text's words for two scanners. The name scanner (names.ts) reads every char
 * and hashes every ASCII word anyway; the figure scanner (figures.ts) follows it and reads for
 * itself only near what can concern it (digits, signs, number and qualifier words), instead of
 * walking the whole text a second time. On news text that second walk was a sixth of a scan.
 */
import { HASH_START, hashWordUnit } from './alias-index';

/** Size of a {@link WordFollower.wordFilter} (a power of two). */
export const WORD_FILTER_SIZE = 4096;
/** `hash & WORD_FILTER_MASK` is a word's slot in a {@link WordFollower.wordFilter}. */
export const WORD_FILTER_MASK = WORD_FILTER_SIZE - 1;

/**
 * A scanner that reads the same text alongside the walker, with its own cursor. The walker
 * guarantees: before it passes a char it calls `runTo` past it, except for the two kinds of
 * text it vouches for, which the follower's own pass would have stepped over without a trace:
 * - an ASCII char that is no word char (letter, digit, `_`) and has `charFilter[c] === 0`: the
 *   walker steps over it without telling;
 * - an ASCII word of letters only, `text[start, end)` (the char at `end` is no ASCII letter),
 *   whose hash slot in `wordFilter` is 0, when `at <= start` and everything in `[at, start)` is
 *   text of the first kind: the walker calls `skipWord(start, end)`.
 * So the follower's results are those of its own pass over the text, read in pieces.
 */
export interface WordFollower {
  /** Where the follower has read up to (it has handled every char before it). */
  at: number;
  /** Reads on, as the follower's own pass would, until `at >= limit`. */
  runTo(limit: number): void;
  /** Does what the follower's own pass does at an ordinary word `text[start, end)` (see above). */
  skipWord(start: number, end: number): void;
  /** By hash slot: 1 where a word must be read by `runTo` (see {@link wordFilterOf}). */
  readonly wordFilter: Uint8Array;
  /** By ASCII char code: 1 for the non-word chars that must be read by `runTo`. */
  readonly charFilter: Uint8Array;
}

/**
 * The word filter for `words` (lower-case ASCII letters): 1 in the slot of each word's hash as
 * the walker computes it (FNV-1a over the chars, case-folded: see alias-index's `hashWordUnit`).
 * Other words may share a slot: they are then read by `runTo` too, which costs time, not results.
 */
export function wordFilterOf(words: Iterable<string>): Uint8Array {
  const filter = new Uint8Array(WORD_FILTER_SIZE);
  for (const word of words) filter[asciiWordHash(word) & WORD_FILTER_MASK] = 1;
  return filter;
}

/** The walker's hash of an ASCII word. */
export function asciiWordHash(word: string): number {
  let h = HASH_START;
  for (let i = 0; i < word.length; i++) h = hashWordUnit(h, word.charCodeAt(i));
  return h;
}

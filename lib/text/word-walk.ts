/**
 * One walk over a text's words for two scanners. The name scanner (names.ts) reads every char
 * and hashes every ASCII word anyway; the figure scanner (figures.ts) follows it and reads for
 * itself only near what can concern it (digits, signs, number and qualifier words), instead of
 * walking the whole text a second time. On news text that second walk was a sixth of a scan.
 * The walk also notes where words of a given set may occur ({@link WordSpots}): the engine asks
 * it for the first words of the quantities' unit nouns, and does not read the sentences that
 * have none (a figure links only through a unit noun in its sentence or the one before).
 */
import { HASH_START, hashWordUnit, NAME_SLOT, WORD_SLOTS } from './alias-index';

/** Size of a {@link WordFollower.wordFilter} (a power of two). */
export const WORD_FILTER_SIZE = WORD_SLOTS;
/** `hash & WORD_FILTER_MASK` is a word's slot in a {@link WordFollower.wordFilter}. */
export const WORD_FILTER_MASK = WORD_FILTER_SIZE - 1;
/**
 * `hash >>> CONFIRM_SHIFT` (the hash's top bits) is a word's second slot in a follower's filter,
 * where {@link FILTER_CONFIRM} must be too: ordinary words that share the first slot with a
 * follower's word seldom share the second as well ("technology" did the first with a number word).
 */
export const CONFIRM_SHIFT = 32 - Math.log2(WORD_FILTER_SIZE);

/** Bits of a {@link WordFollower.wordFilter}: by a word's first slot, read it / it may be told later. */
export const FILTER_READ = 1;
export const FILTER_RUN = 2;
/** By a word's second slot (see {@link CONFIRM_SHIFT}). */
export const FILTER_CONFIRM = 4;

/** Bits of a walk's word filter ({@link Walk.words}), by hash slot. */
export const WALK_FOLLOW = 1;
export const WALK_SPOT = 2;
/** A word the follower may be told of later (its `wordFilter` has {@link FILTER_RUN} there). */
export const WALK_RUN = 8;
/** Where a first word of a name may land (the alias index's `firstWords.slots`). */
export const WALK_NAME = NAME_SLOT;
/** A follower's {@link FILTER_CONFIRM}: by second slot, as a word's `WALK_FOLLOW` or `WALK_RUN` needs. */
export const WALK_CONFIRM = 16;

/** What a walk serves besides the name scanner. */
export interface Walk {
  /** The scanner that follows the walk, or null. */
  follower: WordFollower | null;
  /** Where to note the spotted words, or null. */
  spots: WordSpots | null;
  /**
   * By hash slot: {@link WALK_NAME} where a name's first word may land, {@link WALK_FOLLOW},
   * {@link WALK_RUN} and {@link WALK_CONFIRM} where the follower's `wordFilter` has
   * {@link FILTER_READ}, {@link FILTER_RUN} (and not the other) and {@link FILTER_CONFIRM},
   * {@link WALK_SPOT} for the words to spot (see {@link walkFilter}). Built for the alias index
   * the walk's name scan uses.
   */
  words: Uint8Array;
}

/**
 * The word filter of a {@link Walk} over names with first-word slots `names` (the alias index's
 * `firstWords.slots`): those, the follower's filter and the words to spot, as bits.
 */
export function walkFilter(names: Uint8Array, follow: Uint8Array | null, spot: Iterable<string>): Uint8Array {
  const out = Uint8Array.from(names);
  if (follow !== null) {
    for (let k = 0; k < WORD_FILTER_SIZE; k++) {
      const f = follow[k]!;
      // A slot shared by a word to read and one to tell later: read.
      if ((f & FILTER_READ) !== 0) out[k]! |= WALK_FOLLOW;
      else if ((f & FILTER_RUN) !== 0) out[k]! |= WALK_RUN;
      if ((f & FILTER_CONFIRM) !== 0) out[k]! |= WALK_CONFIRM;
    }
  }
  for (const word of spot) out[asciiWordHash(word) & WORD_FILTER_MASK]! |= WALK_SPOT;
  return out;
}

/**
 * Offsets where a word of a set may occur in the walked text, in increasing order (the walker
 * notes them). It may note more (another word with the same hash, a word it cannot hash: one
 * with a letter of another script, an underscore, an apostrophe or a dot inside), never fewer:
 * "no offset in a range" means no word of the set starts there. Reusable across texts.
 */
export class WordSpots {
  private at = new Int32Array(256);
  private n = 0;
  /** Where the last {@link anyIn} query ended its search (queries mostly go forward). */
  private hint = 0;
  /** The last offset given to {@link note}. */
  private last = -2;

  /** Forgets the offsets of the last text. */
  clear(): void {
    this.n = 0;
    this.hint = 0;
    this.last = -2;
  }

  /**
   * Notes `offset`. Offsets at or before the last one given, or right after it (the next char of
   * a run of word chars, which no sentence or block boundary can split), add nothing.
   */
  note(offset: number): void {
    const last = this.last;
    if (offset <= last + 1) {
      if (offset === last + 1) this.last = offset;
      return;
    }
    this.last = offset;
    if (this.n === this.at.length) {
      const grown = new Int32Array(this.n * 2);
      grown.set(this.at);
      this.at = grown;
    }
    this.at[this.n++] = offset;
  }

  /** Whether an offset was noted in `[from, to)`. */
  anyIn(from: number, to: number): boolean {
    const at = this.at;
    let k = this.hint;
    if (k > 0 && (at[k - 1] as number) >= from) {
      // Back: a binary search for the first offset ≥ from.
      let lo = 0;
      let hi = k;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((at[mid] as number) < from) lo = mid + 1;
        else hi = mid;
      }
      k = lo;
    } else while (k < this.n && (at[k] as number) < from) k++;
    this.hint = k;
    return k < this.n && (at[k] as number) < to;
  }
}

/**
 * A scanner that reads the same text alongside the walker, with its own cursor. The walker
 * guarantees: before it passes a char it calls `runTo` past it, except for the two kinds of
 * text it vouches for, which the follower's own pass would have stepped over without a trace:
 * - an ASCII char that is no word char (letter, digit, `_`) and has `charFilter[c] === 0`, or
 *   has 1 there, or any char of another script, when `readsChar(text, p)` says the follower
 *   would step over it where it stands (a period not before a digit, a curly quote): the walker
 *   steps over it without telling;
 * - an ASCII word of letters only, `text[start, end)` (the char at `end` is no ASCII letter),
 *   when `at <= start` and everything in `[at, start)` is text of the first or third kind: the
 *   walker calls `skipWord(start, end)` when its first hash slot in `wordFilter` has neither
 *   `FILTER_READ` nor `FILTER_RUN`, or its second lacks `FILTER_CONFIRM` (otherwise, when the
 *   first has `FILTER_READ`, or `FILTER_RUN` and a non-ASCII char follows, it calls `runTo(end)`);
 * - the same kind of word, followed by an ASCII char (or the end), whose first slot has only
 *   `FILTER_RUN` (and whose second has `FILTER_CONFIRM`): a word that
 *   can only join a run of words like it, which an ordinary word after it ends without a trace
 *   (the figure scanner's openers: "about", "than"). The walker says nothing and leaves `at`
 *   before it: `runTo` reads it if something that can continue the run comes (a digit, a number
 *   word), and a `skipWord` after it stands for both.
 * So the follower's results are those of its own pass over the text, read in pieces.
 */
export interface WordFollower {
  /** Where the follower has read up to (it has handled every char before it). */
  at: number;
  /** Reads on, as the follower's own pass would, until `at >= limit`. */
  runTo(limit: number): void;
  /** Does what the follower's own pass does at an ordinary word `text[start, end)` (see above). */
  skipWord(start: number, end: number): void;
  /**
   * By hash slot: {@link FILTER_READ} where a word must be read (`runTo`), {@link FILTER_RUN}
   * where it may be told later (see above), neither where it can be stepped over (`skipWord`),
   * as can a word without {@link FILTER_CONFIRM} in its second slot; see {@link wordFilterOf}.
   */
  readonly wordFilter: Uint8Array;
  /** By ASCII char code: 1 for the non-word chars that may have to be read by `runTo`. */
  readonly charFilter: Uint8Array;
  /**
   * Whether the char `text[p]` (one of `charFilter`, or not ASCII) must be read there (by
   * `runTo`); false when the follower's own pass would step over it without a trace, whatever
   * came before.
   */
  readsChar(text: string, p: number): boolean;
}

/**
 * The word filter for `words` (lower-case ASCII letters), each with its bit ({@link FILTER_READ}
 * or {@link FILTER_RUN}) in its first slot and {@link FILTER_CONFIRM} in its second, by its hash
 * as the walker computes it (FNV-1a over the chars, case-folded: see alias-index's
 * `hashWordUnit`). Other words may land in both slots: they are then read by `runTo` too, which
 * costs time, not results.
 */
export function wordFilterOf(words: Iterable<readonly [word: string, bit: number]>): Uint8Array {
  const filter = new Uint8Array(WORD_FILTER_SIZE);
  for (const [word, bit] of words) {
    const h = asciiWordHash(word);
    filter[h & WORD_FILTER_MASK]! |= bit;
    filter[h >>> CONFIRM_SHIFT]! |= FILTER_CONFIRM;
  }
  return filter;
}

/** The walker's hash of an ASCII word. */
export function asciiWordHash(word: string): number {
  let h = HASH_START;
  for (let i = 0; i < word.length; i++) h = hashWordUnit(h, word.charCodeAt(i));
  return h;
}

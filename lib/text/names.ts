/**
 * Name detection (DESIGN §6): alias matches plus title + surname back-references.
 *
 * A back-reference is a title ("Major General", "Gen.", "Secretary", a dataset role title) followed by
 * the surname of a person already named in full earlier in the same text ("Major General Shin" after
 * "Shin Geum Chul"). It is only claimed when it cannot be a guess:
 * - exactly one person with that surname has a full mention ending before the title starts
 *   ("General Kim" after Kim Young Bok alone is his; after Kim Jong Un too, it is nobody's);
 * - the surname is not written in lower case ("general kim" is not read as a name), and is not
 *   followed by another capitalised word ("General Kim Yo Jong" may well be someone else);
 * - it does not overlap a full alias match (full matches win: "Major General Shin Geum Chul" is the
 *   full name, not a back-reference).
 * The match covers the title and the surname, not a possessive `'s` after it.
 *
 * How: one forward pass over the text that folds characters on the fly (`foldUnit`) instead of
 * materialising the folded text, since almost every character folds to exactly one unit. At each
 * word start it tries the alias trie, and, once a person with a surname has been named, the title
 * trie. Near the rare characters that fold to nothing or to several units (soft hyphens, combining
 * accents, ligatures, astral characters) the pass hands over to the same rules applied to the
 * folded text (`foldText`, built on first need), unit by unit, and takes over again after them.
 * {@link findNamesFolded} runs the folded rules on the whole text: the reference the fast pass is
 * tested against.
 */
import type { NameMatch } from './types';
import {
  HASH_START,
  aliasAtUnit,
  firstWordFollowers,
  secondWordMayFollow,
  thirdLetterMayFollow,
  firstWordKinds,
  aliasEndInText,
  childOf,
  trieMatchesAt,
  type AliasIndex,
  type MatchSlot,
} from './alias-index';
import {
  CONFIRM_SHIFT,
  WALK_CONFIRM,
  WALK_FOLLOW,
  WALK_NAME,
  WALK_RUN,
  WALK_SPOT,
  WORD_FILTER_MASK,
  type Walk,
  type WordFollower,
} from './word-walk';
import {
  CharClass,
  NEEDS_FOLD,
  foldText,
  foldUnit,
  foldUnitAt,
  isWordStart,
  originalEnd,
  unitClass,
  wordEndInText,
  wordStartInText,
  type FoldedText,
} from './normalize';

// Module-local copies for the loops (imported bindings cost a getter call under some loaders).
const NEEDS = NEEDS_FOLD;
const unitOf = foldUnit;
const unitAt = foldUnitAt;
const classOf = unitClass;
const startIn = wordStartInText;
const endIn = wordEndInText;
const aliasEnd = aliasEndInText;
const kindsOf = firstWordKinds;
const child = childOf;
const OTHER: CharClass = CharClass.Other;
const CJK: CharClass = CharClass.Cjk;
const SPACE = 32;
const LOWER_CASE = /^\p{Ll}/u;
const UPPER_CASE = /^\p{Lu}/u;

/**
 * Non-zero for the ASCII characters that fold to a word character: {@link LETTERS} for letters, 2
 * for digits, {@link UNDERSCORE} for `_` (a word's kinds, or-ed, tell whether it is letters only
 * for a {@link WordFollower}, and whether the word tokeniser would split it for {@link WordSpots}).
 */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) =>
  unitClass(foldUnit(c)) !== CharClass.Word ? 0 : (c | 32) >= 97 && (c | 32) <= 122 ? 1 : c === 95 ? 4 : 2,
);
/**
 * {@link ASCII_WORD} over every UTF-16 code unit (0 beyond ASCII): the word loop of `run` reads it
 * with one load and one test per char (past the text's end, `NaN` reads `undefined`: not > 0).
 */
const WORD_UNITS = new Uint8Array(0x10000);
WORD_UNITS.set(ASCII_WORD);
const LETTERS = 1;
const UNDERSCORE = 4;
/** The kind of an ASCII non-word char that a follower reads ({@link charKinds}). */
const FOLLOW_CHAR = 8;

/** {@link ASCII_WORD} with {@link FOLLOW_CHAR} for the chars of a follower's `charFilter`. */
function charKinds(charFilter: Uint8Array): Uint8Array {
  const kinds = Uint8Array.from(ASCII_WORD);
  for (let c = 0; c < 128; c++) if (charFilter[c] === 1 && kinds[c] === 0) kinds[c] = FOLLOW_CHAR;
  return kinds;
}

/**
 * Whether the word tokeniser may read the ASCII word `text[start, end)` (followed by `c`, its
 * chars' kinds or-ed in `kinds`) as part of a longer word, or split it, so that its hash says
 * nothing of the words it makes: it holds `_` (the tokeniser splits there), an apostrophe joins
 * it to letters other than a possessive "s" ("O'Brien", not "Korea’s"), or it is one letter
 * and a dot joins it to a letter ("U.S."). Letters of other scripts count as letters.
 */
function mayJoin(text: string, kinds: number, start: number, end: number, c: number): boolean {
  if ((kinds & UNDERSCORE) !== 0) return true;
  if (c === 46) return end - start === 1 && mayBeLetter(text.charCodeAt(end + 1));
  if (c !== 39 && c !== 0x2019) return false;
  const d = text.charCodeAt(end + 1);
  if (!mayBeLetter(d)) return false;
  // A possessive ("troops’ ", "Korea's") leaves the word as it is.
  return (d | 32) !== 115 || mayBeLetter(text.charCodeAt(end + 2));
}

/** Whether the char `c` may be a letter to the word tokeniser (an ASCII letter, or any char that may be part of a word). */
function mayBeLetter(c: number): boolean {
  return ((c | 32) - 97) >>> 0 < 26 || (c >= 0x80 && mayBeWordChar(c));
}

/**
 * Walks `text[from, to)`, which the main loop stepped over without reading its words (see
 * {@link NameScan.jumped}), for the rest of the walk: the follower is told of its chars and words
 * and its spots are noted, by the main loop's rules (`kinds0`: its char kinds). `from` is where
 * the main loop stopped reading: no ASCII word it has not read starts before it; a word running
 * on past `to` is read whole, and the main loop goes on after it (returned): read again from
 * inside, its rest would pass for a word of its own, and the follower would be told of it over a
 * word it had been told to keep ("about" in "\u00ad about 0", `to` after its "a"). (Telling the
 * follower word by word, rather than having it read the whole stretch itself, lets it step over
 * the ordinary words of names, as everywhere else.)
 */
function walkRange(text: string, walk: Walk, kinds0: Uint8Array, from: number, to: number): number {
  const { follower, spots, words } = walk;
  let p = from;
  while (p < to) {
    let c = text.charCodeAt(p);
    if (c >= 0x80) {
      if (follower !== null && follower.at <= p && follower.readsChar(text, p)) follower.runTo(p + 1);
      if (spots !== null && mayBeWordChar(c)) spots.note(p);
      p++;
      continue;
    }
    let kind = kinds0[c]!;
    if (kind === 0 || kind >= FOLLOW_CHAR) {
      // (`kinds0` has FOLLOW_CHAR only when there is a follower.)
      if (kind !== 0 && follower!.at <= p && follower!.readsChar(text, p)) follower!.runTo(p + 1);
      p++;
      continue;
    }
    // The main loop's word reading, as it is there: a function shared by both loops (returning the
    // hash and kinds through an object) made whole scans 2.4% slower.
    const s = p;
    let h = HASH_START;
    let kinds = 0;
    do {
      h = Math.imul(h ^ (c | 32), 0x01000193);
      kinds |= kind;
      c = text.charCodeAt(++p);
    } while ((kind = WORD_UNITS[c]!) > 0);
    walkWord(text, walk, words[h & WORD_FILTER_MASK]!, h, kinds, s, p, c);
  }
  return p;
}

/**
 * The walk's part at the ASCII word `text[s, e)` (first slot `bits` in `walk.words`, hash `h`,
 * its chars' kinds or-ed in `kinds`, followed by `c`): its spot, and the follower told of it.
 */
function walkWord(
  text: string,
  walk: Walk,
  bits: number,
  h: number,
  kinds: number,
  s: number,
  e: number,
  c: number,
): void {
  if (walk.spots !== null && isSpotted(text, bits, kinds, s, e, c)) walk.spots.note(s);
  if (walk.follower !== null) tellWord(walk.follower, walk.words, bits, h, kinds, s, e, c);
}

/**
 * Tells `follower` of the ASCII word `text[s, e)` (first slot `bits` in the walk filter `words`,
 * hash `h`, its chars' kinds or-ed in `kinds`, followed by `c`), as the walk's contract says
 * (word-walk.ts): it reads the word itself unless it can step over it.
 */
function tellWord(
  follower: WordFollower,
  words: Uint8Array,
  bits: number,
  h: number,
  kinds: number,
  s: number,
  e: number,
  c: number,
): void {
  if (follower.at <= s && kinds === LETTERS) {
    if ((bits & (WALK_FOLLOW | WALK_RUN)) === 0 || (words[h >>> CONFIRM_SHIFT]! & WALK_CONFIRM) === 0)
      follower.skipWord(s, e);
    // A word that only joins a run ("than"): told with what follows it, if that matters; but at
    // once when a char of another script follows ("about½").
    else if ((bits & WALK_FOLLOW) !== 0 || c >= 0x80) follower.runTo(e);
  } else if (follower.at < e) follower.runTo(e);
}

/**
 * Whether the ASCII word `text[start, end)` (walk filter bits `bits`, kinds `kinds`, followed by
 * `c`) goes into the spots: a word of the set by its hash, or one the tokeniser may read otherwise.
 */
function isSpotted(
  text: string,
  bits: number,
  kinds: number,
  start: number,
  end: number,
  c: number,
): boolean {
  return (
    (bits & WALK_SPOT) !== 0 ||
    ((kinds > 3 || c === 46 || c === 39 || c === 0x2019) && mayJoin(text, kinds, start, end, c))
  );
}

/** The fold of each ASCII character. */
const ASCII_FOLD = Uint16Array.from({ length: 128 }, (_, c) => foldUnit(c));

/**
 * Whether the non-ASCII char `c` may be (part of) a word: everything but what folds to a space or
 * punctuation ("’", "–", "€"). After an ASCII word, such a char may belong to the same folded word
 * (a letter of another script) or cannot be placed without the folded text: then the word's hash
 * says nothing about what starts with it. To the word tokeniser too: words with such a char are
 * spotted whatever they spell.
 */
function mayBeWordChar(c: number): boolean {
  const u = foldUnit(c);
  return u === 0 || unitClass(u) !== CharClass.Other;
}

/**
 * Every entity mention in `text`: the alias matches of `scanFolded` (alias-index.ts) and the title
 * + surname back-references described above, sorted by `start`, never overlapping. Offsets index
 * `text` (`text.slice(start, end) === match.text`). Deterministic; never throws by itself.
 * `walk`, when given, shares the walk over the words (word-walk.ts): its follower (the figure
 * scanner) has read the whole text on return, and its spots hold the offsets of its words (an
 * error of the follower's is thrown on).
 */
export function findNames(index: AliasIndex, text: string, walk?: Walk): NameMatch[] {
  const scan = new NameScan(index, text, false, walk ?? null);
  scan.run();
  // (After `run`, not in it: see newMatchList.)
  const follower = walk?.follower;
  if (follower && follower.at < text.length) follower.runTo(text.length);
  return scan.out;
}
/**
 * The same result as {@link findNames}, computed on the whole folded text (slower): the reference
 * the on-the-fly pass is checked against in tests.
 */
export function findNamesFolded(index: AliasIndex, text: string): NameMatch[] {
  const scan = new NameScan(index, text, true, null);
  scan.run();
  return scan.out;
}

/** The state of one pass of {@link findNames} over one text. */
class NameScan {
  /** The matches found so far, in order. */
  readonly out: NameMatch[] = newMatchList();
  private readonly n: number;
  /** Entities with a full match so far (all of them end before the scan position). */
  private readonly mentioned = new Set<number>();
  /** Whether a person with a surname has been named in full: back-references need one. */
  private personSeen = false;
  /** The folded text, built when the fast pass first needs it. */
  private folded: FoldedText | null = null;
  private readonly slot: MatchSlot = { entity: -1 };
  /** Title ends found by {@link backRefInText}, reused across calls. */
  private readonly titleEnds: number[] = [];
  /** The walk's kinds of ASCII chars: {@link ASCII_WORD}, and the follower's chars. */
  private readonly charKinds: Uint8Array;

  constructor(
    private readonly index: AliasIndex,
    private readonly text: string,
    /** Use the folded text throughout (the reference behaviour). */
    private readonly foldedOnly: boolean,
    /** What else this walk serves (see word-walk.ts), or null. */
    private readonly walk: Walk | null,
  ) {
    this.n = text.length;
    const follower = walk === null ? null : walk.follower;
    this.charKinds = follower === null ? ASCII_WORD : charKinds(follower.charFilter);
  }

  /** Scans the whole text into {@link out}. (Returns nothing: see {@link newMatchList} on why.) */
  run(): void {
    const text = this.text;
    const n = this.n;
    const firstWords = this.index.firstWords;
    const { hashes, mask } = firstWords;
    const walk = this.walk;
    const follower = walk === null ? null : walk.follower;
    const spots = walk === null ? null : walk.spots;
    // One table for every per-word question: a name's first word? the follower's? a spot?
    const wordBits = walk === null ? firstWords.slots : walk.words;
    const kinds0 = this.charKinds;
    let p = this.foldedOnly ? this.onFolded(0) : 0;
    while (p < n) {
      let c = text.charCodeAt(p);
      if (c < 0x80) {
        let kind = kinds0[c]!;
        // Most characters: spaces and punctuation, which never start a word.
        if (kind >= FOLLOW_CHAR) {
          if (follower!.at <= p && follower!.readsChar(text, p)) follower!.runTo(p + 1);
          p++;
          continue;
        }
        if (kind === 0) {
          p++;
          continue;
        }
        // An ASCII word: read it whole, hashing it. Its characters after the first cannot start a
        // word, and most words are the first word of no alias (nor, once a person is named, of a
        // title), so nothing can start here at all.
        const s = p;
        let h = HASH_START;
        let kinds = 0;
        do {
          h = Math.imul(h ^ (c | 32), 0x01000193); // hashWordUnit, inlined
          kinds |= kind;
          c = text.charCodeAt(++p);
        } while ((kind = WORD_UNITS[c]!) > 0);
        const bits = wordBits[h & WORD_FILTER_MASK]!;
        if (walk !== null) walkWord(text, walk, bits, h, kinds, s, p, c);
        // (A letter of another script after it would make the word longer: then the hash says
        // nothing.) The first probe of firstWordKinds, inlined: most words stop at an empty slot.
        if (!(c >= 0x80)) {
          if ((bits & WALK_NAME) === 0 || hashes[(h === 0 ? 1 : h) & mask] === 0) continue;
          if ((kindsOf(firstWords, h) & (this.personSeen ? 3 : 1)) === 0) continue;
        } else if (!mayBeWordChar(c) && (kindsOf(firstWords, h) & (this.personSeen ? 3 : 1)) === 0) {
          continue;
        }
        if (c === SPACE && this.followedByNone(s, p, h)) continue;
        const wordEnd = p;
        const next = this.atWordCharacter(s, ASCII_FOLD[text.charCodeAt(s)]!);
        p = next === NEEDS ? this.onFolded(s) : next;
        if (walk !== null) p = this.jumped(wordEnd, p);
        continue;
      }
      if (walk !== null) {
        if (follower !== null && follower.at <= p && follower.readsChar(text, p)) follower.runTo(p + 1);
        if (spots !== null && mayBeWordChar(c)) spots.note(p);
      }
      const unit = unitOf(c);
      if (unit === 0) {
        const from = p;
        p = this.onFolded(p);
        if (walk !== null) p = this.jumped(from, p);
        continue;
      }
      if (classOf(unit) === OTHER) {
        p++;
        continue;
      }
      const from = p + 1;
      const next = this.atWordCharacter(p, unit);
      p = next === NEEDS ? this.onFolded(p) : next;
      if (walk !== null) p = this.jumped(from, p);
    }
  }

  /**
   * The walk went from `from` on to `to` without reading the words between (a name matched, or
   * the folded text was read): they are walked for the follower and the spots (see
   * {@link walkRange}). Returns where the main loop goes on: `to`, or after a word running past it.
   */
  private jumped(from: number, to: number): number {
    return to > from ? walkRange(this.text, this.walk!, this.charKinds, from, to) : to;
  }

  /**
   * Whether the ASCII word `text[s, e)` (hash `h`, followed by a space) is followed by a word
   * whose first letter, or first two or three, continue none of the aliases it begins
   * ({@link firstWordFollowers}, {@link secondWordMayFollow}, {@link thirdLetterMayFollow}):
   * then {@link atWordCharacter} would find nothing there (no alias, and the word begins no
   * title). Most words that pass the hash
   * are "the", and most of those are spared the trie walk. Only
   * when the two characters before the word are ASCII: otherwise whether it starts a word may
   * depend on the folded text, and the full path decides.
   */
  private followedByNone(s: number, e: number, h: number): boolean {
    const text = this.text;
    const x = (text.charCodeAt(e + 1) | 32) - 97; // the letter after the space, either case
    if (
      x < 0 ||
      x >= 26 ||
      (s >= 1 && text.charCodeAt(s - 1) >= 0x80) ||
      (s >= 2 && text.charCodeAt(s - 2) >= 0x80)
    ) {
      return false;
    }
    const set = this.index.firstWords;
    const followers = firstWordFollowers(set, h);
    if ((followers & (1 << x)) === 0) return true;
    if (followers === -1) return false;
    // The first letter fits: the second may not ("the talks" against "the Taliban"), or the
    // third ("the movements" against "the Moscow Times").
    const y = (text.charCodeAt(e + 2) | 32) - 97;
    if (!(y >= 0 && y < 26)) return false;
    if (!secondWordMayFollow(set, h, x, y)) return true;
    const z = (text.charCodeAt(e + 3) | 32) - 97;
    return z >= 0 && z < 26 && !thirdLetterMayFollow(set, h, x, y, z);
  }

  /**
   * Handles the word character `text[p]` (fold `unit`): a match starting there, or nothing.
   * Returns where to go on, or {@link NEEDS_FOLD} when only the folded text can tell.
   */
  private atWordCharacter(p: number, unit: number): number {
    const text = this.text;
    const start = startIn(text, p, unit);
    if (start === NEEDS) return NEEDS;
    if (start === 1) {
      const end = aliasEnd(this.index, text, p, unit, this.slot);
      if (end === NEEDS) return NEEDS;
      if (end > 0) {
        this.addFull(p, end, this.slot.entity);
        return end;
      }
      if (this.personSeen) {
        const refEnd = this.backRefInText(p, unit);
        if (refEnd === NEEDS) return NEEDS;
        if (refEnd > 0) {
          this.add(p, refEnd, this.slot.entity);
          return refEnd;
        }
      }
      // Han and kana start a word at every character: the next one may start a match.
      if (classOf(unit) === CJK) return p + 1;
    }
    return skipAsciiWord(text, p + 1);
  }

  private add(start: number, end: number, entity: number): void {
    const text = this.text;
    this.out.push({ text: text.slice(start, end), start, end, entity: this.index.entityIds[entity]! });
  }

  private addFull(start: number, end: number, entity: number): void {
    this.add(start, end, entity);
    this.mentioned.add(entity);
    if (this.index.surnames.surnamed[entity] === 1) this.personSeen = true;
  }

  /**
   * A title + surname back-reference starting at the word start `text[p]` (fold `unit`): its end
   * (entity in the slot), 0 when there is none, or {@link NEEDS_FOLD}.
   */
  private backRefInText(p: number, unit: number): number {
    const text = this.text;
    const n = this.n;
    const trie = this.index.titles.trie;
    let node = trie.root[unit]!;
    if (node === 0) return 0;
    // Walk the title trie; a title counts where it is followed by a space.
    const ends = this.titleEnds;
    let count = 0;
    let last = unit;
    let j = p + 1;
    for (;;) {
      if (trie.key[node]! >= 0 && j < n) {
        const u = unitAt(text, j);
        if (u === 0) return NEEDS;
        if (u === SPACE) ends[count++] = j;
      }
      let u = 0;
      while (j < n) {
        u = unitAt(text, j);
        if (u === 0) return NEEDS;
        if (u !== SPACE || last !== SPACE) break;
        j++;
      }
      if (j >= n) break;
      node = child(trie, node, u);
      if (node < 0) break;
      last = u;
      j++;
    }
    // Longest title first: "Secretary of State Blinken" rather than "Secretary" + "of".
    for (let t = count - 1; t >= 0; t--) {
      const end = this.surnameInText(ends[t]!);
      if (end === NEEDS) return NEEDS;
      if (end === 0) continue;
      const entity = this.slot.entity;
      const overlap = this.aliasStartsWithin(p, end);
      if (overlap === NEEDS) return NEEDS;
      if (overlap === 1) continue;
      this.slot.entity = entity;
      return end;
    }
    return 0;
  }

  /**
   * The surname after a title that ends with the space `text[space]`: the end of the surname when
   * it refers back to exactly one person named so far (left in the slot), else 0; or
   * {@link NEEDS_FOLD}.
   */
  private surnameInText(space: number): number {
    const text = this.text;
    const n = this.n;
    let s = space + 1;
    while (s < n) {
      const u = unitAt(text, s);
      if (u === 0) return NEEDS;
      if (u !== SPACE) break;
      s++;
    }
    if (s >= n) return 0;
    const first = unitAt(text, s);
    const start = startIn(text, s, first);
    if (start !== 1) return start;
    // The longest surname from `s` that ends at a word end.
    const trie = this.index.surnames.trie;
    let node = trie.root[first]!;
    if (node === 0) return 0;
    let end = 0;
    let key = -1;
    let last = first;
    for (let j = s + 1; ; j++) {
      const k = trie.key[node]!;
      if (k >= 0) {
        const atEnd = endIn(text, j, last);
        if (atEnd === NEEDS) return NEEDS;
        if (atEnd === 1) {
          end = j;
          key = k;
        }
      }
      if (j >= n) break;
      const u = unitAt(text, j);
      if (u === 0) return NEEDS;
      if (u === SPACE && last === SPACE) continue;
      node = child(trie, node, u);
      if (node < 0) break;
      last = u;
    }
    if (key < 0 || LOWER_CASE.test(text.slice(s, s + 2))) return 0;
    if (end < n && unitAt(text, end) === SPACE) {
      let r = end + 1;
      while (r < n) {
        const u = unitAt(text, r);
        if (u === 0) return NEEDS;
        if (u !== SPACE) break;
        r++;
      }
      if (r < n && UPPER_CASE.test(text.slice(r, r + 2))) return 0;
    }
    const entity = this.onlyMentioned(key);
    if (entity < 0) return 0;
    this.slot.entity = entity;
    return end;
  }

  /** The one person of surname key `key` named so far, or -1 (none, or two: never guess). */
  private onlyMentioned(key: number): number {
    const { start, entities } = this.index.surnames;
    let entity = -1;
    for (let p = start[key]!; p < start[key + 1]!; p++) {
      const person = entities[p]!;
      if (!this.mentioned.has(person)) continue;
      if (entity >= 0) return -1;
      entity = person;
    }
    return entity;
  }

  /**
   * Whether an alias match starts at a word start strictly inside `(from, to)` (then it would be a
   * full match overlapping a back-reference over `[from, to)`): 1 or 0, or {@link NEEDS_FOLD}.
   */
  private aliasStartsWithin(from: number, to: number): number {
    const text = this.text;
    const slot: MatchSlot = { entity: -1 };
    for (let x = from + 1; x < to; x++) {
      const u = unitAt(text, x);
      if (u === 0) return NEEDS;
      const start = startIn(text, x, u);
      if (start === NEEDS) return NEEDS;
      if (start === 0) continue;
      const end = aliasEnd(this.index, text, x, u, slot);
      if (end !== 0) return end === NEEDS ? NEEDS : 1;
    }
    return 0;
  }

  // ---------------------------------------------------------------------------------------------
  // The folded text: the rules unit by unit, where the fast pass cannot fold on the fly.

  /**
   * Scans the folded text from the first unit at or after `text[p]` until the fast pass can take
   * over again (or to the end when {@link foldedOnly}); returns the offset in `text` to go on from.
   */
  private onFolded(p: number): number {
    const folded = (this.folded ??= foldText(this.text));
    const { map, length } = folded;
    let i = firstUnitAt(folded, p);
    while (i < length) {
      i = this.atUnit(folded, i);
      if (!this.foldedOnly && i < length && this.canLeaveFolded(folded, i)) return map[i]!;
    }
    return this.n;
  }

  /**
   * Whether the fast pass can go on at folded unit `i`: it is the first unit of its character, and
   * that character and the two before it fold to one unit each (all the fast pass looks back at).
   */
  private canLeaveFolded(folded: FoldedText, i: number): boolean {
    const p = folded.map[i]!;
    if (i > 0 && folded.map[i - 1] === p) return false;
    for (let q = Math.max(0, p - 2); q <= p; q++) if (unitAt(this.text, q) === 0) return false;
    return true;
  }

  /** Handles folded unit `i`: a match starting there, or nothing. Returns the next unit to look at. */
  private atUnit(folded: FoldedText, i: number): number {
    if (!isWordStart(folded, i)) return i + 1;
    const m = aliasAtUnit(this.index, this.text, folded, i);
    if (m !== null) {
      this.addFull(folded.map[i]!, originalEnd(folded, m.end), m.entity);
      return m.end;
    }
    if (this.personSeen) {
      const ref = this.backRefAtUnit(folded, i);
      if (ref !== null) {
        this.add(folded.map[i]!, originalEnd(folded, ref.end), ref.entity);
        return ref.end;
      }
    }
    return i + 1;
  }

  /** {@link backRefInText} on the folded text, at the word start `i`. */
  private backRefAtUnit(folded: FoldedText, i: number): { end: number; entity: number } | null {
    const { codes, length } = folded;
    const trie = this.index.titles.trie;
    let node = trie.root[codes[i]!]!;
    if (node === 0) return null;
    const titleEnds: number[] = [];
    for (let j = i + 1; ;) {
      if (trie.key[node]! >= 0 && codes[j] === SPACE) titleEnds.push(j);
      if (j >= length) break;
      node = child(trie, node, codes[j]!);
      if (node < 0) break;
      j++;
    }
    for (let t = titleEnds.length - 1; t >= 0; t--) {
      const ref = this.surnameAtUnit(folded, titleEnds[t]!);
      if (ref === null || this.aliasStartsWithinUnits(folded, i, ref.end)) continue;
      return ref;
    }
    return null;
  }

  /** {@link surnameInText} on the folded text, after the title ending at unit `titleEnd`. */
  private surnameAtUnit(folded: FoldedText, titleEnd: number): { end: number; entity: number } | null {
    const { codes, length, map } = folded;
    const text = this.text;
    const s = titleEnd + 1;
    if (codes[titleEnd] !== SPACE || s >= length || !isWordStart(folded, s)) return null;
    const found = trieMatchesAt(this.index.surnames.trie, folded, s);
    if (found.length === 0) return null;
    const end = found[found.length - 2]!;
    const key = found[found.length - 1]!;
    if (LOWER_CASE.test(text.slice(map[s]!, map[s]! + 2))) return null;
    if (
      codes[end] === SPACE &&
      end + 1 < length &&
      UPPER_CASE.test(text.slice(map[end + 1]!, map[end + 1]! + 2))
    ) {
      return null;
    }
    const entity = this.onlyMentioned(key);
    return entity < 0 ? null : { end, entity };
  }

  /** {@link aliasStartsWithin} on the folded text, for units strictly inside `(from, to)`. */
  private aliasStartsWithinUnits(folded: FoldedText, from: number, to: number): boolean {
    for (let x = from + 1; x < to; x++) {
      if (isWordStart(folded, x) && aliasAtUnit(this.index, this.text, folded, x) !== null) return true;
    }
    return false;
  }
}

/**
 * The index of the first character at or after `q` that is not an ASCII word character: those
 * that follow a word character cannot start a word.
 */
function skipAsciiWord(text: string, q: number): number {
  const n = text.length;
  while (q < n) {
    const c = text.charCodeAt(q);
    if (c >= 0x80 || ASCII_WORD[c] === 0) break;
    q++;
  }
  return q;
}

/**
 * An empty array that already holds objects (V8's elements kind): a fresh `[]` holds small
 * integers until the first push changes its kind, which would throw away the optimised code of
 * the pass on every new call while it warms up. (For the same reason `run` touches nothing after
 * its loop: V8 optimises the loop while it runs, before anything after it has been seen.)
 */
function newMatchList(): NameMatch[] {
  const list: (NameMatch | null)[] = [null];
  list.length = 0;
  return list as NameMatch[];
}

/** The first folded unit made by `text[p]` or a later character (`folded.length` if none). */
function firstUnitAt(folded: FoldedText, p: number): number {
  const map = folded.map;
  let lo = 0;
  let hi = folded.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (map[mid]! < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

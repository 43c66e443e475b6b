/**
 * The alias index (DESIGN §6): every entity's `name` and `aliases` folded by `normalize.ts` and compiled
 * into a trie on typed arrays, scanned from each word start of the folded text (matches are whole
 * words, so no failure links are needed: leftmost-longest falls out of walking from each start).
 * The same structure holds person surnames and titles for the back-references of `names.ts`.
 *
 * Matching rules:
 * - whole words only (see `isWordStart`/`isWordEnd`: a possessive `'s` may follow; Han/kana need no
 *   boundary; a Hangul name may be followed by a particle such as 은/의/이);
 * - a case-sensitive alias (`{ text: 'NIS', caseSensitive: true }`) matches only where the text has
 *   exactly its case once both are folded without case folding (so "ＮＩＳ" counts, "Nis" does not);
 * - leftmost match first, then the longest, then, among entities sharing the matched alias, a
 *   satisfied case-sensitive alias before a case-insensitive one, then the lowest entity id.
 */
import type { Entity } from '../dataset/types';
import type { NameMatch } from './types';
import {
  NEEDS_FOLD,
  foldAlias,
  foldAliasCasePreserving,
  foldText,
  foldUnit,
  foldUnitAt,
  isWordEnd,
  isWordStart,
  originalEnd,
  wordEndInText,
  type FoldedText,
} from './normalize';

// Module-local copies for the scan loops: calls and loads through an imported binding are slower
// than through a local one in some module loaders (tsx, CommonJS interop).
const wordStart = isWordStart;
const wordEnd = isWordEnd;
const wordEndIn = wordEndInText;
const unitOf = foldUnit;
const NEEDS = NEEDS_FOLD;
const SPACE = 32;
/** `foldUnit` of each ASCII character. */
const ASCII_FOLD = Uint16Array.from({ length: 128 }, (_, c) => foldUnitAt(String.fromCharCode(c), 0));

/**
 * A compiled trie over UTF-16 code units. Nodes are numbered breadth-first, so the children of node
 * `n` are the nodes `first[n]` … `first[n + 1] - 1`, sorted by `label`. Node 0 is the root.
 */
export interface Trie {
  /** `nodeCount + 1` entries. */
  readonly first: Int32Array;
  /** The code unit on the edge into each node (`label[0]` is unused). */
  readonly label: Uint16Array;
  /** The key index accepted at each node, or -1. */
  readonly key: Int32Array;
  /** Root's child for each code unit, 0 when none (a direct table: the root has the most children). */
  readonly root: Int32Array;
  /**
   * For a node with more than {@link WIDE} children, the offset in `dense` of its table of children
   * along ASCII units (0 = none); -1 for other nodes, and nodes past its end are not wide. Derived
   * from `first`/`label`, not serialised.
   */
  readonly wide: Int32Array;
  readonly dense: Int32Array;
}

/** Nodes with more children than this get a direct ASCII table (binary search costs more there). */
const WIDE = 8;

/** A compiled alias index: build it with {@link buildAliasIndex} or {@link loadAliasIndex}. */
export interface AliasIndex {
  /** Entity ids; every other structure refers to entities by their position here. */
  readonly entityIds: readonly string[];
  readonly aliases: {
    readonly trie: Trie;
    /** The patterns of alias key `k` are `patStart[k]` … `patStart[k + 1] - 1`, in priority order. */
    readonly patStart: Int32Array;
    readonly patEntity: Int32Array;
    /** Case-preserving fold of a case-sensitive pattern; absent for case-insensitive ones. */
    readonly patCase: ReadonlyMap<number, string>;
    /** 1 for each pattern with a case form in `patCase` (derived from it, not serialised). */
    readonly patCased: Uint8Array;
  };
  /** Folded surnames of persons: the persons of key `k` are `entities[start[k]]` … `entities[start[k+1]-1]`. */
  readonly surnames: {
    readonly trie: Trie;
    readonly start: Int32Array;
    readonly entities: Int32Array;
    /** 1 for each entity that is a person with a surname (derived from `entities`). */
    readonly surnamed: Uint8Array;
  };
  /** Folded titles (built-in plus the entities' role titles) that may precede a surname. */
  readonly titles: { readonly trie: Trie; readonly count: number };
  /**
   * The first words of the aliases and titles whose first word is ASCII letters, digits and `_`,
   * as a hash set of their {@link hashWordUnit} hashes: lets a scan reject most words of a text
   * with one lookup ({@link firstWordKinds}). Derived from the tries, not serialised.
   */
  readonly firstWords: FirstWords;
}

/**
 * An open-addressing hash set of 32-bit word hashes (0 = empty slot; a hash of 0 is stored as 1),
 * each with bit 1 when it begins an alias and bit 2 when it begins a title.
 */
export interface FirstWords {
  readonly hashes: Int32Array;
  readonly kinds: Uint8Array;
  /** Per slot, {@link firstWordFollowers}: bit `x` for the letter `a + x`, or -1 (anything). */
  readonly followers: Int32Array;
  readonly mask: number;
  /**
   * {@link WORD_SLOTS} entries: {@link NAME_SLOT} where the hash of some first word lands
   * (`hash & (WORD_SLOTS - 1)`), else 0: one small table a scan reads before the hash set.
   */
  readonly slots: Uint8Array;
  /**
   * A bit set of (first word, next word's first two letters) and of (…, first three letters), see
   * {@link secondWordMayFollow} and {@link thirdLetterMayFollow}.
   */
  readonly pairs: Uint32Array;
  /** `32 - log2(bits in pairs)`: a pair's bit is the top bits of its hash. */
  readonly pairShift: number;
}

/** Size of {@link FirstWords.slots} (a power of two; the shared word walk's filters use it too). */
export const WORD_SLOTS = 16384;
/** The value of a {@link FirstWords.slots} entry where a first word's hash lands. */
export const NAME_SLOT = 4;

/** "Any second letter": the `y` of a (word, x) whose next word may go on with anything. */
const ANY_SECOND = 31;

/**
 * The bit of (first word hash `h`, letters `x`, `y`, 0-25 or {@link ANY_SECOND}) in a pair set,
 * and with a third letter `z` (0-25 or {@link ANY_SECOND}; -1 for a pair) for a triple.
 */
function pairBit(h: number, x: number, y: number, shift: number, z = -1): number {
  return Math.imul(h ^ (((z + 1) << 10) | (x << 5) | y), 0x9e3779b1) >>> shift;
}

/**
 * What the word with hash `h` begins: bit 1 an alias, bit 2 a title, 0 neither. Two words with
 * the same 32-bit hash are not told apart (then a scan just looks closer).
 */
export function firstWordKinds(set: FirstWords, h: number): number {
  const slot = firstWordSlot(set, h);
  return slot < 0 ? 0 : set.kinds[slot]!;
}

/** The slot of hash `h` in `set`, or -1 when it is not there. */
function firstWordSlot(set: FirstWords, h: number): number {
  const key = h === 0 ? 1 : h;
  const { hashes, mask } = set;
  for (let slot = key & mask; ; slot = (slot + 1) & mask) {
    const v = hashes[slot]!;
    if (v === key) return slot;
    if (v === 0) return -1;
  }
}

/**
 * The letters that may begin the next word of an alias when the word with hash `h` is followed by
 * one space: bit `x` for the letter `a + x` (either case), or -1 when anything may follow (the
 * word is an alias or a title itself, begins a title, is followed in some alias by something
 * other than a space and a letter, or is not in `set`). Words sharing a hash share the union.
 * "the" begins many aliases but is mostly followed by a word that continues none of them: a scan
 * skips it without walking the trie.
 */
export function firstWordFollowers(set: FirstWords, h: number): number {
  const slot = firstWordSlot(set, h);
  return slot < 0 ? -1 : set.followers[slot]!;
}

/** The hash of the empty word (see {@link hashWordUnit}). */
export const HASH_START = 0x811c9dc5 | 0;

/**
 * One step of the hash of {@link AliasIndex.firstWords}: `h` extended by the ASCII word character
 * `c`, folded (`c | 32` maps upper to lower case and is the same for a character and its fold).
 * Starts from {@link HASH_START}.
 */
export function hashWordUnit(h: number, c: number): number {
  return Math.imul(h ^ (c | 32), 0x01000193); // FNV-1a
}

/**
 * Titles that refer back to a person when followed by a surname already seen on the page ("Major
 * General Shin", "Gen. Ryder", "Mr Kirby"). Role titles of the dataset's entities are added to these.
 */
export const DEFAULT_TITLES: readonly string[] = [
  'General',
  'Major General',
  'Lieutenant General',
  'Brigadier General',
  'Lt. Gen.',
  'Lt Gen',
  'Lt.Gen.',
  'Maj. Gen.',
  'Maj Gen',
  'Brig. Gen.',
  'Brig Gen',
  'Gen.',
  'Gen',
  'Colonel',
  'Lieutenant Colonel',
  'Col.',
  'Col',
  'Lt. Col.',
  'Marshal',
  'Admiral',
  'Adm.',
  'Commander',
  'President',
  'Vice President',
  'Prime Minister',
  'Premier',
  'Minister',
  'Defense Minister',
  'Defence Minister',
  'Foreign Minister',
  'Secretary',
  'Defense Secretary',
  'Defence Secretary',
  'Secretary of State',
  'Spokesman',
  'Spokeswoman',
  'Spokesperson',
  'Ambassador',
  'Rep.',
  'Rep',
  'Representative',
  'Lawmaker',
  'Senator',
  'Sen.',
  'Sen',
  'Governor',
  'Gov.',
  'Mr.',
  'Mr',
  'Mrs.',
  'Mrs',
  'Ms.',
  'Ms',
  'Dr.',
  'Dr',
  'Chairman',
  'Leader',
];

const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;

/** {@link foldAlias} with a fast path for printable ASCII (most aliases), identical in result. */
function foldKey(s: string): string {
  if (ASCII_PRINTABLE.test(s)) {
    return s.toLowerCase().replace(/`/g, "'").replace(/[- ]+/g, ' ').trim();
  }
  return foldAlias(s);
}

/** {@link foldAliasCasePreserving} with the same fast path as {@link foldKey}. */
function foldKeyCasePreserving(s: string): string {
  if (ASCII_PRINTABLE.test(s)) return s.replace(/`/g, "'").replace(/[- ]+/g, ' ').trim();
  return foldAliasCasePreserving(s);
}

/** Length of the common prefix of two strings, in code units. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * Compiles sorted, unique, non-empty keys (sorted by UTF-16 code units, as `Array.prototype.sort`
 * does) into a {@link Trie}; key `k` is accepted at exactly one node. Linear in the keys' total length.
 */
export function buildTrie(keys: readonly string[]): Trie {
  // The keys as one flat array of code units: much cheaper to index than many strings.
  const offset = new Int32Array(keys.length + 1);
  for (let k = 0; k < keys.length; k++) offset[k + 1] = offset[k]! + keys[k]!.length;
  const units = new Uint16Array(offset[keys.length]!);
  let nodeCount = 1;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const base = offset[k]!;
    for (let i = 0; i < key.length; i++) units[base + i] = key.charCodeAt(i);
    nodeCount += key.length - (k > 0 ? commonPrefix(keys[k - 1]!, key) : 0);
  }
  const first = new Int32Array(nodeCount + 1);
  const label = new Uint16Array(nodeCount);
  const key = new Int32Array(nodeCount).fill(-1);
  // Per node: the range of keys below it. Nodes of one depth are contiguous (breadth-first order).
  const lo = new Int32Array(nodeCount);
  const hi = new Int32Array(nodeCount);
  hi[0] = keys.length;
  let next = 1;
  let depth = 0;
  let depthEnd = 1; // first node of the next depth
  for (let n = 0; n < next; n++) {
    if (n === depthEnd) {
      depth++;
      depthEnd = next;
    }
    first[n] = next;
    let k = lo[n]!;
    const end = hi[n]!;
    if (k < end && offset[k + 1]! - offset[k]! === depth) key[n] = k++;
    while (k < end) {
      const c = units[offset[k]! + depth]!;
      const s = k;
      while (k < end && units[offset[k]! + depth] === c) k++;
      label[next] = c;
      lo[next] = s;
      hi[next] = k;
      next++;
    }
  }
  first[nodeCount] = nodeCount;
  return { first, label, key, ...directTables(first, label) };
}

/** The lookup tables derived from a trie's `first` and `label` (see {@link Trie}). */
function directTables(first: Int32Array, label: Uint16Array) {
  const root = new Int32Array(0x10000);
  for (let c = first[0]!; c < first[1]!; c++) root[label[c]!] = c;
  // Wide nodes are near the root, hence (breadth-first) low-numbered: `wide` stops after the last.
  let lastWide = 0;
  for (let n = 1; n < label.length; n++) if (first[n + 1]! - first[n]! > WIDE) lastWide = n;
  const wide = new Int32Array(lastWide + 1).fill(-1);
  let slots = 0;
  for (let n = 1; n <= lastWide; n++) if (first[n + 1]! - first[n]! > WIDE) wide[n] = 128 * slots++;
  const dense = new Int32Array(128 * slots);
  for (let n = 1; n <= lastWide; n++) {
    const w = wide[n]!;
    if (w < 0) continue;
    for (let c = first[n]!; c < first[n + 1]!; c++) if (label[c]! < 128) dense[w + label[c]!] = c;
  }
  return { root, wide, dense };
}

/** The child of `node` along code unit `c`, or -1. */
export function childOf(trie: Trie, node: number, c: number): number {
  if (node === 0) return trie.root[c] || -1;
  const w = node < trie.wide.length ? trie.wide[node]! : -1;
  if (w >= 0 && c < 128) return trie.dense[w + c] || -1;
  const label = trie.label;
  let lo = trie.first[node]!;
  let hi = trie.first[node + 1]!;
  if (hi - lo <= WIDE) {
    for (; lo < hi; lo++) {
      const l = label[lo]!;
      if (l === c) return lo;
      if (l > c) return -1;
    }
    return -1;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const l = label[mid]!;
    if (l === c) return mid;
    if (l < c) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

/**
 * Every key of `trie` that occurs in `folded` from index `start` and ends at a word end, as
 * `[end, key, end, key, …]` with ends increasing. `start` should be a word start.
 */
export function trieMatchesAt(trie: Trie, folded: FoldedText, start: number): number[] {
  const out: number[] = [];
  let node = 0;
  for (let j = start; j < folded.length;) {
    node = childOf(trie, node, folded.codes[j]!);
    if (node < 0) break;
    j++;
    const k = trie.key[node]!;
    if (k >= 0 && wordEnd(folded, j)) out.push(j, k);
  }
  return out;
}

interface PatternDraft {
  entity: number;
  caseForm: string | null;
}

/**
 * Values collected per folded key, as parallel arrays chained per key (no per-pattern objects:
 * an index of 100,000 aliases collects 100,000 of them).
 */
class KeyedDrafts {
  private readonly ids = new Map<string, number>();
  /** Per key id: its last draft, each draft pointing to the previous one of its key. */
  private readonly last: number[] = [];
  private readonly prev: number[] = [];
  readonly entity: number[] = [];
  readonly caseForm = new Map<number, string>();

  add(key: string, entity: number, caseForm: string | null): void {
    const draft = this.entity.length;
    const id = this.ids.get(key);
    if (id === undefined) {
      this.ids.set(key, this.last.length);
      this.last.push(draft);
      this.prev.push(-1);
    } else {
      this.prev.push(this.last[id]!);
      this.last[id] = draft;
    }
    this.entity.push(entity);
    if (caseForm !== null) this.caseForm.set(draft, caseForm);
  }

  /** The keys sorted by UTF-16 code units, and for each, its drafts in the order they were added. */
  sorted(): { keys: string[]; drafts: (k: number) => number[] } {
    const keys = Array.from(this.ids.keys()).sort();
    const ids = keys.map((k) => this.ids.get(k)!);
    const drafts = (k: number) => {
      const out: number[] = [];
      for (let d = this.last[ids[k]!]!; d >= 0; d = this.prev[d]!) out.push(d);
      return out.reverse();
    };
    return { keys, drafts };
  }
}

/**
 * Builds the index over every entity's `name` (case-insensitive) and `aliases`, the `surname` of
 * every `person`, and the titles ({@link DEFAULT_TITLES} plus every role title, or `options.titles`
 * instead of the defaults). Aliases that fold to nothing are skipped. Pure; the entities are not kept.
 */
export function buildAliasIndex(
  entities: readonly Entity[],
  options: { titles?: readonly string[] } = {},
): AliasIndex {
  const entityIds = entities.map((e) => e.id);
  const aliasDrafts = new KeyedDrafts();
  const surnameDrafts = new KeyedDrafts();
  const titleSet = new Set<string>();
  for (const t of options.titles ?? DEFAULT_TITLES) titleSet.add(foldKey(t));
  for (let e = 0; e < entities.length; e++) {
    const entity = entities[e]!;
    const nameKey = foldKey(entity.name);
    if (nameKey) aliasDrafts.add(nameKey, e, null);
    for (const alias of entity.aliases) {
      const key = foldKey(alias.text);
      if (key) aliasDrafts.add(key, e, alias.caseSensitive ? foldKeyCasePreserving(alias.text) : null);
    }
    if (entity.kind === 'person' && entity.surname) {
      const key = foldKey(entity.surname);
      if (key) surnameDrafts.add(key, e, null);
    }
    for (const role of entity.roles ?? []) {
      const key = foldKey(role.title);
      if (key) titleSet.add(key);
    }
  }

  const aliasGroups = aliasDrafts.sorted();
  const keyCount = aliasGroups.keys.length;
  const patStart = new Int32Array(keyCount + 1);
  const patEntity = new Int32Array(aliasDrafts.entity.length);
  const patCase = new Map<number, string>();
  let patCount = 0;
  for (let k = 0; k < keyCount; k++) {
    patStart[k] = patCount;
    const drafts = aliasGroups.drafts(k);
    if (drafts.length === 1) {
      // The common case: one alias, nothing to order.
      const form = aliasDrafts.caseForm.get(drafts[0]!);
      if (form !== undefined) patCase.set(patCount, form);
      patEntity[patCount++] = aliasDrafts.entity[drafts[0]!]!;
      continue;
    }
    const list = drafts.map((d) => ({
      entity: aliasDrafts.entity[d]!,
      caseForm: aliasDrafts.caseForm.get(d) ?? null,
    }));
    for (const p of orderPatterns(list, entityIds)) {
      if (p.caseForm !== null) patCase.set(patCount, p.caseForm);
      patEntity[patCount++] = p.entity;
    }
  }
  patStart[keyCount] = patCount;

  const surnameGroups = surnameDrafts.sorted();
  const surnameStart = new Int32Array(surnameGroups.keys.length + 1);
  const surnameEntities: number[] = [];
  for (let k = 0; k < surnameGroups.keys.length; k++) {
    surnameStart[k] = surnameEntities.length;
    const persons = surnameGroups.drafts(k).map((d) => surnameDrafts.entity[d]!);
    for (const p of [...new Set(persons)].sort((x, y) => x - y)) surnameEntities.push(p);
  }
  surnameStart[surnameGroups.keys.length] = surnameEntities.length;

  const titleKeys = Array.from(titleSet).sort();
  const aliasTrie = buildTrie(aliasGroups.keys);
  const titleTrie = buildTrie(titleKeys);
  return {
    entityIds,
    aliases: {
      trie: aliasTrie,
      patStart,
      patEntity: patEntity.slice(0, patCount),
      patCase,
      patCased: casedOf(patCase, patCount),
    },
    surnames: {
      trie: buildTrie(surnameGroups.keys),
      start: surnameStart,
      entities: Int32Array.from(surnameEntities),
      surnamed: surnamedOf(entityIds.length, surnameEntities),
    },
    titles: { trie: titleTrie, count: titleKeys.length },
    firstWords: firstWordsOf(aliasTrie, titleTrie),
  };
}

/** Whether `u` is an ASCII word character as folded: a-z, 0-9 or `_`. */
function isAsciiWordUnit(u: number): boolean {
  return (u >= 0x61 && u <= 0x7a) || (u >= 0x30 && u <= 0x39) || u === 0x5f;
}

/**
 * Whether an alias may begin with the word of hash `h`, a space, and the letters `a + x`, `a + y`
 * (0-25; the next word's first two letters, either case). Only meaningful when
 * {@link firstWordFollowers} has bit `x` set and is not -1. False positives happen (a bit set),
 * false negatives never: "the talks" is rejected, "the Pentagon" is not.
 */
export function secondWordMayFollow(set: FirstWords, h: number, x: number, y: number): boolean {
  return (
    hasBit(set, pairBit(h, x, y, set.pairShift)) || hasBit(set, pairBit(h, x, ANY_SECOND, set.pairShift))
  );
}

/**
 * Whether an alias may begin with the word of hash `h`, a space, and the letters `a + x`, `a + y`,
 * `a + z` (0-25): as {@link secondWordMayFollow} (which must have said yes), one letter further
 * ("the Moscow Times" against "the movements").
 */
export function thirdLetterMayFollow(set: FirstWords, h: number, x: number, y: number, z: number): boolean {
  const shift = set.pairShift;
  return (
    hasBit(set, pairBit(h, x, y, shift, z)) ||
    hasBit(set, pairBit(h, x, y, shift, ANY_SECOND)) ||
    hasBit(set, pairBit(h, x, ANY_SECOND, shift))
  );
}

function hasBit(set: FirstWords, b: number): boolean {
  return (set.pairs[b >>> 5]! & (1 << (b & 31))) !== 0;
}

/** The {@link AliasIndex.firstWords} set of an alias trie (bit 1) and a title trie (bit 2). */
function firstWordsOf(aliases: Trie, titles: Trie): FirstWords {
  // Collect (hash, bit, followers) of every key's first word: a path of ASCII word units from the root to a
  // node where a key ends or something other than an ASCII word unit may follow.
  const found: number[] = [];
  const collect = (trie: Trie, bit: number): void => {
    const stack: number[] = [0, HASH_START];
    while (stack.length > 0) {
      const h = stack.pop()!;
      const node = stack.pop()!;
      const isKey = node !== 0 && trie.key[node]! >= 0;
      let ends = isKey;
      // Titles are never filtered: what follows one is a surname, not an alias word.
      let followers = isKey || bit !== 1 ? -1 : 0;
      for (let x = trie.first[node]!; x < trie.first[node + 1]!; x++) {
        const u = trie.label[x]!;
        if (isAsciiWordUnit(u)) {
          stack.push(x, hashWordUnit(h, u));
          continue;
        }
        ends = true;
        followers = u === SPACE && trie.key[x]! < 0 ? followers | lettersAfter(trie, x) : -1;
        if (u === SPACE && bit === 1) collectPairs(trie, x, h);
      }
      if (ends && node !== 0) found.push(h, bit, followers);
    }
  };
  // (h, x, y, -1) of every alias "<first word> <x><y>…", and (h, x, y, z) of "<first word>
  // <x><y><z>…"; y or z = ANY_SECOND when anything may follow the letters before.
  const tuples: number[] = [];
  const collectPairs = (trie: Trie, space: number, h: number): void => {
    for (let edge = trie.first[space]!; edge < trie.first[space + 1]!; edge++) {
      const l = trie.label[edge]!;
      if (l < 97 || l > 122) continue; // the first-letter filter lets nothing through then
      const x = l - 97;
      const after = trie.key[edge]! >= 0 ? -1 : lettersAfter(trie, edge);
      if (after === -1) tuples.push(h, x, ANY_SECOND, -1);
      for (let y = 0; after !== -1 && y < 26; y++) {
        if ((after & (1 << y)) === 0) continue;
        tuples.push(h, x, y, -1);
        const second = childOf(trie, edge, 97 + y);
        const third = trie.key[second]! >= 0 ? -1 : lettersAfter(trie, second);
        if (third === -1) tuples.push(h, x, y, ANY_SECOND);
        else for (let z = 0; z < 26; z++) if ((third & (1 << z)) !== 0) tuples.push(h, x, y, z);
      }
    }
  };
  collect(aliases, 1);
  collect(titles, 2);
  // At most a quarter full, so that a lookup mostly ends at its first slot.
  let size = 64;
  while (size < 4 * (found.length / 2)) size *= 2;
  const hashes = new Int32Array(size);
  const kinds = new Uint8Array(size);
  const followers = new Int32Array(size);
  const mask = size - 1;
  for (let k = 0; k < found.length; k += 3) {
    const key = found[k] === 0 ? 1 : found[k]!;
    let slot = key & mask;
    while (hashes[slot] !== 0 && hashes[slot] !== key) slot = (slot + 1) & mask;
    hashes[slot] = key;
    kinds[slot]! |= found[k + 1]!;
    followers[slot]! |= found[k + 2]!;
  }
  // About one bit in sixteen set, so that a rejected pair is mostly rejected.
  let bits = 1 << 12;
  while (bits < 16 * (tuples.length / 4)) bits *= 2;
  const pairShift = 32 - Math.log2(bits);
  const pairs = new Uint32Array(bits / 32);
  for (let k = 0; k < tuples.length; k += 4) {
    const b = pairBit(tuples[k]!, tuples[k + 1]!, tuples[k + 2]!, pairShift, tuples[k + 3]!);
    pairs[b >>> 5]! |= 1 << (b & 31);
  }
  const slots = new Uint8Array(WORD_SLOTS);
  for (let k = 0; k < found.length; k += 3) slots[found[k]! & (WORD_SLOTS - 1)] = NAME_SLOT;
  return { hashes, kinds, followers, mask, slots, pairs, pairShift };
}

/** The a-z letters on the edges out of `node` as bits (bit 0 = a), or -1 if any other unit is there. */
function lettersAfter(trie: Trie, node: number): number {
  let bits = 0;
  for (let x = trie.first[node]!; x < trie.first[node + 1]!; x++) {
    const u = trie.label[x]!;
    if (u < 97 || u > 122) return -1;
    bits |= 1 << (u - 97);
  }
  return bits;
}

function casedOf(patCase: ReadonlyMap<number, string>, patternCount: number): Uint8Array {
  const out = new Uint8Array(patternCount);
  for (const p of patCase.keys()) out[p] = 1;
  return out;
}

function surnamedOf(entityCount: number, persons: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(entityCount);
  for (let i = 0; i < persons.length; i++) out[persons[i]!] = 1;
  return out;
}

/**
 * Priority among the patterns sharing one folded alias: case-sensitive ones first (the more specific
 * claim, and only used when the case fits), then by entity id; duplicates dropped, and an entity's
 * case-sensitive pattern dropped when it also has a case-insensitive one (that one always matches).
 */
function orderPatterns(drafts: PatternDraft[], ids: readonly string[]): PatternDraft[] {
  const insensitive = new Set(drafts.filter((d) => d.caseForm === null).map((d) => d.entity));
  const seen = new Set<string>();
  const kept = drafts.filter((d) => {
    if (d.caseForm !== null && insensitive.has(d.entity)) return false;
    const sig = `${d.entity}\u0000${d.caseForm ?? ''}`;
    if (seen.has(sig)) return false;
    seen.add(sig);
    return true;
  });
  return kept.sort((a, b) => {
    const ca = a.caseForm === null ? 1 : 0;
    const cb = b.caseForm === null ? 1 : 0;
    if (ca !== cb) return ca - cb;
    const ia = ids[a.entity]!;
    const ib = ids[b.entity]!;
    return ia < ib ? -1 : ia > ib ? 1 : a.entity - b.entity;
  });
}

/**
 * The entity of the first pattern of alias key `k` whose case fits `text.slice(start, end)` (the
 * original text the key matched), or -1.
 */
function pickEntity(index: AliasIndex, k: number, text: string, start: number, end: number): number {
  const { patStart, patEntity, patCase, patCased } = index.aliases;
  let cased: string | undefined;
  const plain = asciiAlnum(text, start, end);
  for (let p = patStart[k]!; p < patStart[k + 1]!; p++) {
    if (patCased[p] === 0) return patEntity[p]!;
    const form = patCase.get(p)!;
    // ASCII letters and digits fold to themselves when case is kept ("NIS", "KCNA"): compared as
    // they are, without building the fold.
    if (
      plain
        ? sameChars(text, start, end, form)
        : (cased ??= foldAliasCasePreserving(text.slice(start, end))) === form
    )
      return patEntity[p]!;
  }
  return -1;
}

/** Whether `text[start, end)` is ASCII letters and digits only. */
function asciiAlnum(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}

/** Whether `text[start, end)` is exactly `form`. */
function sameChars(text: string, start: number, end: number, form: string): boolean {
  if (form.length !== end - start) return false;
  for (let i = 0; i < form.length; i++) if (text.charCodeAt(start + i) !== form.charCodeAt(i)) return false;
  return true;
}

/** An alias match in folded coordinates: folded units `[start, end)`, entity by position. */
export interface FoldedMatch {
  start: number;
  end: number;
  entity: number;
}

/**
 * The alias match starting at folded unit `i` (the fold of `text`), if any: the longest alias that
 * ends at a word end and fits its case. Does not check that `i` starts a word; callers do.
 */
export function aliasAtUnit(
  index: AliasIndex,
  text: string,
  folded: FoldedText,
  i: number,
): FoldedMatch | null {
  const { codes, length, map } = folded;
  const trie = index.aliases.trie;
  let node = trie.root[codes[i]!]!;
  if (node === 0) return null;
  let bestEnd = -1;
  let bestEntity = -1;
  for (let j = i + 1; ; j++) {
    const k = trie.key[node]!;
    if (k >= 0 && wordEnd(folded, j)) {
      const e = pickEntity(index, k, text, map[i]!, originalEnd(folded, j));
      if (e >= 0) {
        bestEnd = j;
        bestEntity = e;
      }
    }
    if (j >= length) break;
    node = childOf(trie, node, codes[j]!);
    if (node < 0) break;
  }
  return bestEnd < 0 ? null : { start: i, end: bestEnd, entity: bestEntity };
}

/**
 * Every alias match in `folded` (the fold of `text`), in order, without overlaps: at each word start
 * the longest alias that ends at a word end (and fits its case) wins, and scanning resumes after it.
 * Linear in the text times the depth of the longest partial match; never throws. This is the
 * reference the on-the-fly scan of `names.ts` must agree with.
 */
export function scanFolded(index: AliasIndex, text: string, folded: FoldedText): FoldedMatch[] {
  const out: FoldedMatch[] = [];
  for (let i = 0; i < folded.length; i++) {
    if (!wordStart(folded, i)) continue;
    const m = aliasAtUnit(index, text, folded, i);
    if (m === null) continue;
    out.push(m);
    i = m.end - 1;
  }
  return out;
}

/** Where the entity of an on-the-fly match is left (see {@link aliasEndInText}). */
export interface MatchSlot {
  entity: number;
}

/**
 * The alias match starting at `text[p]`, read on the unfolded text (see `foldUnit`): `p` starts a
 * word and `unit` is the fold of `text[p]`. Returns the match's end in `text` (its entity left in
 * `slot`), 0 when no alias matches there, or {@link NEEDS_FOLD} when the match cannot be decided
 * without the folded text (a character without a one-unit fold is in the way). Agrees with
 * {@link aliasAtUnit} at the corresponding folded unit whenever it decides.
 */
export function aliasEndInText(
  index: AliasIndex,
  text: string,
  p: number,
  unit: number,
  slot: MatchSlot,
): number {
  const { root, key: keyAt, first, label, wide, dense } = index.aliases.trie;
  let node = root[unit]!;
  if (node === 0) return 0;
  const n = text.length;
  let bestEnd = 0;
  let bestEntity = -1;
  let last = unit;
  let j = p + 1;
  for (;;) {
    const k = keyAt[node]!;
    if (k >= 0) {
      const end = wordEndIn(text, j, last);
      if (end === NEEDS) return NEEDS;
      if (end === 1) {
        const e = pickEntity(index, k, text, p, j);
        if (e >= 0) {
          bestEnd = j;
          bestEntity = e;
        }
      }
    }
    if (j >= n) break;
    const c = text.charCodeAt(j);
    let ch = c < 0x80 ? ASCII_FOLD[c]! : unitOf(c);
    if (ch === 0) return NEEDS;
    if (ch === SPACE && last === SPACE) {
      // A space right after a space is collapsed away, as foldText does (rare: double spaces).
      while (ch === SPACE && ++j < n) {
        ch = unitOf(text.charCodeAt(j));
        if (ch === 0) return NEEDS;
      }
      if (j >= n) break;
    }
    // Child lookup, inlined: children are contiguous and sorted; most nodes have one or two.
    let lo = first[node]!;
    const hi = first[node + 1]!;
    if (hi - lo === 1) {
      node = label[lo] === ch ? lo : -1;
    } else {
      const w = node < wide.length ? wide[node]! : -1;
      if (w >= 0 && ch < 128) {
        node = dense[w + ch] || -1;
      } else if (hi - lo <= WIDE) {
        node = -1;
        for (; lo < hi; lo++) {
          const l = label[lo]!;
          if (l >= ch) {
            if (l === ch) node = lo;
            break;
          }
        }
      } else {
        node = -1;
        let h = hi;
        while (lo < h) {
          const mid = (lo + h) >>> 1;
          const l = label[mid]!;
          if (l === ch) {
            node = mid;
            break;
          }
          if (l < ch) lo = mid + 1;
          else h = mid;
        }
      }
    }
    if (node < 0) break;
    last = ch;
    j++;
  }
  slot.entity = bestEntity;
  return bestEnd;
}

/**
 * Every alias match in `text`, in order, without overlaps (see {@link scanFolded}). Offsets index
 * `text`: `text.slice(start, end) === match.text`. Pass `folded` when the caller already folded `text`.
 */
export function scanAliases(
  index: AliasIndex,
  text: string,
  folded: FoldedText = foldText(text),
): NameMatch[] {
  return scanFolded(index, text, folded).map((m) => toNameMatch(index, text, folded, m));
}

/** A folded match as a {@link NameMatch} on the original text. */
export function toNameMatch(index: AliasIndex, text: string, folded: FoldedText, m: FoldedMatch): NameMatch {
  const start = folded.map[m.start]!;
  const end = originalEnd(folded, m.end);
  return { text: text.slice(start, end), start, end, entity: index.entityIds[m.entity]! };
}

const MAGIC = 0x58434149; // "XCAI"
const FORMAT = 1;

interface Header {
  format: number;
  entityIds: string[];
  patCase: [number, string][];
  titleCount: number;
  /** Element counts of the arrays that follow, in {@link arraysOf} order. */
  lengths: number[];
}

function arraysOf(index: AliasIndex): (Int32Array | Uint16Array)[] {
  const t = (x: Trie) => [x.first, x.label, x.key];
  return [
    ...t(index.aliases.trie),
    index.aliases.patStart,
    index.aliases.patEntity,
    ...t(index.surnames.trie),
    index.surnames.start,
    index.surnames.entities,
    ...t(index.titles.trie),
  ];
}

const align4 = (n: number) => (n + 3) & ~3;

/**
 * A compact binary form of the index (typed arrays plus a small JSON header), to store a prebuilt
 * index and load it with {@link loadAliasIndex} without rebuilding.
 */
export function serializeAliasIndex(index: AliasIndex): ArrayBuffer {
  const arrays = arraysOf(index);
  const header: Header = {
    format: FORMAT,
    entityIds: [...index.entityIds],
    patCase: Array.from(index.aliases.patCase),
    titleCount: index.titles.count,
    lengths: arrays.map((a) => a.length),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  let size = 12 + align4(json.length);
  for (const a of arrays) size += align4(a.byteLength);
  const buf = new ArrayBuffer(size);
  const view = new DataView(buf);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, FORMAT, true);
  view.setUint32(8, json.length, true);
  new Uint8Array(buf, 12, json.length).set(json);
  let offset = 12 + align4(json.length);
  for (const a of arrays) {
    new Uint8Array(buf, offset, a.byteLength).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    offset += align4(a.byteLength);
  }
  return buf;
}

/**
 * Loads an index written by {@link serializeAliasIndex}; the arrays are views on `buf` (no copy).
 * Throws an `Error` when `buf` is not such an index or was written by another format version.
 */
export function loadAliasIndex(buf: ArrayBuffer): AliasIndex {
  const view = new DataView(buf);
  if (buf.byteLength < 12 || view.getUint32(0, true) !== MAGIC) throw new Error('not an alias index');
  if (view.getUint32(4, true) !== FORMAT)
    throw new Error(`unsupported alias index format ${view.getUint32(4, true)}`);
  const jsonLength = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buf, 12, jsonLength))) as Header;
  let offset = 12 + align4(jsonLength);
  const lengths = [...header.lengths];
  const next32 = () => {
    const a = new Int32Array(buf, offset, lengths.shift());
    offset += align4(a.byteLength);
    return a;
  };
  const next16 = () => {
    const a = new Uint16Array(buf, offset, lengths.shift());
    offset += align4(a.byteLength);
    return a;
  };
  const trie = (): Trie => {
    const first = next32();
    const label = next16();
    const key = next32();
    return { first, label, key, ...directTables(first, label) };
  };
  const aliasTrie = trie();
  const patStart = next32();
  const patEntity = next32();
  const surnameTrie = trie();
  const start = next32();
  const entities = next32();
  const titleTrie = trie();
  return {
    entityIds: header.entityIds,
    aliases: {
      trie: aliasTrie,
      patStart,
      patEntity,
      patCase: new Map(header.patCase),
      patCased: casedOf(new Map(header.patCase), patEntity.length),
    },
    surnames: { trie: surnameTrie, start, entities, surnamed: surnamedOf(header.entityIds.length, entities) },
    titles: { trie: titleTrie, count: header.titleCount },
    firstWords: firstWordsOf(aliasTrie, titleTrie),
  };
}

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
 */
import type { NameMatch } from './types';
import {
  childOf,
  scanFolded,
  toNameMatch,
  trieMatchesAt,
  type AliasIndex,
  type FoldedMatch,
} from './alias-index';
import { CharClass, foldText, isWordStart, unitClass, type FoldedText } from './normalize';

const SPACE = 32;
// Module-local copies for the loops (imported bindings cost a getter call under some loaders).
const classOf = unitClass;
const child = childOf;
const wordStart = isWordStart;
const WORD: CharClass = CharClass.Word;
const LOWER_CASE = /^\p{Ll}/u;
const UPPER_CASE = /^\p{Lu}/u;

/**
 * Every entity mention in `text`: the alias matches of {@link scanFolded} and the title + surname
 * back-references described above, sorted by `start`, never overlapping. Offsets index `text`
 * (`text.slice(start, end) === match.text`). Deterministic; never throws.
 */
export function findNames(index: AliasIndex, text: string): NameMatch[] {
  const folded = foldText(text);
  const full = scanFolded(index, text, folded);
  const all = full.concat(findBackReferences(index, text, folded, full));
  all.sort((a, b) => a.start - b.start);
  return all.map((m) => toNameMatch(index, text, folded, m));
}

/**
 * Title + surname back-references in `folded` (the fold of `text`), given the full alias matches
 * `full` (sorted, as {@link scanFolded} returns them). In folded coordinates, sorted by start.
 */
export function findBackReferences(
  index: AliasIndex,
  text: string,
  folded: FoldedText,
  full: readonly FoldedMatch[],
): FoldedMatch[] {
  const out: FoldedMatch[] = [];
  const { surnames, titles } = index;
  if (full.length === 0 || surnames.entities.length === 0 || titles.count === 0) return out;
  const mentioned = new Set<number>();
  let seen = 0; // full matches already added to `mentioned`
  const { codes, length } = folded;
  const titleRoot = titles.trie.root;
  const titleTrie = titles.trie;
  const titleEnds: number[] = [];
  // Nothing can refer back before the first full mention of a person with a surname ends.
  const firstPerson = full.findIndex((m) => surnames.surnamed[m.entity] === 1);
  if (firstPerson < 0) return out;
  for (let i = full[firstPerson]!.end; i < length; i++) {
    // Cheap rejections: the unit must start a title and follow a non-letter (full test below).
    let node = titleRoot[codes[i]!]!;
    if (node === 0 || classOf(codes[i - 1]!) === WORD) continue;
    // Walk the title trie; a title counts where it is followed by a space.
    titleEnds.length = 0;
    for (let j = i + 1; ;) {
      if (titleTrie.key[node]! >= 0 && codes[j] === SPACE) titleEnds.push(j);
      if (j >= length) break;
      node = child(titleTrie, node, codes[j]!);
      if (node < 0) break;
      j++;
    }
    if (titleEnds.length === 0 || !wordStart(folded, i)) continue;
    while (seen < full.length && full[seen]!.end <= i) mentioned.add(full[seen++]!.entity);
    // Longest title first: "Secretary of State Blinken" rather than "Secretary" + "of".
    for (let t = titleEnds.length - 1; t >= 0; t--) {
      const ref = surnameAfter(index, text, folded, titleEnds[t]!, mentioned);
      if (!ref || overlapsAny(full, i, ref.end)) continue;
      out.push({ start: i, end: ref.end, entity: ref.entity });
      i = ref.end - 1;
      break;
    }
  }
  return out;
}

/**
 * The person referred to by the surname right after a title ending at folded index `titleEnd`
 * (one space between them), if exactly one person with that surname is in `mentioned`.
 */
function surnameAfter(
  index: AliasIndex,
  text: string,
  folded: FoldedText,
  titleEnd: number,
  mentioned: ReadonlySet<number>,
): { end: number; entity: number } | null {
  const { codes, length, map } = folded;
  const s = titleEnd + 1;
  if (codes[titleEnd] !== SPACE || s >= length || !wordStart(folded, s)) return null;
  const found = trieMatchesAt(index.surnames.trie, folded, s);
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
  const { start, entities } = index.surnames;
  let entity = -1;
  for (let p = start[key]!; p < start[key + 1]!; p++) {
    const person = entities[p]!;
    if (!mentioned.has(person)) continue;
    if (entity >= 0) return null; // two candidates: never guess
    entity = person;
  }
  return entity < 0 ? null : { end, entity };
}

/** Whether folded `[start, end)` overlaps any of the sorted, non-overlapping `matches`. */
function overlapsAny(matches: readonly FoldedMatch[], start: number, end: number): boolean {
  // First match that ends after `start`; it overlaps iff it starts before `end`.
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (matches[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < matches.length && matches[lo]!.start < end;
}

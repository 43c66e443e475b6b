/**
 * A letter trie over ASCII words with a small tag per word, matched char by char on the scanned
 * text so that ordinary words are rejected without allocating a string.
 */

/** A compiled trie; see {@link createWordTrie}. */
export interface WordTrie {
  /**
   * Walks the ASCII letters of `text` from `start` (case-insensitively). When all of them spell a
   * word of the trie, returns `end * 64 + tag` (`end` = the index after the letters, tag 1..63);
   * otherwise returns `-end` where `end` is the index after the letters read so far. Callers check
   * themselves whether the word ends there (a digit or non-ASCII letter may follow).
   */
  match(text: string, start: number): number;
  /**
   * The word of the trie that the ASCII letters `text[start, end)` spell (in any case), in lower
   * case: the same string each time, so a caller gets it without slicing and lower-casing.
   * `null` when they spell no word of the trie (or a character there is not an ASCII letter).
   */
  word(text: string, start: number, end: number): string | null;
  /**
   * Whether the ASCII letters of `text` from `start` spell a word of the trie (`match(…) > 0`),
   * answered as soon as they leave it.
   */
  spells(text: string, start: number): boolean;
}

/** Builds a trie from lower-case a-z words and their tags (1..63); a later entry's tag wins. */
export function createWordTrie(entries: Iterable<readonly [string, number]>): WordTrie {
  const rows: number[] = new Array<number>(26).fill(0);
  const tags: number[] = [0];
  const words: string[] = [];
  let size = 1;
  for (const [word, tag] of entries) {
    words.push(word);
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const slot = node * 26 + (word.charCodeAt(i) - 97);
      let next = rows[slot] ?? 0;
      if (next === 0) {
        next = size++;
        for (let k = 0; k < 26; k++) rows.push(0);
        tags.push(0);
        rows[slot] = next;
      }
      node = next;
    }
    tags[node] = tag;
  }
  const trie = Int32Array.from(rows);
  const tagOf = Uint8Array.from(tags);
  const wordOf: (string | null)[] = new Array<string | null>(size).fill(null);
  for (const w of words) wordOf[walk(trie, w, 0, w.length)] = w;
  // The node after each pair of first letters (0: none): most words leave the trie within their
  // first two letters, and this reads one table instead of two in a row.
  const pairs = new Int32Array(26 * 26);
  for (let a = 0; a < 26; a++) {
    const first = trie[a]!;
    if (first !== 0) for (let b = 0; b < 26; b++) pairs[a * 26 + b] = trie[first * 26 + b]!;
  }
  return {
    match(text: string, start: number): number {
      const n = text.length;
      const a = letterIndex(text.charCodeAt(start));
      if (a < 0) return -start;
      const b = letterIndex(text.charCodeAt(start + 1));
      let node: number;
      let i: number;
      if (b < 0) {
        node = trie[a]!;
        i = start + 1;
      } else {
        node = pairs[a * 26 + b]!;
        i = start + 2;
      }
      while (node !== 0 && i < n) {
        const c = letterIndex(text.charCodeAt(i));
        if (c < 0) break;
        i++;
        node = trie[node * 26 + c]!;
      }
      if (node === 0) {
        // finish the word without the trie
        while (i < n && letterIndex(text.charCodeAt(i)) >= 0) i++;
        return -i;
      }
      const tag = tagOf[node] ?? 0;
      return tag > 0 ? i * 64 + tag : -i;
    },
    word(text: string, start: number, end: number): string | null {
      const node = walk(trie, text, start, end);
      return node > 0 ? wordOf[node]! : null;
    },
    spells(text: string, start: number): boolean {
      let node = 0;
      for (let i = start; ; i++) {
        const c = letterIndex(text.charCodeAt(i));
        if (c < 0) return node !== 0 && (tagOf[node] ?? 0) > 0;
        node = trie[node * 26 + c]!;
        if (node === 0) return false;
      }
    },
  };
}

/** 0-25 for an ASCII letter of either case, -1 for anything else (NaN past the end included). */
function letterIndex(c: number): number {
  if (c >= 97 && c <= 122) return c - 97;
  if (c >= 65 && c <= 90) return c - 65;
  return -1;
}

/** The node the ASCII letters `text[start, end)` lead to (any case), or 0 when they leave the trie. */
function walk(trie: Int32Array, text: string, start: number, end: number): number {
  let node = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c < 97 || c > 122) return 0;
    node = trie[node * 26 + (c - 97)]!;
    if (node === 0) return 0;
  }
  return node;
}

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
  return {
    match(text: string, start: number): number {
      let node = 0;
      let i = start;
      const n = text.length;
      while (i < n) {
        let c = text.charCodeAt(i);
        if (c >= 65 && c <= 90) c += 32;
        else if (c < 97 || c > 122) break;
        i++;
        node = trie[node * 26 + (c - 97)] ?? 0;
        if (node === 0) {
          // finish the word without the trie
          while (i < n) {
            const d = text.charCodeAt(i);
            if (!((d >= 65 && d <= 90) || (d >= 97 && d <= 122))) break;
            i++;
          }
          return -i;
        }
      }
      const tag = tagOf[node] ?? 0;
      return tag > 0 && i > start ? i * 64 + tag : -i;
    },
    word(text: string, start: number, end: number): string | null {
      const node = walk(trie, text, start, end);
      return node > 0 ? wordOf[node]! : null;
    },
  };
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

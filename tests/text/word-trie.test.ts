import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWordTrie } from '../../lib/text/word-trie';

const trie = createWordTrie([
  ['one', 1],
  ['once', 2],
  ['about', 3],
  ['a', 4],
]);

describe('createWordTrie', () => {
  it('matches whole runs of letters, case-insensitively, with their tag', () => {
    expect(trie.match('About 5', 0)).toBe(5 * 64 + 3);
    expect(trie.match('x ONCE', 2)).toBe(6 * 64 + 2);
    expect(trie.match('a', 0)).toBe(1 * 64 + 4);
    // A prefix of a word, a word with more letters, and no letters at all.
    expect(trie.match('on', 0)).toBe(-2);
    expect(trie.match('ones', 0)).toBe(-4);
    expect(trie.match('onerous day', 0)).toBe(-7);
    expect(trie.match('5', 0)).toBe(-0);
  });

  it('hands out the same lower-case word for any spelling of it, and null otherwise', () => {
    expect(trie.word('ONCE upon', 0, 4)).toBe('once');
    expect(trie.word('so once', 3, 7)).toBe('once');
    expect(trie.word('on', 0, 2)).toBeNull();
    expect(trie.word('on3', 0, 3)).toBeNull();
    expect(trie.word('oné', 0, 3)).toBeNull();
  });

  it('agrees with match on which letters spell one of its words', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z]{1,8}$/), (w) => {
        expect(trie.word(w, 0, w.length)).toBe(trie.match(w, 0) > 0 ? w.toLowerCase() : null);
      }),
      { numRuns: 2000 },
    );
  });
});

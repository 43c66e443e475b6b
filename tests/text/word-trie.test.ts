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

  it('matches as a plain reading of the letters would, from any start (one, two or more letters)', () => {
    const words = ['a', 'an', 'of', 'one', 'once', 'about', 'zz', 'q'];
    const tags = createWordTrie(words.map((w, k): [string, number] => [w, k + 1]));
    const reference = (text: string, start: number): number => {
      let end = start;
      while (end < text.length && /[A-Za-z]/.test(text[end] as string)) end++;
      const k = words.indexOf(text.slice(start, end).toLowerCase());
      return k >= 0 && end > start ? end * 64 + k + 1 : -end;
    };
    fc.assert(
      fc.property(fc.stringMatching(/^[aAnNoOfFzZqQbB1 é]{0,8}$/), fc.nat(8), (text, at) => {
        const start = Math.min(at, text.length);
        expect(tags.match(text, start)).toBe(reference(text, start));
      }),
      { numRuns: 3000 },
    );
  });

  it('says whether the letters from a start spell a word, as match does', () => {
    expect(trie.spells('Once upon', 0)).toBe(true);
    expect(trie.spells('onerous', 0)).toBe(false);
    expect(trie.spells('on', 0)).toBe(false);
    expect(trie.spells('a5', 0)).toBe(true);
    expect(trie.spells('5', 0)).toBe(false);
    fc.assert(
      fc.property(fc.stringMatching(/^[aAnNoOcCeEuUbBtT1 é]{0,8}$/), fc.nat(8), (text, at) => {
        const start = Math.min(at, text.length);
        expect(trie.spells(text, start)).toBe(trie.match(text, start) > 0);
      }),
      { numRuns: 3000 },
    );
  });
});

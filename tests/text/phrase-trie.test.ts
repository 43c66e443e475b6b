import { describe, expect, it } from 'vitest';
import { PhraseTrie } from '../../lib/text/phrase-trie';
import { tokenizeInto, Tokens, Vocabulary } from '../../lib/text/words';

describe('PhraseTrie', () => {
  it('finds the longest phrase at a position, within a limit, never at punctuation', () => {
    const vocab = new Vocabulary();
    const trie = new PhraseTrie<string>(vocab);
    trie.add('killed', 'k');
    trie.add('killed or wounded', 'kw');
    trie.add('Killed or Wounded', 'kw2'); // same words: values are merged
    const t = new Tokens();
    tokenizeInto(t, vocab, '500 killed or wounded, killed', 0, 29);
    const at = (i: number, limit = t.n): [number, readonly string[]] | undefined => {
      const node = trie.longestAt(t, i, limit);
      return node === 0 ? undefined : [trie.length(node), trie.values(node)];
    };
    expect(at(1)).toEqual([3, ['kw', 'kw2']]);
    expect(at(1, 3)).toEqual([1, ['k']]);
    expect(at(4)).toBeUndefined(); // the comma
    expect(at(5)).toEqual([1, ['k']]);
    expect(at(0)).toBeUndefined(); // "500" starts no phrase
  });

  it('walks phrases word by word (every phrase at a position, not only the longest)', () => {
    const vocab = new Vocabulary();
    const trie = new PhraseTrie<number>(vocab);
    trie.add('killed', 1);
    trie.add('killed or wounded', 2);
    const killed = trie.step(0, vocab.id('killed'));
    expect(trie.isPhrase(killed)).toBe(true);
    const or = trie.step(killed, vocab.id('or'));
    expect(or).toBeGreaterThan(0);
    expect(trie.isPhrase(or)).toBe(false);
    expect(trie.values(trie.step(or, vocab.id('wounded')))).toEqual([2]);
    expect(trie.step(0, vocab.id('wounded'))).toBe(0);
  });

  it('normalises phrases like page text', () => {
    const vocab = new Vocabulary();
    const trie = new PhraseTrie<string>(vocab);
    trie.add("North Korea's", 'nk');
    const text = 'NORTH KOREA’S troops';
    const t = new Tokens();
    tokenizeInto(t, vocab, text, 0, text.length);
    expect(trie.length(trie.longestAt(t, 0, t.n))).toBe(2);
  });

  it('keeps every phrase findable as the trie grows (hundreds of multi-word phrases)', () => {
    const vocab = new Vocabulary();
    const trie = new PhraseTrie<number>(vocab);
    const phrases = Array.from({ length: 600 }, (_, k) => `w${k % 37} x${k} y${k % 5}`);
    phrases.forEach((p, k) => trie.add(p, k));
    const t = new Tokens();
    phrases.forEach((p, k) => {
      tokenizeInto(t, vocab, p, 0, p.length);
      const node = trie.longestAt(t, 0, t.n);
      expect(trie.length(node), p).toBe(3);
      expect(trie.values(node)).toEqual([k]);
    });
    tokenizeInto(t, vocab, 'w1 x2 y2', 0, 8); // w1 is a first word, but "w1 x2" no phrase
    expect(trie.longestAt(t, 0, t.n)).toBe(0);
  });
});

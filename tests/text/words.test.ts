import { describe, expect, it } from 'vitest';
import { PhraseSet, phraseNorms, tokenizeWords, wordRange } from '../../lib/text/words';

describe('tokenizeWords', () => {
  it('folds case, drops possessives, dots and apostrophes, splits hyphens', () => {
    const text = "North Korea's U.S.-made Ukraine-occupied O'Brien Pyongyang’s";
    expect(tokenizeWords(text).map((w) => w.norm)).toEqual([
      'north',
      'korea',
      'us',
      'made',
      'ukraine',
      'occupied',
      'obrien',
      'pyongyang',
    ]);
    const korea = tokenizeWords(text)[1];
    expect(korea?.poss).toBe(true);
    expect(text.slice(korea?.start, korea?.end)).toBe('Korea');
  });

  it('keeps numbers whole and marks punctuation used by the cue logic', () => {
    const words = tokenizeWords('About 12,000 (1.5 times); “11th” said: — x');
    expect(words.map((w) => `${w.kind}:${w.norm}`)).toEqual([
      'w:about',
      'n:12000',
      'p:(',
      'n:1.5',
      'w:times',
      'p:)',
      'p:;',
      'p:q<',
      'n:11th',
      'p:q>',
      'w:said',
      'p::',
      'p:-',
      'w:x',
    ]);
  });

  it('folds diacritics and tokenises only the given range', () => {
    const text = 'xx Zelenskyy’s Kyïv yy';
    expect(tokenizeWords(text, 3, 19).map((w) => w.norm)).toEqual(['zelenskyy', 'kyiv']);
  });
});

describe('PhraseSet', () => {
  it('finds the longest phrase at a position and all phrases on request', () => {
    const set = new PhraseSet<string>();
    set.add('killed', 'k');
    set.add('killed or wounded', 'kw');
    set.add('Killed or Wounded', 'kw2'); // same words: values are merged
    const words = tokenizeWords('500 killed or wounded, killed');
    expect(set.longestAt(words, 1)).toEqual({ len: 3, values: ['kw', 'kw2'] });
    expect(set.longestAt(words, 1, 3)).toEqual({ len: 1, values: ['k'] });
    expect(set.allAt(words, 1).map((m) => m.len)).toEqual([3, 1]);
    expect(set.longestAt(words, 4)).toBeUndefined(); // the comma
    expect(set.longestAt(words, 5)).toEqual({ len: 1, values: ['k'] });
  });

  it('normalises phrases like page text', () => {
    expect(phraseNorms("North Korea's")).toEqual(['north', 'korea']);
  });
});

describe('wordRange', () => {
  it('returns the words overlapping a character span', () => {
    const text = 'about 12,000 North Korean troops';
    const words = tokenizeWords(text);
    expect(wordRange(words, 0, 12)).toEqual([0, 2]);
    expect(wordRange(words, 8, 12)).toEqual([1, 2]); // a span starting inside a word
    expect(wordRange(words, 13, 25)).toEqual([2, 4]);
  });
});

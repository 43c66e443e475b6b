import { describe, expect, it } from 'vitest';
import {
  phraseNorms,
  tokenizeInto,
  tokenizeWords,
  tokenRangeFrom,
  tokenRangeTo,
  Tokens,
  Vocabulary,
} from '../../lib/text/words';

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

describe('Vocabulary and tokenizeInto', () => {
  it('give every token the id of its normalised form (0 when not interned)', () => {
    const text =
      "North Korea's U.S.-made O'Brien Pyongyang’s Zelenskyy’s Kyïv ÉCOLE 12,000 1.5 11TH “said” — x; (y) e.g. the THE";
    const reference = tokenizeWords(text);
    const vocab = new Vocabulary();
    // Intern every other token's norm, so both hits and misses are checked.
    reference.forEach((w, k) => {
      if (k % 2 === 0) vocab.intern(w.norm);
    });
    vocab.intern('kyiv'); // non-ASCII words take the slow path: one of them interned

    const t = new Tokens();
    tokenizeInto(t, vocab, text, 0, text.length);
    expect(t.n).toBe(reference.length);
    reference.forEach((w, k) => {
      expect([t.start[k], t.end[k], t.poss[k] === 1], w.norm).toEqual([w.start, w.end, w.poss === true]);
      expect(t.id[k], w.norm).toBe(vocab.id(w.norm));
    });
    expect(t.id[reference.findIndex((w) => w.norm === 'kyiv')]).toBeGreaterThan(0);
    expect(reference.filter((w) => w.norm === 'the')).toHaveLength(2);
  });

  it('keeps ids distinct and stable across growth', () => {
    const vocab = new Vocabulary();
    const words = Array.from({ length: 3000 }, (_, k) => `w${k.toString(36)}`);
    const ids = words.map((w) => vocab.intern(w));
    expect(new Set(ids).size).toBe(words.length);
    const text = words.join(' ');
    const t = new Tokens();
    tokenizeInto(t, vocab, text, 0, text.length);
    expect(Array.from(t.id.subarray(0, t.n))).toEqual(ids);
    expect(vocab.norm(ids[7] as number)).toBe(words[7]);
    expect(vocab.id('absent')).toBe(0);
  });

  it('finds the same ids once compacted, and takes new words after', () => {
    const vocab = new Vocabulary();
    const words = ['troops', 'troop', 'soldiers', 'killed', 'or', 'wounded', '12000', '1.5', 'us'];
    for (const w of words) vocab.intern(w);
    const text = 'Troops, troop SOLDIERS killed or wounded: 12,000 of 1.5 U.S. trooper';
    const ids = () => {
      const t = new Tokens();
      tokenizeInto(t, vocab, text, 0, text.length);
      return Array.from(t.id.subarray(0, t.n));
    };
    const before = ids();
    for (const w of words) expect(before, w).toContain(vocab.id(w));
    vocab.compact();
    expect(vocab.dfa).toBeInstanceOf(Uint16Array);
    expect(ids()).toEqual(before);
    const trooper = vocab.intern('trooper');
    expect(vocab.dfa).toBeInstanceOf(Int32Array);
    expect(ids().at(-1)).toBe(trooper);
    expect(ids().slice(0, -1)).toEqual(before.slice(0, -1));
  });

  it('stays 32-bit when its rows would not fit 16 bits', () => {
    const vocab = new Vocabulary();
    for (let k = 0; k < 3000; k++) vocab.intern(`w${k.toString(36)}x${k}`);
    vocab.compact();
    expect(vocab.dfa).toBeInstanceOf(Int32Array);
  });
});

describe('tokenRangeFrom / tokenRangeTo', () => {
  it('give the tokens overlapping a character span', () => {
    const text = 'about 12,000 North Korean troops';
    const t = new Tokens();
    tokenizeInto(t, new Vocabulary(), text, 0, text.length);
    const range = (start: number, end: number): [number, number] => {
      const from = tokenRangeFrom(t, start);
      return [from, tokenRangeTo(t, from, end)];
    };
    expect(range(0, 12)).toEqual([0, 2]);
    expect(range(8, 12)).toEqual([1, 2]); // a span starting inside a token
    expect(range(13, 25)).toEqual([2, 4]);
    expect(range(33, 40)).toEqual([5, 5]); // past the last token
  });
});

describe('phraseNorms', () => {
  it('normalises a cue phrase like page text, without punctuation', () => {
    expect(phraseNorms("North Korea's")).toEqual(['north', 'korea']);
    expect(phraseNorms('closed-door briefing, by')).toEqual(['closed', 'door', 'briefing', 'by']);
  });
});

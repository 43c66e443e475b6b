import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerWord, numberWord } from '../../lib/text/number-words';

describe('numberWord', () => {
  it('knows cardinals, scales, plurals and ordinals', () => {
    expect(numberWord('twelve')?.value).toBe(12);
    expect(numberWord('million')?.value).toBe(1e6);
    expect(numberWord('hundreds')?.plural).toBe(true);
    expect(numberWord('fifths')?.value).toBe(5);
    expect(numberWord('troops')).toBeUndefined();
  });
});

describe('lowerWord', () => {
  it('is text.slice(start, end).toLowerCase(), shared for the words of the vocabulary', () => {
    expect(lowerWord('About 5', 0, 5)).toBe('about');
    expect(lowerWord('X PERCENT', 2, 9)).toBe('percent');
    expect(lowerWord('Kursk', 0, 5)).toBe('kursk');
    fc.assert(
      fc.property(
        fc.constantFrom('Percent', 'MILLION', 'over', 'Troops', 'Zürich', 'K\u212a', 'İn', 'point'),
        fc.string({ maxLength: 3 }),
        (word, tail) => {
          const text = word + tail;
          expect(lowerWord(text, 0, word.length)).toBe(word.toLowerCase());
        },
      ),
    );
  });
});

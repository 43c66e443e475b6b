import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFigures, scanFiguresStrict } from '../../lib/text/figures';
import type { Figure } from '../../lib/text/types';
import { QUALIFIERS } from '../../lib/dataset/types';

/** The invariants every result must satisfy, whatever the input. */
function checkInvariants(text: string, figs: Figure[]): void {
  let prevEnd = 0;
  for (const f of figs) {
    expect(f.start).toBeGreaterThanOrEqual(prevEnd);
    expect(f.start).toBeLessThan(f.end);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(Number.isFinite(f.value.low)).toBe(true);
    if (f.value.high !== null) {
      expect(Number.isFinite(f.value.high)).toBe(true);
      expect(f.value.low).toBeLessThanOrEqual(f.value.high);
    }
    expect(QUALIFIERS).toContain(f.qualifier);
    prevEnd = f.end;
  }
}

// Pieces that exercise the number grammar when glued together in any order.
const FRAGMENTS = [
  '0',
  '1',
  '7',
  '12',
  '2024',
  '90210',
  ',',
  ',000',
  '.',
  '.5',
  '-',
  '–',
  '~',
  '/',
  ':',
  '^',
  'e',
  '%',
  '$',
  '£',
  '€',
  '₩',
  '½',
  '+',
  '<',
  '>',
  '=',
  ' ',
  '\u00a0',
  '\u2009',
  '\n',
  'k',
  'm',
  'M',
  'bn',
  'th',
  'one',
  'two',
  'twenty',
  'hundred',
  'thousand',
  'million',
  'dozen',
  'dozens',
  'half',
  'a',
  'an',
  'and',
  'or',
  'more',
  'than',
  'less',
  'at least',
  'up to',
  'about',
  'between',
  'from',
  'to',
  'over',
  'out of',
  'in',
  'point',
  'fifths',
  'third',
  'quarter',
  'percent',
  'per cent',
  'dollars',
  'minus',
  'several',
  'tens of',
  'November',
  'years',
  'equal to',
  'or more',
  'F-',
  'US$',
  'http://',
];

const numberish = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 24 }).map((parts) => parts.join(''));
const spacedNumberish = fc
  .array(fc.constantFrom(...FRAGMENTS), { maxLength: 24 })
  .map((parts) => parts.join(' '));

describe('findFigures: properties', () => {
  it('holds its invariants on arbitrary grapheme strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        checkInvariants(text, scanFiguresStrict(text));
      }),
      { numRuns: 500 },
    );
  });

  it('holds its invariants on arbitrary UTF-16 (lone surrogates included)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.string({ unit: 'grapheme-ascii', maxLength: 50 }),
        (a, b) => {
          const text = a + b;
          checkInvariants(text, scanFiguresStrict(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('holds its invariants on strings built from number-ish fragments', () => {
    fc.assert(
      fc.property(fc.oneof(numberish, spacedNumberish), (text) => {
        checkInvariants(text, scanFiguresStrict(text));
        expect(findFigures(text)).toEqual(scanFiguresStrict(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads digit values exactly as Number reads the digits', () => {
    // Grouped integers up to 2^53 (short ones are computed, long ones parsed) and decimals.
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const figs = scanFiguresStrict(`some ${n.toLocaleString('en-US')} troops`);
        expect(figs.map((f) => f.value.low)).toEqual([n]);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.stringMatching(/^[0-9]{1,12}$/), (i, frac) => {
        const figs = scanFiguresStrict(`about ${i}.${frac} tonnes`);
        expect(figs.map((f) => f.value.low)).toEqual([Number(`${i}.${frac}`)]);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9][0-9]{15,21}$/), (digits) => {
        const figs = scanFiguresStrict(`about ${digits} grains`);
        expect(figs.map((f) => f.value.low)).toEqual([Number(digits)]);
      }),
      { numRuns: 300 },
    );
  });

  it('scales by powers of ten exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_000_000 }), fc.stringMatching(/^[0-9]{1,3}$/), (n, frac) => {
        expect(scanFiguresStrict(`${n} million people`)[0]?.value.low).toBe(n * 1e6);
        expect(scanFiguresStrict(`$${n}.${frac}bn in aid`)[0]?.value.low).toBe(Number(`${n}.${frac}e9`));
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(fc.oneof(numberish, spacedNumberish, fc.string({ unit: 'grapheme' })), (text) => {
        expect(findFigures(text)).toEqual(findFigures(text));
      }),
      { numRuns: 500 },
    );
  });

  it('finds a figure after a prefix whatever the prefix is', () => {
    // a figure set off by a sentence break is found no matter what came before
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 60 }), (prefix) => {
        const text = `${prefix}.\n\nOfficials counted 12,345 ballots.`;
        const figs = scanFiguresStrict(text);
        checkInvariants(text, figs);
        const last = figs[figs.length - 1];
        expect(last?.text).toBe('12,345');
        expect(last?.value).toEqual({ low: 12345, high: 12345 });
      }),
      { numRuns: 500 },
    );
  });
});

/**
 * Holds the figure scanner against Microsoft Recognizers-Text's English number specs
 * (shared/conformance/recognizers-text, MIT). Every case must agree except the deliberate
 * deviations listed below, each with its reason; a listed deviation that starts agreeing fails the
 * test too, so the list stays honest.
 *
 * How the models map onto `Figure`:
 * - NumberModel knows neither qualifiers nor currencies. A reference number that sits inside one of
 *   our money or qualified figures ("$20" → "20", "more than half" → "half",
 *   "hundred thousand dollars" → "hundred thousand") agrees when it lies within our span and has
 *   the same value. Values compare with a relative tolerance of 1e-9 (the reference rounds to 15
 *   significant digits).
 * - NumberRangeModel reports only ranges and bounds, so our bare exact figures are not compared
 *   ("equal to N" is, as `[N,N]`). A bound compares with its bracket: more-than `(N,)`, at-least
 *   `[N,)`, fewer-than `(,N)`, up-to `(,N]`. A two-sided range compares its two numbers only: a
 *   `Figure` range is a plain low–high pair, it cannot say whether each end is open (the reference
 *   writes "between 20 and 30" as `[20,30)` by convention).
 * - PercentModel: our figures with unit `percent`, value N compared with "N%".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findFigures } from '../../lib/text/figures';
import type { Figure } from '../../lib/text/types';

const DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../shared/conformance/recognizers-text',
);

interface Result {
  Text: string;
  TypeName: string;
  Resolution: { value: string };
  Start: number;
  End: number;
}
interface Case {
  Input: string;
  Results: Result[];
}

type Model = 'NumberModel' | 'NumberRangeModel' | 'PercentModel';

/** Deliberate deviations: `Model: Input` → why Crosscheck differs. */
const DEVIATIONS = new Map<string, string>([
  // Versions, addresses and dates are not figures for a news reader.
  ['NumberModel: 192.168.1.2', 'dotted number groups are versions/IP addresses, not figures'],
  ['NumberModel: Any time to meet on 5/17/2018?', 'a date, not three figures'],
  ['NumberModel: My phone number is +1-222-2222/2222', 'a phone number, not four figures'],
  ['NumberModel: 423 0000 will be recognized as two numbers.', '"0000" is a zero-led code, not a figure'],
  ['NumberModel: SCP-173', 'digits hyphen-glued to letters are names (F-16, Su-34, Covid-19)'],
  // Ordinals are not figures.
  ['NumberRangeModel: He ranks between the tenth and the fifteenth.', 'ordinals (ranks) are not figures'],
  [
    'NumberRangeModel: He ranks higher than the tenth but lower than the fifteenth.',
    'ordinals (ranks) are not figures',
  ],
  // European notation in an English reader.
  ['NumberModel: 1.111,11, 1,111.11', 'dot-thousands/comma-decimal notation is not read in English text'],
  // Proportions.
  [
    'NumberRangeModel: How about more than 2 in 5',
    '"2 in 5" is a proportion: we read "more than 2 in 5" as more than 0.4, the reference as more than 2',
  ],
  [
    'NumberRangeModel: The number is from 200 to 300 in 2008',
    'the reference finds nothing here (it reads a date); "from 200 to 300" is a range for us',
  ],
  // Percent words without a number carry no value.
  ['PercentModel: Only a small percent attain the top ranks', 'no number: a Figure needs a value'],
  ['PercentModel: The table shows the % of increase in the last month', 'no number: a Figure needs a value'],
  ['PercentModel: How do I calculate a percentage?', 'no number: a Figure needs a value'],
]);

function load(model: Model): Case[] {
  return JSON.parse(readFileSync(path.join(DIR, `${model}.json`), 'utf8')) as Case[];
}

function sameNumber(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** The single number a figure stands for in NumberModel terms. */
function pointValue(f: Figure): number | null {
  if (f.qualifier === 'range') return null;
  if (f.qualifier === 'up-to' || f.qualifier === 'fewer-than') return f.value.high;
  return f.value.low;
}

function isWrapped(f: Figure): boolean {
  const currency = f.unit !== undefined && f.unit !== 'percent';
  return currency || f.qualifier !== 'exact' || /^equal/i.test(f.text);
}

function numberAgrees(f: Figure, r: Result): boolean {
  const v = pointValue(f);
  if (v === null || !sameNumber(v, Number(r.Resolution.value))) return false;
  const end = r.End + 1;
  if (f.start === r.Start && f.end === end) return f.text.toLowerCase() === r.Text.toLowerCase();
  return isWrapped(f) && f.start <= r.Start && f.end >= end;
}

function parseInterval(s: string): { lo: number | null; loIn: boolean; hi: number | null; hiIn: boolean } {
  const inner = s.slice(1, -1);
  const [a = '', b = ''] = inner.split(',');
  return {
    lo: a === '' ? null : Number(a),
    loIn: s.startsWith('['),
    hi: b === '' ? null : Number(b),
    hiIn: s.endsWith(']'),
  };
}

function rangeAgrees(f: Figure, r: Result): boolean {
  if (f.start !== r.Start || f.end !== r.End + 1) return false;
  const iv = parseInterval(r.Resolution.value);
  const { low, high } = f.value;
  switch (f.qualifier) {
    case 'range':
      return (
        iv.lo !== null && iv.hi !== null && sameNumber(iv.lo, low) && high !== null && sameNumber(iv.hi, high)
      );
    case 'more-than':
    case 'at-least':
      return (
        iv.hi === null && iv.lo !== null && sameNumber(iv.lo, low) && iv.loIn === (f.qualifier === 'at-least')
      );
    case 'fewer-than':
    case 'up-to':
      return (
        iv.lo === null &&
        iv.hi !== null &&
        high !== null &&
        sameNumber(iv.hi, high) &&
        iv.hiIn === (f.qualifier === 'up-to')
      );
    case 'exact':
      return (
        iv.lo !== null &&
        iv.hi !== null &&
        iv.loIn &&
        iv.hiIn &&
        sameNumber(iv.lo, low) &&
        sameNumber(iv.hi, low)
      );
    default:
      return false;
  }
}

function percentAgrees(f: Figure, r: Result): boolean {
  const v = r.Resolution.value;
  if (!v.endsWith('%')) return false;
  return f.start === r.Start && f.end === r.End + 1 && sameNumber(f.value.low, Number(v.slice(0, -1)));
}

function relevant(model: Model, figures: Figure[]): Figure[] {
  if (model === 'NumberRangeModel')
    return figures.filter((f) => f.qualifier !== 'exact' || /^equal/i.test(f.text));
  if (model === 'PercentModel') return figures.filter((f) => f.unit === 'percent');
  return figures;
}

function agrees(model: Model, c: Case): boolean {
  const ours = relevant(model, findFigures(c.Input));
  if (ours.length !== c.Results.length) return false;
  const cmp =
    model === 'NumberModel' ? numberAgrees : model === 'NumberRangeModel' ? rangeAgrees : percentAgrees;
  return c.Results.every((r, i) => {
    const f = ours[i];
    return f !== undefined && cmp(f, r);
  });
}

function show(c: Case): string {
  const ours = findFigures(c.Input).map(
    (f) =>
      `${f.text}@${f.start}-${f.end} ${f.qualifier} ${f.value.low}..${f.value.high}${f.unit ? ' ' + f.unit : ''}`,
  );
  const theirs = c.Results.map((r) => `${r.Text}@${r.Start}-${r.End + 1} ${r.Resolution.value}`);
  return `${JSON.stringify(c.Input)}\n    ours:   ${JSON.stringify(ours)}\n    theirs: ${JSON.stringify(theirs)}`;
}

describe('Recognizers-Text conformance', () => {
  for (const model of ['NumberModel', 'NumberRangeModel', 'PercentModel'] as const) {
    it(`${model}: agrees outside the listed deviations`, () => {
      const cases = load(model);
      let passed = 0;
      let failed = 0;
      const unexpected: string[] = [];
      const stale: string[] = [];
      for (const c of cases) {
        const ok = agrees(model, c);
        if (ok) passed++;
        else failed++;
        const deviation = DEVIATIONS.has(`${model}: ${c.Input}`);
        if (!ok && !deviation) unexpected.push(show(c));
        if (ok && deviation) stale.push(`${c.Input} (listed as a deviation but agrees now)`);
      }
      console.log(
        `${model}: ${passed} passed, ${failed} failed (${failed - unexpected.length} of them documented deviations)`,
      );
      expect(cases.length).toBeGreaterThan(0);
      expect(unexpected.join('\n')).toBe('');
      expect(stale).toEqual([]);
    });
  }

  it('lists only deviations that exist in the specs', () => {
    const inputs = new Set<string>();
    for (const model of ['NumberModel', 'NumberRangeModel', 'PercentModel'] as const) {
      for (const c of load(model)) inputs.add(`${model}: ${c.Input}`);
    }
    for (const key of DEVIATIONS.keys()) expect(inputs.has(key), key).toBe(true);
  });
});

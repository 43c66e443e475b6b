/**
 * Property tests of the whole engine on arbitrary text (issue: "on arbitrary Unicode text the
 * engine never throws, offsets always slice to the reported text, and results are
 * deterministic"). `createEngine().scan` swallows a failing stage by design, so "never throws"
 * is checked on the stages themselves, without that safety net.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSourceFiles } from '../../cli/source-files';
import { checkAndCompile } from '../../lib/dataset/compile';
import { ATTRIBUTION_TYPES, type CompiledDataset } from '../../lib/dataset/types';
import { buildAliasIndex, type AliasIndex } from '../../lib/text/alias-index';
import { createAnnotator, createEngine, type Annotator, type Engine } from '../../lib/text/engine';
import { findFigures, scanFiguresStrict } from '../../lib/text/figures';
import { findNames } from '../../lib/text/names';
import type { ScanResult } from '../../lib/text/types';

let dataset: CompiledDataset;
let engine: Engine;
let index: AliasIndex;
let annotator: Annotator;

beforeAll(async () => {
  const compiled = checkAndCompile(await readSourceFiles('dataset'));
  expect(compiled.problems).toEqual([]);
  dataset = compiled.dataset as CompiledDataset;
  engine = createEngine(dataset);
  index = buildAliasIndex(dataset.entities);
  annotator = createAnnotator(dataset);
});

// Pieces of news prose that reach every stage: names, titles, figures, qualifiers, units, events,
// attribution cues, hedges, quotes, sentence and block boundaries.
const PIECES = [
  'Kim Yong Bok',
  'Kim Young-bok',
  'Major General Shin',
  'Shin Geum Chul',
  'General Kim',
  'NIS',
  'nis',
  'the Pentagon',
  'Zelensky',
  'KCNA',
  'Kursk',
  "Kursk's",
  'Korean People’s Army',
  'about',
  'more than',
  'between',
  'and',
  'up to',
  '12,000',
  '10,900',
  '5,000',
  'three',
  'hundreds of',
  'two dozen',
  '1.5 million',
  '$1.2bn',
  '40%',
  '10-12,000',
  '–',
  'North Korean',
  'troops',
  'soldiers',
  'officers',
  'generals',
  'killed',
  'wounded',
  'killed or wounded',
  'casualties',
  'sent to Russia',
  'an additional',
  'according to informed sources',
  'apparently',
  'It is said that',
  'told reporters',
  'said',
  'estimates',
  '“',
  '”',
  '"',
  '.',
  ',',
  ':',
  ' ',
  ' ',
  '\n\n',
  'Nov.',
  'November 20',
  '2024',
  '11th Corps',
  '03-1234-5678',
];

const newsLike = fc
  .array(fc.constantFrom(...PIECES), { maxLength: 60 })
  .chain((parts) =>
    fc
      .array(fc.constantFrom(' ', '', ' '), { minLength: parts.length, maxLength: parts.length })
      .map((gaps) => parts.map((p, i) => p + gaps[i]).join('')),
  );

const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  newsLike,
  fc.tuple(newsLike, fc.string({ unit: 'binary', maxLength: 20 }), newsLike).map((t) => t.join('')),
);

/** The invariants of a scan result on `text`. */
/** Checks a scan's invariants; `attributeAll`: the engine attributes every figure, else the linked ones. */
function checkResult(text: string, result: ScanResult, attributeAll = false): void {
  let end = 0;
  for (const n of result.names) {
    expect(n.start).toBeGreaterThanOrEqual(end);
    expect(n.end).toBeGreaterThan(n.start);
    expect(text.slice(n.start, n.end)).toBe(n.text);
    expect(dataset.entities.some((e) => e.id === n.entity)).toBe(true);
    end = n.end;
  }
  end = 0;
  for (const f of result.figures) {
    expect(f.start).toBeGreaterThanOrEqual(end);
    expect(text.slice(f.start, f.end)).toBe(f.text);
    if (f.quantity !== undefined) expect(dataset.quantities.some((q) => q.id === f.quantity)).toBe(true);
    end = f.end;
    const a = f.attribution;
    expect(a !== undefined).toBe(attributeAll || f.quantity !== undefined);
    if (a === undefined) continue;
    expect([...ATTRIBUTION_TYPES, 'unclear']).toContain(a.type);
    if (a.cue !== '') expect(text.slice(a.cueStart, a.cueEnd)).toBe(a.cue);
  }
}

describe('engine on arbitrary text', () => {
  it('no stage throws, even without the safety net', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const names = findNames(index, text);
        const figures = scanFiguresStrict(text);
        annotator.annotate(text, figures, names);
      }),
      { numRuns: 400 },
    );
  });

  it('finds what its stages find one by one (the shared walk and unit spots change nothing)', () => {
    // Linkable sentences whose unit noun the word tokeniser reads differently from the walk's
    // ASCII words (joined by an apostrophe or dots, split at "_", with a combining accent, in
    // full width…), or only in the sentence before ("5,000 of them", however spelt), among sentences and
    // blocks without any unit noun.
    const unit = fc.constantFrom(
      'troops', 'TROOPS', "sol'diers", 'sol’diers', 't.r.o.o.p.s', 'x_troops', 'tro\u0301ops',
      'ｔｒｏｏｐｓ', 'soldiérs', 'Soldiers’', 'sol\u00addiers', 'missiles', 'casualties',
    ); // prettier-ignore
    // "of them" as the word tokeniser may read it, past whatever it skips or folds.
    const ofThem = fc.constantFrom(
      ' of them', ' Of them', ' OF THESE', ',of whom', ' ^of them', '\tof\u00a0those', ' ｏｆ them',
      ' \u00adof them', ' "of them', ' ’of them', ' of’ them', ' off them', ' often them', 'of them',
    ); // prettier-ignore
    const sentence = fc.oneof(
      unit.map((u) => `About 12,000 North Korean ${u} were sent to Russia.`),
      fc
        .tuple(unit, ofThem)
        .map(([u, of]) => `North Korean ${u} arrived in Russia. About 5,000${of} were sent to Kursk.`),
      unit.map((u) => `In the strike, 300 North Korean ${u} were killed and 2,700 wounded.`),
      fc.constantFrom('Prices rose by 30 percent.', 'The talks lasted 3 hours.', 'It was 2024.'),
      fc.constantFrom(...PIECES),
    );
    const text = fc
      .array(fc.tuple(sentence, fc.constantFrom(' ', '\n\n', '\n')), { maxLength: 12 })
      .map((parts) => parts.map(([p, gap]) => p + gap).join(''));
    fc.assert(
      fc.property(fc.oneof(text, anyText), (t) => {
        const names = findNames(index, t);
        expect(engine.scan(t)).toEqual({ names, figures: annotator.annotate(t, findFigures(t), names) });
      }),
      { numRuns: 1500 },
    );
  });

  it('offsets slice to the reported text, in order, for names, figures and cues', () => {
    fc.assert(
      fc.property(anyText, (text) => checkResult(text, engine.scan(text))),
      { numRuns: 400 },
    );
  });

  it("with attribute: 'all', attributes every figure and otherwise finds the same", () => {
    const all = createEngine(dataset, { attribute: 'all' });
    fc.assert(
      fc.property(anyText, (text) => {
        const every = all.scan(text);
        checkResult(text, every, true);
        const linked = engine.scan(text);
        expect(every.names).toEqual(linked.names);
        const unattributedUnlinked = every.figures.map((f) => {
          if (f.quantity !== undefined) return f;
          const { attribution: _, ...rest } = f;
          return rest;
        });
        expect(linked.figures).toEqual(unattributedUnlinked);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic, also across engines built from the same dataset', () => {
    const other = createEngine(dataset);
    fc.assert(
      fc.property(anyText, (text) => {
        const first = engine.scan(text);
        expect(engine.scan(text)).toEqual(first);
        expect(other.scan(text)).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  it('links a seed sentence the same way, whatever text surrounds it', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        (before, after) => {
          const sentence = 'As of November, about 12,000 North Korean troops were sent to Russia.';
          const text = `${before}\n\n${sentence}\n\n${after}`;
          const at = before.length + 2;
          const figure = engine.scan(text).figures.find((f) => f.start === at + 16);
          expect(figure?.text).toBe('about 12,000');
          expect(figure?.quantity).toBe('nk-troops-in-russia');
        },
      ),
      { numRuns: 200 },
    );
  });
});

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSourceFiles } from '../../cli/source-files';
import { checkAndCompile } from '../../lib/dataset/compile';
import type { CompiledDataset } from '../../lib/dataset/types';
import { buildAliasIndex } from '../../lib/text/alias-index';
import { classifyAttribution } from '../../lib/text/attribution';
import { createAnnotator, createEngine, type Engine } from '../../lib/text/engine';
import { findFigures } from '../../lib/text/figures';
import { findNames } from '../../lib/text/names';
import { splitSentences } from '../../lib/text/sentences';
import type { ScanResult } from '../../lib/text/types';

const FIXTURES = new URL('../fixtures/pages/', import.meta.url);
const ARTICLE = readFileSync(new URL('seed-nk-troops-kursk.article.txt', FIXTURES), 'utf8');

interface ExpectedFigure {
  text: string;
  near: string;
  value?: { low: number; high: number | null };
  qualifier?: string;
  quantity: string;
  attribution?: string[];
  cue?: string;
}
interface Expected {
  figures: ExpectedFigure[];
  optionalFigures: ExpectedFigure[];
  names: { text: string; entity: string; minCount: number }[];
  notFigures: string[];
  attributionsInPage: { cue: string; type: string }[];
}
const EXPECTED = JSON.parse(
  readFileSync(new URL('seed-nk-troops-kursk.expected.json', FIXTURES), 'utf8'),
) as Expected;

let dataset: CompiledDataset;
let engine: Engine;
let result: ScanResult;

beforeAll(async () => {
  const files = await readSourceFiles(new URL('../../dataset', import.meta.url).pathname);
  const compiled = checkAndCompile(files);
  expect(compiled.problems).toEqual([]);
  dataset = compiled.dataset as CompiledDataset;
  engine = createEngine(dataset);
  result = engine.scan(ARTICLE);
});

/** The offset of `near` in the article (it must be there). */
function nearAt(near: string): number {
  const at = ARTICLE.indexOf(near);
  expect(at, `"${near}" is in the article`).toBeGreaterThanOrEqual(0);
  return at;
}

describe('engine on the seed article (real dataset)', () => {
  it('finds every expected figure with its value, qualifier, quantity and attribution', () => {
    for (const exp of EXPECTED.figures) {
      const near = nearAt(exp.near);
      const found = result.figures
        .filter((f) => f.text === exp.text)
        .sort((a, b) => Math.abs(a.start - near) - Math.abs(b.start - near))[0];
      expect(found, `${exp.text} near "${exp.near}"`).toBeDefined();
      if (!found) continue;
      expect(Math.abs(found.start - near), exp.near).toBeLessThan(120);
      expect(ARTICLE.slice(found.start, found.end)).toBe(found.text);
      if (exp.value) expect(found.value).toEqual(exp.value);
      if (exp.qualifier) expect(found.qualifier).toBe(exp.qualifier);
      expect(found.quantity, `${exp.text} near "${exp.near}"`).toBe(exp.quantity);
      expect(exp.attribution, `${exp.text}: ${JSON.stringify(found.attribution)}`).toContain(
        found.attribution?.type,
      );
      if (exp.cue !== undefined) {
        expect(found.attribution?.cue).toBe(exp.cue);
        const a = found.attribution;
        expect(ARTICLE.slice(a?.cueStart, a?.cueEnd)).toBe(exp.cue);
      }
    }
  });

  it('links no figure beyond the expected (and optional) ones', () => {
    const allowed = [...EXPECTED.figures, ...EXPECTED.optionalFigures].map((e) => ({
      e,
      at: nearAt(e.near),
    }));
    for (const f of result.figures.filter((x) => x.quantity !== undefined)) {
      const match = allowed.find(
        ({ e, at }) => e.text === f.text && e.quantity === f.quantity && Math.abs(f.start - at) < 120,
      );
      expect(match, `unexpected link ${f.text}@${f.start} → ${f.quantity}`).toBeDefined();
    }
  });

  it('attributes the figures it links, and only those by default', () => {
    expect(result.figures.length).toBeGreaterThanOrEqual(EXPECTED.figures.length);
    expect(result.figures.some((f) => f.quantity === undefined)).toBe(true);
    for (const f of result.figures) {
      if (f.quantity === undefined) expect(f.attribution, f.text).toBeUndefined();
      else expect(f.attribution?.type, f.text).toBeTypeOf('string');
    }
  });

  it("attributes every figure with attribute: 'all', the linked ones the same way", () => {
    const all = createEngine(dataset, { attribute: 'all' }).scan(ARTICLE);
    expect(all.names).toEqual(result.names);
    expect(all.figures.map(({ attribution: _, ...f }) => f)).toEqual(
      result.figures.map(({ attribution: _, ...f }) => f),
    );
    all.figures.forEach((f, k) => {
      expect(f.attribution?.type, f.text).toBeTypeOf('string');
      if (f.quantity !== undefined) expect(f.attribution).toEqual(result.figures[k]?.attribution);
    });
  });

  it('finds the expected names', () => {
    for (const exp of EXPECTED.names) {
      const count = result.names.filter((n) => n.text === exp.text && n.entity === exp.entity).length;
      expect(count, `${exp.text} (${exp.entity})`).toBeGreaterThanOrEqual(exp.minCount);
    }
  });

  it('classifies the attribution cues of the page (sentence level)', () => {
    const names = findNames(buildAliasIndex(dataset.entities), ARTICLE);
    const byId = new Map(dataset.entities.map((e) => [e.id, e]));
    const sentences = splitSentences(ARTICLE);
    for (const exp of EXPECTED.attributionsInPage) {
      const at = nearAt(exp.cue);
      const sentence = sentences.find((s) => s.start <= at && at < s.end);
      expect(sentence).toBeDefined();
      if (!sentence) continue;
      const got = classifyAttribution(ARTICLE, sentence, null, names, byId);
      expect(got).toMatchObject({ type: exp.type, cue: exp.cue, cueStart: at, cueEnd: at + exp.cue.length });
    }
  });
});

describe('quantity links of figures in one sentence (real dataset)', () => {
  /** The quantity of each figure of `sentence` scanned alone, by figure text. */
  function links(sentence: string): Record<string, string | undefined> {
    return Object.fromEntries(engine.scan(sentence).figures.map((f) => [f.text, f.quantity]));
  }

  it('links each of two figures to its own quantity ("300 killed and 2,700 wounded")', () => {
    const killedWounded = { killed: 'nk-killed', wounded: 'nk-wounded' };
    const cases: [string, string, string][] = [
      ['About 300 North Korean soldiers were killed and 2,700 wounded, the NIS said.', 'About 300', '2,700'],
      ['North Korea has lost about 300 killed and 2,700 wounded, the NIS said.', 'about 300', '2,700'],
      [
        'Roughly 300 North Korean soldiers have been killed and 2,700 wounded, according to the NIS.',
        'Roughly 300',
        '2,700',
      ],
    ];
    for (const [sentence, first, second] of cases) {
      expect(links(sentence), sentence).toEqual({
        [first]: killedWounded.killed,
        [second]: killedWounded.wounded,
      });
    }
  });

  it('"killed or injured", "dead or wounded", "killed and injured" are casualties, never killed', () => {
    for (const sentence of [
      'Ukraine said at least 3,000 North Korean troops were killed or injured.',
      'Some 4,000 North Korean soldiers are dead or wounded, officials said.',
      'About 1,000 North Korean troops were killed and injured in Kursk.',
      'About 3,000 North Korean soldiers were killed or wounded.',
    ]) {
      expect(Object.values(links(sentence)), sentence).toEqual(['nk-casualties']);
    }
  });

  it('a figure alone with "killed" or "wounded" links to the cumulative quantity, not a strike', () => {
    expect(links('About 300 North Korean soldiers were killed, the NIS said.')).toEqual({
      'About 300': 'nk-killed',
    });
    expect(links('About 2,700 North Korean soldiers were wounded, the NIS said.')).toEqual({
      'About 2,700': 'nk-wounded',
    });
  });

  it("keeps the seed sentences' quantities when scanned alone", () => {
    expect(
      links(
        'On November 20, about 500 North Korean troops, including a general, were killed in a Storm Shadow strike in Kursk.',
      ),
    ).toEqual({ 'about 500': 'kursk-strike-2024-11-20-nk-killed' });
    expect(links('North Korean casualties in this Storm Shadow attack totaled about 2,000.')).toEqual({
      'about 2,000': 'kursk-strike-2024-11-20-nk-casualties',
    });
    expect(
      links('Among North Korean troops sent to Russia are about 500 officers, including three generals.'),
    ).toEqual({ 'about 500': 'nk-officers-in-russia', three: 'nk-generals-in-russia' });
  });
});

describe('engine robustness and speed', () => {
  it('never throws and returns consistent offsets on odd input', () => {
    const odd = [
      '',
      '\n\n\n',
      '...',
      '\uD800 12,000 \uDFFF',
      '1'.repeat(5000),
      'a.'.repeat(3000),
      '“'.repeat(100),
    ];
    for (const text of odd) {
      const r = engine.scan(text);
      for (const f of r.figures) expect(text.slice(f.start, f.end)).toBe(f.text);
      for (const n of r.names) expect(text.slice(n.start, n.end)).toBe(n.text);
    }
  });

  it('scans in linear time (a floor far below the budget, to survive shared CPUs; npm run bench checks the budget)', () => {
    const text = `${ARTICLE}\n\n`.repeat(200);
    engine.scan(text);
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      engine.scan(text);
      best = Math.min(best, performance.now() - t0);
    }
    expect(text.length / 1e6 / (best / 1000)).toBeGreaterThan(1);
  });
});

describe('engine buffers and blocks', () => {
  it('keeps every field of each figure the figure finder returns', () => {
    const found = findFigures(ARTICLE);
    expect(result.figures).toHaveLength(found.length);
    result.figures.forEach((f, k) => {
      const { quantity: _q, attribution: _a, ...own } = f;
      expect(own).toEqual(found[k]);
    });
  });

  it('annotates copies of the figures it is given (scan annotates its own in place, same answers)', () => {
    const annotator = createAnnotator(dataset);
    const names = findNames(buildAliasIndex(dataset.entities), ARTICLE);
    const figures = findFigures(ARTICLE);
    const before = JSON.stringify(figures);
    const annotated = annotator.annotate(ARTICLE, figures, names);
    expect(JSON.stringify(figures)).toBe(before);
    annotated.forEach((f, k) => expect(f).not.toBe(figures[k]));
    expect(annotated.some((f) => f.quantity !== undefined)).toBe(true);
    expect(engine.scan(ARTICLE).figures).toEqual(annotated);
  });

  it('gives the same answers scan after scan (its buffers are reused) as a fresh engine', () => {
    const other = 'Seoul said about 3,000 North Korean troops were sent.\n\nCNN reported 200 more.';
    const fresh = (text: string) => createEngine(dataset).scan(text);
    for (const text of [other, ARTICLE, other, `${ARTICLE}\n\n${other}`]) {
      expect(engine.scan(text)).toEqual(fresh(text));
    }
  });

  it('splits only the blocks it needs: figure-free blocks in between change nothing', () => {
    const annotator = createAnnotator(dataset);
    const names = findNames(buildAliasIndex(dataset.entities), ARTICLE);
    const figures = findFigures(ARTICLE);
    const filler = 'Nothing to count here. Only words, said nobody.';
    // Insert a figure-free block after every block; shift names and figures accordingly.
    const blocks = ARTICLE.split('\n\n');
    const text = blocks.map((b) => `${b}\n\n${filler}`).join('\n\n');
    const origStart = [0];
    const newStart = [0];
    blocks.forEach((b, i) => {
      origStart.push((origStart[i] as number) + b.length + 2);
      newStart.push((newStart[i] as number) + b.length + 2 + filler.length + 2);
    });
    const shift = (offset: number): number => {
      let i = 0;
      while (i + 1 < blocks.length && (origStart[i + 1] as number) <= offset) i++;
      return offset + (newStart[i] as number) - (origStart[i] as number);
    };
    const moved = <T extends { start: number; end: number }>(x: T): T => ({
      ...x,
      start: shift(x.start),
      end: shift(x.end),
    });
    const expected = annotator.annotate(ARTICLE, figures, names).map((f) => {
      const a = f.attribution;
      return moved({
        ...f,
        attribution:
          a && a.cueStart !== undefined
            ? { ...a, cueStart: shift(a.cueStart), cueEnd: shift(a.cueEnd ?? 0) }
            : a,
      });
    });
    const got = annotator.annotate(text, figures.map(moved), names.map(moved));
    expect(got).toEqual(expected);
    for (const f of got) expect(text.slice(f.start, f.end)).toBe(f.text);
  });
});

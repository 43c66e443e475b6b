/**
 * Acceptance test (DESIGN §10): the seed article through the same pipeline as `npm run scan`
 * (happy-dom → findArticleRoot → text blocks → engine built from the real, compiled `dataset/`)
 * must give what tests/fixtures/pages/seed-nk-troops-kursk.expected.json says.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHtml, type LoadedDocument } from '../cli/dom';
import { loadEngine } from '../cli/load-engine';
import { extractArticle, type ExtractedArticle } from '../lib/page/extract';
import type { CompiledDataset, PageAttributionType, Qualifier } from '../lib/dataset/types';
import { classifyAttribution } from '../lib/text/attribution';
import { splitSentences } from '../lib/text/sentences';
import type { ScanResult, ScannedFigure } from '../lib/text/types';

interface ExpectedFigure {
  text: string;
  near: string;
  value: { low: number; high: number | null };
  qualifier: Qualifier;
  quantity: string;
  attribution: PageAttributionType[];
  cue?: string;
}

interface Expected {
  figures: ExpectedFigure[];
  optionalFigures: { text: string; near: string; quantity: string }[];
  names: { text: string; entity: string; minCount: number }[];
  notFigures: string[];
  nothingMarkedIn: string[];
  attributionsInPage: { cue: string; type: PageAttributionType }[];
}

const html = readFileSync(new URL('./fixtures/pages/seed-nk-troops-kursk.html', import.meta.url), 'utf8');
const expected = JSON.parse(
  readFileSync(new URL('./fixtures/pages/seed-nk-troops-kursk.expected.json', import.meta.url), 'utf8'),
) as Expected;

/** How far (in characters, same paragraph) a figure may sit from its `near` phrase. */
const NEAR_DISTANCE = 160;

let page: LoadedDocument;
let extracted: ExtractedArticle;
let article: string;
let result: ScanResult;
let dataset: CompiledDataset;

beforeAll(async () => {
  page = loadHtml(html);
  extracted = extractArticle(page.document);
  article = extracted.text;
  const loaded = await loadEngine();
  if ('problems' in loaded)
    throw new Error(`the bundled dataset does not check:\n${loaded.problems.join('\n')}`);
  dataset = loaded.dataset;
  result = loaded.engine.scan(article);
});

afterAll(async () => {
  await page.close();
});

/** Start offsets of every occurrence of `needle` in `haystack`. */
function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** True when `figure` sits within NEAR_DISTANCE of an occurrence of `near`, in the same paragraph. */
function isNear(figure: ScannedFigure, near: string): boolean {
  return occurrences(article, near).some((at) => {
    const from = Math.min(at, figure.start);
    const to = Math.max(at + near.length, figure.end);
    return (
      to - from <= near.length + figure.text.length + NEAR_DISTANCE &&
      !article.slice(from, to).includes('\n\n')
    );
  });
}

const describeFigure = (f: ScannedFigure): string =>
  `"${f.text}" at ${f.start} (quantity ${f.quantity ?? 'none'}): …${article.slice(Math.max(0, f.start - 40), f.end + 40)}…`;

describe('seed article: extraction', () => {
  it('extracts the article, headline first, author bio last', () => {
    expect(extracted.root.localName).toBe('article');
    expect(article.split('\n\n')[0]).toBe(
      '500 North Korean Troops, Including a General, Killed in Storm Shadow Strike in Kursk',
    );
    expect(article.endsWith('He covers South and North Koreas.')).toBe(true);
  });

  it.each(expected.nothingMarkedIn)('takes no text from %s', (selector) => {
    const regions = Array.from(page.document.querySelectorAll(selector));
    expect(regions.length).toBeGreaterThan(0);
    for (const region of regions) {
      // By DOM identity: no block reads a Text node inside the region…
      for (const block of extracted.blocks) {
        for (const piece of block.nodes) expect(region.contains(piece.node)).toBe(false);
      }
      // …and by content: none of its own words show up in the article.
      const own = (region.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (own.length > 0 && selector !== 'header.site') expect(article).not.toContain(own);
    }
  });

  it.each([
    'reader_1024',
    'Draft: the general',
    'Editable note',
    'Most read',
    '03-1234-5678',
    '100-0001',
    '90210',
    '__analytics',
  ])('does not contain the page furniture "%s"', (furniture) => {
    expect(article).not.toContain(furniture);
  });
});

describe('seed article: figures', () => {
  it('marks exactly the expected figures, in order (optional ones allowed)', () => {
    const marked = result.figures.filter((f) => f.quantity !== undefined);
    let next = 0;
    for (const figure of marked) {
      const want = expected.figures[next];
      if (want !== undefined && figure.text === want.text && isNear(figure, want.near)) {
        next++;
        continue;
      }
      const optional = expected.optionalFigures.some(
        (o) => o.text === figure.text && o.quantity === figure.quantity && isNear(figure, o.near),
      );
      expect(
        optional,
        `unexpected marked figure ${describeFigure(figure)}; next expected "${want?.text}" near "${want?.near}"`,
      ).toBe(true);
    }
    expect(
      next,
      `expected figure not marked: "${expected.figures[next]?.text}" near "${expected.figures[next]?.near}"`,
    ).toBe(expected.figures.length);
  });

  it.each(expected.figures.map((want, i) => [i, want] as const))('figure %i: %o', (_i, want) => {
    const candidates = result.figures.filter((f) => f.text === want.text && isNear(f, want.near));
    expect(candidates.length, `no figure "${want.text}" near "${want.near}"`).toBeGreaterThan(0);
    const figure = candidates.find((f) => f.quantity !== undefined) ?? candidates[0]!;
    expect(article.slice(figure.start, figure.end)).toBe(figure.text);
    expect(figure.value).toEqual(want.value);
    expect(figure.qualifier).toBe(want.qualifier);
    expect(figure.quantity).toBe(want.quantity);
    expect(want.attribution).toContain(figure.attribution?.type);
    if (want.cue !== undefined) expect(figure.attribution?.cue).toBe(want.cue);
  });

  it('links optional figures only to their expected quantity', () => {
    for (const opt of expected.optionalFigures) {
      for (const figure of result.figures.filter((f) => f.text === opt.text && isNear(f, opt.near))) {
        if (figure.quantity !== undefined) expect(figure.quantity).toBe(opt.quantity);
      }
    }
  });

  it.each(expected.notFigures)('does not take "%s" (or part of it) for a figure', (notFigure) => {
    for (const at of occurrences(article, notFigure)) {
      const overlapping = result.figures.filter((f) => f.start < at + notFigure.length && f.end > at);
      expect(overlapping.map(describeFigure)).toEqual([]);
    }
  });

  it('gives every figure offsets that index the article', () => {
    for (const f of result.figures) expect(article.slice(f.start, f.end)).toBe(f.text);
  });
});

describe('seed article: names', () => {
  it.each(expected.names)(
    'finds "$text" ($entity) at least $minCount times',
    ({ text, entity, minCount }) => {
      const found = result.names.filter((n) => n.entity === entity && n.text === text);
      expect(found.length).toBeGreaterThanOrEqual(minCount);
      for (const n of found) expect(article.slice(n.start, n.end)).toBe(n.text);
    },
  );
});

describe('seed article: attributions', () => {
  // Two of these cues sit in sentences without a figure, so the scan result cannot show them:
  // classify those sentences with the engine's own classifier and the same names.
  it.each(expected.attributionsInPage)('recognises "$cue" as $type', ({ cue, type }) => {
    const at = occurrences(article, cue);
    expect(at.length, `"${cue}" is not in the article`).toBeGreaterThan(0);
    const cueStart = at[0]!;
    const cueEnd = cueStart + cue.length;
    const sentence = splitSentences(article).find((s) => s.start <= cueStart && s.end >= cueEnd);
    expect(sentence, `no sentence holds "${cue}"`).toBeDefined();
    const onFigures = result.figures
      .filter((f) => f.start >= sentence!.start && f.end <= sentence!.end && f.attribution !== undefined)
      .map((f) => f.attribution!);
    const entityById = new Map(dataset.entities.map((e) => [e.id, e]));
    const found =
      onFigures.length > 0
        ? onFigures
        : [classifyAttribution(article, sentence!, null, result.names, entityById)];
    for (const attribution of found) {
      expect(attribution.type).toBe(type);
      // The cue the engine reports is (part of) this one, at this place.
      expect(attribution.cueStart ?? -1, `cue "${attribution.cue}"`).toBeLessThan(cueEnd);
      expect(attribution.cueEnd ?? -1, `cue "${attribution.cue}"`).toBeGreaterThan(cueStart);
    }
  });
});

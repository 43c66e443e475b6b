import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadHtml, type LoadedDocument } from '../../cli/dom';
import { extractArticle, type ExtractedArticle } from '../../lib/page/extract';
import { articleSpanToRange, buildMarks } from '../../lib/page/page-marks';
import type { PageFigure, PageName } from '../../lib/store/messages';

const open: LoadedDocument[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.close()));
});

function article(html: string): ExtractedArticle {
  const loaded = loadHtml(html);
  open.push(loaded);
  return extractArticle(loaded.document);
}

function fixture(name: string): ExtractedArticle {
  return article(readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8'));
}

/** The span of the `nth` occurrence of `needle` in the article text. */
function spanOf(a: ExtractedArticle, needle: string, nth = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = a.text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" not in the article`);
  return { start: at, end: at + needle.length };
}

const collapse = (s: string) => s.replace(/\s+/g, ' ');

describe('articleSpanToRange', () => {
  it('maps article offsets onto the DOM text they came from', () => {
    const a = fixture('seed-nk-troops-kursk.html');
    for (const needle of ['about 12,000', 'Kursk', 'Shin Geum Chul', 'More than 5,000']) {
      const { start, end } = spanOf(a, needle);
      expect(articleSpanToRange(a, start, end)?.toString()).toBe(needle);
    }
  });

  it('covers whitespace the article text collapsed, and text split across elements', () => {
    const a = fixture('comments-editable.html');
    const heading = spanOf(a, 'Library extends opening hours');
    expect(collapse(articleSpanToRange(a, heading.start, heading.end)!.toString())).toBe(
      'Library extends opening hours',
    );
    const split = spanOf(a, 'culture budget');
    expect(articleSpanToRange(a, split.start, split.end)!.toString()).toBe('culture budget');
  });

  it('refuses spans that are empty, out of bounds, not integers, or cross a block boundary', () => {
    const a = article(
      '<html><body><article><p>First block here.</p><p>Second block.</p></article></body></html>',
    );
    expect(a.text).toBe('First block here.\n\nSecond block.');
    expect(articleSpanToRange(a, 3, 3)).toBeNull();
    expect(articleSpanToRange(a, 5, 2)).toBeNull();
    expect(articleSpanToRange(a, -1, 4)).toBeNull();
    expect(articleSpanToRange(a, 20, a.text.length + 1)).toBeNull();
    expect(articleSpanToRange(a, 1.5, 4)).toBeNull();
    expect(articleSpanToRange(a, 12, 25)).toBeNull();
    expect(articleSpanToRange(a, 17, 19)).toBeNull();
    expect(articleSpanToRange(a, 17, 25)).toBeNull();
    expect(articleSpanToRange(a, 19, 25)?.toString()).toBe('Second');
    expect(articleSpanToRange(a, 0, 17)?.toString()).toBe('First block here.');
  });
});

describe('buildMarks', () => {
  it('makes a mark per name and figure, carrying the reply’s data, and drops spans that do not map', () => {
    const a = fixture('seed-nk-troops-kursk.html');
    const kursk = spanOf(a, 'Kursk', 1);
    const troops = spanOf(a, 'about 12,000');
    const names: PageName[] = [
      { ...kursk, entity: 'kursk' },
      { start: a.text.length - 2, end: a.text.length + 40, entity: 'stale' },
    ];
    const figures: PageFigure[] = [
      {
        ...troops,
        quantity: 'nk-troops-in-russia',
        value: { low: 12000, high: 12000 },
        qualifier: 'about',
        attribution: { type: 'unattributed', cue: '' },
      },
    ];
    const marks = buildMarks(a, names, figures);
    expect(marks.map((m) => [m.kind, m.range.toString(), m.start, m.end])).toEqual([
      ['name', 'Kursk', kursk.start, kursk.end],
      ['figure', 'about 12,000', troops.start, troops.end],
    ]);
    const [name, figure] = marks;
    expect(name?.kind === 'name' && name.name).toBe(names[0]);
    expect(figure?.kind === 'figure' && figure.figure).toBe(figures[0]);
  });
});

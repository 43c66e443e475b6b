import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { loadHtml, type LoadedDocument } from '../../cli/dom';
import { createMarkIndex, type Mark, type MarkKind } from '../../lib/page/mark-index';

const open: LoadedDocument[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.close()));
});

/** A document with one paragraph of `text`; returns it and the paragraph's Text node. */
function textNode(text: string): { document: Document; node: Text } {
  const loaded = loadHtml(`<html><body><p>${text}</p></body></html>`);
  open.push(loaded);
  const node = loaded.document.querySelector('p')!.firstChild as Text;
  return { document: loaded.document, node };
}

interface TestMark extends Mark {
  label: string;
}

function mark(node: Text, kind: MarkKind, start: number, end: number, label = `${kind}@${start}`): TestMark {
  const range = node.ownerDocument.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  return { kind, range, start, end, label };
}

describe('createMarkIndex', () => {
  const TEXT = 'Alpha Beta Gamma and 12,000 troops';

  it('sorts by start, then end, figures first; the input is left as it was', () => {
    const { node } = textNode(TEXT);
    const input = [
      mark(node, 'name', 21, 27, 'late'),
      mark(node, 'name', 0, 16, 'long'),
      mark(node, 'name', 0, 5, 'alpha'),
      mark(node, 'figure', 21, 27, 'figure'),
    ];
    const copy = [...input];
    const index = createMarkIndex(input);
    expect(index.marks.map((m) => m.label)).toEqual(['alpha', 'long', 'figure', 'late']);
    expect(input).toEqual(copy);
  });

  it('finds the mark under a caret, both ends included, and nothing between marks', () => {
    const { node } = textNode(TEXT);
    const index = createMarkIndex([mark(node, 'name', 6, 10, 'beta'), mark(node, 'figure', 21, 27, 'fig')]);
    expect(index.markAt(node, 8)?.label).toBe('beta');
    expect(index.markAt(node, 6)?.label).toBe('beta');
    expect(index.markAt(node, 10)?.label).toBe('beta');
    expect(index.markAt(node, 24)?.label).toBe('fig');
    expect(index.markAt(node, 5)).toBeNull();
    expect(index.markAt(node, 15)).toBeNull();
    expect(index.markAt(node, 0)).toBeNull();
    expect(index.markAt(node, TEXT.length)).toBeNull();
  });

  it('prefers a figure over a name covering the same place, then the mark that starts last', () => {
    const { node } = textNode(TEXT);
    const index = createMarkIndex([
      mark(node, 'figure', 21, 27, 'fig'),
      mark(node, 'name', 17, 34, 'wide'),
      mark(node, 'name', 0, 16, 'outer'),
      mark(node, 'name', 6, 10, 'inner'),
    ]);
    expect(index.markAt(node, 23)?.label).toBe('fig');
    expect(index.markAt(node, 30)?.label).toBe('wide');
    expect(index.markAt(node, 8)?.label).toBe('inner');
    expect(index.markAt(node, 3)?.label).toBe('outer');
  });

  it('finds a long mark behind shorter ones that start after it', () => {
    const { node } = textNode(TEXT);
    const index = createMarkIndex([
      mark(node, 'name', 0, 5, 'alpha'),
      mark(node, 'name', 0, 16, 'long'),
      mark(node, 'name', 6, 10, 'beta'),
    ]);
    // Only "long" covers "Gamma"; the binary search lands after "beta", which does not.
    expect(index.markAt(node, 13)?.label).toBe('long');
  });

  it('answers null for an empty index, a detached node or an offset out of bounds', () => {
    const { document, node } = textNode(TEXT);
    expect(createMarkIndex([]).markAt(node, 3)).toBeNull();
    const index = createMarkIndex([mark(node, 'name', 0, 5)]);
    expect(index.markAt(document.createTextNode('Alpha'), 2)).toBeNull();
    expect(index.markAt(node, TEXT.length + 5)).toBeNull();
  });

  it('works across nodes: a caret in another paragraph finds that paragraph’s mark', () => {
    const loaded = loadHtml('<html><body><p>one 500 two</p><p>three Kursk four</p></body></html>');
    open.push(loaded);
    const [a, b] = Array.from(loaded.document.querySelectorAll('p')).map((p) => p.firstChild as Text);
    const index = createMarkIndex([
      mark(a!, 'figure', 4, 7, 'fig'),
      { ...mark(b!, 'name', 6, 11, 'kursk'), start: 18, end: 23 },
    ]);
    expect(index.markAt(b!, 8)?.label).toBe('kursk');
    expect(index.markAt(a!, 5)?.label).toBe('fig');
    expect(index.markAt(b!, 2)).toBeNull();
  });

  it('agrees with a linear search over every caret position (random marks)', () => {
    const text = 'x'.repeat(60);
    const { node } = textNode(text);
    const spans = fc.array(
      fc.record({
        start: fc.integer({ min: 0, max: 58 }),
        length: fc.integer({ min: 1, max: 12 }),
        figure: fc.boolean(),
      }),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(spans, (raw) => {
        const marks = raw.map((s, i) =>
          mark(node, s.figure ? 'figure' : 'name', s.start, Math.min(60, s.start + s.length), `m${i}`),
        );
        const index = createMarkIndex(marks);
        for (let offset = 0; offset <= 60; offset++) {
          const containing = index.marks.filter((m) => m.start <= offset && offset <= m.end);
          const figures = containing.filter((m) => m.kind === 'figure');
          const pool = figures.length > 0 ? figures : containing;
          const expected = pool.length === 0 ? null : pool[pool.length - 1]!;
          expect(index.markAt(node, offset)).toBe(expected);
        }
      }),
      { numRuns: 150 },
    );
  });
});

import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadHtml } from '../../cli/dom';
import { extractArticle } from '../../lib/page/extract';

const page = loadHtml(
  readFileSync(new URL('../fixtures/pages/jsonld-newsarticle.html', import.meta.url), 'utf8'),
);
afterAll(() => page.close());

describe('extractArticle', () => {
  it('joins the article root’s blocks with blank lines and records where each starts', () => {
    const { root, blocks, text, blockStarts } = extractArticle(page.document);
    expect(root.getAttribute('class')).toBe('story');
    expect(blocks).toHaveLength(6);
    expect(text.split('\n\n')).toEqual(blocks.map((b) => b.text));
    blocks.forEach((b, i) =>
      expect(text.slice(blockStarts[i], blockStarts[i]! + b.text.length)).toBe(b.text),
    );
    expect(text).not.toContain('Ferry timetables');
    expect(text).not.toContain('newsletter');
  });
});

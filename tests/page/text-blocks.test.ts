import { describe, expect, it } from 'vitest';
import { useDocuments } from './documents';
import { findArticleRoot } from '../../lib/page/article';
import {
  blockOffsetToDomPosition,
  blockSpanToRange,
  getTextBlocks,
  joinBlocks,
  locateInBlocks,
  type TextBlock,
} from '../../lib/page/text-blocks';

const { load, fixture } = useDocuments();

function blocksOf(html: string, selector = 'body'): TextBlock[] {
  const root = load(`<html><body>${html}</body></html>`).querySelector(selector);
  if (root === null) throw new Error(`no ${selector}`);
  return getTextBlocks(root);
}

const texts = (blocks: TextBlock[]): string[] => blocks.map((b) => b.text);

/** Every character of every block maps back to the same character (or whitespace for a space). */
function expectExactMapping(blocks: TextBlock[]): void {
  for (const block of blocks) {
    expect(block.nodes[0]?.start).toBe(0);
    expect(block.nodes.at(-1)?.end).toBe(block.text.length);
    for (let b = 0; b < block.text.length; b++) {
      const { node, offset } = blockOffsetToDomPosition(block, b);
      const domChar = node.data[offset];
      if (block.text[b] === ' ') expect(domChar).toMatch(/[ \t\n\r\f]/);
      else expect(domChar).toBe(block.text[b]);
    }
    // Per node: a whole-block range would also cover skipped inline content (<code>).
    for (const piece of block.nodes) {
      const range = blockSpanToRange(block, piece.start, piece.end).toString();
      expect(range.replace(/[ \t\n\r\f]+/g, ' ')).toBe(block.text.slice(piece.start, piece.end));
    }
  }
}

describe('getTextBlocks on fixtures', () => {
  it('keeps article text and drops comments, editable content, code, hidden and opted-out regions', () => {
    const doc = fixture('comments-editable.html');
    const blocks = getTextBlocks(findArticleRoot(doc));
    expect(texts(blocks)).toEqual([
      'Library extends opening hours',
      'By Ada Marsh',
      'The central library will stay open until 9 p.m. on weekdays from next month, the council said, after a survey of about 1,400 residents.',
      'Opening later costs roughly 60,000 pounds a year, paid from the culture budget.',
      'Staff will run the extra hours on a rota',
      'and volunteers will help at the desk.',
      'Run to try it; too.',
      'The reading room seats 120\u00a0people.',
      'Monday to Friday: later closing',
      'Weekends: unchanged',
      'Old hours',
      'New hours',
      'Commentary box: the council says demand is steady.',
      'Reported by our local correspondent.',
      'Not editable aside text stays.',
    ]);
    expect(blocks.map((b) => b.element.localName)).toEqual([
      'h1',
      'p',
      'p',
      'p',
      'p',
      'p',
      'p',
      'figcaption',
      'li',
      'li',
      'td',
      'td',
      'div',
      'p',
      'article',
    ]);
    expectExactMapping(blocks);
  });

  it('keeps nothing of the seed page outside the article body', () => {
    const doc = fixture('seed-nk-troops-kursk.html');
    const { text } = joinBlocks(getTextBlocks(findArticleRoot(doc)));
    expect(text.startsWith('500 North Korean Troops')).toBe(true);
    expect(text.endsWith('He covers South and North Koreas.')).toBe(true);
    for (const furniture of [
      'reader_1024',
      'Draft: the general',
      'Editable note',
      'Most read',
      '03-1234-5678',
      '90210',
      'Asia-Pacific',
    ]) {
      expect(text).not.toContain(furniture);
    }
  });

  it.each(['seed-nk-troops-kursk.html', 'jsonld-newsarticle.html', 'no-article-densest.html'])(
    'maps every character of %s back to the DOM',
    (name) => {
      const doc = fixture(name);
      const blocks = getTextBlocks(findArticleRoot(doc));
      expect(blocks.length).toBeGreaterThan(3);
      expectExactMapping(blocks);
    },
  );
});

describe('whitespace and offsets', () => {
  it('collapses whitespace across nodes and trims block ends, keeping NBSP', () => {
    const blocks = blocksOf('<p id="p">  foo\n   <b>bar</b>  \t baz\u00a0 qux  </p>');
    expect(texts(blocks)).toEqual(['foo bar baz\u00a0 qux']);
    expectExactMapping(blocks);
  });

  it('maps a start after collapsed whitespace and an end before it to different places', () => {
    const doc = load('<html><body><p>foo\n   bar</p></body></html>');
    const [block] = getTextBlocks(doc.body);
    const textNode = doc.querySelector('p')!.firstChild as Text;
    expect(block!.text).toBe('foo bar');
    expect(blockOffsetToDomPosition(block!, 4)).toEqual({ node: textNode, offset: 7 });
    expect(blockOffsetToDomPosition(block!, 3, 'end')).toEqual({ node: textNode, offset: 3 });
    expect(blockOffsetToDomPosition(block!, 4, 'end')).toEqual({ node: textNode, offset: 4 });
    expect(blockOffsetToDomPosition(block!, 7)).toEqual({ node: textNode, offset: 10 });
    expect(blockSpanToRange(block!, 4, 7).toString()).toBe('bar');
    expect(blockSpanToRange(block!, 0, 3).toString()).toBe('foo');
  });

  it('makes ranges that span inline elements', () => {
    const [whole] = blocksOf('<p>  a <b>big</b>\n deal </p>');
    expect(blockSpanToRange(whole!, 0, whole!.text.length).toString()).toBe('a big\n deal');
    const [block] = blocksOf('<p>the <i>cul</i>ture budget</p>');
    const start = block!.text.indexOf('culture');
    expect(blockSpanToRange(block!, start, start + 7).toString()).toBe('culture');
    expect(block!.nodes.map((n) => [n.start, n.end])).toEqual([
      [0, 4],
      [4, 7],
      [7, 18],
    ]);
  });

  it('throws on offsets outside the block and on empty spans', () => {
    const [block] = blocksOf('<p>abc</p>');
    expect(() => blockOffsetToDomPosition(block!, 4)).toThrow(RangeError);
    expect(() => blockOffsetToDomPosition(block!, -1)).toThrow(RangeError);
    expect(() => blockSpanToRange(block!, 2, 2)).toThrow(RangeError);
  });
});

describe('block boundaries and exclusions', () => {
  it('splits at block elements and <br>, not at inline elements', () => {
    expect(
      texts(
        blocksOf(
          '<div>lead <span>in</span><p>para</p>tail<br>after</div><ul><li>one<ul><li>two</li></ul></li></ul>',
        ),
      ),
    ).toEqual(['lead in', 'para', 'tail', 'after', 'one', 'two']);
  });

  it('drops a page-level <header> but keeps an article header when the root is <body>', () => {
    expect(
      texts(
        blocksOf(
          '<header><h1>Site</h1></header><article><header><h1>Story</h1></header><p>Body</p></article>',
        ),
      ),
    ).toEqual(['Story', 'Body']);
  });

  it('does not apply the furniture rules to the root itself', () => {
    expect(texts(blocksOf('<aside id="r"><p>Box text</p><nav>menu</nav></aside>', '#r'))).toEqual([
      'Box text',
    ]);
  });

  it('returns nothing when the root is inside editable or opted-out content', () => {
    expect(blocksOf('<div data-crosscheck="off"><article id="r"><p>x</p></article></div>', '#r')).toEqual([]);
    expect(blocksOf('<div contenteditable="true"><p id="r">x</p></div>', '#r')).toEqual([]);
  });
});

describe('joinBlocks and locateInBlocks', () => {
  it('joins with blank lines and locates offsets back in blocks', () => {
    const blocks = [{ text: 'ab' }, { text: 'cde' }];
    const joined = joinBlocks(blocks);
    expect(joined).toEqual({ text: 'ab\n\ncde', blockStarts: [0, 4] });
    expect(locateInBlocks(joined, blocks, 1)).toEqual({ block: 0, offset: 1 });
    expect(locateInBlocks(joined, blocks, 2)).toEqual({ block: 0, offset: 2 });
    expect(locateInBlocks(joined, blocks, 3)).toBeNull();
    expect(locateInBlocks(joined, blocks, 4)).toEqual({ block: 1, offset: 0 });
    expect(locateInBlocks(joined, blocks, 7)).toEqual({ block: 1, offset: 3 });
    expect(locateInBlocks(joined, blocks, 8)).toBeNull();
    expect(locateInBlocks(joinBlocks([]), [], 0)).toBeNull();
  });
});

/**
 * Turns the background's scan reply (offsets in the article text) into marks over DOM Ranges,
 * through the text blocks the article was read from. Standard DOM only.
 */
import type { PageFigure, PageName } from '../store/messages';
import type { ExtractedArticle } from './extract';
import type { Mark } from './mark-index';
import { blockSpanToRange, locateInBlocks } from './text-blocks';

export interface NameMark extends Mark {
  kind: 'name';
  name: PageName;
}

export interface FigureMark extends Mark {
  kind: 'figure';
  figure: PageFigure;
}

export type PageMark = NameMark | FigureMark;

/** The article parts a mapping needs. */
export type ArticleText = Pick<ExtractedArticle, 'text' | 'blocks' | 'blockStarts'>;

/**
 * A live Range over `article.text.slice(start, end)`, or `null` when the span is empty, out of
 * bounds, not integral, or crosses a block boundary (no mark spans paragraphs).
 */
export function articleSpanToRange(article: ArticleText, start: number, end: number): Range | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) return null;
  if (end > article.text.length) return null;
  const from = locateInBlocks(article, article.blocks, start);
  const to = locateInBlocks(article, article.blocks, end);
  if (from === null || to === null || from.block !== to.block || from.offset >= to.offset) return null;
  return blockSpanToRange(article.blocks[from.block]!, from.offset, to.offset);
}

/**
 * Marks for the names and figures of a scan reply, in reply order; spans that do not map onto the
 * article (see {@link articleSpanToRange}) are dropped, so a stale or wrong reply paints less,
 * never elsewhere.
 */
export function buildMarks(
  article: ArticleText,
  names: readonly PageName[],
  figures: readonly PageFigure[],
): PageMark[] {
  const marks: PageMark[] = [];
  for (const name of names) {
    const range = articleSpanToRange(article, name.start, name.end);
    if (range !== null) marks.push({ kind: 'name', range, start: name.start, end: name.end, name });
  }
  for (const figure of figures) {
    const range = articleSpanToRange(article, figure.start, figure.end);
    if (range !== null) marks.push({ kind: 'figure', range, start: figure.start, end: figure.end, figure });
  }
  return marks;
}

/**
 * The article text of a page, exactly as the content script and `npm run scan` both see it:
 * article root → text blocks → one text with blocks separated by a blank line.
 */
import { findArticleRoot } from './article';
import { getTextBlocks, joinBlocks, type TextBlock } from './text-blocks';

/** A page's article: where it was found, its blocks, and their joined text. */
export interface ExtractedArticle {
  root: Element;
  blocks: TextBlock[];
  /** Block texts joined by "\n\n"; what the engine scans. */
  text: string;
  /** Where each block starts in `text`. */
  blockStarts: number[];
}

/** Finds `doc`'s article root and reads its text blocks (see `findArticleRoot`, `getTextBlocks`). */
export function extractArticle(doc: Document): ExtractedArticle {
  const root = findArticleRoot(doc);
  const blocks = getTextBlocks(root);
  const { text, blockStarts } = joinBlocks(blocks);
  return { root, blocks, text, blockStarts };
}

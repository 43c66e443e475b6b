/**
 * Block-level text units of an article, with an exact map from each block's (whitespace-collapsed)
 * text back to the DOM Text nodes it came from, so marks found in the text become DOM Ranges.
 * Standard DOM only (no `instanceof Text`, no globals): runs in the content script and in Node.
 */
import { isExcluded, isInsideHardExcluded } from './exclusions';

/** One Text node's share of a block's text. */
export interface TextBlockNode {
  node: Text;
  /** Offset in `TextBlock.text` where this node's contribution starts. */
  start: number;
  /** Offset in `TextBlock.text` where it ends (exclusive). */
  end: number;
  /**
   * Flat pairs `[blockOffset, domOffset, …]`, ascending: from `blockOffset` up to the next pair,
   * block offset `b` is character `domOffset + (b - blockOffset)` of `node.data`. A new pair starts
   * wherever collapsed whitespace was dropped.
   */
  anchors: number[];
}

/** A paragraph-like unit of article text (p, h1–h6, li, blockquote, td, …). */
export interface TextBlock {
  /** Text with whitespace collapsed as CSS `white-space: normal` does, ends trimmed. Never empty. */
  text: string;
  /** In document order, contiguous: `nodes[0].start === 0`, last `end === text.length`. */
  nodes: TextBlockNode[];
  /** The nearest block-level element holding the text. */
  element: Element;
}

/** A DOM position: a Text node and an offset in its `data`. */
export interface DomPosition {
  node: Text;
  offset: number;
}

/** Elements that start and end a block (an inline element never does). */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'legend',
  'li',
  'main',
  'menu',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** The separator {@link joinBlocks} puts between blocks. */
export const BLOCK_SEPARATOR = '\n\n';

/**
 * The text blocks under `root`, in document order, skipping everything DESIGN §6 excludes (see
 * `isExcluded`). `root` itself is not tested against the furniture rules (it was chosen as the
 * article), but if it or an ancestor is editable, hidden or `data-crosscheck="off"` the answer is
 * empty. Whitespace (space, tab, CR, LF, FF; not NBSP) collapses to one space and is trimmed at
 * block ends; `<br>` and block-level elements end a block.
 */
export function getTextBlocks(root: Element): TextBlock[] {
  if (isInsideHardExcluded(root)) return [];
  const builder = new BlockBuilder();
  walk(root, root, builder, true);
  builder.flush();
  return builder.blocks;
}

/** `container` is the nearest block-level element (or the root) around `el`'s own text. */
function walk(el: Element, container: Element, builder: BlockBuilder, isRoot: boolean): void {
  const block = BLOCK_TAGS.has(el.localName);
  if (block) builder.flush();
  if (!isRoot && isExcluded(el)) return;
  if (el.localName === 'br') return;
  const inner = block ? el : container;
  for (let child = el.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE) {
      walk(child as Element, inner, builder, false);
    } else if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) {
      builder.addText(child as Text, inner);
    }
  }
  if (block) builder.flush();
}

function isCollapsible(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0x0c;
}

/** Accumulates one block at a time; see {@link getTextBlocks}. */
class BlockBuilder {
  readonly blocks: TextBlock[] = [];
  private parts: string[] = [];
  private length = 0;
  private nodes: TextBlockNode[] = [];
  private current: TextBlockNode | null = null;
  /** DOM offset just past the last character appended from `current.node`. */
  private currentDomEnd = 0;
  /** The first whitespace character of a run not yet emitted (dropped if the block ends). */
  private pending: DomPosition | null = null;
  private element: Element | null = null;

  addText(node: Text, container: Element): void {
    const data = node.data;
    const n = data.length;
    let i = 0;
    while (i < n) {
      if (isCollapsible(data.charCodeAt(i))) {
        if (this.length > 0 && this.pending === null) this.pending = { node, offset: i };
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && !isCollapsible(data.charCodeAt(j))) j++;
      if (this.length === 0) this.element = container;
      if (this.pending !== null) {
        this.append(this.pending.node, this.pending.offset, ' ');
        this.pending = null;
      }
      this.append(node, i, data.slice(i, j));
      i = j;
    }
  }

  /** Ends the current block, keeping it if it has text. */
  flush(): void {
    if (this.length > 0 && this.element !== null) {
      this.blocks.push({ text: this.parts.join(''), nodes: this.nodes, element: this.element });
    }
    this.parts = [];
    this.length = 0;
    this.nodes = [];
    this.current = null;
    this.pending = null;
    this.element = null;
  }

  private append(node: Text, domOffset: number, s: string): void {
    let piece = this.current;
    if (piece === null || piece.node !== node) {
      piece = { node, start: this.length, end: this.length, anchors: [this.length, domOffset] };
      this.nodes.push(piece);
      this.current = piece;
    } else if (this.currentDomEnd !== domOffset) {
      piece.anchors.push(this.length, domOffset);
    }
    this.parts.push(s);
    this.length += s.length;
    piece.end = this.length;
    this.currentDomEnd = domOffset + s.length;
  }
}

/**
 * Maps an offset in `block.text` (0 ≤ offset ≤ text.length) to a DOM position. With
 * `affinity: 'start'` the position is just before character `offset` (use it for a range's start);
 * with `'end'` it is just after character `offset - 1` (use it for a range's end), which differs
 * when collapsed whitespace or a node boundary sits between them. Throws on an out-of-range offset.
 */
export function blockOffsetToDomPosition(
  block: TextBlock,
  offset: number,
  affinity: 'start' | 'end' = 'start',
): DomPosition {
  const len = block.text.length;
  if (!Number.isInteger(offset) || offset < 0 || offset > len) {
    throw new RangeError(`offset ${offset} outside block of length ${len}`);
  }
  if ((affinity === 'end' && offset > 0) || offset === len) {
    const at = locate(block, offset - 1);
    return { node: at.node, offset: at.offset + 1 };
  }
  return locate(block, offset);
}

/** DOM position of the character at `b` (0 ≤ b < text.length). */
function locate(block: TextBlock, b: number): DomPosition {
  const nodes = block.nodes;
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (nodes[mid]!.start <= b) lo = mid;
    else hi = mid - 1;
  }
  const piece = nodes[lo]!;
  const anchors = piece.anchors;
  let k = 0;
  while (k + 2 < anchors.length && anchors[k + 2]! <= b) k += 2;
  return { node: piece.node, offset: anchors[k + 1]! + (b - anchors[k]!) };
}

/**
 * A live DOM Range over `block.text.slice(start, end)` (0 ≤ start < end ≤ text.length), created
 * with the block's own document. Collapsed whitespace inside the span is covered, around it is not.
 */
export function blockSpanToRange(block: TextBlock, start: number, end: number): Range {
  if (end <= start) throw new RangeError(`empty span ${start}–${end}`);
  const from = blockOffsetToDomPosition(block, start, 'start');
  const to = blockOffsetToDomPosition(block, end, 'end');
  const range = from.node.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** Blocks joined into one article text, and where each block starts in it. */
export interface JoinedBlocks {
  text: string;
  blockStarts: number[];
}

/** Joins block texts with {@link BLOCK_SEPARATOR} ("\n\n"); `blockStarts[i]` indexes `text`. */
export function joinBlocks(blocks: readonly Pick<TextBlock, 'text'>[]): JoinedBlocks {
  const blockStarts: number[] = [];
  let at = 0;
  for (const block of blocks) {
    blockStarts.push(at);
    at += block.text.length + BLOCK_SEPARATOR.length;
  }
  return { text: blocks.map((b) => b.text).join(BLOCK_SEPARATOR), blockStarts };
}

/**
 * Which block an offset of the joined text falls in, and the offset inside it (an offset equal to
 * a block's length, i.e. its end, belongs to that block). `null` inside a separator or outside.
 */
export function locateInBlocks(
  joined: JoinedBlocks,
  blocks: readonly Pick<TextBlock, 'text'>[],
  offset: number,
): { block: number; offset: number } | null {
  const starts = joined.blockStarts;
  let lo = 0;
  let hi = starts.length - 1;
  if (hi < 0 || offset < 0) return null;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  const inner = offset - starts[lo]!;
  const len = blocks[lo]?.text.length;
  if (len === undefined || inner > len) return null;
  return { block: lo, offset: inner };
}

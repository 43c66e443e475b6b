/**
 * The DOM position under a point (DESIGN §7, §11): `caretPositionFromPoint` (standard; Chromium
 * 128+, Firefox), else WebKit's `caretRangeFromPoint`. Standard DOM only.
 */

export interface CaretPosition {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The caret position at viewport point (`x`, `y`), or `null` when there is none or no API. */
export function caretAt(doc: Document, x: number, y: number): CaretPosition | null {
  const d = doc as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = d.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/**
 * True when (`x`, `y`) lies in one of `rects` grown by `slop` px: a caret position is the nearest
 * one, so a pointer in the margin past a line's end still gets one; this says it is on the mark.
 */
export function pointInRects(
  rects: Iterable<{ left: number; top: number; right: number; bottom: number }>,
  x: number,
  y: number,
  slop = 1,
): boolean {
  for (const r of rects) {
    if (x >= r.left - slop && x <= r.right + slop && y >= r.top - slop && y <= r.bottom + slop) return true;
  }
  return false;
}

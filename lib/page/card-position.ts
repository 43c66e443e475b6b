/**
 * Where the card goes (DESIGN §7): below the mark's line when it fits, else above, else on the
 * side with more room with a shorter maximum height; always clamped inside the viewport. Pure.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  left: number;
  top: number;
  /** The card's maximum height on that side (it scrolls inside when taller). */
  maxHeight: number;
  side: 'below' | 'above';
}

/** Distance between the mark and the card, and between the card and the viewport's edges. */
export const CARD_GAP = 6;
export const VIEWPORT_MARGIN = 8;
/** A card shorter than this on either side is placed with this much anyway, overlapping if need be. */
export const MIN_CARD_HEIGHT = 160;

/**
 * The rect of a (possibly wrapped) mark to place against: the line nearest `point` vertically,
 * else the first. `null` when there are no rects.
 */
export function anchorRect(rects: readonly Box[], point?: { x: number; y: number }): Box | null {
  if (rects.length === 0) return null;
  if (point === undefined) return rects[0]!;
  let best = rects[0]!;
  let bestDistance = Infinity;
  for (const r of rects) {
    const dy = point.y < r.top ? r.top - point.y : point.y > r.bottom ? point.y - r.bottom : 0;
    const dx = point.x < r.left ? r.left - point.x : point.x > r.right ? point.x - r.right : 0;
    const distance = dy * 1000 + dx;
    if (distance < bestDistance) {
      best = r;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Places a card of `size` (its natural size) against `anchor` in a viewport of `viewport`:
 * left-aligned with the mark and clamped horizontally; below when it fits, above when only that
 * fits, else on the roomier side with `maxHeight` cut to that room (at least
 * {@link MIN_CARD_HEIGHT}, and never more than the viewport allows).
 */
export function placeCard(
  anchor: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): Placement {
  const maxLeft = viewport.width - VIEWPORT_MARGIN - size.width;
  const left = Math.max(VIEWPORT_MARGIN, Math.min(anchor.left, maxLeft));
  const fullHeight = Math.max(0, viewport.height - 2 * VIEWPORT_MARGIN);
  const below = viewport.height - VIEWPORT_MARGIN - (anchor.bottom + CARD_GAP);
  const above = anchor.top - CARD_GAP - VIEWPORT_MARGIN;
  let side: Placement['side'];
  let maxHeight: number;
  if (size.height <= below) {
    side = 'below';
    maxHeight = below;
  } else if (size.height <= above) {
    side = 'above';
    maxHeight = above;
  } else {
    side = below >= above ? 'below' : 'above';
    maxHeight = Math.max(side === 'below' ? below : above, Math.min(MIN_CARD_HEIGHT, fullHeight));
  }
  maxHeight = Math.min(maxHeight, fullHeight);
  const height = Math.min(size.height, maxHeight);
  let top = side === 'below' ? anchor.bottom + CARD_GAP : anchor.top - CARD_GAP - height;
  top = Math.max(VIEWPORT_MARGIN, Math.min(top, viewport.height - VIEWPORT_MARGIN - height));
  return { left, top, maxHeight, side };
}

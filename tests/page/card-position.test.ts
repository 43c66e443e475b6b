import { describe, expect, it } from 'vitest';
import {
  anchorRect,
  CARD_GAP,
  MIN_CARD_HEIGHT,
  placeCard,
  VIEWPORT_MARGIN,
} from '../../lib/page/card-position';

const box = (left: number, top: number, width: number, height: number) => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});
const VIEWPORT = { width: 1280, height: 900 };
const CARD = { width: 420, height: 500 };

describe('anchorRect', () => {
  const lines = [box(700, 100, 200, 20), box(90, 120, 60, 20)];

  it('picks the line of a wrapped mark nearest the pointer, else the first', () => {
    expect(anchorRect(lines, { x: 100, y: 130 })).toBe(lines[1]);
    expect(anchorRect(lines, { x: 800, y: 104 })).toBe(lines[0]);
    expect(anchorRect(lines)).toBe(lines[0]);
    expect(anchorRect([])).toBeNull();
  });
});

describe('placeCard', () => {
  it('goes below the mark, left-aligned with it, when it fits', () => {
    expect(placeCard(box(200, 100, 80, 20), CARD, VIEWPORT)).toEqual({
      left: 200,
      top: 120 + CARD_GAP,
      maxHeight: 900 - VIEWPORT_MARGIN - (120 + CARD_GAP),
      side: 'below',
    });
  });

  it('flips above when only that fits', () => {
    const placed = placeCard(box(200, 700, 80, 20), CARD, VIEWPORT);
    expect(placed.side).toBe('above');
    expect(placed.top).toBe(700 - CARD_GAP - 500);
  });

  it('clamps horizontally inside the viewport', () => {
    expect(placeCard(box(1200, 100, 60, 20), CARD, VIEWPORT).left).toBe(1280 - VIEWPORT_MARGIN - 420);
    expect(placeCard(box(-50, 100, 60, 20), CARD, VIEWPORT).left).toBe(VIEWPORT_MARGIN);
  });

  it('takes the roomier side with a shorter maximum height when neither fits', () => {
    const placed = placeCard(box(200, 500, 80, 20), { width: 420, height: 800 }, VIEWPORT);
    expect(placed.side).toBe('above');
    expect(placed.maxHeight).toBe(500 - CARD_GAP - VIEWPORT_MARGIN);
    expect(placed.top).toBe(VIEWPORT_MARGIN);
  });

  it('never leaves the viewport, even for a mark scrolled out of it or a tiny viewport', () => {
    for (const anchor of [box(200, -300, 80, 20), box(200, 1200, 80, 20), box(200, 880, 80, 20)]) {
      const placed = placeCard(anchor, CARD, VIEWPORT);
      const height = Math.min(CARD.height, placed.maxHeight);
      expect(placed.top).toBeGreaterThanOrEqual(VIEWPORT_MARGIN);
      expect(placed.top + height).toBeLessThanOrEqual(900 - VIEWPORT_MARGIN);
      expect(placed.maxHeight).toBeGreaterThanOrEqual(MIN_CARD_HEIGHT);
    }
    const tiny = placeCard(box(10, 50, 40, 20), CARD, { width: 300, height: 120 });
    expect(tiny.maxHeight).toBe(120 - 2 * VIEWPORT_MARGIN);
    expect(tiny.top).toBe(VIEWPORT_MARGIN);
    expect(tiny.left).toBe(VIEWPORT_MARGIN);
  });
});

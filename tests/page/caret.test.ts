// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { caretAt, pointInRects } from '../../lib/page/caret';

describe('caretAt', () => {
  it('uses caretPositionFromPoint when present', () => {
    const node = document.createTextNode('x');
    const doc = {
      caretPositionFromPoint: (x: number) => ({ offsetNode: node, offset: x }),
    } as unknown as Document;
    expect(caretAt(doc, 3, 4)).toEqual({ node, offset: 3 });
  });

  it('falls back to caretRangeFromPoint', () => {
    const node = document.createTextNode('hello');
    const doc = {
      caretRangeFromPoint: () => {
        const range = document.createRange();
        range.setStart(node, 2);
        return range;
      },
    } as unknown as Document;
    expect(caretAt(doc, 0, 0)).toEqual({ node, offset: 2 });
  });

  it('answers null without either API or without a position', () => {
    expect(caretAt({} as Document, 0, 0)).toBeNull();
    expect(caretAt({ caretPositionFromPoint: () => null } as unknown as Document, 0, 0)).toBeNull();
  });
});

describe('pointInRects', () => {
  const rects = [{ left: 10, top: 10, right: 50, bottom: 30 }];
  it('is true inside a rect or within the slop, false past it', () => {
    expect(pointInRects(rects, 20, 20)).toBe(true);
    expect(pointInRects(rects, 50.5, 20)).toBe(true);
    expect(pointInRects(rects, 60, 20)).toBe(false);
    expect(pointInRects(rects, 20, 40)).toBe(false);
    expect(pointInRects([], 20, 20)).toBe(false);
  });
});

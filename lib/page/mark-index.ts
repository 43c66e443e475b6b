/**
 * A sorted index of the page's marks for hit-testing (DESIGN §7, §11): a caret position from
 * `caretPositionFromPoint` is found among the mark ranges by binary search instead of asking the
 * browser (`highlightsFromPoint` costs ~1 ms with 1,000 ranges). Standard DOM only.
 */

/** What a mark stands for. */
export type MarkKind = 'name' | 'figure';

/** A painted mark: its DOM range and its offsets in the scanned article text. */
export interface Mark {
  kind: MarkKind;
  range: Range;
  /** Offset in the article text; article order is document order, so offsets order the ranges. */
  start: number;
  /** End offset (exclusive) in the article text. */
  end: number;
}

export interface MarkIndex<M extends Mark> {
  /** The marks sorted by start, then end (figures before names at equal offsets). */
  readonly marks: readonly M[];
  /**
   * The mark whose range contains the DOM position (`node`, `offset`), ends included (as
   * `Range.comparePoint`); a figure wins over a name, then the mark that starts last. `null`
   * when no mark contains it or the position is invalid (detached node, offset out of bounds).
   */
  markAt(node: Node, offset: number): M | null;
}

/** Sorts `marks` and builds the index (the input is not modified). */
export function createMarkIndex<M extends Mark>(marks: Iterable<M>): MarkIndex<M> {
  const sorted = [...marks].sort(
    (a, b) => a.start - b.start || a.end - b.end || kindRank(a.kind) - kindRank(b.kind),
  );
  // reach[i]: the index among 0..i of the mark that ends furthest, so a backward walk knows when
  // no earlier mark can still contain the position.
  const reach = new Int32Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    const prev = i > 0 ? reach[i - 1]! : i;
    reach[i] = i > 0 && sorted[prev]!.end >= sorted[i]!.end ? prev : i;
  }
  return {
    marks: sorted,
    markAt(node, offset) {
      try {
        return find(sorted, reach, node, offset);
      } catch {
        return null;
      }
    },
  };
}

function kindRank(kind: MarkKind): number {
  return kind === 'figure' ? 0 : 1;
}

function find<M extends Mark>(sorted: readonly M[], reach: Int32Array, node: Node, offset: number): M | null {
  // First mark that starts after the position (comparePoint: -1 = before the range).
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.range.comparePoint(node, offset) < 0) hi = mid;
    else lo = mid + 1;
  }
  let best: M | null = null;
  for (let j = lo - 1; j >= 0; j--) {
    // Nothing at or before j reaches the position: stop.
    if (sorted[reach[j]!]!.range.comparePoint(node, offset) > 0) break;
    const mark = sorted[j]!;
    if (mark.range.comparePoint(node, offset) !== 0) continue;
    if (mark.kind === 'figure') return mark;
    best ??= mark;
  }
  return best;
}

import type { HighlightEnv, HighlightLike } from '../../lib/page/highlights';

/** happy-dom has no Highlight API: a Highlight with the same surface, ranges kept in order. */
export class FakeHighlight implements HighlightLike {
  readonly ranges: Range[] = [];
  priority = 0;
  add(range: Range): this {
    if (!this.ranges.includes(range)) this.ranges.push(range);
    return this;
  }
  get size(): number {
    return this.ranges.length;
  }
}

/** A Highlight API for `doc` with a plain Map as `CSS.highlights` and happy-dom's constructable sheets. */
export function fakeHighlightEnv(
  doc: Document,
): Omit<HighlightEnv, 'registry'> & { registry: Map<string, FakeHighlight> } {
  const Sheet = (doc.defaultView as unknown as { CSSStyleSheet: typeof CSSStyleSheet }).CSSStyleSheet;
  return {
    registry: new Map<string, FakeHighlight>(),
    createHighlight: () => new FakeHighlight(),
    createSheet: (css) => {
      const sheet = new Sheet();
      sheet.replaceSync(css);
      return sheet;
    },
  };
}

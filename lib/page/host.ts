/**
 * The extension's only element in a page (DESIGN §5, §7): `<crosscheck-ui>`, host of a closed
 * shadow root for the card, carrying `data-state`, `data-names` and `data-figures` so tests and
 * curious readers see what the extension did without reaching into the shadow root.
 */

/** The host element's tag name (contract). */
export const HOST_TAG = 'crosscheck-ui';

/** What the extension is doing on the page (contract). */
export type HostState = 'scanning' | 'ready' | 'off' | 'error';

/** How many marks are painted, per kind. */
export interface MarkCounts {
  names: number;
  figures: number;
}

export interface PageHost {
  readonly element: HTMLElement;
  /** The closed shadow root (the page cannot reach it). */
  readonly shadow: ShadowRoot;
  /** Sets `data-state` and, when given, `data-names` / `data-figures`. No-op after `destroy()`. */
  setState(state: HostState, counts?: MarkCounts): void;
  /** Removes the element. Idempotent. */
  destroy(): void;
}

/**
 * Keeps the host out of the page's layout whatever the page's CSS says about unknown elements:
 * a zero-size fixed box (inner `!important` beats the page's outer rules). The card will be a
 * popover in the top layer, so it is not clipped by this box.
 */
const HOST_CSS = `:host {
  all: initial !important;
  position: fixed !important;
  top: 0 !important;
  left: 0 !important;
  width: 0 !important;
  height: 0 !important;
  overflow: visible !important;
}
`;

/**
 * Creates the host element in state `scanning` with zero counts, attributes set before it is
 * inserted, and appends it to `doc.documentElement`: one DOM mutation.
 */
export function createHost(doc: Document): PageHost {
  const element = doc.createElement(HOST_TAG);
  const shadow = element.attachShadow({ mode: 'closed' });
  const SheetCtor = (doc.defaultView as (Window & { CSSStyleSheet?: typeof CSSStyleSheet }) | null)
    ?.CSSStyleSheet;
  if (typeof SheetCtor === 'function' && 'adoptedStyleSheets' in shadow) {
    const sheet = new SheetCtor();
    sheet.replaceSync(HOST_CSS);
    shadow.adoptedStyleSheets = [sheet];
  }
  let destroyed = false;
  const setState = (state: HostState, counts?: MarkCounts): void => {
    if (destroyed) return;
    element.setAttribute('data-state', state);
    if (counts !== undefined) {
      element.setAttribute('data-names', String(counts.names));
      element.setAttribute('data-figures', String(counts.figures));
    }
  };
  setState('scanning', { names: 0, figures: 0 });
  doc.documentElement.appendChild(element);
  return {
    element,
    shadow,
    setState,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      element.remove();
    },
  };
}

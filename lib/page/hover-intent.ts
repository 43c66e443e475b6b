/**
 * When a hovered mark's card opens and closes (DESIGN §1, §7): it opens after the pointer dwells
 * on a mark, stays open while the pointer is on the mark or the card, and closes a short grace
 * after the pointer leaves both. Timers are injected; no DOM.
 */

/** The timer functions used (the window's by default; fake ones in tests). */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface HoverIntentOptions<M> {
  /** How long the pointer must rest on a mark before its card opens (ms). */
  dwellMs?: number;
  /** How long the card stays after the pointer left the mark and the card (ms). */
  graceMs?: number;
  timers?: Timers;
  /** The pointer came to rest on `mark` (the card should open for it). */
  open(mark: M): void;
  /** The pointer left the mark and the card for longer than the grace. */
  close(): void;
  /** The pointer reached `mark` (a good moment to fetch its card's data). */
  approach?(mark: M): void;
}

export interface HoverIntent<M> {
  /** The mark now under the pointer, or `null`. */
  hit(mark: M | null): void;
  /** The pointer entered (`true`) or left (`false`) the card. */
  overCard(inside: boolean): void;
  /** A card is now open for `mark`; `byHover` false for keyboard opening (then leaving never closes it). */
  opened(mark: M, byHover: boolean): void;
  /** The card closed (for any reason). */
  closed(): void;
  /** Clears the timers. */
  destroy(): void;
}

export const DEFAULT_DWELL_MS = 300;
export const DEFAULT_GRACE_MS = 250;

/** Creates the hover logic; marks are compared by identity. */
export function createHoverIntent<M>(options: HoverIntentOptions<M>): HoverIntent<M> {
  const dwellMs = options.dwellMs ?? DEFAULT_DWELL_MS;
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  const timers: Timers = options.timers ?? {
    setTimeout: (cb, ms) => globalThis.setTimeout(cb, ms),
    clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
  };
  let hovered: M | null = null;
  let openMark: M | null = null;
  let openByHover = false;
  let inCard = false;
  let dwell: unknown = null;
  let grace: unknown = null;

  const clearDwell = () => {
    if (dwell !== null) timers.clearTimeout(dwell);
    dwell = null;
  };
  const clearGrace = () => {
    if (grace !== null) timers.clearTimeout(grace);
    grace = null;
  };
  /** Starts the grace when the open card is neither hovered nor under the pointer's mark. */
  const maybeStartGrace = () => {
    if (openMark === null || !openByHover || inCard || hovered === openMark || grace !== null) return;
    grace = timers.setTimeout(() => {
      grace = null;
      options.close();
    }, graceMs);
  };

  return {
    hit(mark) {
      if (mark === hovered) return;
      hovered = mark;
      clearDwell();
      if (mark !== null && mark === openMark) {
        clearGrace();
        return;
      }
      if (mark !== null) {
        options.approach?.(mark);
        dwell = timers.setTimeout(() => {
          dwell = null;
          if (inCard) return;
          options.open(mark);
        }, dwellMs);
      }
      maybeStartGrace();
    },
    overCard(inside) {
      inCard = inside;
      if (inside) {
        clearGrace();
        // Passing over another mark on the way into the card must not switch cards.
        clearDwell();
      } else maybeStartGrace();
    },
    opened(mark, byHover) {
      openMark = mark;
      openByHover = byHover;
      clearGrace();
      if (mark === hovered) clearDwell();
    },
    closed() {
      openMark = null;
      inCard = false;
      clearGrace();
    },
    destroy() {
      clearDwell();
      clearGrace();
    },
  };
}

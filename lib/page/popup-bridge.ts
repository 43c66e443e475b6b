/**
 * The content script's side of the popup (DESIGN §1, §7): lists the painted marks, jumps to one
 * (scroll it into view, open its card), and switches the page off and on when the reader flips
 * the site switch. Standard DOM only; the content script supplies the messaging.
 */
import type { CardController } from './card-controller';
import type { MarkingSession } from './mark-page';
import type { PageMark } from './page-marks';
import {
  MAX_POPUP_MARKS,
  type PopupListReply,
  type PopupMark,
  type TabActionReply,
  type TabRequest,
} from './tab-messages';
import type { HostState } from './host';

/** The popup's view of one mark (its index is its place in `marks`). */
export function popupMarkOf(mark: PageMark, index: number): PopupMark {
  const text = mark.range.toString().replace(/\s+/g, ' ').trim();
  if (mark.kind === 'name') return { kind: 'name', index, text, entity: mark.name.entity };
  const { quantity, attribution } = mark.figure;
  return {
    kind: 'figure',
    index,
    text,
    quantity,
    ...(attribution ? { attribution: attribution.type } : {}),
  };
}

/** The host's state as its `data-state` says, or `scanning` before it says anything. */
export function hostStateOf(element: Element): HostState {
  const state = element.getAttribute('data-state');
  return state === 'ready' || state === 'off' || state === 'error' ? state : 'scanning';
}

/**
 * The `popupList` reply: the host's state and counts, and the painted marks in document order
 * (capped at {@link MAX_POPUP_MARKS}); no marks unless the state is `ready`.
 */
export function listForPopup(
  session: Pick<MarkingSession, 'host' | 'highlights'>,
  pageHost: string,
): PopupListReply {
  const state = hostStateOf(session.host.element);
  const painted = state === 'ready' ? session.highlights() : null;
  const marks = painted ? painted.marks.slice(0, MAX_POPUP_MARKS).map(popupMarkOf) : [];
  return {
    state,
    host: pageHost,
    counts: { names: painted?.counts.name ?? 0, figures: painted?.counts.figure ?? 0 },
    marks,
  };
}

/** True when the reader asked the system for less motion. */
export function prefersReducedMotion(win: Window | null): boolean {
  return win?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/**
 * Scrolls `range` to about a third of the viewport's height unless it already sits comfortably
 * inside the viewport; smooth unless reduced motion is preferred. Returns whether it scrolled.
 */
export function scrollRangeIntoView(win: Window, range: Range, reducedMotion: boolean): boolean {
  const rect = range.getBoundingClientRect();
  const margin = win.innerHeight * 0.1;
  if (rect.top >= margin && rect.bottom <= win.innerHeight - margin) return false;
  win.scrollBy({ top: rect.top - win.innerHeight / 3, behavior: reducedMotion ? 'instant' : 'smooth' });
  return true;
}

export interface PopupBridgeDeps {
  doc: Document;
  session: MarkingSession;
  cards: Pick<CardController, 'open' | 'close'>;
}

/**
 * Answers a (validated, sender-checked) tab request: `popupList` → {@link PopupListReply};
 * `jumpTo` → scrolls the mark into view and opens its card with focus (`ok: false` when no such
 * mark is painted); `siteOff` / `rescan` → closes any card and switches the page off, or scans it
 * again (`ok: false`, nothing done, when `host` is not this page's host name).
 */
export async function answerTabRequest(
  deps: PopupBridgeDeps,
  request: TabRequest,
): Promise<PopupListReply | TabActionReply> {
  const { doc, session, cards } = deps;
  const pageHost = doc.location.hostname.toLowerCase();
  switch (request.type) {
    case 'popupList':
      return listForPopup(session, pageHost);
    case 'jumpTo': {
      const mark = session.highlights()?.marks[request.index];
      const win = doc.defaultView;
      if (mark === undefined || win === null) return { ok: false };
      scrollRangeIntoView(win, mark.range, prefersReducedMotion(win));
      await cards.open(mark, { focus: true });
      return { ok: true };
    }
    case 'siteOff':
    case 'rescan': {
      if (pageHost === '' || pageHost !== request.host) return { ok: false };
      cards.close(false);
      if (request.type === 'siteOff') session.off();
      else void session.rescan();
      return { ok: true };
    }
  }
}

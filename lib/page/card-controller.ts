/**
 * Opens and closes the reader's card (DESIGN §1, §7). Pointer: each `pointermove` is hit-tested
 * once per animation frame (`caretPositionFromPoint` → the mark index → the mark's client rects)
 * and {@link createHoverIntent} decides when to open and close. Keyboard: Alt+Shift+C / Alt+Shift+X
 * step through the marks and open the card with focus in it; Esc closes and gives focus back.
 * The card's data comes from the background (injected), its view is loaded on first use
 * (injected). Standard DOM only.
 */
import type { CardReply, CardRequest } from '../store/messages';
import { caretAt, pointInRects } from './caret';
import { isEscape, stepIndex, stepShortcut } from './card-keys';
import type { CardBody, CardSubject, CardView, CreateCardView } from './card-view';
import { createHoverIntent, type Timers } from './hover-intent';
import type { MarkIndex } from './mark-index';
import type { PageMark } from './page-marks';

export interface CardControllerOptions {
  doc: Document;
  /** The host's closed shadow root, where the view renders. */
  shadow: ShadowRoot;
  /** The host element: events from inside the shadow root are retargeted to it. */
  hostElement: Element;
  /** The painted marks (`null` while none are). */
  marks(): MarkIndex<PageMark> | null;
  /** Asks the background for a card's data. */
  fetchCard(request: CardRequest): Promise<CardReply>;
  /** Loads the view module (once; the result is kept). */
  loadView(): Promise<CreateCardView>;
  /** Aborting it destroys the controller (WXT's `ctx.signal`). */
  signal?: AbortSignal;
  dwellMs?: number;
  graceMs?: number;
  timers?: Timers;
  /** Called when the view cannot be loaded or shown. */
  onError?(error: unknown): void;
}

export interface CardController {
  /** Opens `mark`'s card; with `focus`, the card takes focus (Esc gives it back). */
  open(mark: PageMark, options: { focus: boolean; point?: { x: number; y: number } }): Promise<void>;
  /** Closes the card; with `restoreFocus`, focus goes back where it was before the card took it. */
  close(restoreFocus: boolean): void;
  /** Steps to the next (+1) or previous (-1) mark and opens its card with focus. */
  step(direction: 1 | -1): Promise<void>;
  /** The mark whose card is open, or `null`. */
  openMark(): PageMark | null;
  /** Removes every listener, closes and destroys the view. Idempotent. */
  destroy(): void;
}

/** The background request for a mark's card. */
export function cardRequestFor(mark: PageMark): CardRequest {
  return mark.kind === 'figure'
    ? { type: 'card', kind: 'figure', quantity: mark.figure.quantity }
    : { type: 'card', kind: 'name', entity: mark.name.entity };
}

/** What the card says it is about: the mark's text (whitespace collapsed) and the page's data. */
export function cardSubjectFor(mark: PageMark): CardSubject {
  const text = mark.range.toString().replace(/\s+/g, ' ').trim();
  return mark.kind === 'figure'
    ? { kind: 'figure', text, figure: mark.figure }
    : { kind: 'name', text, name: mark.name };
}

/** The index of the first mark whose box reaches into the viewport from the top (0 if none). */
export function firstMarkInView(marks: readonly PageMark[]): number {
  for (let i = 0; i < marks.length; i++) if (marks[i]!.range.getBoundingClientRect().bottom >= 0) return i;
  return 0;
}

/** Starts listening on `doc`. */
export function startCardController(options: CardControllerOptions): CardController {
  const { doc, hostElement } = options;
  const win = doc.defaultView;
  const abort = new AbortController();
  const listen = { signal: abort.signal, passive: true } as const;
  const cache = new Map<string, { promise: Promise<CardReply>; reply?: CardReply; failed?: boolean }>();
  let viewPromise: Promise<CardView> | null = null;
  let view: CardView | null = null;
  let current: PageMark | null = null;
  let cursor: number | null = null;
  let returnFocus: Element | null = null;
  let token = 0;
  let destroyed = false;

  const fetchFor = (mark: PageMark) => {
    const request = cardRequestFor(mark);
    const key = request.kind === 'figure' ? `f:${request.quantity}` : `n:${request.entity}`;
    let entry = cache.get(key);
    if (entry === undefined) {
      const created: { promise: Promise<CardReply>; reply?: CardReply; failed?: boolean } = {
        promise: options.fetchCard(request),
      };
      created.promise.then(
        (reply) => (created.reply = reply),
        () => {
          created.failed = true;
          // Not kept: the next hover asks again.
          if (cache.get(key) === created) cache.delete(key);
        },
      );
      entry = created;
      cache.set(key, entry);
    }
    return entry;
  };

  const getView = (): Promise<CardView> => {
    viewPromise ??= options.loadView().then((create) => {
      view = create(options.shadow, {
        pointerEnter: () => intent.overCard(true),
        pointerLeave: () => intent.overCard(false),
        requestClose: () => controller.close(true),
      });
      if (destroyed) view.destroy();
      return view;
    });
    viewPromise.catch(() => (viewPromise = null));
    return viewPromise;
  };

  const focusInCard = () => doc.activeElement === hostElement;

  const intent = createHoverIntent<PageMark>({
    ...(options.dwellMs !== undefined ? { dwellMs: options.dwellMs } : {}),
    ...(options.graceMs !== undefined ? { graceMs: options.graceMs } : {}),
    ...(options.timers ? { timers: options.timers } : {}),
    approach: (mark) => void fetchFor(mark),
    open: (mark) => void controller.open(mark, { focus: false, ...(lastPoint ? { point: lastPoint } : {}) }),
    // A reader who tabbed into the card keeps it while the pointer wanders.
    close: () => {
      if (!focusInCard()) controller.close(false);
    },
  });

  // Pointer: one hit test per frame with the latest position.
  let lastPoint: { x: number; y: number } | null = null;
  let frame = 0;
  const hitTest = () => {
    frame = 0;
    if (lastPoint === null) return;
    const index = options.marks();
    if (index === null) return intent.hit(null);
    const caret = caretAt(doc, lastPoint.x, lastPoint.y);
    let mark = caret === null ? null : index.markAt(caret.node, caret.offset);
    if (mark !== null && !pointInRects(Array.from(mark.range.getClientRects()), lastPoint.x, lastPoint.y))
      mark = null;
    intent.hit(mark);
  };
  doc.addEventListener(
    'pointermove',
    (event) => {
      // Over the card (retargeted to the host): the card's own enter/leave events decide.
      if (event.target === hostElement || event.pointerType === 'touch') return;
      lastPoint = { x: event.clientX, y: event.clientY };
      if (frame === 0 && win) frame = win.requestAnimationFrame(hitTest);
    },
    listen,
  );
  doc.documentElement.addEventListener('pointerleave', () => intent.hit(null), listen);
  doc.addEventListener(
    'pointerdown',
    (event) => {
      if (current !== null && event.target !== hostElement) controller.close(false);
    },
    { signal: abort.signal, capture: true, passive: true },
  );

  // Keyboard: in capture so a page's own handlers do not swallow Esc first.
  doc.addEventListener(
    'keydown',
    (event) => {
      if (isEscape(event)) {
        if (current === null) return;
        controller.close(true);
        event.stopPropagation();
        return;
      }
      const direction = stepShortcut(event);
      if (direction === 0 || isEditable(event.target)) return;
      event.preventDefault();
      void controller.step(direction);
    },
    { signal: abort.signal, capture: true },
  );

  let placeFrame = 0;
  const reposition = () => {
    if (current === null || placeFrame !== 0 || !win) return;
    placeFrame = win.requestAnimationFrame(() => {
      placeFrame = 0;
      view?.reposition();
    });
  };
  win?.addEventListener('scroll', reposition, { ...listen, capture: true });
  win?.addEventListener('resize', reposition, listen);

  const controller: CardController = {
    async open(mark, how) {
      const mine = ++token;
      const entry = fetchFor(mark);
      let shown: CardView;
      try {
        shown = await getView();
      } catch (error) {
        options.onError?.(error);
        return;
      }
      if (destroyed || mine !== token) return;
      if (how.focus && !focusInCard()) returnFocus = doc.activeElement;
      const subject = cardSubjectFor(mark);
      const body: CardBody = entry.reply ?? (entry.failed ? { status: 'error' } : { status: 'loading' });
      const place = { focus: how.focus, ...(how.point ? { point: how.point } : {}) };
      current = mark;
      const list = options.marks()?.marks;
      const at = list ? list.indexOf(mark) : -1;
      if (at >= 0) cursor = at;
      intent.opened(mark, !how.focus);
      shown.show({ subject, body }, mark.range, place);
      if (body.status !== 'loading') return;
      entry.promise.then(
        (reply) => {
          if (mine === token && current === mark)
            shown.show({ subject, body: reply }, mark.range, { ...place, focus: false });
        },
        () => {
          if (mine === token && current === mark)
            shown.show({ subject, body: { status: 'error' } }, mark.range, { ...place, focus: false });
        },
      );
    },
    close(restoreFocus) {
      if (current === null) return;
      token++;
      const hadFocus = focusInCard();
      current = null;
      view?.hide();
      intent.closed();
      if (restoreFocus && hadFocus) {
        const target = returnFocus as (Element & { focus?: (o?: FocusOptions) => void }) | null;
        if (target?.isConnected && typeof target.focus === 'function') target.focus({ preventScroll: true });
      }
      returnFocus = null;
    },
    async step(direction) {
      const marks = options.marks()?.marks ?? [];
      const next = stepIndex(
        cursor !== null && cursor < marks.length ? cursor : null,
        marks.length,
        direction,
        cursor === null ? firstMarkInView(marks) : 0,
      );
      if (next === null) return;
      const mark = marks[next]!;
      cursor = next;
      const rect = mark.range.getBoundingClientRect();
      if (win && (rect.top < 0 || rect.bottom > win.innerHeight))
        win.scrollBy(0, rect.top - win.innerHeight / 3);
      await controller.open(mark, { focus: true });
    },
    openMark: () => current,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      token++;
      abort.abort();
      if (win && frame !== 0) win.cancelAnimationFrame(frame);
      if (win && placeFrame !== 0) win.cancelAnimationFrame(placeFrame);
      intent.destroy();
      current = null;
      view?.destroy();
      view = null;
    },
  };

  if (options.signal?.aborted) controller.destroy();
  else options.signal?.addEventListener('abort', () => controller.destroy(), { once: true });
  return controller;
}

/** True for targets where Alt+Shift+letter may be typing (inputs, text areas, editable content). */
function isEditable(target: EventTarget | null): boolean {
  const el = target as (Element & { isContentEditable?: boolean }) | null;
  if (el === null || typeof el !== 'object' || !('localName' in el)) return false;
  return (
    el.localName === 'input' ||
    el.localName === 'textarea' ||
    el.localName === 'select' ||
    el.isContentEditable === true
  );
}

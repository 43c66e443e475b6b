// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  cardRequestFor,
  cardSubjectFor,
  startCardController,
  type CardController,
} from '../../lib/page/card-controller';
import type { CardContent, CardView, CardViewHandlers, CreateCardView } from '../../lib/page/card-view';
import { createMarkIndex } from '../../lib/page/mark-index';
import type { FigureMark, NameMark, PageMark } from '../../lib/page/page-marks';
import type { CardReply, CardRequest } from '../../lib/store/messages';

const TEXT = 'As of November, about 12,000 North Korean troops were sent by Kim Jong Un.';

let controller: CardController | undefined;
let host: HTMLElement;
let shadow: ShadowRoot;
let marks: PageMark[];
let text: Text;

function range(start: number, end: number): Range {
  const r = document.createRange();
  r.setStart(text, start);
  r.setEnd(text, end);
  return r;
}

beforeEach(() => {
  vi.useFakeTimers();
  document.body.replaceChildren();
  const p = document.createElement('p');
  p.textContent = TEXT;
  document.body.append(p);
  text = p.firstChild as Text;
  const input = document.createElement('input');
  input.id = 'field';
  document.body.append(input);
  host = document.createElement('crosscheck-ui');
  shadow = host.attachShadow({ mode: 'closed' });
  document.documentElement.append(host);
  const figStart = TEXT.indexOf('about 12,000');
  const nameStart = TEXT.indexOf('Kim Jong Un');
  const figure: FigureMark = {
    kind: 'figure',
    range: range(figStart, figStart + 12),
    start: figStart,
    end: figStart + 12,
    figure: {
      start: figStart,
      end: figStart + 12,
      quantity: 'nk-troops',
      value: { low: 12000, high: 12000 },
      qualifier: 'about',
      attribution: { type: 'unattributed', cue: '' },
    },
  };
  const name: NameMark = {
    kind: 'name',
    range: range(nameStart, nameStart + 11),
    start: nameStart,
    end: nameStart + 11,
    name: { start: nameStart, end: nameStart + 11, entity: 'kim-jong-un' },
  };
  marks = [figure, name];
});

afterEach(() => {
  controller?.destroy();
  controller = undefined;
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A view that records what it was asked to do. */
function fakeView() {
  const shown: { content: CardContent; focus: boolean }[] = [];
  let handlers: CardViewHandlers | null = null;
  let open = false;
  const create: CreateCardView = (_shadow, h) => {
    handlers = h;
    const view: CardView = {
      get isOpen() {
        return open;
      },
      show(content, _anchor, options) {
        open = true;
        shown.push({ content, focus: options.focus });
      },
      reposition() {},
      hide() {
        open = false;
      },
      destroy: vi.fn(() => {
        open = false;
      }),
    };
    return view;
  };
  return { create, shown, isOpen: () => open, handlers: () => handlers! };
}

function start(overrides: { fetchCard?: (r: CardRequest) => Promise<CardReply>; signal?: AbortSignal } = {}) {
  const view = fakeView();
  const fetchCard = vi.fn(
    overrides.fetchCard ??
      (async (request: CardRequest): Promise<CardReply> => ({
        status: 'card',
        card:
          request.kind === 'figure'
            ? {
                kind: 'figure',
                quantity: { id: request.quantity, label: 'Troops', unit: 'troops' },
                reports: [],
              }
            : {
                kind: 'name',
                entity: {
                  id: request.entity,
                  name: 'Kim',
                  kind: 'person',
                  description: 'x',
                  roles: [],
                  links: [],
                },
                reports: [],
                total: 0,
              },
      })),
  );
  const index = createMarkIndex(marks);
  controller = startCardController({
    doc: document,
    shadow,
    hostElement: host,
    marks: () => index,
    fetchCard,
    loadView: async () => view.create,
    ...(overrides.signal ? { signal: overrides.signal } : {}),
  });
  return { view, fetchCard, index };
}

const press = (init: KeyboardEventInit, target: EventTarget = document.body) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await vi.advanceTimersByTimeAsync(0);
};

describe('cardRequestFor / cardSubjectFor', () => {
  it('asks for a figure’s quantity and a name’s entity', () => {
    expect(cardRequestFor(marks[0]!)).toEqual({ type: 'card', kind: 'figure', quantity: 'nk-troops' });
    expect(cardRequestFor(marks[1]!)).toEqual({ type: 'card', kind: 'name', entity: 'kim-jong-un' });
  });

  it('names the mark by its text on the page', () => {
    expect(cardSubjectFor(marks[0]!)).toMatchObject({ kind: 'figure', text: 'about 12,000' });
    expect(cardSubjectFor(marks[1]!)).toMatchObject({ kind: 'name', text: 'Kim Jong Un' });
  });
});

describe('startCardController: keyboard', () => {
  it('Alt+Shift+C opens the first mark’s card with focus, again steps to the next; Alt+Shift+X steps back', async () => {
    const { view } = start();
    press({ key: 'C', code: 'KeyC', altKey: true, shiftKey: true });
    await flush();
    expect(controller!.openMark()).toBe(marks[0]);
    const last = view.shown.at(-1)!;
    expect(last.content.subject.text).toBe('about 12,000');
    expect(view.shown.some((s) => s.focus)).toBe(true);
    expect(last.content.body.status).toBe('card');

    press({ key: 'C', code: 'KeyC', altKey: true, shiftKey: true });
    await flush();
    expect(controller!.openMark()).toBe(marks[1]);
    press({ key: 'X', code: 'KeyX', altKey: true, shiftKey: true });
    await flush();
    expect(controller!.openMark()).toBe(marks[0]);
  });

  it('ignores the shortcut while typing in a field', async () => {
    start();
    press({ key: 'C', code: 'KeyC', altKey: true, shiftKey: true }, document.getElementById('field')!);
    await flush();
    expect(controller!.openMark()).toBeNull();
  });

  it('Esc closes and gives focus back to where it was', async () => {
    const { view } = start();
    const field = document.getElementById('field') as HTMLInputElement;
    field.focus();
    await controller!.open(marks[0]!, { focus: true });
    // The card took focus (focus inside a shadow root shows as the host).
    host.tabIndex = -1;
    host.focus();
    press({ key: 'Escape', code: 'Escape' });
    expect(view.isOpen()).toBe(false);
    expect(controller!.openMark()).toBeNull();
    expect(document.activeElement).toBe(field);
  });

  it('fetches each card’s data once and shows loading, then the reply', async () => {
    let resolve!: (reply: CardReply) => void;
    const { view, fetchCard } = start({ fetchCard: () => new Promise<CardReply>((r) => (resolve = r)) });
    const opening = controller!.open(marks[0]!, { focus: false });
    await flush();
    await opening;
    expect(view.shown.at(-1)!.content.body).toEqual({ status: 'loading' });
    resolve({ status: 'missing' });
    await flush();
    expect(view.shown.at(-1)!.content.body).toEqual({ status: 'missing' });
    await controller!.open(marks[0]!, { focus: false });
    expect(fetchCard).toHaveBeenCalledTimes(1);
  });

  it('shows an error when the data cannot be fetched, and asks again next time', async () => {
    const { view, fetchCard } = start({ fetchCard: () => Promise.reject(new Error('gone')) });
    await controller!.open(marks[0]!, { focus: false });
    await flush();
    expect(view.shown.at(-1)!.content.body).toEqual({ status: 'error' });
    await controller!.open(marks[0]!, { focus: false });
    expect(fetchCard).toHaveBeenCalledTimes(2);
  });

  it('closes on a pointer press outside the card but not inside it', async () => {
    const { view } = start();
    await controller!.open(marks[0]!, { focus: false });
    host.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(view.isOpen()).toBe(true);
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(view.isOpen()).toBe(false);
  });
});

describe('startCardController: pointer', () => {
  it('opens the card of the mark under a resting pointer after the dwell, and closes after leaving', async () => {
    const figure = marks[0]!;
    const point = { x: 100, y: 20 };
    (document as unknown as { caretPositionFromPoint: unknown }).caretPositionFromPoint = (x: number) =>
      x === point.x ? { offsetNode: text, offset: figure.start + 3 } : { offsetNode: text, offset: 0 };
    vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(
      () => [{ left: 90, right: 160, top: 10, bottom: 30 }] as unknown as DOMRectList,
    );
    const { view, fetchCard } = start();
    const move = (x: number, y: number) =>
      document.body.dispatchEvent(
        new PointerEvent('pointermove', { bubbles: true, clientX: x, clientY: y, pointerType: 'mouse' }),
      );

    move(point.x, point.y);
    await vi.advanceTimersByTimeAsync(50);
    expect(fetchCard).toHaveBeenCalledTimes(1);
    expect(view.isOpen()).toBe(false);
    await vi.advanceTimersByTimeAsync(300);
    expect(view.isOpen()).toBe(true);
    expect(controller!.openMark()).toBe(figure);

    // Into the card: stays open; out of both: closes after the grace.
    view.handlers().pointerEnter();
    move(5, 5);
    await vi.advanceTimersByTimeAsync(1000);
    expect(view.isOpen()).toBe(true);
    view.handlers().pointerLeave();
    await vi.advanceTimersByTimeAsync(1000);
    expect(view.isOpen()).toBe(false);
  });

  it('ignores a caret position past the end of a line (not inside the mark’s boxes)', async () => {
    const figure = marks[0]!;
    (document as unknown as { caretPositionFromPoint: unknown }).caretPositionFromPoint = () => ({
      offsetNode: text,
      offset: figure.start + 3,
    });
    vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(
      () => [{ left: 90, right: 160, top: 10, bottom: 30 }] as unknown as DOMRectList,
    );
    const { view } = start();
    document.body.dispatchEvent(
      new PointerEvent('pointermove', { bubbles: true, clientX: 600, clientY: 20 }),
    );
    await vi.advanceTimersByTimeAsync(1000);
    expect(view.isOpen()).toBe(false);
  });
});

describe('startCardController: teardown', () => {
  it('stops listening and destroys the view when the signal aborts', async () => {
    const abort = new AbortController();
    const { view } = start({ signal: abort.signal });
    await controller!.open(marks[0]!, { focus: false });
    abort.abort();
    expect(view.isOpen()).toBe(false);
    press({ key: 'C', code: 'KeyC', altKey: true, shiftKey: true });
    await flush();
    expect(controller!.openMark()).toBeNull();
  });
});

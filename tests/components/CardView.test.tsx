// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCardView } from '../../components/CardView';
import type { CardContent, CardViewHandlers } from '../../lib/page/card-view';

let host: HTMLElement;
let shadow: ShadowRoot;
let text: Text;
const handlers: CardViewHandlers = { pointerEnter: vi.fn(), pointerLeave: vi.fn(), requestClose: vi.fn() };

const CONTENT: CardContent = {
  subject: {
    kind: 'figure',
    text: 'about 12,000',
    figure: { start: 0, end: 12, quantity: 'q', value: { low: 12000, high: 12000 }, qualifier: 'about' },
  },
  body: { status: 'loading' },
};

beforeEach(() => {
  const p = document.createElement('p');
  p.textContent = 'about 12,000 troops';
  document.body.replaceChildren(p);
  text = p.firstChild as Text;
  host = document.createElement('crosscheck-ui');
  shadow = host.attachShadow({ mode: 'closed' });
  document.documentElement.append(host);
  // happy-dom lays nothing out: give the mark and the card boxes.
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(
    () => [{ left: 100, right: 180, top: 200, bottom: 220, width: 80, height: 20 }] as unknown as DOMRectList,
  );
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(
    () => ({ left: 0, top: 0, right: 420, bottom: 300, width: 420, height: 300 }) as DOMRect,
  );
  for (const name of ['showPopover', 'hidePopover'] as const) {
    if (typeof HTMLElement.prototype[name] !== 'function')
      (HTMLElement.prototype as unknown as Record<string, () => void>)[name] = () => {};
  }
});

afterEach(() => {
  host.remove();
  vi.restoreAllMocks();
});

function anchor(): Range {
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, 12);
  return range;
}

describe('createCardView', () => {
  it('adopts its stylesheet and adds one manual popover to the shadow root', () => {
    createCardView(shadow, handlers);
    const pops = shadow.querySelectorAll('[popover]');
    expect(pops).toHaveLength(1);
    expect(pops[0]!.getAttribute('popover')).toBe('manual');
    expect(shadow.adoptedStyleSheets.length).toBeGreaterThan(0);
  });

  it('shows the card in the top layer, placed below the mark, and focuses it when asked', () => {
    const show = vi.spyOn(HTMLElement.prototype, 'showPopover');
    const view = createCardView(shadow, handlers);
    view.show(CONTENT, anchor(), { focus: true });
    expect(view.isOpen).toBe(true);
    expect(show).toHaveBeenCalledTimes(1);
    const pop = shadow.querySelector('.cc-pop') as HTMLElement;
    expect(pop.style.left).toBe('100px');
    expect(pop.style.top).toBe('226px');
    expect(pop.dataset.side).toBe('below');
    const dialog = shadow.querySelector('[role="dialog"]')!;
    expect(dialog.textContent).toContain('Looking up');
    expect(shadow.activeElement).toBe(dialog);

    // An update re-renders in place without showing again.
    view.show({ ...CONTENT, body: { status: 'error' } }, anchor(), { focus: false });
    expect(show).toHaveBeenCalledTimes(1);
    expect(shadow.querySelector('[role="dialog"]')!.textContent).toContain('could not load');
  });

  it('reports the pointer entering and leaving the card, and the close button', () => {
    const view = createCardView(shadow, handlers);
    view.show(CONTENT, anchor(), { focus: false });
    const pop = shadow.querySelector('.cc-pop')!;
    pop.dispatchEvent(new Event('pointerenter'));
    pop.dispatchEvent(new Event('pointerleave'));
    expect(handlers.pointerEnter).toHaveBeenCalled();
    expect(handlers.pointerLeave).toHaveBeenCalled();
    (shadow.querySelector('button[aria-label="Close"]') as HTMLButtonElement).click();
    expect(handlers.requestClose).toHaveBeenCalled();
  });

  it('hides (emptying the card) and is destroyed without a trace', () => {
    const view = createCardView(shadow, handlers);
    const sheets = shadow.adoptedStyleSheets.length;
    view.show(CONTENT, anchor(), { focus: false });
    view.hide();
    view.hide();
    expect(view.isOpen).toBe(false);
    expect(shadow.querySelector('[role="dialog"]')).toBeNull();
    view.destroy();
    expect(shadow.querySelector('.cc-pop')).toBeNull();
    expect(shadow.adoptedStyleSheets.length).toBe(sheets - 1);
  });
});

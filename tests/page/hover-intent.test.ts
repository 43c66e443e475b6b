import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHoverIntent, DEFAULT_DWELL_MS, DEFAULT_GRACE_MS } from '../../lib/page/hover-intent';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup() {
  const events: string[] = [];
  const intent = createHoverIntent<string>({
    open: (m) => {
      events.push(`open ${m}`);
      intent.opened(m, true);
    },
    close: () => {
      events.push('close');
      intent.closed();
    },
    approach: (m) => events.push(`approach ${m}`),
  });
  return { intent, events };
}

describe('createHoverIntent', () => {
  it('uses a ~300 ms dwell and a short grace by default', () => {
    expect(DEFAULT_DWELL_MS).toBe(300);
    expect(DEFAULT_GRACE_MS).toBeLessThan(DEFAULT_DWELL_MS);
  });

  it('opens after the dwell, not before, and fetches on approach', () => {
    const { intent, events } = setup();
    intent.hit('a');
    expect(events).toEqual(['approach a']);
    vi.advanceTimersByTime(299);
    expect(events).toEqual(['approach a']);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['approach a', 'open a']);
  });

  it('does not open for a mark the pointer only crossed', () => {
    const { intent, events } = setup();
    intent.hit('a');
    vi.advanceTimersByTime(200);
    intent.hit(null);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['approach a']);
  });

  it('repeated hits on the same mark do not restart the dwell', () => {
    const { intent, events } = setup();
    intent.hit('a');
    vi.advanceTimersByTime(200);
    intent.hit('a');
    vi.advanceTimersByTime(100);
    expect(events).toContain('open a');
  });

  it('closes a grace after the pointer leaves, unless it comes back or enters the card', () => {
    const { intent, events } = setup();
    intent.hit('a');
    vi.advanceTimersByTime(300);
    intent.hit(null);
    vi.advanceTimersByTime(DEFAULT_GRACE_MS - 1);
    intent.hit('a');
    vi.advanceTimersByTime(1000);
    expect(events).not.toContain('close');

    intent.hit(null);
    vi.advanceTimersByTime(50);
    intent.overCard(true);
    vi.advanceTimersByTime(1000);
    expect(events).not.toContain('close');

    intent.overCard(false);
    vi.advanceTimersByTime(DEFAULT_GRACE_MS);
    expect(events.at(-1)).toBe('close');
  });

  it('does not switch cards for a mark crossed on the way into the card', () => {
    const { intent, events } = setup();
    intent.hit('a');
    vi.advanceTimersByTime(300);
    intent.hit('b');
    intent.overCard(true);
    vi.advanceTimersByTime(1000);
    expect(events.filter((e) => e.startsWith('open'))).toEqual(['open a']);
  });

  it('switches to another mark after its dwell', () => {
    const { intent, events } = setup();
    intent.hit('a');
    vi.advanceTimersByTime(300);
    intent.hit('b');
    vi.advanceTimersByTime(300);
    expect(events.filter((e) => e.startsWith('open'))).toEqual(['open a', 'open b']);
  });

  it('never closes a card opened from the keyboard when the pointer moves', () => {
    const { intent, events } = setup();
    intent.opened('k', false);
    intent.hit('x');
    intent.hit(null);
    vi.advanceTimersByTime(1000);
    expect(events).not.toContain('close');
  });

  it('clears its timers on destroy', () => {
    const { intent, events } = setup();
    intent.hit('a');
    intent.destroy();
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['approach a']);
  });
});

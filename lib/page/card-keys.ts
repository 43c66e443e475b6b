/**
 * The keyboard side of the card (DESIGN §7): Alt+Shift+C steps to the next mark and opens its
 * card, Alt+Shift+X to the previous one; Esc closes. Pure.
 */

/** The parts of a `KeyboardEvent` the shortcut needs. */
export interface KeyLike {
  key: string;
  code: string;
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/**
 * +1 for Alt+Shift+C (next mark), -1 for Alt+Shift+X (previous), 0 otherwise. Matched on the
 * physical key (`code`) so layouts and the characters Alt produces on macOS do not matter; Ctrl
 * and Meta must be up (AltGr reports Ctrl+Alt on Windows).
 */
export function stepShortcut(event: KeyLike): 1 | -1 | 0 {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return 0;
  if (event.code === 'KeyC') return 1;
  if (event.code === 'KeyX') return -1;
  return 0;
}

/** True for Esc. */
export function isEscape(event: Pick<KeyLike, 'key'>): boolean {
  return event.key === 'Escape' || event.key === 'Esc';
}

/**
 * The index to step to among `count` marks from `current`, wrapping around; with no current mark
 * yet (`null`) either direction lands on `start` (the first mark in view). `null` when there are
 * no marks.
 */
export function stepIndex(
  current: number | null,
  count: number,
  direction: 1 | -1,
  start = 0,
): number | null {
  if (count <= 0) return null;
  if (current === null) return Math.min(Math.max(start, 0), count - 1);
  return (((current + direction) % count) + count) % count;
}

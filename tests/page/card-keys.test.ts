import { describe, expect, it } from 'vitest';
import { isEscape, stepIndex, stepShortcut, type KeyLike } from '../../lib/page/card-keys';

const key = (code: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: code.replace('Key', '').toLowerCase(),
  code,
  altKey: true,
  shiftKey: true,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('stepShortcut', () => {
  it('is +1 for Alt+Shift+C and -1 for Alt+Shift+X, whatever character the key produces', () => {
    expect(stepShortcut(key('KeyC'))).toBe(1);
    expect(stepShortcut(key('KeyC', { key: 'Ç' }))).toBe(1);
    expect(stepShortcut(key('KeyX'))).toBe(-1);
  });

  it('ignores other keys and other modifiers (AltGr is Ctrl+Alt)', () => {
    expect(stepShortcut(key('KeyV'))).toBe(0);
    expect(stepShortcut(key('KeyC', { shiftKey: false }))).toBe(0);
    expect(stepShortcut(key('KeyC', { altKey: false }))).toBe(0);
    expect(stepShortcut(key('KeyC', { ctrlKey: true }))).toBe(0);
    expect(stepShortcut(key('KeyC', { metaKey: true }))).toBe(0);
  });
});

describe('isEscape', () => {
  it('knows both spellings', () => {
    expect(isEscape({ key: 'Escape' })).toBe(true);
    expect(isEscape({ key: 'Esc' })).toBe(true);
    expect(isEscape({ key: 'Enter' })).toBe(false);
  });
});

describe('stepIndex', () => {
  it('starts at the given mark either way, then steps and wraps', () => {
    expect(stepIndex(null, 5, 1, 2)).toBe(2);
    expect(stepIndex(null, 5, -1, 2)).toBe(2);
    expect(stepIndex(null, 5, 1, 9)).toBe(4);
    expect(stepIndex(2, 5, 1)).toBe(3);
    expect(stepIndex(4, 5, 1)).toBe(0);
    expect(stepIndex(0, 5, -1)).toBe(4);
    expect(stepIndex(null, 0, 1)).toBeNull();
  });
});

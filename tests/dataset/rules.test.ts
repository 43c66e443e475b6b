import { describe, expect, it } from 'vitest';
import {
  CUE_METACHARACTER,
  FORBIDDEN_CHARACTER,
  KEBAB_CASE,
  LINE_BREAK,
  aliasKey,
  isCalendarDate,
  isHttpsUrl,
  partialDateStart,
} from '../../lib/dataset/rules';

describe('rules', () => {
  it('accepts kebab-case ids only', () => {
    for (const id of ['a', 'nk-troops', 'f-16', '2024-report']) expect(KEBAB_CASE.test(id)).toBe(true);
    for (const id of ['A', 'nk_troops', 'nk--troops', '-nk', 'nk-', 'nk troops', ''])
      expect(KEBAB_CASE.test(id)).toBe(false);
  });

  it('knows real calendar dates at year, month and day precision', () => {
    for (const d of ['2024', '2024-02', '2024-02-29', '2000-02-29', '2023-12-31'])
      expect(isCalendarDate(d)).toBe(true);
    for (const d of [
      '2023-02-29',
      '1900-02-29',
      '2024-02-30',
      '2024-04-31',
      '2024-13',
      '2024-00',
      '2024-01-00',
      '24',
      '2024-1-1',
      '2024/01/01',
    ]) {
      expect(isCalendarDate(d)).toBe(false);
    }
  });

  it('accepts https URLs with a host and no credentials only', () => {
    expect(isHttpsUrl('https://example.org/a?b#c')).toBe(true);
    for (const url of [
      'http://example.org',
      'javascript:alert(1)',
      'https://',
      'https://user:pw@example.org',
      '//example.org',
      'HTTPS://example.org',
    ]) {
      expect(isHttpsUrl(url)).toBe(false);
    }
  });

  it('normalises aliases for collision checks', () => {
    expect(aliasKey('Kim  Jong-un')).toBe(aliasKey('kim jong un'));
    expect(aliasKey('O’Brien')).toBe(aliasKey("o'brien"));
    expect(aliasKey('ＤＰＲＫ')).toBe('dprk');
    expect(aliasKey('Kim Jong Il')).not.toBe(aliasKey('Kim Jong Un'));
  });

  it('finds forbidden characters, line breaks and cue metacharacters', () => {
    for (const ch of [
      '\u0000',
      '\u0007',
      '\t',
      '\u001f',
      '\u007f',
      '\u0085',
      '\u202a',
      '\u202e',
      '\u2066',
      '\u2069',
      '\u200e',
      '\u200f',
      '\u061c',
    ]) {
      expect(FORBIDDEN_CHARACTER.test(`a${ch}b`)).toBe(true);
    }
    expect(FORBIDDEN_CHARACTER.test('a\nb — “ok” é 한국')).toBe(false);
    for (const ch of ['\n', '\r', '\u2028', '\u2029']) expect(LINE_BREAK.test(`a${ch}b`)).toBe(true);
    for (const ch of '\\^$*+?()[]{}|') expect(CUE_METACHARACTER.test(`a${ch}`)).toBe(true);
    expect(CUE_METACHARACTER.test("North Korea's U.S.-led")).toBe(false);
  });

  it('gives the first day of a partial date', () => {
    expect(partialDateStart('2024')).toBe('2024-01-01');
    expect(partialDateStart('2024-05')).toBe('2024-05-01');
    expect(partialDateStart('2024-05-06')).toBe('2024-05-06');
  });
});

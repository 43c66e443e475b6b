import { describe, expect, it } from 'vitest';
import {
  normalizeDate,
  normalizeEntity,
  normalizeQuantity,
  normalizeReport,
  normalizeValue,
} from '../../lib/dataset/normalize';

describe('normalize', () => {
  it('turns a bare year into a date string', () => {
    expect(normalizeDate(2024)).toBe('2024');
    expect(normalizeDate('2024-05')).toBe('2024-05');
  });

  it('expands the value forms', () => {
    expect(normalizeValue({ exact: 5 })).toEqual({ value: { low: 5, high: 5, qualifier: 'exact' } });
    expect(normalizeValue({ exact: 5, qualifier: 'about' })).toEqual({
      value: { low: 5, high: 5, qualifier: 'about' },
    });
    expect(normalizeValue({ low: 5, qualifier: 'more-than' })).toEqual({
      value: { low: 5, high: null, qualifier: 'more-than' },
    });
    expect(normalizeValue({ high: 9, qualifier: 'up-to' })).toEqual({
      value: { low: null, high: 9, qualifier: 'up-to' },
    });
    expect(normalizeValue({ low: 0, high: 9, qualifier: 'range' })).toEqual({
      value: { low: 0, high: 9, qualifier: 'range' },
    });
  });

  it('refuses value forms that mix or miss parts', () => {
    expect(normalizeValue({ exact: 5, high: 6 })).toEqual({
      issues: [{ path: ['value'], message: 'must use either exact or low/high, not both' }],
    });
    expect(normalizeValue({ exact: 5, qualifier: 'at-least' })).toMatchObject({
      issues: [{ path: ['value', 'qualifier'] }],
    });
    expect(normalizeValue({ qualifier: 'about' })).toEqual({
      issues: [{ path: ['value'], message: 'needs exact, or low and/or high' }],
    });
    expect(normalizeValue({ low: 1 })).toEqual({
      issues: [{ path: ['value', 'qualifier'], message: 'is required with low/high' }],
    });
  });

  it('expands aliases and omits empty or false optional fields', () => {
    expect(
      normalizeEntity({
        id: 'x',
        kind: 'person',
        name: 'X',
        aliases: ['A', { text: 'B', caseSensitive: true }, { text: 'C', caseSensitive: false }],
        description: 'D.',
        roles: [{ title: 'T', from: 2020, to: '2021-05' }],
        links: [],
        stateMedia: false,
      }),
    ).toEqual({
      id: 'x',
      kind: 'person',
      name: 'X',
      aliases: [{ text: 'A' }, { text: 'B', caseSensitive: true }, { text: 'C' }],
      description: 'D.',
      roles: [{ title: 'T', from: '2020', to: '2021-05' }],
    });
    expect(
      normalizeEntity({ id: 'y', kind: 'outlet', name: 'Y', description: 'D.', stateMedia: true }),
    ).toEqual({
      id: 'y',
      kind: 'outlet',
      name: 'Y',
      aliases: [],
      description: 'D.',
      stateMedia: true,
    });
  });

  it('fills omitted cue lists and report lists', () => {
    expect(normalizeQuantity({ id: 'q', label: 'L', unit: 'u', cues: { unit: ['u'] } }).cues).toEqual({
      subject: [],
      unit: ['u'],
      event: [],
      exclude: [],
    });
    const report = normalizeReport(
      {
        id: 'r',
        value: { exact: 1 },
        asOf: 2024,
        published: '2024-01-02',
        outlet: 'o',
        attribution: 'hearsay',
        url: 'https://a.example',
        summary: 'S.',
      },
      'q',
      { low: 1, high: 1, qualifier: 'exact' },
    );
    expect(report).toEqual({
      id: 'r',
      quantity: 'q',
      value: { low: 1, high: 1, qualifier: 'exact' },
      asOf: '2024',
      published: '2024-01-02',
      outlet: 'o',
      attribution: 'hearsay',
      url: 'https://a.example',
      summary: 'S.',
      subjects: [],
    });
  });
});

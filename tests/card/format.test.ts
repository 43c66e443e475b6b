import { describe, expect, it } from 'vitest';
import {
  capitalize,
  countReports,
  formatAmount,
  formatDateRange,
  formatNumber,
  formatPartialDate,
  formatValue,
  isHttpsUrl,
  linkHost,
} from '../../lib/card/format';

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [500, '500'],
    [12000, '12,000'],
    [1234567, '1,234,567'],
    [1.5, '1.5'],
    [2.005, '2.01'],
    [-4200, '-4,200'],
    [100, '100'],
  ])('%d → %s', (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });
});

describe('formatAmount', () => {
  it('adds percent and currency units', () => {
    expect(formatAmount(12, 'percent')).toBe('12%');
    expect(formatAmount(1200, 'USD')).toBe('USD 1,200');
    expect(formatAmount(1200)).toBe('1,200');
  });
});

describe('formatValue', () => {
  it.each([
    [{ low: 12000, high: 12000 }, 'about', 'about 12,000'],
    [{ low: 12000, high: 12000 }, 'exact', '12,000'],
    [{ low: 5000, high: null }, 'more-than', 'more than 5,000'],
    [{ low: 3000, high: null }, 'at-least', 'at least 3,000'],
    [{ low: null, high: 12000 }, 'up-to', 'up to 12,000'],
    [{ low: 12000, high: 12000 }, 'up-to', 'up to 12,000'],
    [{ low: null, high: 100 }, 'fewer-than', 'fewer than 100'],
    [{ low: 10900, high: 12000 }, 'range', '10,900–12,000'],
    [{ low: 200, high: 900 }, 'exact', '200–900'],
    [{ low: 10000, high: 12000 }, 'about', 'about 10,000–12,000'],
    [{ low: 5000, high: null }, 'exact', '5,000 or more'],
    [{ low: null, high: 40 }, 'range', 'up to 40'],
    [{ low: null, high: null }, 'about', '?'],
  ] as const)('%j %s → %s', (value, qualifier, text) => {
    expect(formatValue(value, qualifier)).toBe(text);
  });

  it('formats the unit too', () => {
    expect(formatValue({ low: 40, high: 40 }, 'about', 'percent')).toBe('about 40%');
  });
});

describe('formatPartialDate', () => {
  it.each([
    ['2024', '2024'],
    ['2024-11', 'Nov 2024'],
    ['2024-11-05', '5 Nov 2024'],
    ['2024-13', '2024'],
    ['soon', 'soon'],
  ])('%s → %s', (date, text) => {
    expect(formatPartialDate(date)).toBe(text);
  });
});

describe('formatDateRange', () => {
  it('says since, until, both or nothing', () => {
    expect(formatDateRange('2024-10', '2025')).toBe('Oct 2024 – 2025');
    expect(formatDateRange('2024-10')).toBe('since Oct 2024');
    expect(formatDateRange(undefined, '2024')).toBe('until 2024');
    expect(formatDateRange()).toBe('');
  });
});

describe('small helpers', () => {
  it('capitalizes, counts reports and reads link hosts', () => {
    expect(capitalize('about 12,000')).toBe('About 12,000');
    expect(countReports(1)).toBe('1 report');
    expect(countReports(1200)).toBe('1,200 reports');
    expect(linkHost('https://www.politico.eu/article/x')).toBe('politico.eu');
    expect(linkHost('not a url')).toBe('');
  });

  it('accepts only https links', () => {
    expect(isHttpsUrl('https://example.org/a')).toBe(true);
    expect(isHttpsUrl('http://example.org/a')).toBe(false);
    expect(isHttpsUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpsUrl('/relative')).toBe(false);
  });
});

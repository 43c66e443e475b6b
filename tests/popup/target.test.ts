import { describe, expect, it } from 'vitest';
import { siteOf, tabIdFromSearch } from '../../lib/popup/target';

describe('tabIdFromSearch', () => {
  it('reads ?tab=<id>', () => {
    expect(tabIdFromSearch('?tab=42')).toBe(42);
    expect(tabIdFromSearch('?x=1&tab=2068151438')).toBe(2068151438);
    expect(tabIdFromSearch('?tab=0')).toBe(0);
  });

  it('is null without a tab, or with anything but digits', () => {
    for (const search of [
      '',
      '?',
      '?tab=',
      '?tab=-1',
      '?tab=1.5',
      '?tab=abc',
      '?tab=1e3',
      '?tab=' + '9'.repeat(16),
    ])
      expect(tabIdFromSearch(search), search).toBeNull();
  });
});

describe('siteOf', () => {
  it('is the lower-case host name of a web page', () => {
    expect(siteOf('https://www.Example.com/news/1?x#y')).toBe('www.example.com');
    expect(siteOf('http://127.0.0.1:8080/seed.html')).toBe('127.0.0.1');
    expect(siteOf('http://[::1]:3000/')).toBe('[::1]');
  });

  it('is null for browser pages, files, other schemes, garbage and no URL', () => {
    for (const url of [
      'chrome://extensions/',
      'about:blank',
      'file:///tmp/a.html',
      'chrome-extension://abc/popup.html',
      'view-source:https://example.com/',
      'not a url',
      '',
      undefined,
    ])
      expect(siteOf(url), String(url)).toBeNull();
  });
});

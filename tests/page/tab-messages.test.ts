import { describe, expect, it } from 'vitest';
import { isFromExtensionPage, isTabRequest } from '../../lib/page/tab-messages';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('isTabRequest', () => {
  it('accepts exactly the four requests', () => {
    expect(isTabRequest({ type: 'popupList' })).toBe(true);
    expect(isTabRequest({ type: 'jumpTo', index: 0 })).toBe(true);
    expect(isTabRequest({ type: 'jumpTo', index: 41 })).toBe(true);
    expect(isTabRequest({ type: 'siteOff', host: 'www.example.com' })).toBe(true);
    expect(isTabRequest({ type: 'rescan', host: '127.0.0.1' })).toBe(true);
    expect(isTabRequest({ type: 'rescan', host: '[::1]' })).toBe(true);
  });

  it('refuses other shapes, extra keys and bad values', () => {
    for (const message of [
      null,
      undefined,
      'popupList',
      [],
      [{ type: 'popupList' }],
      {},
      { type: 'popupList', extra: 1 },
      { type: 'jumpTo' },
      { type: 'jumpTo', index: -1 },
      { type: 'jumpTo', index: 1.5 },
      { type: 'jumpTo', index: '3' },
      { type: 'jumpTo', index: Number.MAX_SAFE_INTEGER + 1 },
      { type: 'jumpTo', index: 2, host: 'a.b' },
      { type: 'siteOff' },
      { type: 'siteOff', host: '' },
      { type: 'siteOff', host: 'Example.com' },
      { type: 'siteOff', host: 'example.com/path' },
      { type: 'siteOff', host: 'a'.repeat(254) },
      { type: 'rescan', host: 42 },
      { type: 'scan', text: 'x' },
    ])
      expect(isTabRequest(message), JSON.stringify(message)).toBe(false);
  });
});

describe('isFromExtensionPage', () => {
  it('accepts this extension’s pages, the popup in a tab included', () => {
    expect(isFromExtensionPage({ id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe(true);
    expect(isFromExtensionPage({ id: ID, url: `${ORIGIN}popup.html?tab=7` }, ID, ORIGIN)).toBe(true);
  });

  it('refuses other extensions, web pages and senders without a URL', () => {
    expect(isFromExtensionPage({ id: 'other', url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe(false);
    expect(isFromExtensionPage({ id: ID, url: 'https://example.com/popup.html' }, ID, ORIGIN)).toBe(false);
    expect(
      isFromExtensionPage({ id: ID, url: `chrome-extension://${'x'.repeat(32)}/popup.html` }, ID, ORIGIN),
    ).toBe(false);
    expect(isFromExtensionPage({ id: ID }, ID, ORIGIN)).toBe(false);
    expect(isFromExtensionPage({}, ID, ORIGIN)).toBe(false);
    expect(isFromExtensionPage({ id: ID, url: `${ORIGIN}popup.html` }, ID, '')).toBe(false);
  });
});

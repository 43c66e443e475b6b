import { describe, expect, it } from 'vitest';
import {
  isContentScript,
  isExtensionPage,
  isGetStatusRequest,
  isCardRequest,
  isScanRequest,
  MAX_CARD_ID_LENGTH,
  MAX_SCAN_TEXT_LENGTH,
} from '../../lib/store/messages';

describe('isGetStatusRequest', () => {
  it('accepts exactly { type: "getStatus" }', () => {
    expect(isGetStatusRequest({ type: 'getStatus' })).toBe(true);
  });

  it.each([
    null,
    undefined,
    'getStatus',
    {},
    { type: 'getstatus' },
    { type: 'getStatus', extra: 1 },
    ['getStatus'],
  ])('refuses %j', (message) => {
    expect(isGetStatusRequest(message)).toBe(false);
  });
});

describe('isExtensionPage', () => {
  const id = 'abcdefghijklmnopabcdefghijklmnop';
  const origin = `chrome-extension://${id}/`;

  it('accepts the extension’s own pages', () => {
    expect(isExtensionPage({ id, url: `${origin}options.html` }, id, origin)).toBe(true);
  });

  it('refuses content scripts, other extensions and senders without a URL', () => {
    expect(isExtensionPage({ id, url: 'https://news.example/article' }, id, origin)).toBe(false);
    expect(isExtensionPage({ id: 'other', url: `${origin}options.html` }, id, origin)).toBe(false);
    expect(isExtensionPage({ id }, id, origin)).toBe(false);
    expect(isExtensionPage({ id, url: `chrome-extension://${id}x/options.html` }, id, origin)).toBe(false);
  });
});

describe('isScanRequest', () => {
  it('accepts { type: "scan", text } with any text up to the cap, the empty one included', () => {
    expect(isScanRequest({ type: 'scan', text: 'About 12,000 troops.' })).toBe(true);
    expect(isScanRequest({ type: 'scan', text: '' })).toBe(true);
    expect(isScanRequest({ type: 'scan', text: 'x'.repeat(MAX_SCAN_TEXT_LENGTH) })).toBe(true);
  });

  it('refuses text over the cap (2 MiB of UTF-16 code units)', () => {
    expect(MAX_SCAN_TEXT_LENGTH).toBe(2 * 1024 * 1024);
    expect(isScanRequest({ type: 'scan', text: 'x'.repeat(MAX_SCAN_TEXT_LENGTH + 1) })).toBe(false);
  });

  it.each([
    null,
    undefined,
    'scan',
    {},
    { type: 'scan' },
    { type: 'scan', text: 42 },
    { type: 'scan', text: ['a'] },
    { type: 'scan', text: null },
    { type: 'Scan', text: 'a' },
    { type: 'getStatus', text: 'a' },
    { type: 'scan', text: 'a', url: 'https://elsewhere.example/' },
    ['scan', 'a'],
  ])('refuses %j', (message) => {
    expect(isScanRequest(message)).toBe(false);
  });
});

describe('isContentScript', () => {
  const id = 'abcdefghijklmnopabcdefghijklmnop';
  const tab = { id: 7 };

  it('accepts this extension’s content script in an http(s) page of a tab', () => {
    expect(isContentScript({ id, tab, url: 'https://news.example/a' }, id)).toBe(true);
    expect(isContentScript({ id, tab, url: 'http://127.0.0.1:8080/a' }, id)).toBe(true);
  });

  it('refuses other extensions, senders without a tab, and extension pages', () => {
    expect(isContentScript({ id: 'other', tab, url: 'https://news.example/a' }, id)).toBe(false);
    expect(isContentScript({ id, url: 'https://news.example/a' }, id)).toBe(false);
    expect(isContentScript({ id, tab: undefined, url: 'https://news.example/a' }, id)).toBe(false);
    expect(isContentScript({ id, tab, url: `chrome-extension://${id}/options.html` }, id)).toBe(false);
    expect(isContentScript({ id, tab }, id)).toBe(false);
    expect(isContentScript({ id, tab, url: 'file:///home/reader/page.html' }, id)).toBe(false);
  });
});

describe('isCardRequest', () => {
  it('accepts a figure request and a name request', () => {
    expect(isCardRequest({ type: 'card', kind: 'figure', quantity: 'nk-troops-in-russia' })).toBe(true);
    expect(isCardRequest({ type: 'card', kind: 'name', entity: 'kim-jong-un' })).toBe(true);
    expect(isCardRequest({ type: 'card', kind: 'name', entity: 'x'.repeat(MAX_CARD_ID_LENGTH) })).toBe(true);
  });

  it.each([
    null,
    'card',
    [],
    { type: 'card' },
    { type: 'card', kind: 'figure' },
    { type: 'card', kind: 'figure', entity: 'x' },
    { type: 'card', kind: 'name', quantity: 'x' },
    { type: 'card', kind: 'other', quantity: 'x' },
    { type: 'card', kind: 'figure', quantity: '' },
    { type: 'card', kind: 'figure', quantity: 3 },
    { type: 'card', kind: 'figure', quantity: 'x'.repeat(MAX_CARD_ID_LENGTH + 1) },
    { type: 'card', kind: 'figure', quantity: 'x', extra: true },
    { type: 'scan', kind: 'figure', quantity: 'x' },
  ])('refuses %j', (message) => {
    expect(isCardRequest(message)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { isExtensionPage, isGetStatusRequest } from '../../lib/store/messages';

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

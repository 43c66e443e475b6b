import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../../lib/dataset/base64';

describe('base64', () => {
  it('matches Node for every length up to 70 bytes', () => {
    for (let n = 0; n <= 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n * 11) & 255);
      const text = Buffer.from(bytes).toString('base64');
      expect(encodeBase64(bytes)).toBe(text);
      expect(Array.from(decodeBase64(text))).toEqual(Array.from(bytes));
    }
  });

  it('refuses anything but canonical padded base64', () => {
    for (const bad of ['QQ', 'QQ=', 'QR==', 'QUI', 'QUJ=', 'QU I=', 'QUI=\n', 'QUI*', 'Q===', '-_8=']) {
      expect(() => decodeBase64(bad), bad).toThrow();
    }
    expect(Array.from(decodeBase64('QQ=='))).toEqual([65]);
  });
});

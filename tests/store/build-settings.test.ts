import { describe, expect, it } from 'vitest';
import { parseTrustedKeys, parseUpdateUrl, readBuildSettings } from '../../lib/store/build-settings';

const KEY_A = Buffer.alloc(32, 1).toString('base64');
const KEY_B = Buffer.alloc(32, 2).toString('base64');

describe('parseTrustedKeys', () => {
  it('reads nothing from an unset or blank value', () => {
    expect(parseTrustedKeys(undefined)).toEqual([]);
    expect(parseTrustedKeys(' , ')).toEqual([]);
  });

  it('reads comma-separated 32-byte keys', () => {
    expect(parseTrustedKeys(` ${KEY_A}, ${KEY_B} `)).toEqual([KEY_A, KEY_B]);
  });

  it.each([
    ['a 31-byte key', Buffer.alloc(31, 1).toString('base64')],
    ['a 33-byte key', Buffer.alloc(33, 1).toString('base64')],
    ['not base64', 'not a key!'],
    ['unpadded base64', KEY_A.replace(/=+$/, '')],
  ])('fails on %s, naming it', (_label, bad) => {
    expect(() => parseTrustedKeys(`${KEY_A},${bad}`)).toThrow(/key 2 .* raw 32-byte Ed25519 public key/);
  });
});

describe('parseUpdateUrl', () => {
  it('reads empty as no channel', () => {
    expect(parseUpdateUrl(undefined)).toBe('');
    expect(parseUpdateUrl('  ')).toBe('');
  });

  it('accepts https and loopback http', () => {
    expect(parseUpdateUrl('https://data.example/release/manifest.json')).toBe(
      'https://data.example/release/manifest.json',
    );
    expect(parseUpdateUrl('http://127.0.0.1:8123/manifest.json')).toBe('http://127.0.0.1:8123/manifest.json');
  });

  it('refuses plain http elsewhere and non-URLs', () => {
    expect(() => parseUpdateUrl('http://data.example/manifest.json')).toThrow(/must use https/);
    expect(() => parseUpdateUrl('manifest.json')).toThrow(/not an absolute URL/);
  });
});

describe('readBuildSettings', () => {
  it('reads both variables', () => {
    expect(
      readBuildSettings({
        CROSSCHECK_UPDATE_URL: 'https://data.example/m.json',
        CROSSCHECK_TRUSTED_KEYS: KEY_A,
      }),
    ).toEqual({ updateUrl: 'https://data.example/m.json', trustedKeys: [KEY_A] });
  });
});

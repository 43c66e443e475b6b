/**
 * Build-time settings (DESIGN §5): parsed and validated from environment variables by
 * `wxt.config.ts`, then compiled into the extension. Pure: runs in Node and in the extension.
 */

/** The settings a build carries. */
export interface BuildSettings {
  /** URL of the default update channel's `manifest.json`; empty when the build has none. */
  updateUrl: string;
  /** Extra trusted Ed25519 public keys, each the base64 of the raw 32-byte key. */
  trustedKeys: string[];
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Parses `CROSSCHECK_TRUSTED_KEYS`: comma-separated base64 raw Ed25519 public keys (blank
 * entries and surrounding spaces are ignored). Throws an Error naming the first key that is not
 * valid base64 of exactly 32 bytes, so a build with a mistyped key fails instead of trusting
 * nothing.
 */
export function parseTrustedKeys(value: string | undefined): string[] {
  const keys = (value ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
  keys.forEach((key, index) => {
    const bytes = BASE64.test(key) && key.length % 4 === 0 ? decodedLength(key) : -1;
    if (bytes !== 32) {
      throw new Error(
        `CROSSCHECK_TRUSTED_KEYS: key ${index + 1} ("${key}") is not the base64 of a raw 32-byte Ed25519 public key`,
      );
    }
  });
  return keys;
}

/**
 * Parses `CROSSCHECK_UPDATE_URL`: empty (no update channel) or an absolute `https:` URL; `http:`
 * is accepted only for loopback hosts (end-to-end tests serve releases on 127.0.0.1). Throws an
 * Error on anything else.
 */
export function parseUpdateUrl(value: string | undefined): string {
  const text = (value ?? '').trim();
  if (text === '') return '';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`CROSSCHECK_UPDATE_URL: "${text}" is not an absolute URL`);
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error(
      `CROSSCHECK_UPDATE_URL: "${text}" must use https: (http: only on 127.0.0.1 or localhost)`,
    );
  }
  return url.href;
}

/** Reads and validates both settings from an environment (e.g. `process.env`); throws like the parsers. */
export function readBuildSettings(env: Record<string, string | undefined>): BuildSettings {
  return {
    updateUrl: parseUpdateUrl(env.CROSSCHECK_UPDATE_URL),
    trustedKeys: parseTrustedKeys(env.CROSSCHECK_TRUSTED_KEYS),
  };
}

function decodedLength(base64: string): number {
  try {
    return atob(base64).length;
  } catch {
    return -1;
  }
}

/**
 * Standard base64 (RFC 4648 §4, with padding) without Node's Buffer, for the service worker too.
 * Decoding is strict: anything that would not re-encode to the same text is refused, so one
 * signature has exactly one spelling.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CANONICAL = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Encodes bytes as padded standard base64. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63]! : '=';
  }
  return out;
}

/**
 * Decodes padded standard base64. Throws an `Error` on any other character, missing padding,
 * whitespace, or non-zero unused bits (a non-canonical spelling).
 */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  if (!CANONICAL.test(text)) throw new Error('not canonical base64');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n =
      (ALPHABET.indexOf(text[i]!) << 18) |
      (ALPHABET.indexOf(text[i + 1]!) << 12) |
      (Math.max(0, ALPHABET.indexOf(text[i + 2]!)) << 6) |
      Math.max(0, ALPHABET.indexOf(text[i + 3]!));
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  if (encodeBase64(out) !== text) throw new Error('not canonical base64 (unused bits set)');
  return out;
}

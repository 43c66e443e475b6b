/**
 * Ed25519 keys for signing releases, with WebCrypto only (the same code in Node 20 and the
 * extension's service worker). Private keys travel as PKCS#8 PEM; public keys as the base64 of
 * the raw 32-byte key; a key id is the first 16 hex digits of SHA-256 of the raw public key.
 */
import { decodeBase64, encodeBase64 } from './base64';

const ED25519 = { name: 'Ed25519' } as const;
const PEM_LABEL = 'PRIVATE KEY';

function defaultSubtle(): SubtleCrypto {
  return globalThis.crypto.subtle;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Lowercase hex SHA-256 of `bytes`. */
export async function sha256Hex(bytes: Uint8Array, subtle: SubtleCrypto = defaultSubtle()): Promise<string> {
  return toHex(new Uint8Array(await subtle.digest('SHA-256', new Uint8Array(bytes))));
}

/** The key id of a raw 32-byte public key: the first 16 lowercase hex digits of its SHA-256. */
export async function keyIdOf(
  rawPublicKey: Uint8Array,
  subtle: SubtleCrypto = defaultSubtle(),
): Promise<string> {
  return (await sha256Hex(rawPublicKey, subtle)).slice(0, 16);
}

/** A freshly generated key pair, ready to write to disk. */
export interface GeneratedKey {
  /** PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`). */
  privateKeyPem: string;
  /** Base64 of the raw 32-byte public key (the line that goes in `<file>.pub` and in the pinned keys). */
  publicKey: string;
  keyId: string;
}

/** Generates a new Ed25519 key pair. */
export async function generateSigningKey(subtle: SubtleCrypto = defaultSubtle()): Promise<GeneratedKey> {
  const pair = (await subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));
  const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey));
  const lines = encodeBase64(pkcs8).match(/.{1,64}/g) ?? [];
  return {
    privateKeyPem: `-----BEGIN ${PEM_LABEL}-----\n${lines.join('\n')}\n-----END ${PEM_LABEL}-----\n`,
    publicKey: encodeBase64(raw),
    keyId: await keyIdOf(raw, subtle),
  };
}

/** A private signing key with its public half. */
export interface SigningKey {
  privateKey: CryptoKey;
  publicKey: string;
  keyId: string;
}

/**
 * Imports a PKCS#8 PEM Ed25519 private key and derives its public key. Throws an `Error` naming
 * the problem when the text is not such a key.
 */
export async function importPrivateKeyPem(
  pem: string,
  subtle: SubtleCrypto = defaultSubtle(),
): Promise<SigningKey> {
  const match = /-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\s]+)-----END PRIVATE KEY-----/.exec(pem);
  if (!match) throw new Error('not a PKCS#8 PEM private key (expected -----BEGIN PRIVATE KEY-----)');
  let der: Uint8Array<ArrayBuffer>;
  try {
    der = decodeBase64((match[1] ?? '').replace(/\s+/g, ''));
  } catch {
    throw new Error('the PEM private key is not valid base64');
  }
  let privateKey: CryptoKey;
  try {
    privateKey = await subtle.importKey('pkcs8', der, ED25519, true, ['sign']);
  } catch {
    throw new Error('the PEM private key is not an Ed25519 key');
  }
  const jwk = await subtle.exportKey('jwk', privateKey);
  if (typeof jwk.x !== 'string') throw new Error('could not derive the public key from the private key');
  const raw = decodeBase64Url(jwk.x);
  return { privateKey, publicKey: encodeBase64(raw), keyId: await keyIdOf(raw, subtle) };
}

/** A trusted public key ready for verification. */
export interface PublicKey {
  key: CryptoKey;
  keyId: string;
}

/**
 * Imports a public key given as base64 of the raw 32-byte Ed25519 key. Throws an `Error` when it
 * is not one.
 */
export async function importPublicKey(
  base64: string,
  subtle: SubtleCrypto = defaultSubtle(),
): Promise<PublicKey> {
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = decodeBase64(base64.trim());
  } catch {
    throw new Error('public key is not valid base64');
  }
  if (raw.length !== 32) throw new Error(`public key must be 32 bytes, got ${raw.length}`);
  const key = await subtle.importKey('raw', raw, ED25519, true, ['verify']);
  return { key, keyId: await keyIdOf(raw, subtle) };
}

/** Signs `data` with an Ed25519 private key; returns the 64-byte signature. */
export async function signBytes(
  privateKey: CryptoKey,
  data: Uint8Array,
  subtle: SubtleCrypto = defaultSubtle(),
): Promise<Uint8Array> {
  return new Uint8Array(await subtle.sign(ED25519, privateKey, new Uint8Array(data)));
}

/** Whether `signature` is a valid Ed25519 signature of `data` by `publicKey`. */
export async function verifyBytes(
  publicKey: CryptoKey,
  signature: Uint8Array,
  data: Uint8Array,
  subtle: SubtleCrypto = defaultSubtle(),
): Promise<boolean> {
  return subtle.verify(ED25519, publicKey, new Uint8Array(signature), new Uint8Array(data));
}

function decodeBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const standard = text.replace(/-/g, '+').replace(/_/g, '/');
  return decodeBase64(standard + '='.repeat((4 - (standard.length % 4)) % 4));
}

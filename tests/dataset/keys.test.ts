import { createHash, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../lib/dataset/base64';
import {
  generateSigningKey,
  importPrivateKeyPem,
  importPublicKey,
  keyIdOf,
  sha256Hex,
  signBytes,
  verifyBytes,
} from '../../lib/dataset/keys';

describe('keys', () => {
  it('computes lowercase hex SHA-256 and key ids', async () => {
    const bytes = new TextEncoder().encode('crosscheck');
    const expected = createHash('sha256').update(bytes).digest('hex');
    expect(await sha256Hex(bytes)).toBe(expected);
    expect(await keyIdOf(bytes)).toBe(expected.slice(0, 16));
  });

  it('generates a PKCS#8 PEM key whose public half and key id agree with Node', async () => {
    const key = await generateSigningKey();
    expect(key.privateKeyPem).toMatch(
      /^-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+\n-----END PRIVATE KEY-----\n$/,
    );
    const raw = decodeBase64(key.publicKey);
    expect(raw).toHaveLength(32);
    expect(key.keyId).toBe(createHash('sha256').update(raw).digest('hex').slice(0, 16));
    const nodeRaw = createPublicKey(key.privateKeyPem).export({ format: 'der', type: 'spki' }).subarray(-32);
    expect(Buffer.from(nodeRaw).toString('base64')).toBe(key.publicKey);

    const imported = await importPrivateKeyPem(key.privateKeyPem);
    expect(imported.publicKey).toBe(key.publicKey);
    expect(imported.keyId).toBe(key.keyId);
  });

  it('signs and verifies, and a different message or key fails', async () => {
    const one = await generateSigningKey();
    const two = await generateSigningKey();
    const signer = await importPrivateKeyPem(one.privateKeyPem);
    const data = new TextEncoder().encode('manifest bytes');
    const signature = await signBytes(signer.privateKey, data);
    expect(signature).toHaveLength(64);
    const pubOne = await importPublicKey(one.publicKey);
    const pubTwo = await importPublicKey(two.publicKey);
    expect(pubOne.keyId).toBe(one.keyId);
    expect(await verifyBytes(pubOne.key, signature, data)).toBe(true);
    expect(await verifyBytes(pubOne.key, signature, new TextEncoder().encode('manifest byteS'))).toBe(false);
    expect(await verifyBytes(pubTwo.key, signature, data)).toBe(false);
  });

  it('refuses malformed keys with a clear message', async () => {
    await expect(importPrivateKeyPem('not a key')).rejects.toThrow('not a PKCS#8 PEM private key');
    await expect(
      importPrivateKeyPem('-----BEGIN PRIVATE KEY-----\nQUJD\n-----END PRIVATE KEY-----\n'),
    ).rejects.toThrow('not an Ed25519 key');
    await expect(importPublicKey('QUJD')).rejects.toThrow('public key must be 32 bytes, got 3');
    await expect(importPublicKey('***')).rejects.toThrow('not valid base64');
  });
});

import { describe, expect, it } from 'vitest';
import { importPublicKey } from '../../lib/dataset/keys';
import { PINNED_KEYS } from '../../lib/dataset/trusted-keys';

describe('PINNED_KEYS', () => {
  it('holds only valid, distinct raw Ed25519 public keys', async () => {
    const ids = await Promise.all(PINNED_KEYS.map(async (key) => (await importPublicKey(key)).keyId));
    expect(new Set(ids).size).toBe(PINNED_KEYS.length);
  });
});

import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../lib/dataset/canonical-json';
import { generateSigningKey } from '../../lib/dataset/keys';
import { buildRelease } from '../../lib/dataset/release';
import { verifyRelease } from '../../lib/dataset/verify-release';
import { compiledFixture } from './fixture';

const NOW = new Date('2025-01-01T00:00:00.000Z');

describe('buildRelease', () => {
  it('writes the dataset file, the manifest and its signature, which verify', async () => {
    const key = await generateSigningKey();
    const built = await buildRelease({
      dataset: compiledFixture(),
      privateKeyPem: key.privateKeyPem,
      now: NOW,
      expiresDays: 30,
    });
    expect(built.files.map((f) => f.path)).toEqual(['dataset-2.json', 'manifest.json', 'manifest.sig']);
    expect(built.keyId).toBe(key.keyId);
    expect(built.manifest).toMatchObject({
      format: 1,
      dataset: 'mini',
      version: 2,
      created: '2025-01-01T00:00:00.000Z',
      expires: '2025-01-31T00:00:00.000Z',
      schema: 1,
    });
    const data = built.files[0]!.bytes;
    expect(new TextDecoder().decode(data)).toBe(canonicalJson(compiledFixture()));
    expect(built.manifest.files[0]!.bytes).toBe(data.length);

    const files = new Map(built.files.map((f) => [f.path, f.bytes]));
    const result = await verifyRelease({
      manifestBytes: files.get('manifest.json')!,
      signatureBytes: files.get('manifest.sig')!,
      trustedKeys: [key.publicKey],
      readFile: async (path) => files.get(path)!,
      now: NOW,
    });
    expect(result.dataset).toEqual(compiledFixture());
  });

  it('puts an overriding version into the dataset file too', async () => {
    const key = await generateSigningKey();
    const built = await buildRelease({
      dataset: compiledFixture(),
      privateKeyPem: key.privateKeyPem,
      now: NOW,
      expiresDays: 1,
      version: 7,
    });
    expect(built.files[0]!.path).toBe('dataset-7.json');
    expect(JSON.parse(new TextDecoder().decode(built.files[0]!.bytes)).dataset.version).toBe(7);
    expect(built.manifest.version).toBe(7);
  });

  it('refuses a non-positive expiry, a bad version and a bad key', async () => {
    const key = await generateSigningKey();
    const base = { dataset: compiledFixture(), privateKeyPem: key.privateKeyPem, now: NOW, expiresDays: 1 };
    await expect(buildRelease({ ...base, expiresDays: 0 })).rejects.toThrow(
      'expiresDays must be a number of days greater than 0',
    );
    await expect(buildRelease({ ...base, expiresDays: -5 })).rejects.toThrow('greater than 0');
    await expect(buildRelease({ ...base, version: 1.5 })).rejects.toThrow(
      'version must be a positive integer',
    );
    await expect(buildRelease({ ...base, privateKeyPem: 'nope' })).rejects.toThrow(
      'not a PKCS#8 PEM private key',
    );
  });
});

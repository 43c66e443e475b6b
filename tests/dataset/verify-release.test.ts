import { beforeAll, describe, expect, it } from 'vitest';
import { encodeBase64 } from '../../lib/dataset/base64';
import { canonicalJson } from '../../lib/dataset/canonical-json';
import {
  generateSigningKey,
  importPrivateKeyPem,
  sha256Hex,
  signBytes,
  type GeneratedKey,
} from '../../lib/dataset/keys';
import { serializeManifest, type Manifest } from '../../lib/dataset/manifest';
import { buildRelease } from '../../lib/dataset/release';
import { ReleaseError, verifyRelease, type VerifyReleaseInput } from '../../lib/dataset/verify-release';
import { compiledFixture } from './fixture';

const NOW = new Date('2025-01-01T00:00:00.000Z');
const LATER = new Date('2025-01-20T00:00:00.000Z');

let key: GeneratedKey;
let other: GeneratedKey;
let files: Map<string, Uint8Array>;

beforeAll(async () => {
  key = await generateSigningKey();
  other = await generateSigningKey();
  const built = await buildRelease({
    dataset: compiledFixture(),
    privateKeyPem: key.privateKeyPem,
    now: NOW,
    expiresDays: 30,
  });
  files = new Map(built.files.map((f) => [f.path, f.bytes]));
});

function input(changes: Partial<VerifyReleaseInput> = {}, release = files): VerifyReleaseInput {
  return {
    manifestBytes: release.get('manifest.json')!,
    signatureBytes: release.get('manifest.sig')!,
    trustedKeys: [key.publicKey],
    readFile: async (path) => {
      const bytes = release.get(path);
      if (!bytes) throw new Error(`${path} not found`);
      return bytes;
    },
    now: LATER,
    ...changes,
  };
}

async function failure(changes: Partial<VerifyReleaseInput>, release = files): Promise<ReleaseError> {
  try {
    await verifyRelease(input(changes, release));
  } catch (error) {
    if (error instanceof ReleaseError) return error;
    throw error;
  }
  throw new Error('verifyRelease accepted the release');
}

function flipped(bytes: Uint8Array, index: number, bit: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[index]! ^= 1 << bit;
  return copy;
}

/** A release signed by `key` with a hand-made manifest (to test rules a normal release never breaks). */
async function customRelease(
  edit: (m: Manifest) => Manifest,
  data = compiledFixture(),
): Promise<Map<string, Uint8Array>> {
  const bytes = new TextEncoder().encode(canonicalJson(data));
  const manifest = edit({
    format: 1,
    dataset: data.dataset.id,
    version: data.dataset.version,
    created: NOW.toISOString(),
    expires: '2025-02-01T00:00:00.000Z',
    files: [
      { path: `dataset-${data.dataset.version}.json`, sha256: await sha256Hex(bytes), bytes: bytes.length },
    ],
    schema: 1,
  });
  const manifestBytes = new TextEncoder().encode(serializeManifest(manifest));
  const signer = await importPrivateKeyPem(key.privateKeyPem);
  const signature = encodeBase64(await signBytes(signer.privateKey, manifestBytes));
  return new Map([
    [manifest.files[0]!.path, bytes],
    ['manifest.json', manifestBytes],
    ['manifest.sig', new TextEncoder().encode(JSON.stringify({ keyId: signer.keyId, signature }))],
  ]);
}

describe('verifyRelease', () => {
  it('verifies a release signed with a fresh key', async () => {
    const result = await verifyRelease(input());
    expect(result.keyId).toBe(key.keyId);
    expect(result.manifest.version).toBe(2);
    expect(result.dataset).toEqual(compiledFixture());
  });

  it('accepts a release signed by any of several trusted keys (rotation)', async () => {
    const result = await verifyRelease(input({ trustedKeys: [other.publicKey, key.publicKey] }));
    expect(result.keyId).toBe(key.keyId);
  });

  it('refuses a release signed by a key that is not trusted', async () => {
    const error = await failure({ trustedKeys: [other.publicKey] });
    expect(error.part).toBe('signature');
    expect(error.message).toBe(
      `manifest.sig: signed by key ${key.keyId}, which is not trusted (trusted: ${other.keyId})`,
    );
  });

  it('fails on every single-bit flip anywhere in manifest.json, naming it', async () => {
    const manifest = files.get('manifest.json')!;
    for (let i = 0; i < manifest.length; i++) {
      for (let bit = 0; bit < 8; bit++) {
        const error = await failure({ manifestBytes: flipped(manifest, i, bit) });
        expect(error.part).toBe('signature');
        expect(error.message).toContain('manifest.json');
      }
    }
  });

  it('fails on every single-bit flip anywhere in manifest.sig, naming it', async () => {
    const signature = files.get('manifest.sig')!;
    for (let i = 0; i < signature.length; i++) {
      for (let bit = 0; bit < 8; bit++) {
        const error = await failure({ signatureBytes: flipped(signature, i, bit) });
        expect(error.part).toBe('signature');
        expect(error.message).toContain('manifest.sig');
      }
    }
  });

  it('fails on bit flips in the data file, naming it', async () => {
    const data = files.get('dataset-2.json')!;
    for (let i = 0; i < data.length; i += Math.max(1, Math.floor(data.length / 150))) {
      const release = new Map(files);
      release.set('dataset-2.json', flipped(data, i, i % 8));
      const error = await failure({}, release);
      expect(error.part).toBe('file:dataset-2.json');
      expect(error.message).toBe(
        'dataset-2.json: SHA-256 does not match manifest.json (the file was altered)',
      );
    }
  });

  it('fails on a truncated or missing data file', async () => {
    const data = files.get('dataset-2.json')!;
    const truncated = new Map(files).set('dataset-2.json', data.subarray(0, data.length - 1));
    expect((await failure({}, truncated)).message).toBe(
      `dataset-2.json: is ${data.length - 1} bytes, manifest.json says ${data.length}`,
    );
    const missing = new Map(files);
    missing.delete('dataset-2.json');
    const error = await failure({}, missing);
    expect(error.part).toBe('file:dataset-2.json');
    expect(error.message).toBe('dataset-2.json: could not be read (dataset-2.json not found)');
  });

  it('refuses a rollback to the active version or below', async () => {
    const error = await failure({ activeVersion: 2 });
    expect(error.part).toBe('version');
    expect(error.message).toBe(
      'manifest.json: version 2 is not newer than the active version 2 (rollback refused)',
    );
    await expect(verifyRelease(input({ activeVersion: 1 }))).resolves.toBeDefined();
  });

  it('refuses an expired manifest', async () => {
    const error = await failure({ now: new Date('2025-01-31T00:00:00.000Z') });
    expect(error.part).toBe('expiry');
    expect(error.message).toBe('manifest.json: expired on 2025-01-31T00:00:00.000Z');
    await expect(
      verifyRelease(input({ now: Date.parse('2025-01-30T23:59:59.000Z') })),
    ).resolves.toBeDefined();
  });

  it('refuses an unsupported schema major', async () => {
    const error = await failure({}, await customRelease((m) => ({ ...m, schema: 2 })));
    expect(error.part).toBe('schema');
    expect(error.message).toBe('manifest.json: schema 2 is not supported (this version reads schema 1)');
  });

  it('refuses a signed manifest that lies about the data or lists other files', async () => {
    const wrongId = await failure({}, await customRelease((m) => ({ ...m, dataset: 'other' })));
    expect(wrongId.part).toBe('manifest');
    expect(wrongId.message).toBe(
      'manifest.json: names dataset other version 2, but dataset-2.json holds mini version 2',
    );
    const wrongName = await failure(
      {},
      await customRelease((m) => ({ ...m, files: [{ ...m.files[0]!, path: 'data.json' }] })),
    );
    expect(wrongName.message).toBe('manifest.json: files must list exactly dataset-2.json');
    const backwards = await failure(
      {},
      await customRelease((m) => ({ ...m, created: '2025-03-01T00:00:00.000Z' })),
    );
    expect(backwards.part).toBe('manifest');
  });

  it('refuses signed data that fails the compiled schema or checks', async () => {
    const data = compiledFixture();
    data.reports[0]!.value.low = 99;
    const error = await failure({}, await customRelease((m) => m, data));
    expect(error.part).toBe('schema');
    expect(error.message).toBe(
      'dataset-2.json: invalid compiled dataset: reports[0].value.low: value.low 99 is greater than value.high 12',
    );
  });

  it('refuses a malformed trusted key', async () => {
    const error = await failure({ trustedKeys: ['abc'] });
    expect(error.part).toBe('signature');
    expect(error.message).toBe('trusted key #1 is unusable: public key is not valid base64');
  });
});

import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  datasetFileName,
  manifestSchema,
  serializeManifest,
  signatureSchema,
  type Manifest,
} from '../../lib/dataset/manifest';

const MANIFEST: Manifest = {
  format: 1,
  dataset: 'mini',
  version: 4,
  created: '2025-01-01T00:00:00.000Z',
  expires: '2025-04-01T00:00:00.000Z',
  files: [{ path: 'dataset-4.json', sha256: 'a'.repeat(64), bytes: 10 }],
  schema: 1,
};

describe('manifest', () => {
  it('serialises fields in contract order with a trailing newline', () => {
    const text = serializeManifest({ ...MANIFEST });
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(text))).toEqual([
      'format',
      'dataset',
      'version',
      'created',
      'expires',
      'files',
      'schema',
    ]);
    expect(Object.keys(JSON.parse(text).files[0])).toEqual(['path', 'sha256', 'bytes']);
    expect(v.parse(manifestSchema, JSON.parse(text))).toEqual(MANIFEST);
  });

  it('refuses unsafe file paths, bad hashes and unknown fields', () => {
    for (const path of ['../x.json', 'a/b.json', '.hidden', '']) {
      expect(v.is(manifestSchema, { ...MANIFEST, files: [{ ...MANIFEST.files[0], path }] }), path).toBe(
        false,
      );
    }
    expect(
      v.is(manifestSchema, { ...MANIFEST, files: [{ ...MANIFEST.files[0], sha256: 'A'.repeat(64) }] }),
    ).toBe(false);
    expect(v.is(manifestSchema, { ...MANIFEST, extra: true })).toBe(false);
    expect(v.is(manifestSchema, { ...MANIFEST, format: 2 })).toBe(false);
    expect(v.is(manifestSchema, { ...MANIFEST, expires: '2025-04-01' })).toBe(false);
    expect(v.is(manifestSchema, { ...MANIFEST, files: [] })).toBe(false);
  });

  it('checks the signature file shape', () => {
    const signature = Buffer.alloc(64, 7).toString('base64');
    expect(v.is(signatureSchema, { keyId: '0123456789abcdef', signature })).toBe(true);
    expect(v.is(signatureSchema, { keyId: '0123456789ABCDEF', signature })).toBe(false);
    expect(
      v.is(signatureSchema, { keyId: '0123456789abcdef', signature: Buffer.alloc(63).toString('base64') }),
    ).toBe(false);
  });

  it('names the dataset file by version', () => {
    expect(datasetFileName(12)).toBe('dataset-12.json');
  });
});

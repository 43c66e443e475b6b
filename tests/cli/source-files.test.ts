import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSourceFiles } from '../../cli/source-files';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('readSourceFiles', () => {
  it('reads the YAML files of a dataset directory with paths relative to the given base', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cc-src-'));
    dirs.push(root);
    await mkdir(join(root, 'data', 'entities'), { recursive: true });
    await mkdir(join(root, 'data', 'reports'), { recursive: true });
    await mkdir(join(root, 'data', 'schema'), { recursive: true });
    await writeFile(join(root, 'data', 'dataset.yaml'), 'id: x\n');
    await writeFile(join(root, 'data', 'quantities.yaml'), '[]\n');
    await writeFile(join(root, 'data', 'README.md'), '# not a source\n');
    await writeFile(join(root, 'data', 'schema', 'entities.schema.json'), '{}');
    await writeFile(join(root, 'data', 'entities', 'b.yaml'), '[]\n');
    await writeFile(join(root, 'data', 'entities', 'a.yml'), '[]\n');
    await writeFile(join(root, 'data', 'reports', 'q.yaml'), 'quantity: q\n');
    const files = await readSourceFiles(join(root, 'data'), root);
    expect(files.map((f) => f.path)).toEqual([
      'data/dataset.yaml',
      'data/entities/a.yml',
      'data/entities/b.yaml',
      'data/quantities.yaml',
      'data/reports/q.yaml',
    ]);
    expect(files[0]?.text).toBe('id: x\n');
  });

  it('works without entities/ and reports/ and fails on a missing directory', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cc-src-'));
    dirs.push(root);
    await writeFile(join(root, 'dataset.yaml'), 'id: x\n');
    expect((await readSourceFiles(root, root)).map((f) => f.path)).toEqual(['dataset.yaml']);
    await expect(readSourceFiles(join(root, 'nope'))).rejects.toThrow('is not a directory');
  });
});

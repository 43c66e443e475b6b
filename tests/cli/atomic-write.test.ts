import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../cli/atomic-write';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('replaces a file and leaves no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cc-atomic-'));
    dirs.push(dir);
    const path = join(dir, 'out.json');
    await writeFile(path, 'old');
    await writeFileAtomic(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['out.json']);
    await writeFileAtomic(join(dir, 'secret'), new Uint8Array([1, 2]), 0o600);
    expect((await stat(join(dir, 'secret'))).mode & 0o777).toBe(0o600);
  });

  it('leaves the target as it was when the write fails', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cc-atomic-'));
    dirs.push(dir);
    const path = join(dir, 'out.json');
    await writeFile(path, 'old');
    // The data cannot be written (a number is neither string nor bytes): the write throws midway.
    await expect(writeFileAtomic(path, 42 as unknown as string)).rejects.toThrow();
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['out.json']);
    await expect(writeFileAtomic(join(dir, 'missing-dir', 'x'), 'x')).rejects.toThrow();
  });
});

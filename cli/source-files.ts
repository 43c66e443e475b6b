/**
 * Reads a dataset source directory from disk (Node only; the checks themselves are in
 * lib/dataset and never touch the file system).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { SourceFile } from '../lib/dataset/yaml-source';

const YAML = /\.ya?ml$/;

async function yamlFilesIn(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names.filter((n) => YAML.test(n)).map((n) => join(dir, n));
}

/**
 * Reads every YAML source of the dataset in `dir`: the `*.yaml` files directly in it (normally
 * `dataset.yaml` and `quantities.yaml`; any other is reported by the check) and those in
 * `entities/` and `reports/`. Paths are made relative to `relativeTo` (default: the working
 * directory) with `/` separators, e.g. `dataset/reports/x.yaml`, and files are sorted by path.
 * Throws an `Error` when `dir` is not a directory.
 */
export async function readSourceFiles(
  dir: string,
  relativeTo: string = process.cwd(),
): Promise<SourceFile[]> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new Error(`${dir} is not a directory`);
  const paths = [
    ...(await yamlFilesIn(dir)),
    ...(await yamlFilesIn(join(dir, 'entities'))),
    ...(await yamlFilesIn(join(dir, 'reports'))),
  ];
  const files = await Promise.all(
    paths.map(async (full) => ({
      path: relative(relativeTo, full).split(sep).join('/'),
      text: await readFile(full, 'utf8'),
    })),
  );
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

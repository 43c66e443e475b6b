/**
 * The dataset sources compiled and the text engine built over them, as the CLI, the tests and the
 * benchmark use them (the extension builds its engine from the installed dataset instead).
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAndCompile } from '../lib/dataset/compile';
import { formatProblem } from '../lib/dataset/problems';
import type { CompiledDataset } from '../lib/dataset/types';
import { createEngine, type EngineOptions } from '../lib/text/engine';
import type { ScanResult } from '../lib/text/types';
import { readSourceFiles } from './source-files';

/** Anything with the engine's `scan`. */
export interface TextScanner {
  scan(text: string): ScanResult;
}

/** A compiled dataset and an engine over it, or the problems that stopped compiling it. */
export type LoadedEngine = { dataset: CompiledDataset; engine: TextScanner } | { problems: string[] };

/**
 * Compiles the dataset sources in `dir` (default: `$CROSSCHECK_DATASET_DIR` or the repository's
 * `dataset/`) and builds the engine with `options` (default: the extension's). Problems come back
 * formatted as `file:line: message`.
 */
export async function loadEngine(dir?: string, options?: EngineOptions): Promise<LoadedEngine> {
  const abs =
    dir !== undefined
      ? resolve(dir)
      : process.env.CROSSCHECK_DATASET_DIR
        ? resolve(process.env.CROSSCHECK_DATASET_DIR)
        : fileURLToPath(new URL('../dataset', import.meta.url));
  let files;
  try {
    // Paths come back relative to the working directory: problems print as `dataset/x.yaml:12: …`.
    files = await readSourceFiles(abs);
  } catch (error) {
    return { problems: [`${relative(process.cwd(), abs) || '.'}: ${describeFileError(error)}`] };
  }
  const { dataset, problems } = checkAndCompile(files);
  if (dataset === null || problems.length > 0) {
    return {
      problems: problems.length > 0 ? problems.map(formatProblem) : [`${abs}: the dataset does not compile`],
    };
  }
  return { dataset, engine: createEngine(dataset, options) };
}

/** A file system error as a short phrase (`no such file`), anything else as its message. */
export function describeFileError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

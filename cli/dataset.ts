/**
 * The maintainers' dataset command line (DESIGN §5):
 *   npm run dataset -- check|build|keygen|release|verify|diff|schema …
 * Exit codes: 0 success, 1 a data problem or a refused release, 2 a usage error (bad arguments,
 * missing or unsafe files given on the command line).
 */
import { constants } from 'node:fs';
import { mkdir, open, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { canonicalJson } from '../lib/dataset/canonical-json';
import { checkAndCompile } from '../lib/dataset/compile';
import { diffDatasets, formatDiff } from '../lib/dataset/diff';
import { buildJsonSchemas, JSON_SCHEMA_NAMES } from '../lib/dataset/json-schema';
import { generateSigningKey } from '../lib/dataset/keys';
import { formatProblem } from '../lib/dataset/problems';
import { buildRelease } from '../lib/dataset/release';
import { PINNED_KEYS } from '../lib/dataset/trusted-keys';
import type { CompiledDataset } from '../lib/dataset/types';
import { parseCompiledDataset } from '../lib/dataset/validate-compiled';
import { ReleaseError, verifyRelease } from '../lib/dataset/verify-release';
import { writeFileAtomic } from './atomic-write';
import { readSourceFiles } from './source-files';

/** Where output goes and which directory relative paths start from (tests pass their own). */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** The current time (release `created`, verify expiry). */
  now(): Date;
}

const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  cwd: process.cwd(),
  now: () => new Date(),
};

/** A failure that ends the command with `code` after printing `message` on stderr. */
class CliExit extends Error {
  constructor(
    readonly code: 1 | 2,
    message: string,
  ) {
    super(message);
  }
}
const usage = (message: string): CliExit => new CliExit(2, `${message}\n(see --help)`);
const problem = (message: string): CliExit => new CliExit(1, message);

const DEFAULT_DIR = 'dataset';
const DEFAULT_EXPIRES_DAYS = 90;

const HELP: Record<string, string> = {
  '': `Usage: npm run dataset -- <command> [options]

Commands:
  check [dir]                    check the dataset sources (default dir: dataset)
  build [dir] [--out file]       compile the sources to canonical JSON (stdout without --out)
  keygen --out <file>            make an Ed25519 signing key: <file> (private, mode 600) and <file>.pub
  release [dir] --key <file> --out <dir> [--version N] [--expires-days N]
                                 write a signed release: manifest.json, manifest.sig, dataset-<N>.json
  verify <dir> [--pubkey <file>] verify a release directory (default: the pinned keys)
  diff <old> <new> [--json]      compare two datasets (compiled JSON, release dir or source dir)
  schema [--out dir]             regenerate the editor JSON Schemas (default: dataset/schema)

Each command takes --help. Exit codes: 0 success, 1 data problem, 2 usage error.
`,
  check: `Usage: npm run dataset -- check [dir]

Checks the YAML sources in dir (default: dataset) and prints every problem as file:line: message.
Exit 0 when the dataset checks, 1 when it has problems, 2 on usage errors.
`,
  build: `Usage: npm run dataset -- build [dir] [--out file]

Checks and compiles the sources in dir (default: dataset) to canonical JSON: sorted keys, no
whitespace. Prints it on stdout, or writes it to file (atomically) with --out.
`,
  keygen: `Usage: npm run dataset -- keygen --out <file>

Generates an Ed25519 key pair: the private key (PKCS#8 PEM) goes to <file> with mode 600, the
public key to <file>.pub as one line (base64 of the raw 32-byte key), which is also printed.
Refuses to overwrite either file. Never commit the private key.
`,
  release: `Usage: npm run dataset -- release [dir] --key <file> --out <dir> [--version N] [--expires-days N]

Checks and compiles the sources in dir (default: dataset) and writes a signed release into the
--out directory: dataset-<version>.json, manifest.json and manifest.sig.
  --key <file>        PKCS#8 PEM Ed25519 private key; must not be readable by group or others
  --out <dir>         the release directory (created if missing)
  --version N         release version (default: the version in dataset.yaml); must be higher
                      than the version of a manifest.json already in --out
  --expires-days N    days until the manifest expires, > 0 (default ${DEFAULT_EXPIRES_DAYS})
`,
  verify: `Usage: npm run dataset -- verify <dir> [--pubkey <file>]

Verifies the release in dir exactly as the extension does: signature by a trusted key, manifest,
expiry, file sizes and SHA-256, the dataset's schema and checks. Trusts the key in --pubkey (a
one-line base64 public key file), or else the keys pinned in lib/dataset/trusted-keys.ts.
`,
  diff: `Usage: npm run dataset -- diff <old> <new> [--json]

Shows added, removed and changed entities, quantities and reports. Each side is a compiled JSON
file, a release directory (with manifest.json) or a source directory. --json prints the diff as JSON.
`,
  schema: `Usage: npm run dataset -- schema [--out dir]

Regenerates the JSON Schemas the YAML files point at (dataset/schema/*.schema.json by default)
from the same schema code that checks the dataset.
`,
};

function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    throw usage((error as Error).message);
  }
}

function positiveInteger(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw usage(`${name} must be a whole number greater than 0, got "${text}"`);
  return Number(text);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Reads and compiles a source directory, or throws a CliExit with every problem. */
async function compileDir(dir: string, io: CliIo): Promise<CompiledDataset> {
  let files;
  try {
    files = await readSourceFiles(resolve(io.cwd, dir), io.cwd);
  } catch (error) {
    throw usage((error as Error).message);
  }
  const { dataset, problems } = checkAndCompile(files);
  if (dataset === null) {
    const lines = problems.map(formatProblem);
    throw problem(
      `${lines.join('\n')}\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dir}`,
    );
  }
  return dataset;
}

function summary(d: CompiledDataset): string {
  return `dataset ${d.dataset.id} version ${d.dataset.version} (${d.entities.length} entities, ${d.quantities.length} quantities, ${d.reports.length} reports)`;
}

async function check(args: string[], io: CliIo): Promise<void> {
  const { positionals } = parse(args, {});
  if (positionals.length > 1) throw usage('check takes at most one directory');
  const dataset = await compileDir(positionals[0] ?? DEFAULT_DIR, io);
  io.stdout(`OK ${summary(dataset)}\n`);
}

async function build(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, { out: { type: 'string' } });
  if (positionals.length > 1) throw usage('build takes at most one directory');
  const dataset = await compileDir(positionals[0] ?? DEFAULT_DIR, io);
  const json = canonicalJson(dataset);
  if (typeof values.out === 'string') {
    await writeFileAtomic(resolve(io.cwd, values.out), json);
    io.stderr(`wrote ${values.out}: ${summary(dataset)}\n`);
  } else {
    io.stdout(json);
  }
}

async function keygen(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, { out: { type: 'string' } });
  if (positionals.length > 0) throw usage('keygen takes no positional arguments');
  if (typeof values.out !== 'string') throw usage('keygen needs --out <file>');
  const privatePath = resolve(io.cwd, values.out);
  const publicPath = `${privatePath}.pub`;
  for (const path of [privatePath, publicPath]) {
    if (await exists(path)) throw usage(`${path} already exists; refusing to overwrite a key`);
  }
  const key = await generateSigningKey();
  // 'wx' refuses an existing file even if one appeared since the check; mode 600 from creation.
  const handle = await open(privatePath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  try {
    await handle.writeFile(key.privateKeyPem);
  } finally {
    await handle.close();
  }
  const pub = await open(publicPath, 'wx', 0o644);
  try {
    await pub.writeFile(`${key.publicKey}\n`);
  } finally {
    await pub.close();
  }
  io.stderr(
    `wrote ${values.out} (private, mode 600; never commit it) and ${values.out}.pub (key id ${key.keyId})\n`,
  );
  io.stdout(`${key.publicKey}\n`);
}

/** Reads a private key file, refusing one that is missing or readable by group or others. */
async function readPrivateKey(path: string, shown: string): Promise<string> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw usage(`key file ${shown} not found`);
  if ((info.mode & 0o077) !== 0) {
    const mode = (info.mode & 0o777).toString(8).padStart(4, '0');
    throw usage(`key file ${shown} is readable by group or others (mode ${mode}); run: chmod 600 ${shown}`);
  }
  return readFile(path, 'utf8');
}

async function release(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, {
    key: { type: 'string' },
    out: { type: 'string' },
    version: { type: 'string' },
    'expires-days': { type: 'string' },
  });
  if (positionals.length > 1) throw usage('release takes at most one directory');
  if (typeof values.key !== 'string') throw usage('release needs --key <file>');
  if (typeof values.out !== 'string') throw usage('release needs --out <dir>');
  const version = positiveInteger('--version', values.version as string | undefined);
  const expiresText = values['expires-days'] as string | undefined;
  if (expiresText !== undefined && !(/^\d+(?:\.\d+)?$/.test(expiresText) && Number(expiresText) > 0)) {
    throw usage(`--expires-days must be a number of days greater than 0, got "${expiresText}"`);
  }
  const expiresDays = expiresText === undefined ? DEFAULT_EXPIRES_DAYS : Number(expiresText);

  // Everything that can fail is checked before the first byte is written.
  const pem = await readPrivateKey(resolve(io.cwd, values.key), values.key);
  const dataset = await compileDir(positionals[0] ?? DEFAULT_DIR, io);
  const releaseVersion = version ?? dataset.dataset.version;
  const outDir = resolve(io.cwd, values.out);
  const existingManifest = join(outDir, 'manifest.json');
  if (await exists(existingManifest)) {
    let previous: unknown;
    try {
      previous = (JSON.parse(await readFile(existingManifest, 'utf8')) as { version?: unknown }).version;
    } catch {
      throw problem(
        `${join(values.out, 'manifest.json')} exists but is not readable JSON; refusing to release over it`,
      );
    }
    if (typeof previous !== 'number')
      throw problem(`${join(values.out, 'manifest.json')} has no version; refusing to release over it`);
    if (releaseVersion <= previous) {
      throw problem(
        `version ${releaseVersion} is not higher than version ${previous} in ${join(values.out, 'manifest.json')}; raise version in dataset.yaml or pass --version`,
      );
    }
  }
  let built;
  try {
    built = await buildRelease({
      dataset,
      privateKeyPem: pem,
      now: io.now(),
      expiresDays,
      version: releaseVersion,
    });
  } catch (error) {
    throw usage(`${values.key}: ${(error as Error).message}`);
  }
  await mkdir(outDir, { recursive: true });
  for (const file of built.files) await writeFileAtomic(join(outDir, file.path), file.bytes);
  io.stdout(
    `released ${summary({ ...dataset, dataset: { ...dataset.dataset, version: releaseVersion } })} to ${values.out}, signed by ${built.keyId}, expires ${built.manifest.expires}\n`,
  );
}

async function verify(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, { pubkey: { type: 'string' } });
  if (positionals.length !== 1) throw usage('verify needs exactly one release directory');
  const dir = resolve(io.cwd, positionals[0]!);
  let trustedKeys: readonly string[] = PINNED_KEYS;
  if (typeof values.pubkey === 'string') {
    const text = await readFile(resolve(io.cwd, values.pubkey), 'utf8').catch(() => null);
    if (text === null) throw usage(`public key file ${values.pubkey} not found`);
    trustedKeys = [text.trim()];
  }
  if (trustedKeys.length === 0)
    throw usage(
      'no trusted keys: pass --pubkey <file> (no key is pinned in lib/dataset/trusted-keys.ts yet)',
    );
  const read = async (name: string, part: 'manifest' | 'signature'): Promise<Uint8Array> => {
    try {
      return new Uint8Array(await readFile(join(dir, name)));
    } catch {
      throw problem(`FAILED ${part}: ${join(positionals[0]!, name)} not found`);
    }
  };
  const manifestBytes = await read('manifest.json', 'manifest');
  const signatureBytes = await read('manifest.sig', 'signature');
  try {
    const result = await verifyRelease({
      manifestBytes,
      signatureBytes,
      trustedKeys,
      now: io.now(),
      readFile: async (path) => new Uint8Array(await readFile(join(dir, path))),
    });
    io.stdout(
      `OK ${summary(result.dataset)}, signed by ${result.keyId}, expires ${result.manifest.expires}\n`,
    );
  } catch (error) {
    if (error instanceof ReleaseError) throw problem(`FAILED ${error.part}: ${error.message}`);
    throw error;
  }
}

/** Loads one side of a diff: a compiled JSON file, a release directory or a source directory. */
async function loadSide(path: string, io: CliIo): Promise<CompiledDataset> {
  const full = resolve(io.cwd, path);
  const info = await stat(full).catch(() => null);
  if (info === null) throw usage(`${path} not found`);
  let file = full;
  if (info.isDirectory()) {
    if (!(await exists(join(full, 'manifest.json')))) return compileDir(path, io);
    let name: unknown;
    try {
      name = (
        JSON.parse(await readFile(join(full, 'manifest.json'), 'utf8')) as { files?: { path?: unknown }[] }
      ).files?.[0]?.path;
    } catch {
      throw problem(`${join(path, 'manifest.json')} is not valid JSON`);
    }
    if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
      throw problem(`${join(path, 'manifest.json')} lists no dataset file`);
    }
    file = join(full, name);
  }
  try {
    return parseCompiledDataset(JSON.parse(await readFile(file, 'utf8')));
  } catch (error) {
    throw problem(`${path}: ${(error as Error).message}`);
  }
}

async function diff(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (positionals.length !== 2) throw usage('diff needs two datasets: <old> <new>');
  const previous = await loadSide(positionals[0]!, io);
  const next = await loadSide(positionals[1]!, io);
  const result = diffDatasets(previous, next);
  io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatDiff(result));
}

/**
 * Writes the generated JSON Schemas to `<outDir>/<name>.schema.json` (formatted like the rest of
 * the repository, with prettier) and returns the paths written.
 */
export async function writeJsonSchemas(outDir: string): Promise<string[]> {
  const prettier = await import('prettier');
  const schemas = buildJsonSchemas();
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const name of JSON_SCHEMA_NAMES) {
    const path = join(outDir, `${name}.schema.json`);
    const config = (await prettier.resolveConfig(path)) ?? {};
    const text = await prettier.format(JSON.stringify(schemas[name]), { ...config, parser: 'json' });
    await writeFileAtomic(path, text);
    written.push(path);
  }
  return written;
}

async function schema(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, { out: { type: 'string' } });
  if (positionals.length > 0) throw usage('schema takes no positional arguments');
  const out = typeof values.out === 'string' ? values.out : join(DEFAULT_DIR, 'schema');
  for (const path of await writeJsonSchemas(resolve(io.cwd, out)))
    io.stderr(`wrote ${relative(io.cwd, path)}\n`);
}

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<void>> = {
  check,
  build,
  keygen,
  release,
  verify,
  diff,
  schema,
};

/**
 * Runs the dataset command line with `argv` (without `node` and the script) and returns the exit
 * code: 0 success, 1 data problem or refused operation, 2 usage error. Prints on `io`.
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? io.stderr : io.stdout)(HELP['']!);
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.stderr(`unknown command "${command}"\n\n${HELP['']}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(HELP[command]!);
    return 0;
  }
  try {
    await run(rest, io);
    return 0;
  } catch (error) {
    if (error instanceof CliExit) {
      io.stderr(`${error.message}\n`);
      return error.code;
    }
    io.stderr(`${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

const script = process.argv[1];
if (script !== undefined && import.meta.url === pathToFileURL(resolve(script)).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

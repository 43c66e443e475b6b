import { execFile } from 'node:child_process';
import { chmod, cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../cli/dataset';
import { readSourceFiles } from '../../cli/source-files';
import { canonicalJson } from '../../lib/dataset/canonical-json';
import { checkAndCompile } from '../../lib/dataset/compile';
import { buildJsonSchemas } from '../../lib/dataset/json-schema';

const FIXTURE = resolve('tests/fixtures/dataset-mini');
const NOW = new Date('2025-06-01T00:00:00.000Z');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cc-cli-'));
  await cp(FIXTURE, join(dir, 'dataset'), { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the CLI in-process in the temp dir; returns the exit code and what it printed. */
async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    cwd: dir,
    now: () => NOW,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

async function edit(path: string, change: (text: string) => string): Promise<void> {
  const full = join(dir, path);
  await writeFile(full, change(await readFile(full, 'utf8')));
}

/** Every file under `path` with its bytes, to prove a directory was left untouched. */
async function snapshot(path: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(path)).sort())
    out[name] = (await readFile(join(path, name))).toString('base64');
  return out;
}

async function keygen(): Promise<string> {
  expect((await run('keygen', '--out', 'release.key')).code).toBe(0);
  return 'release.key';
}

describe('dataset CLI: help and usage', () => {
  it('prints help and exits 0; no command or an unknown one exits 2', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run dataset -- <command>');
    for (const command of ['check', 'build', 'keygen', 'release', 'verify', 'diff', 'schema']) {
      const result = await run(command, '--help');
      expect(result.code, command).toBe(0);
      expect(result.stdout).toContain(`Usage: npm run dataset -- ${command}`);
    }
    expect((await run()).code).toBe(2);
    const unknown = await run('publish');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "publish"');
  });

  it('exits 2 on unknown options and missing arguments', async () => {
    const bad = await run('check', '--frobnicate');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Unknown option '--frobnicate'");
    expect((await run('check', 'nope')).stderr).toContain('is not a directory');
    expect((await run('check', 'nope')).code).toBe(2);
    expect((await run('release', '--out', 'r')).stderr).toContain('release needs --key <file>');
    expect((await run('verify')).code).toBe(2);
    expect((await run('diff', 'dataset')).code).toBe(2);
    expect((await run('keygen')).code).toBe(2);
  });
});

describe('dataset CLI: check and build', () => {
  it('checks a valid dataset (default dir: dataset)', async () => {
    const result = await run('check');
    expect(result).toEqual({
      code: 0,
      stdout: 'OK dataset mini version 3 (4 entities, 2 quantities, 4 reports)\n',
      stderr: '',
    });
  });

  it('prints each problem as file:line: message and exits 1', async () => {
    await edit('dataset/reports/widgets-shipped.yaml', (t) =>
      t.replace('low: 10000', 'low: 13000').replace('outlet: northland-news-agency', 'outlet: ghost'),
    );
    const result = await run('check', 'dataset');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        'dataset/reports/widgets-shipped.yaml:19: value.low 13000 is greater than value.high 12000',
        'dataset/reports/widgets-shipped.yaml:24: outlet "ghost" is not an entity in the dataset',
        '2 problems in dataset',
        '',
      ].join('\n'),
    );
  });

  it('builds canonical JSON to stdout or atomically to a file', async () => {
    const expected = canonicalJson(checkAndCompile(await readSourceFiles(join(dir, 'dataset'), dir)).dataset);
    const out = await run('build');
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(expected);
    const toFile = await run('build', 'dataset', '--out', 'compiled.json');
    expect(toFile.code).toBe(0);
    expect(await readFile(join(dir, 'compiled.json'), 'utf8')).toBe(expected);
    expect((await readdir(dir)).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('leaves an existing output file alone when the build fails', async () => {
    await writeFile(join(dir, 'compiled.json'), 'previous');
    await edit('dataset/quantities.yaml', (t) => t.replace('[shipped, sent]', '["ship(ped)?"]'));
    const result = await run('build', '--out', 'compiled.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'dataset/quantities.yaml:8: cues.event[0] "ship(ped)?" must be plain words',
    );
    expect(await readFile(join(dir, 'compiled.json'), 'utf8')).toBe('previous');
  });
});

describe('dataset CLI: keygen, release, verify', () => {
  it('keygen writes a mode-600 private key and a one-line public key, and refuses to overwrite', async () => {
    const result = await run('keygen', '--out', 'k');
    expect(result.code).toBe(0);
    expect((await stat(join(dir, 'k'))).mode & 0o777).toBe(0o600);
    const pub = await readFile(join(dir, 'k.pub'), 'utf8');
    expect(pub).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);
    expect(result.stdout).toBe(pub);
    expect(await readFile(join(dir, 'k'), 'utf8')).toContain('-----BEGIN PRIVATE KEY-----');
    const before = await readFile(join(dir, 'k'), 'utf8');
    const again = await run('keygen', '--out', 'k');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists; refusing to overwrite');
    expect(await readFile(join(dir, 'k'), 'utf8')).toBe(before);
  });

  it('releases, and verify accepts the release with --pubkey', async () => {
    const key = await keygen();
    const release = await run('release', '--key', key, '--out', 'rel', '--expires-days', '10');
    expect(release.code).toBe(0);
    expect(release.stdout).toMatch(
      /^released dataset mini version 3 \(4 entities, 2 quantities, 4 reports\) to rel, signed by [0-9a-f]{16}, expires 2025-06-11T00:00:00.000Z\n$/,
    );
    expect(Object.keys(await snapshot(join(dir, 'rel')))).toEqual([
      'dataset-3.json',
      'manifest.json',
      'manifest.sig',
    ]);
    const verify = await run('verify', 'rel', '--pubkey', `${key}.pub`);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(
      /^OK dataset mini version 3 \(4 entities, 2 quantities, 4 reports\), signed by [0-9a-f]{16}, expires 2025-06-11T00:00:00.000Z\n$/,
    );
  });

  it('verify names the failing part', async () => {
    const key = await keygen();
    expect((await run('release', '--key', key, '--out', 'rel')).code).toBe(0);
    // Without --pubkey, verify trusts only the project's pinned keys, never a throwaway key.
    const pinnedOnly = await run('verify', 'rel');
    expect(pinnedOnly.code).toBe(1);
    expect(pinnedOnly.stderr).toMatch(
      /^FAILED signature: manifest\.sig: signed by key [0-9a-f]{16}, which is not trusted/,
    );

    await run('keygen', '--out', 'other.key');
    const untrusted = await run('verify', 'rel', '--pubkey', 'other.key.pub');
    expect(untrusted.code).toBe(1);
    expect(untrusted.stderr).toMatch(
      /^FAILED signature: manifest\.sig: signed by key [0-9a-f]{16}, which is not trusted/,
    );

    const data = join(dir, 'rel', 'dataset-3.json');
    await writeFile(data, (await readFile(data, 'utf8')).replace('12000', '12001'));
    const tampered = await run('verify', 'rel', '--pubkey', `${key}.pub`);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toBe(
      'FAILED file:dataset-3.json: dataset-3.json: SHA-256 does not match manifest.json (the file was altered)\n',
    );
  });

  it('verify refuses an expired release', async () => {
    const key = await keygen();
    expect((await run('release', '--key', key, '--out', 'rel', '--expires-days', '1')).code).toBe(0);
    let stderr = '';
    const code = await main(['verify', 'rel', '--pubkey', `${key}.pub`], {
      stdout: () => undefined,
      stderr: (t) => void (stderr += t),
      cwd: dir,
      now: () => new Date('2025-06-03T00:00:00.000Z'),
    });
    expect(code).toBe(1);
    expect(stderr).toBe('FAILED expiry: manifest.json: expired on 2025-06-02T00:00:00.000Z\n');
  });

  it('refuses a version that is not higher than the existing release, leaving it untouched', async () => {
    const key = await keygen();
    expect((await run('release', '--key', key, '--out', 'rel')).code).toBe(0);
    const before = await snapshot(join(dir, 'rel'));
    const same = await run('release', '--key', key, '--out', 'rel');
    expect(same.code).toBe(1);
    expect(same.stderr).toContain('version 3 is not higher than version 3 in rel/manifest.json');
    expect((await run('release', '--key', key, '--out', 'rel', '--version', '2')).code).toBe(1);
    expect(await snapshot(join(dir, 'rel'))).toEqual(before);

    const higher = await run('release', '--key', key, '--out', 'rel', '--version', '5');
    expect(higher.code).toBe(0);
    expect(JSON.parse(await readFile(join(dir, 'rel', 'manifest.json'), 'utf8')).version).toBe(5);
    expect(JSON.parse(await readFile(join(dir, 'rel', 'dataset-5.json'), 'utf8')).dataset.version).toBe(5);
    expect((await run('verify', 'rel', '--pubkey', `${key}.pub`)).code).toBe(0);
  });

  it('a failed release leaves an existing out dir untouched', async () => {
    const key = await keygen();
    expect((await run('release', '--key', key, '--out', 'rel')).code).toBe(0);
    const before = await snapshot(join(dir, 'rel'));
    await edit('dataset/dataset.yaml', (t) => t.replace('version: 3', 'version: 4'));
    await edit('dataset/entities/outlets.yaml', (t) =>
      t.replace(
        'description: A fictional daily newspaper used in tests.',
        'description: "A fictional \\u202E daily"',
      ),
    );
    const broken = await run('release', '--key', key, '--out', 'rel');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(
      'dataset/entities/outlets.yaml:5: description contains a control or bidi character (U+202E)',
    );
    expect(await snapshot(join(dir, 'rel'))).toEqual(before);
  });

  it('refuses a missing or group-readable key, and a non-positive expiry', async () => {
    const key = await keygen();
    const missing = await run('release', '--key', 'nope.key', '--out', 'rel');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('key file nope.key not found');
    await chmod(join(dir, key), 0o640);
    const open = await run('release', '--key', key, '--out', 'rel');
    expect(open.code).toBe(2);
    expect(open.stderr).toContain(
      'key file release.key is readable by group or others (mode 0640); run: chmod 600 release.key',
    );
    await chmod(join(dir, key), 0o600);
    for (const days of ['0', '-1', 'soon']) {
      const result = await run('release', '--key', key, '--out', 'rel', `--expires-days=${days}`);
      expect(result.code, days).toBe(2);
      expect(result.stderr).toContain('--expires-days must be a number of days greater than 0');
    }
    expect((await run('release', '--key', key, '--out', 'rel', '--version', '0')).code).toBe(2);
    await expect(readdir(join(dir, 'rel'))).rejects.toThrow();
  });
});

describe('dataset CLI: diff and schema', () => {
  it('diffs a release dir, a compiled file and a source dir', async () => {
    const key = await keygen();
    expect((await run('release', '--key', key, '--out', 'rel')).code).toBe(0);
    expect((await run('build', '--out', 'compiled.json')).code).toBe(0);
    expect((await run('diff', 'rel', 'compiled.json')).stdout).toBe('no differences\n');
    await edit('dataset/dataset.yaml', (t) => t.replace('version: 3', 'version: 4'));
    await edit('dataset/entities/outlets.yaml', (t) =>
      t.replace('A fictional daily newspaper used in tests.', 'A fictional daily paper.'),
    );
    const text = await run('diff', 'rel', 'dataset');
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(
      'dataset:\n  version: 3 -> 4\nentities: 0 added, 0 removed, 1 changed\n  ~ entity daily-example\n      description: "A fictional daily newspaper used in tests." -> "A fictional daily paper."\n',
    );
    const json = await run('diff', 'compiled.json', 'dataset', '--json');
    expect(JSON.parse(json.stdout).dataset).toEqual([{ field: 'version', old: 3, new: 4 }]);
    expect((await run('diff', 'rel', 'missing.json')).code).toBe(2);
  });

  it('writes the JSON Schemas generated from the schema code', async () => {
    const result = await run('schema', '--out', 'schemas');
    expect(result.code).toBe(0);
    for (const [name, schema] of Object.entries(buildJsonSchemas())) {
      expect(JSON.parse(await readFile(join(dir, 'schemas', `${name}.schema.json`), 'utf8'))).toEqual(schema);
    }
  });
});

describe('dataset CLI: as a process', () => {
  it('runs with tsx and returns the exit codes', async () => {
    const exec = promisify(execFile);
    const tsx = resolve('node_modules/.bin/tsx');
    const script = resolve('cli/dataset.ts');
    const ok = await exec(tsx, [script, 'check', FIXTURE], { cwd: dir });
    expect(ok.stdout).toBe('OK dataset mini version 3 (4 entities, 2 quantities, 4 reports)\n');
    await expect(exec(tsx, [script, 'check', '--nope'], { cwd: dir })).rejects.toMatchObject({ code: 2 });
  });
});

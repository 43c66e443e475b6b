import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  articleFromHtml,
  articleFromText,
  formatListing,
  looksLikeHtml,
  runScan,
  toScanJson,
  type ScanIo,
} from '../../cli/scan';
import type { CompiledDataset } from '../../lib/dataset/types';
import type { ScanResult } from '../../lib/text/types';

const root = fileURLToPath(new URL('../../', import.meta.url));
const txtFixture = fileURLToPath(new URL('../fixtures/scan/nk-troops.txt', import.meta.url));
const seedHtml = fileURLToPath(new URL('../fixtures/pages/seed-nk-troops-kursk.html', import.meta.url));

interface Captured extends ScanIo {
  stdout: string;
  stderr: string;
}

function io(stdin = ''): Captured {
  const c: Captured = {
    stdout: '',
    stderr: '',
    readStdin: async () => stdin,
    out: (t) => {
      c.stdout += t;
    },
    err: (t) => {
      c.stderr += t;
    },
  };
  return c;
}

const FIGURE_KEYS = ['text', 'start', 'end', 'value', 'qualifier', 'unit', 'quantity', 'attribution'];

/** Checks the DESIGN §5 `--json` contract on parsed output. */
function expectContract(json: Record<string, unknown>): void {
  expect(Object.keys(json)).toEqual(['dataset', 'article', 'names', 'figures']);
  const dataset = json.dataset as Record<string, unknown>;
  expect(Object.keys(dataset)).toEqual(['id', 'version']);
  expect(typeof dataset.id).toBe('string');
  expect(Number.isInteger(dataset.version)).toBe(true);
  const article = json.article as string;
  expect(typeof article).toBe('string');
  for (const name of json.names as Record<string, unknown>[]) {
    expect(Object.keys(name)).toEqual(['text', 'start', 'end', 'entity']);
    expect(article.slice(name.start as number, name.end as number)).toBe(name.text);
    expect(typeof name.entity).toBe('string');
  }
  for (const figure of json.figures as Record<string, unknown>[]) {
    for (const key of Object.keys(figure)) expect(FIGURE_KEYS).toContain(key);
    expect(article.slice(figure.start as number, figure.end as number)).toBe(figure.text);
    const value = figure.value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['low', 'high']);
    expect(typeof value.low).toBe('number');
    expect(value.high === null || typeof value.high === 'number').toBe(true);
    expect(typeof figure.qualifier).toBe('string');
    if (figure.attribution !== undefined) {
      expect(Object.keys(figure.attribution as object)).toEqual(['type', 'cue']);
    }
  }
}

function fakeDataset(): CompiledDataset {
  return {
    dataset: {
      id: 'test-set',
      title: 'Test',
      version: 7,
      license: 'CC0',
      homepage: 'https://example.test/',
      issues: 'https://example.test/issues',
      languages: ['en'],
    },
    entities: [{ id: 'kursk', kind: 'place', name: 'Kursk Oblast', aliases: [], description: 'A region.' }],
    quantities: [
      {
        id: 'q-troops',
        label: 'Troops sent',
        unit: 'troops',
        cues: { subject: [], unit: [], event: [], exclude: [] },
      },
    ],
    reports: [],
  } as unknown as CompiledDataset;
}

describe('usage and file problems', () => {
  it('exits 2 with the usage on an unknown option, no input, or two inputs', async () => {
    for (const argv of [['--bogus', 'x.txt'], [], ['a.txt', 'b.txt']]) {
      const c = io();
      expect(await runScan(argv, c)).toBe(2);
      expect(c.stderr).toContain('Usage: npm run scan');
      expect(c.stdout).toBe('');
    }
  });

  it('prints the usage on --help and exits 0', async () => {
    const c = io();
    expect(await runScan(['--help'], c)).toBe(0);
    expect(c.stdout).toContain('--json');
  });

  it('exits 1 with `file: message` for a missing file', async () => {
    const c = io();
    expect(await runScan(['no/such/page.html', '--json'], c)).toBe(1);
    expect(c.stderr).toBe('no/such/page.html: no such file\n');
    expect(c.stdout).toBe('');
  });
});

describe('input handling', () => {
  it('reads a .txt file as paragraphs separated by blank lines, unwrapping lines', () => {
    expect(articleFromText('One\r\nline two\n\n\n  Two \t\n  \nThree\n')).toBe(
      'One line two\n\nTwo\n\nThree',
    );
  });

  it('tells HTML from text by the first non-blank character', () => {
    expect(looksLikeHtml('\n  <!doctype html>')).toBe(true);
    expect(looksLikeHtml('\uFEFF<p>x</p>')).toBe(true);
    expect(looksLikeHtml('About 500 <b>troops</b>')).toBe(false);
  });

  it('extracts the article of an HTML page like the content script', async () => {
    const article = await articleFromHtml(readFileSync(seedHtml, 'utf8'));
    expect(article.split('\n\n')[0]).toBe(
      '500 North Korean Troops, Including a General, Killed in Storm Shadow Strike in Kursk',
    );
    expect(article).not.toContain('reader_1024');
  });
});

describe('output', () => {
  const result: ScanResult = {
    names: [{ text: 'Kursk', start: 25, end: 30, entity: 'kursk' }],
    figures: [
      {
        text: 'about 500',
        start: 0,
        end: 9,
        value: { low: 500, high: 500 },
        qualifier: 'about',
        quantity: 'q-troops',
        attribution: { type: 'anonymous', cue: 'sources say', cueStart: 32, cueEnd: 43 },
      },
      { text: 'more than 3', start: 46, end: 57, value: { low: 3, high: null }, qualifier: 'more-than' },
    ],
  };
  const article = 'about 500 troops sent to Kursk, sources say.\n\nmore than 3 days';

  it('keeps exactly the contract fields in --json', () => {
    const json = toScanJson(fakeDataset(), article, result);
    expectContract(JSON.parse(JSON.stringify(json)));
    expect(json.figures[0]).toEqual({
      text: 'about 500',
      start: 0,
      end: 9,
      value: { low: 500, high: 500 },
      qualifier: 'about',
      quantity: 'q-troops',
      attribution: { type: 'anonymous', cue: 'sources say' },
    });
    expect(json.figures[1]!.value).toEqual({ low: 3, high: null });
    expect(json.dataset).toEqual({ id: 'test-set', version: 7 });
  });

  it('lists marks in order with context, labels, attribution and a summary', () => {
    const text = formatListing('x.txt', fakeDataset(), article, result);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Scan of x.txt: dataset test-set version 7');
    expect(text.indexOf('"about 500"')).toBeLessThan(text.indexOf('"Kursk"'));
    expect(text).toContain('"Kursk" → Kursk Oblast (kursk)');
    expect(text).toContain('quantity     Troops sent (q-troops)');
    expect(text).toContain('attribution  anonymous, cue "sources say"');
    expect(text).toContain('[about 500] troops sent to Kursk');
    expect(text).toContain('¶1:1      figure  "about 500"');
    expect(text).toContain('¶1:26     name    "Kursk"');
    expect(text).toContain('¶2:1      figure  "more than 3"');
    expect(text).toContain('"more than 3" = 3+ (more-than)  (not linked, not marked)');
    expect(lines.at(-2)).toBe('1 name, 2 figures of which 1 linked');
  });
});

describe('with the bundled dataset and engine', () => {
  it('prints the JSON contract for a .txt file', async () => {
    const c = io();
    expect(await runScan([txtFixture, '--json'], c)).toBe(0);
    const json = JSON.parse(c.stdout) as Record<string, unknown>;
    expectContract(json);
    expect(json.article).toBe(articleFromText(readFileSync(txtFixture, 'utf8')));
    const figures = json.figures as { text: string; quantity?: string }[];
    expect(figures.find((f) => f.text === 'About 12,000')?.quantity).toBe('nk-troops-in-russia');
    // A date is not a figure (DESIGN §6).
    expect(figures.filter((f) => /^(3|2025|March 3)$/.test(f.text))).toEqual([]);
    const names = json.names as { entity: string }[];
    expect(names.map((n) => n.entity)).toContain('kim-jong-un');
    // Maintainers see the page's attribution of unlinked figures too (the extension skips it).
    const unlinked = (json.figures as { quantity?: string; attribution?: unknown }[]).filter(
      (f) => f.quantity === undefined,
    );
    expect(unlinked.length).toBeGreaterThan(0);
    for (const f of unlinked) expect(f.attribution).toBeDefined();
  });

  it('reads HTML from standard input with `-`', async () => {
    const c = io(readFileSync(seedHtml, 'utf8'));
    expect(await runScan(['-', '--json'], c)).toBe(0);
    const json = JSON.parse(c.stdout) as Record<string, unknown>;
    expectContract(json);
    expect(json.article).toBe(await articleFromHtml(readFileSync(seedHtml, 'utf8')));
  });

  it('reads text from standard input with `-` and prints the listing by default', async () => {
    const c = io(readFileSync(txtFixture, 'utf8'));
    expect(await runScan(['-'], c)).toBe(0);
    expect(c.stdout).toMatch(/^Scan of standard input: dataset \S+ version \d+/);
    expect(c.stdout).toMatch(/\d+ names?, \d+ figures? of which \d+ linked\n$/);
  });
});

describe('as a process (npm run scan)', () => {
  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'cli/scan.ts', ...args], {
      cwd: root,
      input,
      encoding: 'utf8',
    });

  it('exits 2 on a bad flag and 1 on a missing file', () => {
    const bad = run(['--frobnicate']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown option --frobnicate');
    const missing = run(['missing.txt']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('missing.txt: no such file\n');
  });

  it('scans standard input to JSON', () => {
    const done = run(['-', '--json'], readFileSync(txtFixture, 'utf8'));
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    expectContract(JSON.parse(done.stdout) as Record<string, unknown>);
  });
});

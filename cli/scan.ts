/**
 * `npm run scan -- <file.html|file.txt|-> [--json]` (DESIGN §5): what the extension would mark
 * on a page, with the same article detection (lib/page) and engine (lib/text) as the content
 * script and the dataset compiled from `dataset/` (or `CROSSCHECK_DATASET_DIR`, as the build).
 * Exit 0 on success, 1 on a data or file problem, 2 on usage.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompiledDataset } from '../lib/dataset/types';
import { extractArticle } from '../lib/page/extract';
import type { NameMatch, ScanResult, ScannedFigure } from '../lib/text/types';
import { loadHtml } from './dom';
import { describeFileError, loadEngine } from './load-engine';

const USAGE = `Usage: npm run scan -- <file.html|file.txt|-> [--json]

Prints what Crosscheck would mark on the page: the article text it extracted, the names and
figures found in it, each figure's quantity (only linked figures are marked) and attribution
(the extension works out attribution only for the linked figures; this listing shows it for all).
  <file.html>  a saved page (any file starting with "<" is read as HTML)
  <file.txt>   one article, paragraphs separated by blank lines
  -            read standard input (HTML if it starts with "<", else text)
  --json       machine-readable output (DESIGN §5)
  --help       this text
The dataset is compiled from dataset/ (or $CROSSCHECK_DATASET_DIR).`;

/** `--json` output (DESIGN §5, contract): exactly these fields, in this order. */
export interface ScanJson {
  dataset: { id: string; version: number };
  article: string;
  names: { text: string; start: number; end: number; entity: string }[];
  figures: {
    text: string;
    start: number;
    end: number;
    value: { low: number; high: number | null };
    qualifier: string;
    unit?: string;
    quantity?: string;
    attribution?: { type: string; cue: string };
  }[];
}

/** The article text of an HTML page, as the content script extracts it. */
export async function articleFromHtml(html: string): Promise<string> {
  const loaded = loadHtml(html);
  try {
    return extractArticle(loaded.document).text;
  } finally {
    await loaded.close();
  }
}

/**
 * The article text of a plain-text file: paragraphs are separated by blank lines; inside a
 * paragraph, whitespace runs (line wraps) collapse to one space, as in HTML.
 */
export function articleFromText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\f]*\n/)
    .map((p) => p.replace(/[ \t\n\f]+/g, ' ').trim())
    .filter((p) => p !== '')
    .join('\n\n');
}

/** True when `input` is HTML: its first non-whitespace character is `<`. */
export function looksLikeHtml(input: string): boolean {
  return /^\s*</.test(input.replace(/^\uFEFF/, ''));
}

/** Builds the `--json` object from the engine's result, keeping only the contract's fields. */
export function toScanJson(dataset: CompiledDataset, article: string, result: ScanResult): ScanJson {
  return {
    dataset: { id: dataset.dataset.id, version: dataset.dataset.version },
    article,
    names: result.names.map((n) => ({ text: n.text, start: n.start, end: n.end, entity: n.entity })),
    figures: result.figures.map((f) => {
      const out: ScanJson['figures'][number] = {
        text: f.text,
        start: f.start,
        end: f.end,
        value: { low: f.value.low, high: f.value.high },
        qualifier: f.qualifier,
      };
      if (f.unit !== undefined) out.unit = f.unit;
      if (f.quantity !== undefined) out.quantity = f.quantity;
      if (f.attribution !== undefined) out.attribution = { type: f.attribution.type, cue: f.attribution.cue };
      return out;
    }),
  };
}

/** What a run needs from the outside world (injectable for tests). */
export interface ScanIo {
  readStdin(): Promise<string>;
  out(text: string): void;
  err(text: string): void;
}

/** Runs the command; returns the exit code. */
export async function runScan(argv: readonly string[], io: ScanIo): Promise<number> {
  let json = false;
  const inputs: string[] = [];
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') {
      io.out(USAGE + '\n');
      return 0;
    }
    if (arg === '--json') json = true;
    else if (arg.startsWith('-') && arg !== '-') return usage(io, `unknown option ${arg}`);
    else inputs.push(arg);
  }
  if (inputs.length !== 1)
    return usage(io, inputs.length === 0 ? 'missing input file' : 'only one input file');
  const input = inputs[0]!;

  let raw: string;
  try {
    raw = input === '-' ? await io.readStdin() : await readFile(input, 'utf8');
  } catch (error) {
    io.err(`${input}: ${describeFileError(error)}\n`);
    return 1;
  }
  const html = /\.x?html?$/i.test(input) || (!/\.txt$/i.test(input) && looksLikeHtml(raw));

  // Maintainers see the page's attribution of every figure, linked or not.
  const loaded = await loadEngine(undefined, { attribute: 'all' });
  if ('problems' in loaded) {
    io.err(loaded.problems.join('\n') + '\n');
    return 1;
  }
  const article = html ? await articleFromHtml(raw) : articleFromText(raw);
  const result = loaded.engine.scan(article);
  if (json) io.out(JSON.stringify(toScanJson(loaded.dataset, article, result), null, 2) + '\n');
  else io.out(formatListing(input === '-' ? 'standard input' : input, loaded.dataset, article, result));
  return 0;
}

function usage(io: ScanIo, message: string): number {
  io.err(`scan: ${message}\n\n${USAGE}\n`);
  return 2;
}

type Mark = { kind: 'name'; m: NameMatch } | { kind: 'figure'; m: ScannedFigure };

/**
 * The maintainers' listing: every mark in article order with its paragraph:column, its context
 * (the mark in [brackets]), the entity or quantity it stands for, the parsed value and the
 * attribution with its cue; then a summary line.
 */
export function formatListing(
  source: string,
  dataset: CompiledDataset,
  article: string,
  result: ScanResult,
): string {
  const entities = new Map(dataset.entities.map((e) => [e.id, e]));
  const quantities = new Map(dataset.quantities.map((q) => [q.id, q]));
  const marks: Mark[] = [
    ...result.names.map((m): Mark => ({ kind: 'name', m })),
    ...result.figures.map((m): Mark => ({ kind: 'figure', m })),
  ].sort((a, b) => a.m.start - b.m.start || a.m.end - b.m.end);

  const paragraphs = article === '' ? 0 : article.split('\n\n').length;
  const lines = [
    `Scan of ${source}: dataset ${dataset.dataset.id} version ${dataset.dataset.version}`,
    `Article: ${paragraphs} paragraph${paragraphs === 1 ? '' : 's'}, ${article.length.toLocaleString('en-US')} characters`,
    '',
  ];
  for (const mark of marks) {
    const where = position(article, mark.m.start);
    const context = `      ${contextOf(article, mark.m.start, mark.m.end)}`;
    if (mark.kind === 'name') {
      const entity = entities.get(mark.m.entity);
      lines.push(`${where}  name    "${mark.m.text}" → ${entity?.name ?? '?'} (${mark.m.entity})`, context);
    } else {
      const f = mark.m;
      const linked = f.quantity !== undefined;
      lines.push(
        `${where}  figure  "${f.text}" = ${formatValue(f)}${linked ? '' : '  (not linked, not marked)'}`,
      );
      if (linked)
        lines.push(`      quantity     ${quantities.get(f.quantity!)?.label ?? '?'} (${f.quantity})`);
      if (f.attribution !== undefined) {
        const cue = f.attribution.cue === '' ? 'no cue' : `cue "${f.attribution.cue}"`;
        lines.push(`      attribution  ${f.attribution.type}, ${cue}`);
      }
      lines.push(context);
    }
  }
  const linked = result.figures.filter((f) => f.quantity !== undefined).length;
  if (marks.length > 0) lines.push('');
  lines.push(
    `${count(result.names.length, 'name')}, ${count(result.figures.length, 'figure')} of which ${linked} linked`,
  );
  return lines.join('\n') + '\n';
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** `¶paragraph:column`, both 1-based. */
function position(article: string, offset: number): string {
  const before = article.slice(0, offset);
  const paragraph = before.split('\n\n').length;
  const separator = before.lastIndexOf('\n\n');
  const column = offset - (separator < 0 ? 0 : separator + 2) + 1;
  return `¶${paragraph}:${column}`.padEnd(8);
}

/** The mark in [brackets] with up to 50 characters either side, within its paragraph. */
function contextOf(article: string, start: number, end: number): string {
  const paraStart = article.lastIndexOf('\n\n', start - 1);
  const from = Math.max(paraStart < 0 ? 0 : paraStart + 2, start - 50);
  const paraEnd = article.indexOf('\n\n', end);
  const to = Math.min(paraEnd < 0 ? article.length : paraEnd, end + 50);
  const lead = from > 0 && article[from - 1] !== '\n' ? '…' : '';
  const tail = to < article.length && article[to] !== '\n' ? '…' : '';
  return `${lead}${article.slice(from, start)}[${article.slice(start, end)}]${article.slice(end, to)}${tail}`;
}

function formatValue(f: ScannedFigure): string {
  const n = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 6 });
  const { low, high } = f.value;
  const unit = f.unit !== undefined ? ` ${f.unit}` : '';
  const range = high === null ? `${n(low)}+` : low === high ? n(low) : `${n(low)}–${n(high)}`;
  return `${range}${unit} (${f.qualifier})`;
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const isMain =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const code = await runScan(process.argv.slice(2), {
    readStdin: readAllStdin,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
  process.exitCode = code;
}

/**
 * The background's side of the `scan` message (DESIGN §2): the engine is built once per active
 * dataset generation and rebuilt when another generation becomes active; the reply holds only what
 * the page needs. The text is scanned here and never leaves the browser.
 */
import type { CompiledDataset } from '../dataset/types';
import type { ScanResult } from '../text/types';
import { EMPTY_POINTERS, type CrosscheckDB } from './db';
import { getActiveDataset } from './generations';
import type { PageFigure, PageName, ScanReply } from './messages';
import { getSettings } from './settings';

/** Anything with the engine's `scan` (lib/text's `Engine`). */
export interface TextScanner {
  scan(text: string): ScanResult;
}

/** Builds a scanner for a dataset (`createEngine` from lib/text, injected so lib/store stays engine-free). */
export type ScannerFactory = (dataset: CompiledDataset) => TextScanner;

export interface ScanService {
  /**
   * Answers a `scan` request for the page at `pageUrl` (the sender's URL as the browser reports
   * it, never one the page supplied): `{ status: 'off' }` when the reader switched the site off,
   * otherwise the marks in `text`. Rejects when no dataset is installed.
   */
  scan(text: string, pageUrl: string): Promise<ScanReply>;
}

/** Creates the service over `db`; `createScanner` runs once per active generation. */
export function createScanService(db: CrosscheckDB, createScanner: ScannerFactory): ScanService {
  let cached: { generation: number; scanner: Promise<TextScanner> } | null = null;

  async function scannerFor(generation: number | null): Promise<TextScanner> {
    if (cached !== null && cached.generation === generation) return cached.scanner;
    const record = await getActiveDataset(db);
    if (record === null) throw new Error('no dataset is installed');
    if (cached !== null && cached.generation === record.generation) return cached.scanner;
    const entry = {
      generation: record.generation,
      scanner: Promise.resolve(record.dataset).then(createScanner),
    };
    cached = entry;
    // A failed build is not kept: the next request tries again.
    entry.scanner.catch(() => {
      if (cached === entry) cached = null;
    });
    return entry.scanner;
  }

  return {
    async scan(text, pageUrl) {
      const { disabledSites } = await getSettings(db);
      if (isSiteDisabled(pageUrl, disabledSites)) return { status: 'off' };
      // Only the pointer is read per request; the dataset itself only when the generation changed.
      const pointers = (await db.get('pointers', 'pointers')) ?? EMPTY_POINTERS;
      const scanner = await scannerFor(pointers.active);
      return toScanReply(scanner.scan(text));
    },
  };
}

/** True when `url`'s hostname (lower case) is in `disabledSites`. An unparsable URL is not disabled. */
export function isSiteDisabled(url: string, disabledSites: readonly string[]): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host !== '' && disabledSites.includes(host);
}

/** The reply for an engine result: every name, and the figures linked to a quantity. */
export function toScanReply(result: ScanResult): ScanReply {
  const names: PageName[] = result.names.map((n) => ({ start: n.start, end: n.end, entity: n.entity }));
  const figures: PageFigure[] = [];
  for (const f of result.figures) {
    if (f.quantity === undefined) continue;
    const figure: PageFigure = {
      start: f.start,
      end: f.end,
      quantity: f.quantity,
      value: { low: f.value.low, high: f.value.high },
      qualifier: f.qualifier,
    };
    if (f.unit !== undefined) figure.unit = f.unit;
    if (f.attribution !== undefined)
      figure.attribution = { type: f.attribution.type, cue: f.attribution.cue };
    figures.push(figure);
  }
  return { status: 'marks', names, figures };
}

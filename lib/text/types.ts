/**
 * What the text engine returns (DESIGN §5, `npm run scan -- --json`). Offsets are UTF-16 code unit
 * indices into the scanned text, end exclusive: `text.slice(start, end) === match.text`.
 */
import type { PageAttributionType, Qualifier } from '../dataset/types';

/** A parsed value: inclusive bounds; `high` is `null` for an open upper bound ("more than 5,000"). */
export interface FigureValue {
  low: number;
  high: number | null;
}

/** A number-like expression found in text ("about 12,000", "between 10,900 and 12,000", "three"). */
export interface Figure {
  /** The surface, qualifier included, unit noun excluded ("about 12,000"). */
  text: string;
  start: number;
  end: number;
  value: FigureValue;
  qualifier: Qualifier;
  /** `percent` for percentages, an ISO 4217 code (`USD`, `GBP`, `EUR`, …) for money; absent for counts. */
  unit?: string;
}

/** How the sentence around a figure attributes it, with the cue that decided. */
export interface PageAttribution {
  type: PageAttributionType;
  /** The cue's surface ("according to informed sources", "apparently"); empty when none was found. */
  cue: string;
  /** Offsets of the cue in the scanned text; absent when `cue` is empty. */
  cueStart?: number;
  cueEnd?: number;
}

/** A figure with what the engine decided about it. Only figures with a `quantity` are marked. */
export interface ScannedFigure extends Figure {
  quantity?: string;
  attribution?: PageAttribution;
}

/** A mention of a dataset entity. */
export interface NameMatch {
  text: string;
  start: number;
  end: number;
  /** Entity id. */
  entity: string;
}

export interface ScanResult {
  names: NameMatch[];
  figures: ScannedFigure[];
}

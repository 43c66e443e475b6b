/**
 * How the card names and draws each attribution type (DESIGN §4): a plain-language label for
 * readers, and a marker shape so the dot plot, its legend and the badges tell types apart by
 * shape as well as colour. Pure.
 */
import { ATTRIBUTION_TYPES, type PageAttributionType } from '../dataset/types';

/** Every type the card may show, in legend order: the ten dataset types, then `unclear`. */
export const CARD_ATTRIBUTION_TYPES: readonly PageAttributionType[] = [...ATTRIBUTION_TYPES, 'unclear'];

/** The reader's label for each type. */
export const ATTRIBUTION_LABELS: Readonly<Record<PageAttributionType, string>> = {
  'named-official': 'Named official',
  'official-statement': 'Official statement',
  'intelligence-assessment': 'Intelligence estimate',
  anonymous: 'Anonymous sources',
  'party-claim': 'Claim by a party to the war',
  'state-media': 'State media',
  'media-relay': 'Relayed from other media',
  analysis: 'Analysts’ estimate',
  hearsay: 'Hedged, no source',
  unattributed: 'No source given',
  unclear: 'Unclear',
};

/** A marker's outline. */
export type MarkerShape = 'circle' | 'square' | 'diamond' | 'triangle' | 'cross' | 'bar';

export interface MarkerStyle {
  shape: MarkerShape;
  /** Filled, or drawn as an outline. */
  filled: boolean;
}

/**
 * Each type's marker: no two types share shape and fill. Types a reader can trace to someone
 * accountable are filled; unnamed or missing sources are outlines.
 */
export const ATTRIBUTION_MARKERS: Readonly<Record<PageAttributionType, MarkerStyle>> = {
  'named-official': { shape: 'circle', filled: true },
  'official-statement': { shape: 'square', filled: true },
  'intelligence-assessment': { shape: 'diamond', filled: true },
  anonymous: { shape: 'circle', filled: false },
  'party-claim': { shape: 'triangle', filled: true },
  'state-media': { shape: 'cross', filled: true },
  'media-relay': { shape: 'square', filled: false },
  analysis: { shape: 'diamond', filled: false },
  hearsay: { shape: 'triangle', filled: false },
  unattributed: { shape: 'cross', filled: false },
  unclear: { shape: 'bar', filled: true },
};

/** The label for `type`, or "Unclear" for anything that is not a known type. */
export function attributionLabel(type: string): string {
  return (ATTRIBUTION_LABELS as Record<string, string>)[type] ?? ATTRIBUTION_LABELS.unclear;
}

/** `types` without repeats, in legend order (unknown ones dropped): what a legend lists. */
export function typesPresent(types: Iterable<string>): PageAttributionType[] {
  const seen = new Set(types);
  return CARD_ATTRIBUTION_TYPES.filter((t) => seen.has(t));
}

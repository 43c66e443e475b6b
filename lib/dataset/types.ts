/**
 * The data model of a Crosscheck dataset (DESIGN §4).
 *
 * Two shapes exist for the same data:
 * - the *source* shape maintainers write in `dataset/**.yaml` (short forms allowed, e.g. an alias
 *   may be a plain string, a value may be `{ exact }`);
 * - the *compiled* shape (this file's `Compiled*` types): normalised, sorted and free of short
 *   forms, as found in `dataset-<v>.json`, in IndexedDB and in every engine input.
 */

/** How a report attributes its figure (contract: these ten ids, DESIGN §4). */
export const ATTRIBUTION_TYPES = [
  'named-official',
  'official-statement',
  'intelligence-assessment',
  'anonymous',
  'party-claim',
  'state-media',
  'media-relay',
  'analysis',
  'hearsay',
  'unattributed',
] as const;
export type AttributionType = (typeof ATTRIBUTION_TYPES)[number];

/** What the in-page classifier may answer: a type, or `unclear` when the sentence does not say. */
export type PageAttributionType = AttributionType | 'unclear';

export const ENTITY_KINDS = [
  'person',
  'organization',
  'agency',
  'military-unit',
  'outlet',
  'weapon',
  'place',
  'other',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** How a value is qualified in the text that reports it. */
export const QUALIFIERS = [
  'about',
  'at-least',
  'more-than',
  'up-to',
  'fewer-than',
  'exact',
  'range',
] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const GENRES = ['news', 'opinion', 'aggregator', 'official', 'analysis'] as const;
/** What kind of piece a report comes from (a copy on an aggregator weighs less than the original). */
export type Genre = (typeof GENRES)[number];

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: a real calendar date at year, month or day precision. */
export type PartialDate = string;

/** The major version of the compiled format; a release's manifest carries it as `schema`. */
export const SCHEMA_MAJOR = 1;

export interface Alias {
  text: string;
  /** Matched only with this exact case (short acronyms such as NIS, JCS, HUR). */
  caseSensitive?: boolean;
}

export interface Role {
  title: string;
  /** Entity id of the organisation the role belongs to, if it is in the dataset. */
  org?: string;
  from?: PartialDate;
  to?: PartialDate;
}

export interface Entity {
  /** kebab-case, stable across releases. */
  id: string;
  kind: EntityKind;
  /** The display name; it is matched in text like an alias. */
  name: string;
  aliases: Alias[];
  /**
   * Family name as used after a title to refer back to a person already named on the page
   * ("Major General Shin", "Secretary Blinken"). Korean names put it first, Western names last.
   */
  surname?: string;
  /** One line, in the maintainers' own words. */
  description: string;
  roles?: Role[];
  /** ISO 3166-1 alpha-2 code, lower case (`kp`, `kr`, `ua`, `ru`, `us`, `gb`, `jp`). */
  country?: string;
  /** The side of the conflict it belongs to, if any (`ukraine`, `russia`, `north-korea`). */
  party?: string;
  /** State-controlled media of a party (KCNA, TASS). */
  stateMedia?: boolean;
  links?: string[];
}

export interface QuantityCues {
  /** Words that name whose quantity it is ("North Korean", "DPRK", "Pyongyang's"). */
  subject: string[];
  /** Unit nouns expected right after the figure ("troops", "soldiers"). */
  unit: string[];
  /** Event words expected nearby ("sent", "deployed", "killed"). */
  event: string[];
  /** Words whose presence in the sentence rules this quantity out ("wounded" for `nk-killed`). */
  exclude: string[];
}

export interface Quantity {
  id: string;
  /** What is measured, as a reader sees it on the card ("North Korean troops deployed to Russia"). */
  label: string;
  /** The unit of the value ("troops", "people", "missiles"). */
  unit: string;
  /** One line on what is and is not counted. */
  description?: string;
  /** Plain words only: never regular expressions (store rules forbid remotely fetched logic). */
  cues: QuantityCues;
}

/** A reported value: `low`/`high` are inclusive bounds; `null` is an open bound. */
export interface ReportValue {
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
}

export interface Report {
  id: string;
  /** Quantity id. */
  quantity: string;
  value: ReportValue;
  /** The date the figure describes (may differ from publication). */
  asOf: PartialDate;
  published: PartialDate;
  /** Entity id of the outlet that published the piece. */
  outlet: string;
  /** Entity id of who is cited, when the dataset knows them. */
  source?: string;
  /** The chain of who is cited, in words ("NIS, closed-door briefing, via Rep. Lee Seong-kweun"). */
  chain?: string;
  attribution: AttributionType;
  /** https only. */
  url: string;
  /** One line, in the maintainers' own words; never a copied sentence. */
  summary: string;
  /** Entity ids the report is about. */
  subjects: string[];
  /** BCP 47 language tag of the piece (`en`, `ko`, `ja`). */
  language?: string;
  genre?: Genre;
  notes?: string;
  disputed?: { reason: string };
}

export interface DatasetMeta {
  id: string;
  title: string;
  /** Integer that only goes up. */
  version: number;
  license: string;
  homepage: string;
  /** Where readers report problems. */
  issues: string;
  languages: string[];
}

/** The compiled dataset: what `dataset build` writes and what the extension stores. */
export interface CompiledDataset {
  dataset: DatasetMeta;
  entities: Entity[];
  quantities: Quantity[];
  reports: Report[];
}

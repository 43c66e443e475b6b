/**
 * The one schema of the dataset (DESIGN §4), in valibot: the *source* shapes maintainers write in
 * YAML (short forms allowed) and the *compiled* shape of `dataset-<v>.json`. The editor JSON
 * Schemas under `dataset/schema/` are generated from the source schemas (see `json-schema.ts`).
 *
 * Field-level rules (ids, dates, URLs, one-line text, forbidden characters, cue words) live here so
 * that both shapes enforce them; rules across fields or items live in `semantic-checks.ts`.
 * Messages are written to follow the field's path: `<path> <message>` (see `issues.ts`).
 */
import * as v from 'valibot';
import { ATTRIBUTION_TYPES, ENTITY_KINDS, GENRES, QUALIFIERS, type CompiledDataset } from './types';
import {
  COUNTRY_CODE,
  CUE_METACHARACTER,
  FORBIDDEN_CHARACTER,
  KEBAB_CASE,
  LANGUAGE_TAG,
  LINE_BREAK,
  PARTIAL_DATE,
  isCalendarDate,
  isHttpsUrl,
} from './rules';

function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

const noForbiddenCharacters = v.check<string, (issue: v.CheckIssue<string>) => string>(
  (s) => !FORBIDDEN_CHARACTER.test(s),
  (issue) =>
    `contains a control or bidi character (${codePoint(FORBIDDEN_CHARACTER.exec(issue.input)?.[0] ?? '')})`,
);

/** A non-empty single line of text without control or bidi characters. */
const text = v.pipe(
  v.string(),
  v.minLength(1, 'must not be empty'),
  v.check((s) => s.trim() !== '', 'must not be blank'),
  v.check((s) => !LINE_BREAK.test(s), 'must be one line'),
  noForbiddenCharacters,
);

/** Free text that may span lines (notes). */
const multilineText = v.pipe(
  v.string(),
  v.check((s) => s.trim() !== '', 'must not be blank'),
  noForbiddenCharacters,
);

const id = v.pipe(
  v.string(),
  v.regex(
    KEBAB_CASE,
    (issue) => `${issue.received} is not kebab-case (lower-case letters, digits, single hyphens)`,
  ),
);

const count = v.pipe(v.number(), v.finite('must be a finite number'), v.minValue(0, 'must not be negative'));

const dateString = v.pipe(
  v.string(),
  v.regex(PARTIAL_DATE, (issue) => `${issue.received} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`),
  v.check(isCalendarDate, (issue) => `"${issue.input}" is not a real calendar date`),
);

/** YAML reads `2024` as a number: a bare integer year is accepted in sources. */
const dateSource = v.union([
  dateString,
  v.pipe(
    v.number(),
    v.integer('must be a whole year'),
    v.minValue(1000, 'must be a 4-digit year'),
    v.maxValue(9999, 'must be a 4-digit year'),
  ),
]);

const httpsUrl = v.pipe(
  v.string(),
  v.regex(/^https:\/\//, (issue) => `${issue.received} must be an https:// URL`),
  v.check(isHttpsUrl, (issue) => `"${issue.input}" is not a valid https URL`),
  noForbiddenCharacters,
);

const cueWord = v.pipe(
  text,
  v.check(
    (s) => !CUE_METACHARACTER.test(s),
    (issue) =>
      `"${issue.input}" must be plain words, not a regular expression (found "${CUE_METACHARACTER.exec(issue.input)?.[0] ?? ''}")`,
  ),
);

const languageTag = v.pipe(
  v.string(),
  v.regex(LANGUAGE_TAG, (issue) => `${issue.received} is not a language tag (en, ko, pt-BR)`),
);
const country = v.pipe(
  v.string(),
  v.regex(COUNTRY_CODE, (issue) => `${issue.received} is not a lower-case ISO 3166-1 alpha-2 code`),
);

const datasetMeta = v.strictObject({
  id,
  title: text,
  version: v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be 1 or more')),
  license: text,
  homepage: httpsUrl,
  issues: httpsUrl,
  languages: v.pipe(v.array(languageTag), v.minLength(1, 'must list at least one language')),
});

// --- source shapes -------------------------------------------------------------------------------

const aliasSource = v.union([text, v.strictObject({ text, caseSensitive: v.optional(v.boolean()) })]);

const roleSource = v.strictObject({
  title: text,
  org: v.optional(id),
  from: v.optional(dateSource),
  to: v.optional(dateSource),
});

const entitySource = v.strictObject({
  id,
  kind: v.picklist(ENTITY_KINDS),
  name: text,
  aliases: v.optional(v.array(aliasSource)),
  surname: v.optional(text),
  description: text,
  roles: v.optional(v.array(roleSource)),
  country: v.optional(country),
  party: v.optional(id),
  stateMedia: v.optional(v.boolean()),
  links: v.optional(v.array(httpsUrl)),
});

const cueList = v.array(cueWord);

const quantitySource = v.strictObject({
  id,
  label: text,
  unit: text,
  description: v.optional(text),
  cues: v.optional(
    v.strictObject({
      subject: v.optional(cueList),
      unit: v.optional(cueList),
      event: v.optional(cueList),
      exclude: v.optional(cueList),
    }),
  ),
});

/** `{ exact, qualifier? }` or `{ low?, high?, qualifier }`; which combinations are allowed is checked in `normalize.ts`. */
const valueSource = v.strictObject({
  exact: v.optional(count),
  low: v.optional(count),
  high: v.optional(count),
  qualifier: v.optional(v.picklist(QUALIFIERS)),
});

const reportFields = {
  id,
  asOf: dateSource,
  published: dateSource,
  outlet: id,
  source: v.optional(id),
  chain: v.optional(text),
  attribution: v.picklist(ATTRIBUTION_TYPES),
  url: httpsUrl,
  summary: text,
  language: v.optional(languageTag),
  genre: v.optional(v.picklist(GENRES)),
  notes: v.optional(multilineText),
  disputed: v.optional(v.strictObject({ reason: text })),
};

const reportSource = v.strictObject({
  ...reportFields,
  value: valueSource,
  subjects: v.optional(v.array(id)),
});

/** `dataset/dataset.yaml`: the dataset's metadata. */
export const datasetFileSchema = datasetMeta;
/** `dataset/entities/*.yaml`: a sequence of entities. */
export const entitiesFileSchema = v.array(entitySource);
/** `dataset/quantities.yaml`: a sequence of quantities. */
export const quantitiesFileSchema = v.array(quantitySource);
/** `dataset/reports/*.yaml`: the reports of one quantity. */
export const reportsFileSchema = v.strictObject({ quantity: id, reports: v.array(reportSource) });

export type DatasetFileSource = v.InferOutput<typeof datasetFileSchema>;
export type EntitySource = v.InferOutput<typeof entitySource>;
export type QuantitySource = v.InferOutput<typeof quantitySource>;
export type ReportSource = v.InferOutput<typeof reportSource>;
export type ReportsFileSource = v.InferOutput<typeof reportsFileSchema>;
export type AliasSource = v.InferOutput<typeof aliasSource>;
export type DateSource = v.InferOutput<typeof dateSource>;

// --- compiled shape ------------------------------------------------------------------------------

const compiledEntity = v.strictObject({
  id,
  kind: v.picklist(ENTITY_KINDS),
  name: text,
  aliases: v.array(v.strictObject({ text, caseSensitive: v.optional(v.boolean()) })),
  surname: v.optional(text),
  description: text,
  roles: v.optional(
    v.array(
      v.strictObject({
        title: text,
        org: v.optional(id),
        from: v.optional(dateString),
        to: v.optional(dateString),
      }),
    ),
  ),
  country: v.optional(country),
  party: v.optional(id),
  stateMedia: v.optional(v.boolean()),
  links: v.optional(v.array(httpsUrl)),
});

const compiledQuantity = v.strictObject({
  id,
  label: text,
  unit: text,
  description: v.optional(text),
  cues: v.strictObject({ subject: cueList, unit: cueList, event: cueList, exclude: cueList }),
});

const compiledReport = v.strictObject({
  ...reportFields,
  asOf: dateString,
  published: dateString,
  quantity: id,
  value: v.strictObject({
    low: v.nullable(count),
    high: v.nullable(count),
    qualifier: v.picklist(QUALIFIERS),
  }),
  subjects: v.array(id),
});

/** The compiled dataset (`CompiledDataset`), as stored and shipped in a release. */
export const compiledDatasetSchema = v.strictObject({
  dataset: datasetMeta,
  entities: v.array(compiledEntity),
  quantities: v.array(compiledQuantity),
  reports: v.array(compiledReport),
});

// The schema must describe exactly the data model of types.ts: a compile error here means they drifted.
type Compiled = v.InferOutput<typeof compiledDatasetSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesTypes: Same<Compiled, CompiledDataset> = true;
void schemaMatchesTypes;

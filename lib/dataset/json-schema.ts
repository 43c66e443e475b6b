/**
 * Editor JSON Schemas for the YAML sources, generated from the valibot source schemas so the two
 * can never disagree. Rules valibot cannot express in JSON Schema (calendar dates, one-line text,
 * forbidden characters, cross-item rules) are left to `dataset check`.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { datasetFileSchema, entitiesFileSchema, quantitiesFileSchema, reportsFileSchema } from './schema';

/** The generated schema files, by base name (`dataset/schema/<name>.schema.json`). */
export const JSON_SCHEMA_NAMES = ['dataset', 'entities', 'quantities', 'reports'] as const;
export type JsonSchemaName = (typeof JSON_SCHEMA_NAMES)[number];

const SOURCES: Record<JsonSchemaName, { schema: v.GenericSchema; title: string }> = {
  dataset: { schema: datasetFileSchema, title: 'Crosscheck dataset metadata (dataset/dataset.yaml)' },
  entities: { schema: entitiesFileSchema, title: 'Crosscheck entities (dataset/entities/*.yaml)' },
  quantities: { schema: quantitiesFileSchema, title: 'Crosscheck quantities (dataset/quantities.yaml)' },
  reports: {
    schema: reportsFileSchema,
    title: 'Crosscheck reports of one quantity (dataset/reports/*.yaml)',
  },
};

/** The JSON Schema (draft-07) for each source file kind. Deterministic. */
export function buildJsonSchemas(): Record<JsonSchemaName, Record<string, unknown>> {
  const out = {} as Record<JsonSchemaName, Record<string, unknown>>;
  for (const name of JSON_SCHEMA_NAMES) {
    const { schema, title } = SOURCES[name];
    const json = toJsonSchema(schema, { errorMode: 'ignore' }) as Record<string, unknown>;
    out[name] = { $schema: json.$schema, title, ...json };
  }
  return out;
}

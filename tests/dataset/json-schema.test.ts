import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildJsonSchemas, JSON_SCHEMA_NAMES } from '../../lib/dataset/json-schema';

describe('buildJsonSchemas', () => {
  it('describes each source file kind', () => {
    const schemas = buildJsonSchemas();
    expect(Object.keys(schemas)).toEqual(['dataset', 'entities', 'quantities', 'reports']);
    expect(schemas.entities).toMatchObject({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'array',
    });
    expect(schemas.reports).toMatchObject({
      type: 'object',
      required: ['quantity', 'reports'],
      additionalProperties: false,
    });
    expect(JSON.stringify(schemas.reports)).toContain('"pattern":"^[a-z0-9]+(?:-[a-z0-9]+)*$"');
  });

  it.each(JSON_SCHEMA_NAMES)(
    'dataset/schema/%s.schema.json is up to date (run: npm run dataset -- schema)',
    (name) => {
      const committed = JSON.parse(readFileSync(`dataset/schema/${name}.schema.json`, 'utf8'));
      expect(committed).toEqual(buildJsonSchemas()[name]);
    },
  );
});

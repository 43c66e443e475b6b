import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { compiledDatasetSchema, entitiesFileSchema, reportsFileSchema } from '../../lib/dataset/schema';
import { compiledFixture } from './fixture';

describe('schema', () => {
  it('accepts the source short forms', () => {
    expect(
      v.is(entitiesFileSchema, [
        {
          id: 'x',
          kind: 'person',
          name: 'X',
          description: 'D.',
          aliases: ['A', { text: 'B', caseSensitive: true }],
          roles: [{ title: 'T', from: 2020 }],
        },
      ]),
    ).toBe(true);
    expect(
      v.is(reportsFileSchema, {
        quantity: 'q',
        reports: [
          {
            id: 'r',
            value: { exact: 1 },
            asOf: 2024,
            published: '2024-05',
            outlet: 'o',
            attribution: 'analysis',
            url: 'https://a.example',
            summary: 'S.',
            disputed: { reason: 'R.' },
          },
        ],
      }),
    ).toBe(true);
  });

  it('accepts a compiled dataset and refuses the short forms in it', () => {
    const dataset = compiledFixture();
    expect(v.is(compiledDatasetSchema, dataset)).toBe(true);
    expect(v.is(compiledDatasetSchema, { ...dataset, extra: 1 })).toBe(false);
    const withYearNumber = { ...dataset, reports: [{ ...dataset.reports[0]!, asOf: 2024 }] };
    expect(v.is(compiledDatasetSchema, withYearNumber)).toBe(false);
    const withStringAlias = { ...dataset, entities: [{ ...dataset.entities[0]!, aliases: ['TA'] }] };
    expect(v.is(compiledDatasetSchema, withStringAlias)).toBe(false);
  });
});

import type { CompiledDataset } from '../../lib/dataset/types';

/** A small compiled dataset for store tests: `entities` entities, one quantity, `reports` reports. */
export function makeDataset(
  version: number,
  options: { id?: string; entities?: number; reports?: number } = {},
): CompiledDataset {
  const entities = Array.from({ length: options.entities ?? 2 }, (_, i) => ({
    id: `entity-${i}`,
    kind: 'organization' as const,
    name: `Entity ${i}`,
    aliases: [],
    description: `Test entity ${i}.`,
  }));
  return {
    dataset: {
      id: options.id ?? 'test-set',
      title: 'Test set',
      version,
      license: 'CC-BY-4.0',
      homepage: 'https://example.org/',
      issues: 'https://example.org/issues',
      languages: ['en'],
    },
    entities,
    quantities: [
      {
        id: 'q',
        label: 'Things sent',
        unit: 'things',
        cues: { subject: ['our'], unit: ['things'], event: ['sent'], exclude: [] },
      },
    ],
    reports: Array.from({ length: options.reports ?? 3 }, (_, i) => ({
      id: `report-${i}`,
      quantity: 'q',
      value: { low: 10 * (i + 1), high: 10 * (i + 1), qualifier: 'exact' as const },
      asOf: '2024-11',
      published: '2024-11-02',
      outlet: 'entity-0',
      attribution: 'unattributed' as const,
      url: `https://example.org/${i}`,
      summary: `Report ${i}.`,
      subjects: [],
    })),
  };
}

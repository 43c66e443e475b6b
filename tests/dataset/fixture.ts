/** A valid compiled dataset for tests of the compiled-data modules. */
import type { CompiledDataset } from '../../lib/dataset/types';

export function compiledFixture(): CompiledDataset {
  return {
    dataset: {
      id: 'mini',
      title: 'Mini',
      version: 2,
      license: 'CC0-1.0',
      homepage: 'https://example.org/',
      issues: 'https://example.org/issues',
      languages: ['en'],
    },
    entities: [
      {
        id: 'agency',
        kind: 'agency',
        name: 'The Agency',
        aliases: [{ text: 'TA', caseSensitive: true }],
        description: 'An agency.',
      },
      {
        id: 'chief',
        kind: 'person',
        name: 'Pat Chief',
        aliases: [],
        description: 'A chief.',
        roles: [{ title: 'Chief', org: 'agency', from: '2020', to: '2024-05' }],
      },
      {
        id: 'paper',
        kind: 'outlet',
        name: 'The Paper',
        aliases: [{ text: 'Paper' }],
        description: 'An outlet.',
        links: ['https://paper.example'],
      },
    ],
    quantities: [
      {
        id: 'things',
        label: 'Things sent',
        unit: 'things',
        cues: { subject: [], unit: ['things'], event: ['sent'], exclude: [] },
      },
    ],
    reports: [
      {
        id: 'r1',
        quantity: 'things',
        value: { low: 10, high: 12, qualifier: 'range' },
        asOf: '2024-01',
        published: '2024-01-05',
        outlet: 'paper',
        source: 'agency',
        attribution: 'official-statement',
        url: 'https://paper.example/1',
        summary: 'Ten to twelve things.',
        subjects: ['chief'],
      },
      {
        id: 'r2',
        quantity: 'things',
        value: { low: 20, high: null, qualifier: 'more-than' },
        asOf: '2024-03',
        published: '2024-03-05',
        outlet: 'paper',
        attribution: 'anonymous',
        url: 'https://paper.example/2',
        summary: 'More than twenty things.',
        subjects: [],
      },
    ],
  };
}

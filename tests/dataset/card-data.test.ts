import { describe, expect, it } from 'vitest';
import { comparePartialDates, createCardIndex, relationsOf } from '../../lib/dataset/card-data';
import type { CompiledDataset, Report } from '../../lib/dataset/types';

function report(id: string, overrides: Partial<Report> = {}): Report {
  return {
    id,
    quantity: 'troops',
    value: { low: 10, high: 10, qualifier: 'exact' },
    asOf: '2024-10',
    published: '2024-10-20',
    outlet: 'daily',
    attribution: 'unattributed',
    url: `https://daily.example/${id}`,
    summary: `Summary of ${id}.`,
    subjects: [],
    ...overrides,
  };
}

const DATASET: CompiledDataset = {
  dataset: {
    id: 'test',
    title: 'Test',
    version: 1,
    license: 'CC-BY-4.0',
    homepage: 'https://example.org/',
    issues: 'https://example.org/issues',
    languages: ['en'],
  },
  entities: [
    { id: 'daily', kind: 'outlet', name: 'The Daily', aliases: [], description: 'A paper.' },
    {
      id: 'spy',
      kind: 'agency',
      name: 'Spy Agency',
      aliases: [],
      description: 'An agency.',
      country: 'kr',
      links: ['https://spy.example/'],
    },
    {
      id: 'general',
      kind: 'person',
      name: 'A General',
      aliases: [],
      description: 'A general.',
      roles: [
        { title: 'Commander', org: 'army', from: '2024-10' },
        { title: 'Envoy', org: 'nowhere' },
      ],
      party: 'north-korea',
    },
    {
      id: 'army',
      kind: 'military-unit',
      name: 'The Army',
      aliases: [],
      description: 'An army.',
      stateMedia: false,
    },
  ],
  quantities: [
    {
      id: 'troops',
      label: 'Troops sent',
      unit: 'troops',
      description: 'All troops.',
      cues: { subject: [], unit: [], event: [], exclude: [] },
    },
    {
      id: 'killed',
      label: 'Troops killed',
      unit: 'troops',
      cues: { subject: [], unit: [], event: [], exclude: [] },
    },
  ],
  reports: [
    report('late', {
      asOf: '2025-01-02',
      source: 'spy',
      chain: 'Spy Agency via a lawmaker',
      subjects: ['general'],
    }),
    report('year', { asOf: '2024', outlet: 'spy', disputed: { reason: 'Odd.' } }),
    report('early', { asOf: '2024-10-18', source: 'spy', attribution: 'intelligence-assessment' }),
    report('other', { quantity: 'killed', asOf: '2024-12', source: 'general', subjects: ['general'] }),
    report('ghost', { outlet: 'unknown-outlet' }),
  ],
};

describe('createCardIndex().figureCard', () => {
  const index = createCardIndex(DATASET);

  it('returns the quantity and every report of it, oldest asOf first, less precise dates first', () => {
    const card = index.figureCard('troops')!;
    expect(card.kind).toBe('figure');
    expect(card.quantity).toEqual({
      id: 'troops',
      label: 'Troops sent',
      unit: 'troops',
      description: 'All troops.',
    });
    expect(card.reports.map((r) => r.id)).toEqual(['year', 'ghost', 'early', 'late']);
  });

  it('resolves outlet and source names and keeps chain, attribution, url, summary and dispute', () => {
    const card = index.figureCard('troops')!;
    const late = card.reports.find((r) => r.id === 'late')!;
    expect(late).toMatchObject({
      outlet: { id: 'daily', name: 'The Daily' },
      source: { id: 'spy', name: 'Spy Agency' },
      chain: 'Spy Agency via a lawmaker',
      attribution: 'unattributed',
      url: 'https://daily.example/late',
      summary: 'Summary of late.',
      published: '2024-10-20',
      value: { low: 10, high: 10, qualifier: 'exact' },
    });
    expect(card.reports.find((r) => r.id === 'year')!.disputed).toEqual({ reason: 'Odd.' });
    // An outlet missing from the entities shows its id.
    expect(card.reports.find((r) => r.id === 'ghost')!.outlet).toEqual({
      id: 'unknown-outlet',
      name: 'unknown-outlet',
    });
  });

  it('answers null for an unknown quantity, and no reports for a quantity without any', () => {
    expect(index.figureCard('nope')).toBeNull();
    expect(createCardIndex({ ...DATASET, reports: [] }).figureCard('troops')!.reports).toEqual([]);
  });

  it('returns fresh objects: changing one does not change the next answer', () => {
    const card = index.figureCard('troops')!;
    card.reports[0]!.value.low = 999;
    card.reports.pop();
    expect(index.figureCard('troops')!.reports[0]!.value.low).toBe(10);
    expect(index.figureCard('troops')!.reports).toHaveLength(4);
  });
});

describe('createCardIndex().nameCard', () => {
  const index = createCardIndex(DATASET);

  it('returns the entity with roles (org names resolved) and its reports, newest first, with relations', () => {
    const card = index.nameCard('general')!;
    expect(card.entity).toEqual({
      id: 'general',
      name: 'A General',
      kind: 'person',
      description: 'A general.',
      roles: [
        { title: 'Commander', org: { id: 'army', name: 'The Army' }, from: '2024-10' },
        { title: 'Envoy', org: { id: 'nowhere', name: 'nowhere' } },
      ],
      party: 'north-korea',
      links: [],
    });
    expect(card.reports.map((r) => [r.id, r.relations, r.quantityLabel])).toEqual([
      ['late', ['subject'], 'Troops sent'],
      ['other', ['source', 'subject'], 'Troops killed'],
    ]);
    expect(card.total).toBe(2);
  });

  it('counts a report once when the entity is source and outlet; keeps country, links and stateMedia', () => {
    const card = index.nameCard('spy')!;
    expect(card.reports.map((r) => r.id)).toEqual(['late', 'early', 'year']);
    expect(card.reports.find((r) => r.id === 'year')!.relations).toEqual(['outlet']);
    expect(card.entity.country).toBe('kr');
    expect(card.entity.links).toEqual(['https://spy.example/']);
    expect(index.nameCard('army')!.entity.stateMedia).toBe(false);
    expect(index.nameCard('army')!.total).toBe(0);
  });

  it('caps the reports at the limit and still counts them all', () => {
    const card = index.nameCard('daily', 2)!;
    expect(card.reports).toHaveLength(2);
    expect(card.total).toBe(3);
    expect(card.reports.map((r) => r.id)).toEqual(['late', 'other']);
  });

  it('caps at 50 by default', () => {
    const many = Array.from({ length: 60 }, (_, i) => report(`r${i}`));
    const card = createCardIndex({ ...DATASET, reports: many }).nameCard('daily')!;
    expect(card.reports).toHaveLength(50);
    expect(card.total).toBe(60);
  });

  it('answers null for an unknown entity', () => {
    expect(index.nameCard('nobody')).toBeNull();
  });
});

describe('relationsOf', () => {
  it('lists source, outlet and subject in that order', () => {
    expect(relationsOf(report('x', { source: 'a', outlet: 'a', subjects: ['a'] }), 'a')).toEqual([
      'source',
      'outlet',
      'subject',
    ]);
    expect(relationsOf(report('x'), 'a')).toEqual([]);
  });
});

describe('comparePartialDates', () => {
  it('orders chronologically, a less precise date before the dates inside it', () => {
    const dates = ['2025-01', '2024-10-18', '2024', '2024-10', '2023-12-31'];
    expect([...dates].sort(comparePartialDates)).toEqual([
      '2023-12-31',
      '2024',
      '2024-10',
      '2024-10-18',
      '2025-01',
    ]);
    expect(comparePartialDates('2024', '2024')).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { formatPath } from '../../lib/dataset/problems';
import { semanticChecks } from '../../lib/dataset/semantic-checks';
import type { CompiledDataset } from '../../lib/dataset/types';
import { compiledFixture } from './fixture';

function issuesOf(change: (d: CompiledDataset) => void, options = {}): string[] {
  const dataset = compiledFixture();
  change(dataset);
  return semanticChecks(dataset, options).map((i) => `${formatPath(i.path)}: ${i.message}`);
}

describe('semanticChecks', () => {
  it('finds nothing in a valid dataset', () => {
    expect(issuesOf(() => undefined)).toEqual([]);
  });

  it('reports later duplicate ids with where the first is', () => {
    expect(
      issuesOf((d) => {
        d.entities.push({ ...d.entities[0]!, name: 'Other', aliases: [] });
        d.reports.push({ ...d.reports[0]!, published: '2024-01-06' });
      }),
    ).toEqual([
      'entities[3].id: duplicate entity id "agency" (first defined at entities[0].id)',
      'reports[2].id: duplicate report id "r1" (first defined at reports[0].id)',
    ]);
  });

  it('reports unresolved references', () => {
    expect(
      issuesOf((d) => {
        d.reports[0] = {
          ...d.reports[0]!,
          quantity: 'nope',
          outlet: 'gone',
          source: 'ghost',
          subjects: ['chief', 'who'],
        };
        d.entities[1]!.roles![0]!.org = 'nowhere';
      }),
    ).toEqual([
      'entities[1].roles[0].org: roles[0].org "nowhere" is not an entity in the dataset',
      'reports[0].quantity: quantity "nope" is not a quantity in the dataset',
      'reports[0].outlet: outlet "gone" is not an entity in the dataset',
      'reports[0].source: source "ghost" is not an entity in the dataset',
      'reports[0].subjects[1]: subjects[1] "who" is not an entity in the dataset',
    ]);
  });

  it('accepts references to ids given as extra or to incomplete collections', () => {
    const change = (d: CompiledDataset): void => {
      d.reports[0] = { ...d.reports[0]!, quantity: 'nope', outlet: 'gone' };
    };
    expect(
      issuesOf(change, { extraEntityIds: new Set(['gone']), extraQuantityIds: new Set(['nope']) }),
    ).toEqual([]);
    expect(issuesOf(change, { entitiesIncomplete: true, quantitiesIncomplete: true })).toEqual([]);
  });

  it('reports alias collisions between entities, not within one', () => {
    expect(
      issuesOf((d) => {
        d.entities[1]!.aliases.push({ text: 'the-agency' }, { text: 'Pat  Chief' });
      }),
    ).toEqual([
      'entities[1].aliases[0]: aliases[0] "the-agency" is also a name or alias of entity "agency" (entities[0].name)',
    ]);
  });

  it('checks value bounds and qualifiers', () => {
    expect(
      issuesOf((d) => {
        d.reports[0]!.value = { low: 12, high: 10, qualifier: 'range' };
        d.reports[1]!.value = { low: null, high: 5, qualifier: 'at-least' };
      }),
    ).toEqual([
      'reports[0].value.low: value.low 12 is greater than value.high 10',
      'reports[1].value: value with qualifier "at-least" needs low',
    ]);
    expect(
      issuesOf((d) => {
        d.reports[0]!.value = { low: 3, high: 4, qualifier: 'exact' };
        d.reports[1]!.value = { low: 3, high: null, qualifier: 'fewer-than' };
      }),
    ).toEqual([
      'reports[0].value: value with qualifier "exact" needs low equal to high',
      'reports[1].value: value with qualifier "fewer-than" needs high',
    ]);
  });

  it('reports duplicate reports', () => {
    expect(
      issuesOf((d) => {
        d.reports.push({ ...d.reports[0]!, id: 'r3', asOf: '2023', attribution: 'hearsay' });
      }),
    ).toEqual([
      'reports[2].id: report "r3" duplicates report "r1" (same quantity, outlet, published date and value; reports[0].id)',
    ]);
  });

  it('checks dates against today only when asked', () => {
    const future = (d: CompiledDataset): void => {
      d.reports[0]!.published = '2030-01';
    };
    expect(issuesOf(future)).toEqual([]);
    expect(issuesOf(future, { today: '2025-01-01' })).toEqual([
      'reports[0].published: published 2030-01 is in the future',
    ]);
  });

  it('reports roles that end before they start', () => {
    expect(
      issuesOf((d) => {
        d.entities[1]!.roles = [
          { title: 'A', from: '2024-06-02', to: '2024-06-01' },
          { title: 'B', from: '2024-06', to: '2024' },
        ];
      }),
    ).toEqual(['entities[1].roles[0].from: roles[0].from 2024-06-02 is after roles[0].to 2024-06-01']);
  });
});

import { describe, expect, it } from 'vitest';
import { diffDatasets, formatDiff, isEmptyDiff } from '../../lib/dataset/diff';
import { compiledFixture } from './fixture';

function changed() {
  const next = compiledFixture();
  next.dataset.version = 3;
  next.entities = next.entities.filter((e) => e.id !== 'chief');
  next.entities.push({
    id: 'analyst',
    kind: 'person',
    name: 'Ann Analyst',
    aliases: [],
    description: 'An analyst.',
  });
  next.entities[0]!.description = 'A renamed agency.';
  next.reports = next.reports.map((r) =>
    r.id !== 'r1' ? r : { ...r, value: { ...r.value, high: 13 }, notes: 'Corrected.', subjects: [] },
  );
  next.reports.push({ ...next.reports[1]!, id: 'r0', published: '2024-04-01' });
  return next;
}

describe('diffDatasets', () => {
  it('finds nothing between equal datasets', () => {
    const diff = diffDatasets(compiledFixture(), compiledFixture());
    expect(isEmptyDiff(diff)).toBe(true);
    expect(formatDiff(diff)).toBe('no differences\n');
  });

  it('lists added, removed and changed items with their changed fields', () => {
    const diff = diffDatasets(compiledFixture(), changed());
    expect(isEmptyDiff(diff)).toBe(false);
    expect(diff.dataset).toEqual([{ field: 'version', old: 2, new: 3 }]);
    expect(diff.entities.added.map((e) => e.id)).toEqual(['analyst']);
    expect(diff.entities.removed.map((e) => e.id)).toEqual(['chief']);
    expect(diff.entities.changed).toEqual([
      { id: 'agency', fields: [{ field: 'description', old: 'An agency.', new: 'A renamed agency.' }] },
    ]);
    expect(diff.quantities).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.reports.added.map((r) => r.id)).toEqual(['r0']);
    expect(diff.reports.changed).toEqual([
      {
        id: 'r1',
        fields: [
          { field: 'notes', old: undefined, new: 'Corrected.' },
          { field: 'subjects', old: ['chief'], new: [] },
          {
            field: 'value',
            old: { low: 10, high: 12, qualifier: 'range' },
            new: { low: 10, high: 13, qualifier: 'range' },
          },
        ],
      },
    ]);
  });

  it('does not see a change in key order', () => {
    const next = compiledFixture();
    const { summary, ...rest } = next.reports[0]!;
    next.reports[0] = { summary, ...rest };
    expect(isEmptyDiff(diffDatasets(compiledFixture(), next))).toBe(true);
  });

  it('formats a diff for a reviewer', () => {
    expect(formatDiff(diffDatasets(compiledFixture(), changed()))).toBe(`dataset:
  version: 2 -> 3
entities: 1 added, 1 removed, 1 changed
  + entity analyst: Ann Analyst (person)
  - entity chief: Pat Chief (person)
  ~ entity agency
      description: "An agency." -> "A renamed agency."
reports: 1 added, 0 removed, 1 changed
  + report r0: things more-than 20–…, paper, 2024-04-01, anonymous
  ~ report r1
      notes: (absent) -> "Corrected."
      subjects: ["chief"] -> []
      value: {"low":10,"high":12,"qualifier":"range"} -> {"low":10,"high":13,"qualifier":"range"}
`);
  });
});

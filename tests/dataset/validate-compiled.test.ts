import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../lib/dataset/canonical-json';
import { parseCompiledDataset } from '../../lib/dataset/validate-compiled';
import { compiledFixture } from './fixture';

function withChange(
  change: (d: Record<string, unknown> & ReturnType<typeof compiledFixture>) => void,
): unknown {
  const d = JSON.parse(canonicalJson(compiledFixture()));
  change(d);
  return d;
}

describe('parseCompiledDataset', () => {
  it('accepts a valid compiled dataset and returns a copy', () => {
    const input = JSON.parse(canonicalJson(compiledFixture()));
    const parsed = parseCompiledDataset(input);
    expect(parsed).toEqual(compiledFixture());
    expect(parsed).not.toBe(input);
  });

  it('names the field path of a schema problem', () => {
    expect(() =>
      parseCompiledDataset(withChange((d) => void (d.reports[1]!.url = 'http://x.example'))),
    ).toThrow('invalid compiled dataset: reports[1].url: "http://x.example" must be an https:// URL');
    expect(() =>
      parseCompiledDataset(
        withChange((d) => void ((d.entities[0] as unknown as Record<string, unknown>).extra = 1)),
      ),
    ).toThrow('entities[0].extra: is not a known field');
    expect(() =>
      parseCompiledDataset(
        withChange((d) => void delete (d.quantities[0] as Partial<(typeof d.quantities)[0]>).cues),
      ),
    ).toThrow('quantities[0].cues: is required');
    expect(() => parseCompiledDataset(withChange((d) => void (d.entities[2]!.name = 'a\u202eb')))).toThrow(
      'entities[2].name: contains a control or bidi character (U+202E)',
    );
    expect(() => parseCompiledDataset(null)).toThrow('(root): must be a mapping (got null)');
  });

  it('refuses short forms in compiled data', () => {
    expect(() =>
      parseCompiledDataset(
        withChange((d) => void ((d.reports[0] as unknown as Record<string, unknown>).value = { exact: 3 })),
      ),
    ).toThrow('reports[0].value.low: is required');
    expect(() =>
      parseCompiledDataset(withChange((d) => void ((d.entities[0]!.aliases as unknown[])[0] = 'TA'))),
    ).toThrow('entities[0].aliases[0]: must be a mapping (got "TA")');
  });

  it('re-runs the semantic checks with JSON paths', () => {
    expect(() => parseCompiledDataset(withChange((d) => void (d.reports[0]!.value.low = 13)))).toThrow(
      'reports[0].value.low: value.low 13 is greater than value.high 12',
    );
    expect(() => parseCompiledDataset(withChange((d) => void (d.reports[1]!.outlet = 'nobody')))).toThrow(
      'reports[1].outlet: outlet "nobody" is not an entity in the dataset',
    );
    expect(() =>
      parseCompiledDataset(withChange((d) => void (d.reports[1]!.published = '2024-02-30'))),
    ).toThrow('reports[1].published: "2024-02-30" is not a real calendar date');
  });

  it('caps the number of problems it lists', () => {
    const many = withChange((d) => {
      for (const r of d.reports) r.url = 'ftp://x';
      for (const e of d.entities) e.description = '';
      for (let i = 0; i < 10; i++) d.dataset.languages.push('??');
    });
    expect(() => parseCompiledDataset(many)).toThrow(/\(and \d+ more\)$/);
  });
});

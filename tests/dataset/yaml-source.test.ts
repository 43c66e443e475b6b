import { describe, expect, it } from 'vitest';
import { parseYamlSource } from '../../lib/dataset/yaml-source';

const TEXT = `# comment
- id: a
  value:
    low: 5
    high: 3
  list: [x, y]
- id: b
  ref: &anchor
    deep: 1
  again: *anchor
`;

describe('parseYamlSource', () => {
  it('returns the data and the line of any node', () => {
    const source = parseYamlSource({ path: 'f.yaml', text: TEXT });
    expect(source.problems).toEqual([]);
    expect(source.value).toEqual([
      { id: 'a', value: { low: 5, high: 3 }, list: ['x', 'y'] },
      { id: 'b', ref: { deep: 1 }, again: { deep: 1 } },
    ]);
    expect(source.lineOf([])).toBe(2);
    expect(source.lineOf([0])).toBe(2);
    expect(source.lineOf([0, 'value'])).toBe(3);
    expect(source.lineOf([0, 'value', 'low'])).toBe(4);
    expect(source.lineOf([0, 'value', 'high'])).toBe(5);
    expect(source.lineOf([0, 'list', 1])).toBe(6);
    expect(source.lineOf([1, 'again', 'deep'])).toBe(9);
  });

  it('falls back to the deepest existing node for a missing path', () => {
    const source = parseYamlSource({ path: 'f.yaml', text: TEXT });
    expect(source.lineOf([0, 'value', 'exact'])).toBe(3);
    expect(source.lineOf([1, 'missing', 'x'])).toBe(7);
    expect(source.lineOf([5])).toBe(2);
  });

  it('reports syntax errors at their line and gives no data', () => {
    const source = parseYamlSource({ path: 'dataset/x.yaml', text: 'a: 1\nb: [1, 2\nc: 3\n' });
    expect(source.value).toBeUndefined();
    expect(source.problems.length).toBeGreaterThan(0);
    expect(source.problems[0]).toMatchObject({ file: 'dataset/x.yaml', line: 3 });
  });

  it('keeps ISO dates as strings and reads a bare year as a number (YAML 1.2)', () => {
    expect(parseYamlSource({ path: 'f.yaml', text: 'a: 2024-05-01\nb: 2024\nc: no\n' }).value).toEqual({
      a: '2024-05-01',
      b: 2024,
      c: 'no',
    });
  });

  it('refuses alias bombs', () => {
    const bomb =
      'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
    const source = parseYamlSource({ path: 'f.yaml', text: bomb });
    expect(source.value).toBeUndefined();
    expect(source.problems[0]?.line).toBe(1);
  });
});

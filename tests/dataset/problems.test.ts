import { describe, expect, it } from 'vitest';
import { formatPath, formatProblem, sortProblems } from '../../lib/dataset/problems';

describe('problems', () => {
  it('formats a problem as file:line: message', () => {
    expect(
      formatProblem({
        file: 'dataset/reports/x.yaml',
        line: 41,
        message: 'value.low 5 is greater than value.high 3',
      }),
    ).toBe('dataset/reports/x.yaml:41: value.low 5 is greater than value.high 3');
  });

  it('formats paths with dots and brackets', () => {
    expect(formatPath(['reports', 3, 'value', 'low'])).toBe('reports[3].value.low');
    expect(formatPath([2, 'roles', 0, 'org'])).toBe('[2].roles[0].org');
    expect(formatPath([])).toBe('');
  });

  it('sorts by file, line, then message', () => {
    const sorted = sortProblems([
      { file: 'b', line: 1, message: 'x' },
      { file: 'a', line: 10, message: 'y' },
      { file: 'a', line: 2, message: 'z' },
      { file: 'a', line: 2, message: 'c' },
    ]);
    expect(sorted.map(formatProblem)).toEqual(['a:2: c', 'a:2: z', 'a:10: y', 'b:1: x']);
  });
});

import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { describeIssue, toPathIssues } from '../../lib/dataset/issues';

const schema = v.strictObject({
  name: v.string(),
  kind: v.picklist(['a', 'b', 'c']),
  flag: v.optional(v.boolean()),
  list: v.optional(v.array(v.pipe(v.string(), v.minLength(2, 'is too short')))),
});

function issuesOf(input: unknown): string[] {
  const result = v.safeParse(schema, input);
  return result.success
    ? []
    : toPathIssues(result.issues).map((i) => describeIssue(i.path, i.message, 'item'));
}

describe('toPathIssues', () => {
  it('describes missing, unknown and mistyped fields', () => {
    expect(issuesOf({ kind: 'a', extra: 1 })).toEqual(['name is required', 'extra is not a known field']);
    expect(issuesOf({ name: 3, kind: 'z', flag: 'yes' })).toEqual([
      'name must be text (got 3)',
      'kind must be one of "a", "b", "c" (got "z")',
      'flag must be true or false (got "yes")',
    ]);
  });

  it('keeps validation messages and array paths', () => {
    expect(issuesOf({ name: 'n', kind: 'a', list: ['ok', 'x'] })).toEqual(['list[1] is too short']);
  });

  it('names the item itself when the path is empty', () => {
    expect(issuesOf([1])).toEqual(['item must be a mapping (got a list)']);
  });
});

/**
 * Turns valibot issues into `{ path, message }` pairs whose message reads after the field's path
 * ("kind must be one of …", "summary must be one line").
 */
import type * as v from 'valibot';
import { formatPath, type JsonPath } from './problems';

/** A schema problem at a path (relative to the value that was validated). */
export interface PathIssue {
  path: JsonPath;
  message: string;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  Object: 'a mapping',
  Array: 'a list',
  null: 'null',
};

function describeExpected(expected: string): string {
  // valibot wraps a union's expectations in parentheses: `("a" | "b")`.
  const options = expected.replace(/^\((.*)\)$/, '$1').split(' | ');
  const words = options.map((o) => TYPE_WORDS[o] ?? o);
  if (words.length <= 2) return words.join(' or ');
  return `one of ${words.join(', ')}`;
}

function describeReceived(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  if (typeof input === 'string') return JSON.stringify(input);
  return String(input);
}

/** The path of a valibot issue as plain keys and indices. */
export function issuePath(issue: v.BaseIssue<unknown>): (string | number)[] {
  return (issue.path ?? []).map((item) => item.key as string | number);
}

/**
 * Converts valibot issues to path issues. Validation issues keep the schema's own message (written
 * to follow the path); type and key issues get a message built here from what was expected.
 */
export function toPathIssues(issues: readonly v.BaseIssue<unknown>[]): PathIssue[] {
  const out: PathIssue[] = [];
  const listsReported = new Set<string>();
  for (const issue of issues) {
    const path = issuePath(issue);
    let message: string;
    // valibot's object schemas accept arrays and then complain about every key: say it once.
    const last = issue.path?.[issue.path.length - 1];
    if (issue.type === 'strict_object' && last?.type === 'object' && Array.isArray(last.input)) {
      const listPath = path.slice(0, -1);
      const key = JSON.stringify(listPath);
      if (!listsReported.has(key)) out.push({ path: listPath, message: 'must be a mapping (got a list)' });
      listsReported.add(key);
      continue;
    }
    if (issue.kind === 'validation') {
      message = issue.message;
    } else if (issue.expected === 'never') {
      // strict_object reports an unknown key with the key as input.
      message = 'is not a known field';
    } else if (issue.input === undefined) {
      message = 'is required';
    } else {
      message = `must be ${describeExpected(issue.expected ?? '')} (got ${describeReceived(issue.input)})`;
    }
    out.push({ path, message });
  }
  return out;
}

/** `<path> <message>`, or `<what> <message>` when the path is empty (the item itself). */
export function describeIssue(path: JsonPath, message: string, what: string): string {
  const where = formatPath(path);
  return `${where === '' ? what : where} ${message}`;
}

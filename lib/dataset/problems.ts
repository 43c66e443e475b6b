/** A problem found in the dataset sources, located by file and line. */
export interface Problem {
  /** The source file's path as given (relative to the working directory, e.g. `dataset/reports/x.yaml`). */
  file: string;
  /** 1-based line of the offending node. */
  line: number;
  message: string;
}

/** A path into a JSON value: object keys and array indices. */
export type JsonPath = readonly (string | number)[];

/** Formats a problem the way every tool prints it: `file:line: message`. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

/**
 * Formats a path as maintainers read it: `value.low`, `roles[0].org`, `reports[3].subjects[1]`.
 * An empty path formats as the empty string.
 */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out;
}

/** Orders problems by file, then line, then message, so output does not depend on file order. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

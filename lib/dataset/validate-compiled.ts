/**
 * Validates a compiled dataset received from elsewhere (a release download, IndexedDB, a file):
 * the compiled schema, then every semantic check that can run on compiled data.
 */
import * as v from 'valibot';
import { toPathIssues } from './issues';
import { formatPath } from './problems';
import { compiledDatasetSchema } from './schema';
import { semanticChecks } from './semantic-checks';
import type { CompiledDataset } from './types';

/** How many problems an error message lists before summarising the rest. */
const MAX_LISTED = 10;

/**
 * Returns `json` typed as a `CompiledDataset` when it has exactly the compiled shape (no unknown
 * fields) and passes the semantic checks (unique ids, references, alias collisions, value bounds,
 * duplicate reports, dates). Otherwise throws an `Error` whose message lists each problem as
 * `<json path>: <message>` (e.g. `reports[3].value.low: value.low 5000 is greater than value.high
 * 3000`). Does not check dates against the clock (a reader's clock may be wrong). The returned
 * object is a fresh copy, not `json` itself.
 */
export function parseCompiledDataset(json: unknown): CompiledDataset {
  const parsed = v.safeParse(compiledDatasetSchema, json, { abortPipeEarly: true });
  if (!parsed.success) {
    throw new Error(
      describe(toPathIssues(parsed.issues).map((i) => `${formatPath(i.path) || '(root)'}: ${i.message}`)),
    );
  }
  const issues = semanticChecks(parsed.output);
  if (issues.length > 0) throw new Error(describe(issues.map((i) => `${formatPath(i.path)}: ${i.message}`)));
  return parsed.output;
}

function describe(lines: string[]): string {
  const listed = lines.slice(0, MAX_LISTED);
  const more = lines.length > MAX_LISTED ? [`(and ${lines.length - MAX_LISTED} more)`] : [];
  return `invalid compiled dataset: ${[...listed, ...more].join('; ')}`;
}

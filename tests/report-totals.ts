/**
 * The last line of `npm test`: the unit and end-to-end totals from vitest's JSON reports, as
 * `Tests: N passed, N failed`, so that a reader of a long CI log (or a tool that reads its
 * closing line) sees one verdict for the whole run. Exits 1 if a report is missing or empty:
 * a run that tested nothing has not passed.
 */
import { readFileSync } from 'node:fs';

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTotalTests: number;
}

const REPORTS = ['.test-results/unit.json', '.test-results/e2e.json'];

let passed = 0;
let failed = 0;
let skipped = 0;
for (const path of REPORTS) {
  let report: VitestJson;
  try {
    report = JSON.parse(readFileSync(path, 'utf8')) as VitestJson;
  } catch {
    console.error(`${path}: missing or unreadable (did that test run finish?)`);
    process.exit(1);
  }
  if (report.numTotalTests === 0) {
    console.error(`${path}: no test ran`);
    process.exit(1);
  }
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests;
}
console.log(`Tests: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);

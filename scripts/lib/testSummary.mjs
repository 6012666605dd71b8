// The closing lines of `npm test`, from the vitest and Playwright JSON reports: the failures again,
// by file and test with the first line of each message (so a log read from its tail names them),
// then the counts, ending on the plain "N passed, N failed, N skipped" line CI reads.
import { stripVTControlCharacters } from 'node:util';

const plain = (text) => stripVTControlCharacters(String(text ?? ''));
const firstLine = (text) => plain(text).split('\n').find((l) => l.trim())?.trim() ?? '';

/** "file › test: message" for each failed vitest test (or file that failed before its tests ran). */
function unitFailures(unit, root) {
  return (unit?.testResults ?? []).flatMap((file) => {
    const name = file.name.startsWith(root) ? file.name.slice(root.length + 1) : file.name;
    const failed = file.assertionResults.filter((a) => a.status === 'failed');
    if (failed.length === 0) return file.status === 'failed' ? [`${name}: ${firstLine(file.message)}`] : [];
    return failed.map((a) => `${name} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
  });
}

/** "file:line › title: message" for each Playwright test that failed unexpectedly. */
function e2eFailures(e2e) {
  const out = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? [])
        if (test.status === 'unexpected') out.push(`${spec.file}:${spec.line} › ${spec.title}: ${firstLine(test.results?.at(-1)?.error?.message)}`);
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of e2e?.suites ?? []) walk(suite);
  return out;
}

/** The summary's lines; a missing report counts as one failure. */
export function testSummary(unit, e2e, root) {
  const unitPassed = unit?.numPassedTests ?? 0;
  const unitFailed = unit ? unit.numFailedTests : 1;
  const e2ePassed = (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0);
  const e2eFailed = e2e ? e2e.stats.unexpected : 1;
  const skipped = (unit?.numPendingTests ?? 0) + (unit?.numTodoTests ?? 0) + (e2e?.stats?.skipped ?? 0);
  const failures = [...unitFailures(unit, root), ...e2eFailures(e2e)];
  if (!unit) failures.push('the vitest report is missing (the run stopped before writing it)');
  if (!e2e) failures.push('the Playwright report is missing (the run stopped before writing it)');
  return {
    failed: unitFailed + e2eFailed,
    lines: [
      ...(failures.length ? ['', 'failed:', ...failures.map((f) => `  ✖ ${f.slice(0, 400)}`)] : []),
      '',
      `unit (vitest): ${unitPassed} passed, ${unitFailed} failed`,
      `browser (playwright): ${e2ePassed} passed, ${e2eFailed} failed`,
      `tests: ${unitPassed + e2ePassed} passed, ${unitFailed + e2eFailed} failed, ${skipped} skipped`,
    ],
  };
}

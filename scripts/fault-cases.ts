// Lists the bad-input and fault suite from the reports `npm test` writes (scripts/test.mjs):
// test-reports/vitest.json and test-reports/playwright.json. A case is any test inside a
// `describe('fault suite', …)` block whose name follows tests/faults/README.md:
// `<surface> · <fault class> · <what goes in> → <what the user gets>`. Prints one line per case
// (surface · class · name → result, and its file), then counts per surface and per class, then any
// test in a fault-suite block that does not follow the convention — the coordinator pastes this
// output into the issue's note.
//
// Usage: npx tsx scripts/fault-cases.ts [--reports test-reports]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const SURFACES = ['probe files', 'word lists', 'option values', 'imports', 'vectors', 'share links', 'run records', 'model folders', 'Hub responses', 'CLI flags'] as const;
export const FAULT_CLASSES = ['malformed', 'oversized', 'hostile', 'interrupted', 'concurrent'] as const;
const SUITE = 'fault suite';

export interface FaultCase {
  surface: string;
  faultClass: string;
  name: string;
  file: string;
  result: 'passed' | 'failed' | 'skipped';
}

interface VitestReport {
  testResults: { name: string; assertionResults: { ancestorTitles: string[]; title: string; status: string }[] }[];
}
interface PlaywrightSuite {
  title: string;
  file?: string;
  specs?: { title: string; file: string; tests: { status: string; projectName: string }[] }[];
  suites?: PlaywrightSuite[];
}
interface PlaywrightReport {
  suites: PlaywrightSuite[];
}

/** Split a test title by the convention; null when it does not follow it. */
export function parseCaseTitle(title: string): { surface: string; faultClass: string; name: string } | null {
  const parts = title.split(' · ');
  if (parts.length < 3) return null;
  const [surface, faultClass, ...rest] = parts;
  if (!(SURFACES as readonly string[]).includes(surface!) || !(FAULT_CLASSES as readonly string[]).includes(faultClass!)) return null;
  return { surface: surface!, faultClass: faultClass!, name: rest.join(' · ') };
}

const resultOf = (status: string): FaultCase['result'] =>
  status === 'passed' || status === 'expected' || status === 'flaky' ? 'passed' : status === 'skipped' || status === 'pending' || status === 'todo' ? 'skipped' : 'failed';

/** Every test in a fault-suite block of both reports: the cases, and the titles that break the convention. */
export function collectCases(vitest: VitestReport | null, playwright: PlaywrightReport | null, root: string): { cases: FaultCase[]; stray: string[] } {
  const cases: FaultCase[] = [];
  const stray: string[] = [];
  const add = (title: string, file: string, status: string) => {
    const parsed = parseCaseTitle(title);
    if (parsed) cases.push({ ...parsed, file, result: resultOf(status) });
    else stray.push(`${file}: ${title}`);
  };
  for (const f of vitest?.testResults ?? []) {
    for (const a of f.assertionResults) if (a.ancestorTitles.includes(SUITE)) add(a.title, path.relative(root, f.name), a.status);
  }
  const walk = (suite: PlaywrightSuite, inSuite: boolean) => {
    const inside = inSuite || suite.title === SUITE;
    for (const spec of suite.specs ?? []) {
      if (!inside) continue;
      // One result per spec: failed if any project's run failed.
      const statuses = spec.tests.map((t) => t.status);
      const status = statuses.every((s) => s === 'skipped') ? 'skipped' : statuses.some((s) => s === 'unexpected') ? 'failed' : 'passed';
      add(spec.title, path.join('e2e', spec.file), status);
    }
    for (const child of suite.suites ?? []) walk(child, inside);
  };
  for (const s of playwright?.suites ?? []) walk(s, false);
  return { cases, stray };
}

/** The printed listing: cases sorted by surface and class, then the counts. */
export function formatCases(cases: readonly FaultCase[], stray: readonly string[]): string {
  const order = (c: FaultCase) => [SURFACES.indexOf(c.surface as never), FAULT_CLASSES.indexOf(c.faultClass as never)];
  const sorted = [...cases].sort((a, b) => {
    const [sa, ca] = order(a);
    const [sb, cb] = order(b);
    return sa! - sb! || ca! - cb! || a.name.localeCompare(b.name);
  });
  const lines = sorted.map((c) => `${c.surface} · ${c.faultClass} · ${c.name} → ${c.result}   (${c.file})`);
  const count = (key: (c: FaultCase) => string, names: readonly string[]) =>
    names.map((n) => {
      const mine = cases.filter((c) => key(c) === n);
      const failed = mine.filter((c) => c.result === 'failed').length;
      return `  ${n}: ${mine.length}${failed ? ` (${failed} failed)` : ''}`;
    });
  const passed = cases.filter((c) => c.result === 'passed').length;
  const failed = cases.filter((c) => c.result === 'failed').length;
  return [
    ...lines,
    '',
    `${cases.length} cases: ${passed} passed, ${failed} failed, ${cases.length - passed - failed} skipped`,
    'per surface:',
    ...count((c) => c.surface, SURFACES),
    'per fault class:',
    ...count((c) => c.faultClass, FAULT_CLASSES),
    ...(stray.length ? ['', `not named by the convention (${stray.length}):`, ...stray.map((s) => `  ${s}`)] : []),
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const i = process.argv.indexOf('--reports');
  const dir = path.resolve(root, i > 0 ? process.argv[i + 1]! : 'test-reports');
  const read = <T>(name: string): T | null => {
    const file = path.join(dir, name);
    if (!existsSync(file)) {
      console.error(`(no ${path.relative(root, file)}: run npm test first; its cases are left out)`);
      return null;
    }
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  };
  const { cases, stray } = collectCases(read<VitestReport>('vitest.json'), read<PlaywrightReport>('playwright.json'), root);
  console.log(formatCases(cases, stray));
  process.exit(cases.some((c) => c.result === 'failed') ? 1 : 0);
}

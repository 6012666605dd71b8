// `npm run bench`: prints speed and size figures against the issues' targets. Figures, not pass/fail
// tests: timing belongs here, never in unit tests. Each section lives in scripts/bench/. The LM
// section runs in its own process: ONNX Runtime takes its WASM thread count once per process, and
// that section wants the page's count for the LMs while the association section's word vectors run
// on one thread, as in the app. Ratios printed through report.ts's ratioLine (here or in a child
// process) are repeated in one summary at the end. A name on the command line is a section or a
// group of sections: `npm run bench -- speed` runs the figures where users wait (a few minutes).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchAssociationSuite } from './bench/associationSuite';
import { benchPageFirstResult } from './bench/pageFirstResult';
import { benchPageOpen } from './bench/pageOpen';
import { benchImportPage } from './bench/importPage';
import { benchLmBrowser } from './bench/lmBrowser';
import { benchDecisionPage } from './bench/decisionPage';
import { printRatioSummary, SUMMARY_FILE_ENV } from './bench/report';
import { benchSpeed } from './bench/speed';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Runs a bench script in a child Node process (TypeScript through tsx; gc() exposed), its output passed through. */
const inChildProcess = (script: string) => () =>
  new Promise<void>((resolve, reject) => {
    spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(here, script)], { stdio: 'inherit', cwd: path.join(here, '..') })
      .on('error', reject)
      .on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${script} exited with ${signal ?? `code ${code}`}`))));
  });

const sections: [string, () => Promise<void>][] = [
  ['suites-cli', benchSpeed],
  ['decision-page', benchDecisionPage],
  ['association', benchAssociationSuite],
  ['page', benchPageFirstResult],
  ['page-open', benchPageOpen],
  ['import', benchImportPage],
  ['lm', inChildProcess('bench-lm.ts')],
  ['matrix', inChildProcess('bench-matrix.ts')],
  ['lm-browser', benchLmBrowser],
];

/** Groups of sections, by the issue's theme: each names sections above. */
const groups: Record<string, string[]> = {
  speed: ['suites-cli', 'decision-page'],
};

const only = process.argv.slice(2).flatMap((name) => groups[name] ?? [name]);
const unknown = only.filter((name) => !sections.some(([s]) => s === name));
if (unknown.length) {
  console.error(`unknown bench section(s): ${unknown.join(', ')}; sections: ${sections.map(([s]) => s).join(', ')}; groups: ${Object.keys(groups).join(', ')}`);
  process.exit(2);
}
const summaryDir = mkdtempSync(path.join(tmpdir(), 'bench-summary-'));
process.env[SUMMARY_FILE_ENV] = path.join(summaryDir, 'ratios.jsonl');
console.log(`Bias Probe Workbench bench — node ${process.version}, ${new Date().toISOString()}`);
for (const [name, run] of sections) {
  if (only.length && !only.includes(name)) continue;
  try {
    await run();
  } catch (e) {
    console.log(`\n${name}: failed — ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
printRatioSummary(process.env[SUMMARY_FILE_ENV]);
rmSync(summaryDir, { recursive: true, force: true });

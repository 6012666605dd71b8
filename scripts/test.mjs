// `npm test`: everything CI checks, in the order that fails fastest — lint (including the layer
// rule), type-check, unit tests (vitest), production build, browser end-to-end tests (Playwright
// in Debian chromium). Installs what is missing first. Ends with one plain summary line that
// counts unit and browser tests together.
import { readFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { testSummary } from './lib/testSummary.mjs';
import { ensureChromium, ensureDependencies, ensureEmbeddedModels, ensureOnnxChecker, root, run, step } from './lib/setup.mjs';

// Not test-results/: Playwright empties that folder when it starts.
const reportDir = join(root, 'test-reports');
mkdirSync(reportDir, { recursive: true });
const unitReport = join(reportDir, 'vitest.json');
const e2eReport = join(reportDir, 'playwright.json');

ensureDependencies();
const chromium = ensureChromium();
ensureOnnxChecker();
ensureEmbeddedModels();

step('Lint (ESLint, with the architecture layer rule)');
run('npx', ['eslint', '.', '--max-warnings', '0']);

step('Type-check (tsc -b)');
run('npx', ['tsc', '-b']);

step('Unit tests (vitest)');
const unitStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`], {
  allowFailure: true,
});

step('Production build (vite build)');
run('npx', ['vite', 'build', '--logLevel', 'warn']);

step(`Browser end-to-end tests (Playwright, ${chromium})`);
const e2eStatus = run('npx', ['playwright', 'test', '--reporter=list,json'], {
  env: { ...process.env, CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport },
  allowFailure: true,
});

const readJson = (p) => (existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : null);
const unit = readJson(unitReport);
const e2e = readJson(e2eReport);
const summary = testSummary(unit, e2e, root);
for (const line of summary.lines) console.log(line);
process.exit(unitStatus !== 0 || e2eStatus !== 0 || summary.failed > 0 ? 1 : 0);

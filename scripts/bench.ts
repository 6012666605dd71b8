// `npm run bench`: prints speed and size figures against the issues' targets. Figures, not pass/fail
// tests: timing belongs here, never in unit tests. Each section lives in scripts/bench/.
import { benchAssociationSuite } from './bench/associationSuite';
import { benchPageFirstResult } from './bench/pageFirstResult';
import { benchLanguageModel } from './bench-lm';

const sections: [string, () => Promise<void>][] = [
  ['association', benchAssociationSuite],
  ['page', benchPageFirstResult],
  ['lm', async () => void (await benchLanguageModel())],
];

const only = process.argv.slice(2);
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

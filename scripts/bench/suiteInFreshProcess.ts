// Child process of the bench's speed section: one association suite (the ten Caliskan WEATs or the
// SEAT suite, at the CLI's defaults: 100,000 permutations or exact p, 2,000 bootstrap resamples,
// seed 1) on the embedded GloVe, timed in a process that has run nothing else. The first run is the
// cold figure (what a CLI start or the page's first run pays: no JIT warmed by an earlier run), then
// WARM_RUNS more give the warm median. Embedding the stimuli is not timed (the numpy anchor starts
// from vectors too). Prints one JSON line: wall and CPU (this process, user + system) milliseconds.
//   node --import tsx scripts/bench/suiteInFreshProcess.ts caliskan-weat
import { buildSeatInput, buildWeatInput, DEFAULT_ASSOCIATION_OPTIONS, runAssociationBatch, type AssociationInput } from '../../src/core/association';
import { resolveProbeOrSuite } from '../../src/probes/builtin';
import { loadEmbeddedModel } from '../../src/runtime/node';
import { clocked, median } from './report';

const WARM_RUNS = 5;

const suite = process.argv[2];
if (!suite) throw new Error('usage: suiteInFreshProcess.ts <suite-id>');
const model = await loadEmbeddedModel('glove-6b-100d', { device: 'js' });
const inputs: AssociationInput[] = [];
for (const probe of resolveProbeOrSuite(suite)) inputs.push(await (probe.family === 'seat' ? buildSeatInput : buildWeatInput)(probe, model));
await model.dispose();

const options = { ...DEFAULT_ASSOCIATION_OPTIONS, seed: 1 };
const cold = await clocked(() => runAssociationBatch(inputs, options));
const warm = [];
for (let i = 0; i < WARM_RUNS; i++) warm.push(await clocked(() => runAssociationBatch(inputs, options)));
console.log(
  JSON.stringify({
    tests: inputs.length,
    cold: { wall: cold.wall, cpu: cold.cpu },
    warm: { wall: median(warm.map((w) => w.wall)), cpu: median(warm.map((w) => w.cpu)), all: warm.map((w) => Math.round(w.wall)) },
  }),
);

// Bench section for the association suite: the ten Caliskan WEATs with 100,000 permutations and 2,000 bootstrap
// resamples each, on the embedded GloVe, in this single Node process; plus model load time and the
// asset's size on disk and gzipped.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { buildAssociationInput, runAssociationBatch, DEFAULT_ASSOCIATION_OPTIONS, type AssociationInput } from '../../src/core/association';
import { resolveProbeOrSuite } from '../../src/probes/builtin';
import { DEFAULT_PUBLIC_DIR, loadEmbeddedModel } from '../../src/runtime/node';
import { MODEL_REGISTRY } from '../../src/runtime/models';
import { fmtBytes, fmtMs, medianMs, printSection } from './report';

export async function benchAssociationSuite(): Promise<void> {
  const load = await medianMs(3, async () => (await loadEmbeddedModel('glove-6b-100d')).dispose());
  const model = await loadEmbeddedModel('glove-6b-100d');
  const probes = resolveProbeOrSuite('caliskan-weat');
  let inputs: AssociationInput[] = [];
  const embed = await medianMs(3, async () => {
    inputs = [];
    for (const p of probes) inputs.push(await buildAssociationInput(p, model));
  });
  const options = { ...DEFAULT_ASSOCIATION_OPTIONS, permutations: 100_000, bootstrap: 2_000, seed: 1 };
  const cold = await medianMs(1, () => runAssociationBatch(inputs, options));
  const suite = await medianMs(5, () => runAssociationBatch(inputs, options));
  await model.dispose();

  const dir = join(DEFAULT_PUBLIC_DIR, MODEL_REGISTRY['glove-6b-100d'].path);
  let raw = 0;
  let gz = 0;
  for (const f of readdirSync(dir)) {
    const bytes = readFileSync(join(dir, f));
    raw += statSync(join(dir, f)).size;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  printSection('Association core on embedded GloVe (Node, single process)', [
    { name: '10 WEATs, 100k permutations + 2,000 bootstrap: first run (cold JIT)', value: fmtMs(cold.median) },
    { name: '10 WEATs, 100k permutations + 2,000 bootstrap each (median of 5)', value: fmtMs(suite.median), target: '< 1000 ms', ok: suite.median < 1000 },
    { name: '  same, CPU time of this process (median of 5)', value: fmtMs(suite.cpuMedian), target: '< 1000 ms', ok: suite.cpuMedian < 1000 },
    { name: '  wall-clock runs (ms)', value: suite.all.map((x) => x.toFixed(0)).join(' ') },
    { name: '  machine load average (1 min) during the bench', value: loadavg()[0]!.toFixed(2) },
    { name: 'embed the stimuli of all 10 tests (median of 3)', value: fmtMs(embed.median) },
    { name: 'load glove-6b-100d through onnxruntime-web WASM (median of 3)', value: fmtMs(load.median) },
    { name: 'asset on disk (model.onnx + vocab + manifest)', value: fmtBytes(raw) },
    { name: 'asset gzipped (gzip -9, per file)', value: fmtBytes(gz) },
  ]);
}

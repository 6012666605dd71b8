// Bench section for the embedded GloVe: how long loading it takes on each path (ONNX Runtime Web's
// WASM build, as the page loads it; the lookup graph decoded in JavaScript, as the CLI does) and
// embedding the Caliskan WEATs' stimuli, plus the asset's size on disk and gzipped. The suites'
// own timings, against the numpy anchor, are in the speed section (speed.ts).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildWeatInput } from '../../src/core/association';
import { resolveProbeOrSuite } from '../../src/probes/builtin';
import { DEFAULT_PUBLIC_DIR, loadEmbeddedModel } from '../../src/runtime/node';
import { MODEL_REGISTRY } from '../../src/runtime/models';
import { fmtBytes, fmtMs, medianMs, printSection } from './report';

export async function benchAssociationSuite(): Promise<void> {
  const loadWasm = await medianMs(3, async () => (await loadEmbeddedModel('glove-6b-100d', { device: 'wasm' })).dispose());
  const loadJs = await medianMs(3, async () => (await loadEmbeddedModel('glove-6b-100d', { device: 'js' })).dispose());
  const model = await loadEmbeddedModel('glove-6b-100d', { device: 'wasm' });
  const probes = resolveProbeOrSuite('caliskan-weat');
  const embed = await medianMs(3, async () => {
    for (const p of probes) await buildWeatInput(p, model);
  });
  await model.dispose();

  const dir = join(DEFAULT_PUBLIC_DIR, MODEL_REGISTRY['glove-6b-100d'].path);
  let raw = 0;
  let gz = 0;
  for (const f of readdirSync(dir)) {
    const bytes = readFileSync(join(dir, f));
    raw += statSync(join(dir, f)).size;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  printSection('Embedded GloVe (Node, single process)', [
    { name: 'load glove-6b-100d through onnxruntime-web WASM (median of 3)', value: fmtMs(loadWasm.median), note: `CPU ${fmtMs(loadWasm.cpuMedian)}` },
    { name: 'load glove-6b-100d, graph decoded in JS (CLI; median of 3)', value: fmtMs(loadJs.median), note: `CPU ${fmtMs(loadJs.cpuMedian)}` },
    { name: 'embed the stimuli of all 10 WEATs, WASM (median of 3)', value: fmtMs(embed.median) },
    { name: 'asset on disk (model.onnx + vocab + manifest)', value: fmtBytes(raw) },
    { name: 'asset gzipped (gzip -9, per file)', value: fmtBytes(gz) },
  ]);
}

// Bench section `page-open`: page open → first WEAT 1 result with the embedded GloVe asset as
// built now, against a baseline asset (another build of public/models/glove-6b-100d, e.g. the
// table before a format change), in the same run: one production build is served twice, from
// dist/ and from a copy whose GloVe folder is the baseline, and cold runs alternate between the
// two so both see the same machine load. Without a baseline only the current asset is timed.
//
//   npm run bench -- page-open                      (baseline folder from BENCH_BASELINE_GLOVE)
//   BENCH_BASELINE_GLOVE=/path/to/old/glove-6b-100d npm run bench -- page-open
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { coldRun } from './pageFirstResult';
import { startPreview } from './previewServer';
import { fmtBytes, fmtMs, median, printSection } from './report';

const root = join(import.meta.dirname, '..', '..');
const GLOVE = join('models', 'glove-6b-100d');
const RUNS = 5;
const PORT = Number(process.env.BENCH_PORT ?? 4190);

const assetBytes = (dir: string) => ['manifest.json', 'model.onnx', 'vocab.txt'].reduce((acc, f) => acc + statSync(join(dir, f)).size, 0);

export async function benchPageOpen(): Promise<void> {
  const baseline = process.env.BENCH_BASELINE_GLOVE;
  if (baseline && !existsSync(join(baseline, 'manifest.json'))) throw new Error(`BENCH_BASELINE_GLOVE=${baseline} holds no manifest.json`);
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  const variants: { name: string; outDir?: string; bytes: number }[] = [{ name: 'current asset', bytes: assetBytes(join(root, 'dist', GLOVE)) }];
  let copy: string | undefined;
  if (baseline) {
    copy = mkdtempSync(join(tmpdir(), 'bench-dist-baseline-'));
    cpSync(join(root, 'dist'), copy, { recursive: true });
    rmSync(join(copy, GLOVE), { recursive: true });
    cpSync(baseline, join(copy, GLOVE), { recursive: true });
    variants.push({ name: 'baseline asset', outDir: copy, bytes: assetBytes(baseline) });
  }
  const times = variants.map(() => [] as number[]);
  const cpu = variants.map(() => [] as number[]);
  const loads: number[] = [];
  try {
    for (let r = 0; r < RUNS; r++) {
      loads.push(loadavg()[0]!);
      // Alternate the order so neither variant always runs first after the other.
      const order = r % 2 === 0 ? variants.map((_, i) => i) : variants.map((_, i) => i).reverse();
      for (const i of order) {
        // One server at a time, on one port (BENCH_PORT, default 4190); started before the clock.
        const { url, server } = await startPreview(root, PORT, variants[i]!.outDir);
        try {
          const run = await coldRun(url, false);
          times[i]!.push(run.result);
          cpu[i]!.push(run.cpu);
        } finally {
          server.kill();
          await new Promise((r) => server.once('exit', r));
        }
      }
    }
  } finally {
    if (copy) rmSync(copy, { recursive: true, force: true });
  }
  printSection(`Page open → first WEAT 1 result, WASM, cold browser each run (${RUNS} alternating runs per asset)`, [
    ...variants.flatMap((v, i) => [
      { name: `${v.name} (${fmtBytes(v.bytes)} raw)`, value: fmtMs(median(times[i]!)), note: `median; browser CPU median ${median(cpu[i]!).toFixed(0)} ms` },
      { name: '  runs (ms)', value: times[i]!.map((t) => t.toFixed(0)).join(' ') },
    ]),
    { name: 'load average (1 min) before each round', value: loads.map((l) => l.toFixed(1)).join(' ') },
  ]);
}

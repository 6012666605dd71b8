// Throughput check of the association core (not a test): 10 synthetic WEAT-sized tests, 100-d
// vectors, 100,000 Monte-Carlo permutations (or exact enumeration where C(N,|X|) ≤ 100,000) and
// 2,000 bootstrap resamples each; then the same with every test forced to Monte Carlo.
// Run: npx tsx scripts/reference/speed.ts
import { runAssociationBatch } from '../../src/core/association';
import { DEFAULT_ASSOCIATION_OPTIONS, type AssociationInput, type EmbeddedSet } from '../../src/core/association/types';
import { createRng } from '../../src/core/rng';

const rng = createRng(42);
const gaussian = () => {
  const u = 1 - rng.float();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.float());
};
const makeSet = (label: string, n: number): EmbeddedSet => ({
  label,
  items: Array.from({ length: n }, (_, i) => `${label}${i}`),
  vectors: Array.from({ length: n }, () => Float32Array.from({ length: 100 }, gaussian)),
  oov: [],
});
const sizes = [[8, 8, 8, 8], [25, 25, 25, 25], [32, 32, 25, 25], [16, 16, 25, 25], [8, 8, 8, 8], [8, 8, 8, 8], [8, 8, 8, 8], [8, 8, 8, 8], [25, 25, 25, 25], [16, 16, 12, 12]];
const inputs: AssociationInput[] = sizes.map(([x, y, a, b], i) => ({
  probeId: `synthetic-${i + 1}`,
  title: `synthetic ${i + 1}`,
  kind: 'weat',
  sets: { X: makeSet('x', x!), Y: makeSet('y', y!), A: makeSet('a', a!), B: makeSet('b', b!) },
}));

for (const ciMethod of ['percentile', 'bca'] as const) {
  const options = { ...DEFAULT_ASSOCIATION_OPTIONS, ciMethod };
  runAssociationBatch(inputs.slice(0, 2), options); // warm-up (JIT)
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const results = runAssociationBatch(inputs, options);
  const cpu = process.cpuUsage(cpuStart);
  const elapsed = performance.now() - start;
  // CPU time is reported too: on a shared machine wall time includes waiting for a core.
  console.log(
    `${ciMethod}: 10 tests in ${elapsed.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU; ` +
      `methods: ${results.map((r) => `${r.pMethod}/${r.permutations}`).join(', ')}`,
  );
}

{
  const options = { ...DEFAULT_ASSOCIATION_OPTIONS, exactLimit: 0 };
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  runAssociationBatch(inputs, options);
  const cpu = process.cpuUsage(cpuStart);
  console.log(`all Monte Carlo (exactLimit 0), percentile: ${(performance.now() - start).toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU`);
}

// Unit tests run in Node: src/core is pure, so no DOM environment is needed for it. Tests that
// need IndexedDB use fake-indexeddb explicitly; UI component tests opt into jsdom per file.
// Property tests share one fixed seed (tests/fastCheckSeed.setup.ts). Workers: Vitest's default
// (CPUs − 1) is one worker on the 2-core CI machine, which leaves a core idle while tests wait on
// ONNX Runtime and child processes; two workers there took the unit tests from 448 s to 279 s with
// the same 2,020 passing, so at least two.
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    setupFiles: ['tests/fastCheckSeed.setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});

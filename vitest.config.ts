// Unit tests run in Node: src/core is pure, so no DOM environment is needed for it. Tests that
// need IndexedDB use fake-indexeddb explicitly; UI component tests opt into jsdom per file.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

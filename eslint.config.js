// ESLint flat config. Beyond the usual TS rules it enforces the layer rule from ARCHITECTURE.md:
// imports point only ui → state → worker/client → (probes, core); worker → core, runtime, probes;
// runtime → core types; probes → core; core → nothing; serviceWorker → core (state and ui may use
// it). Type-only imports may cross layers.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const runtimePackages = ['onnxruntime-web', 'onnxruntime-web/*', 'onnxruntime-node', '@huggingface/transformers', '@huggingface/tokenizers'];
const uiPackages = ['react', 'react-dom', 'react-dom/*', 'recharts', 'zustand', 'zustand/*', '@tanstack/react-query', 'dexie'];

/** Forbid value imports of the given patterns (type-only imports stay allowed). */
const forbid = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message, allowTypeImports: true }] }],
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public', '.cache', 'test-results', 'playwright-report', 'scripts/lm'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: forbid(
      [...runtimePackages, ...uiPackages, '**/probes/**', '**/runtime/**', '**/worker/**', '**/state/**', '**/ui/**', 'node:*', 'comlink'],
      'src/core is pure TypeScript: no DOM, React, Worker, ORT or other layers.',
    ),
  },
  {
    files: ['src/probes/**/*.ts'],
    rules: forbid(
      [...runtimePackages, ...uiPackages, '**/runtime/**', '**/worker/**', '**/state/**', '**/ui/**'],
      'src/probes may import only src/core.',
    ),
  },
  {
    files: ['src/runtime/**/*.ts'],
    rules: forbid(
      [...uiPackages, '**/worker/**', '**/state/**', '**/ui/**', '**/probes/**'],
      'src/runtime may import only core types and the model runtime packages.',
    ),
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: forbid([...uiPackages, '**/state/**', '**/ui/**'], 'Workers are thin adapters over core, runtime and probes.'),
  },
  {
    files: ['src/serviceWorker/**/*.ts'],
    rules: forbid(
      [...runtimePackages, ...uiPackages, '**/probes/**', '**/runtime/**', '**/worker/**', '**/state/**', '**/ui/**'],
      'src/serviceWorker (the service worker and the page code that registers it) may import only src/core and Workbox.',
    ),
  },
  {
    files: ['src/state/**/*.{ts,tsx}', 'src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    rules: forbid(
      [...runtimePackages, '**/runtime/**', '**/core/stats/**'],
      'The UI renders state: it never imports the model runtime or computes statistics (go through src/worker/client).',
    ),
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: forbid([...runtimePackages, '**/runtime/**', '**/core/stats/**', '**/worker/*.worker*'], 'UI goes through state and the worker client.'),
  },
);

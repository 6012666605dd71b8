// Which built files the service worker stores at install so the app runs with no network: the app
// shell, every lazy chunk and worker, the ONNX Runtime wasm builds and the embedded models. Read by
// vite.config.ts (the build's precache manifest) and by the tests, so what is precached is decided
// in one place. The largest single file is ORT's asyncify wasm (≈27 MB); Workbox's default 2 MiB cap
// would silently leave it and the models out, which is what broke offline LM runs.

/** Globs, relative to the build output, of every file the app may need offline. */
export const PRECACHE_GLOBS: readonly string[] = Object.freeze([
  '**/*.{html,js,mjs,css,svg,wasm}',
  'models/**/*.{json,txt,onnx}',
]);

/** Files the build writes that the app never loads (model cards, licences, source maps). */
export const PRECACHE_IGNORES: readonly string[] = Object.freeze(['**/*.map', '**/README.md', '**/LICENSE*']);

/** Per-file cap, above ORT's largest wasm build (27 MB) and the largest embedded model (14 MB). */
export const PRECACHE_MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Built file names carry a content hash (`name-1a2B3c4D.js`): their URL alone tells the version. */
export const HASHED_FILE = /-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

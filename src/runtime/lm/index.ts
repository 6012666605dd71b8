// Public surface of the LM runtime that is safe in any environment: types, the worker-side service
// and the browser loader (transformers.js is imported lazily, on the first load). Curated models are
// in the one model registry, ../models. Node callers (CLI, bench, tests) import ./node for loadLanguageModel/scoreText.
export { createLmService, type LmWorkerApi, type LmLoadPrefs, type LmRunOpts, type LmGenerateOpts, type LmLoader } from './service';
export { loadLanguageModelInBrowser } from './browser';
export { sourceId, folderKey, onnxFileFor, dtypesFromFiles, DTYPE_SUFFIX } from './load';
export { createLanguageModel, type LmTokenizer, type ForwardFn } from './languageModel';
export * from './types';

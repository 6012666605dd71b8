// How a run record names the model of a run that loaded none (the class lab's families train or
// sample their own small networks from the probe's settings): an honest "none" rather than a model
// that did not run. Backend 'js': the numbers come from plain JavaScript (core/backends.ts), the same
// code in the browser's worker and in the CLI.
import type { RunModelInfo } from './runRecord';

export const NO_MODEL_ID = 'none';

export const NO_MODEL_RUN_INFO: Readonly<RunModelInfo> = Object.freeze({
  id: NO_MODEL_ID,
  title: 'No model: the lab builds and trains its own small networks',
  assetSha256: null,
  dtype: 'float64',
  precision: 'float64 (JavaScript numbers)',
  backend: 'js',
});

// One vocabulary for where a model runs, shared by the device choice, the runtime's load info, the
// run record, the CLI's --device flag and the UI's labels. A backend word names the engine that
// computed the numbers, because that decides whether two runs can agree to the last digit
// (quantized kernels differ between onnxruntime-node and ONNX Runtime Web's WASM build on one CPU):
//   webgpu  ONNX Runtime Web on a WebGPU adapter (browser)
//   wasm    ONNX Runtime Web's WASM build (browser; in Node with --device wasm)
//   node    onnxruntime-node, the native CPU build (Node only: CLI, bench, tests)
//   js      plain JavaScript, no ONNX Runtime (user word-vector files)
// 'node' is kept rather than renamed (say 'node-cpu') because run records written since the first
// version say 'node', and a stored record must read the same in every version: no record value
// changes. (CLI word-vector records say 'node' although the CLI decodes GloVe's lookup graph in
// JavaScript, to the same bits as ORT Web's WASM build; those records are left as written.) The runtime used to call onnxruntime-node 'cpu', and
// the CLI still accepts `--device cpu`: both old words are read here, nowhere else.

export const BACKENDS = Object.freeze(['webgpu', 'wasm', 'node', 'js'] as const);
/** The engine that ran a model. */
export type Backend = (typeof BACKENDS)[number];

/** What a caller may ask for: 'auto' = WebGPU on a real GPU, else WASM (browser); onnxruntime-node in Node. */
export const DEVICE_CHOICES = Object.freeze(['auto', 'webgpu', 'wasm', 'node'] as const);
export type DeviceChoice = (typeof DEVICE_CHOICES)[number];
/** The choices a page can make (onnxruntime-node does not exist there). */
export type BrowserDeviceChoice = Exclude<DeviceChoice, 'node'>;

/** The old word for onnxruntime-node, as a device choice (CLI `--device cpu`) and as a runtime backend. */
const LEGACY_NODE_WORD = 'cpu';

const isBackend = (word: string): word is Backend => (BACKENDS as readonly string[]).includes(word);

/** A backend word from a stored record or an older runtime; 'cpu' reads as 'node'. @throws RangeError for any other word */
export function normalizeBackend(word: string): Backend {
  if (word === LEGACY_NODE_WORD) return 'node';
  if (isBackend(word)) return word;
  throw new RangeError(`unknown backend "${word}" (known: ${BACKENDS.join(', ')})`);
}

/** A device choice as typed (CLI flag); 'cpu' reads as 'node'; null for any other word. */
export function parseDeviceChoice(word: string): DeviceChoice | null {
  if (word === LEGACY_NODE_WORD) return 'node';
  return (DEVICE_CHOICES as readonly string[]).includes(word) ? (word as DeviceChoice) : null;
}

const BACKEND_LABELS: Readonly<Record<Backend, string>> = Object.freeze({
  webgpu: 'WebGPU',
  wasm: 'WASM',
  node: 'onnxruntime-node (CPU)',
  js: 'JavaScript',
});

/** How a backend word is shown; an unknown word is shown as it is. */
export const backendLabel = (word: string): string => (word === LEGACY_NODE_WORD || isBackend(word) ? BACKEND_LABELS[normalizeBackend(word)] : word);

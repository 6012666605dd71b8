// How many threads ONNX Runtime Web's WASM backend runs. One rule for the app's ORT instances (the
// one transformers.js runs the language models on, src/runtime/lm/browser.ts, and the WebGPU build's
// WASM fallback, src/runtime/ort.ts) and for the bench, which reproduces the browser's setting in
// Node so that its "onnxruntime-web WASM" figures are what a page served by `npm start` runs.
// Threads need SharedArrayBuffer, which a page only has when cross-origin isolated (COOP/COEP,
// vite.config.ts); ORT's own default caps at 4 for the same reason as here: beyond that the
// per-op synchronisation of these small models costs more than it gives.

/** Threads for ORT's WASM backend on a machine with `cores` logical cores. */
export function wasmThreadsFor(cores: number, crossOriginIsolated: boolean): number {
  if (!crossOriginIsolated) return 1;
  const n = Math.floor(cores);
  return Number.isFinite(n) && n > 1 ? Math.min(4, n) : 1;
}

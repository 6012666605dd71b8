// Browser-only: URLs of the ORT wasm files bundled by Vite, so nothing is fetched from a CDN.
// Imported dynamically by ort.ts only outside Node (`?url` imports do not resolve in plain Node).
// The asyncify build is the one `onnxruntime-web/webgpu` and transformers.js use. The LM runtime
// should set transformers.js `env.backends.onnx.wasm.wasmPaths` to the same object.
import mjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import wasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';

export const ORT_WASM_PATHS = { mjs, wasm } as const;

// Browser-only: URLs of the ORT wasm files bundled by Vite, so nothing is fetched from a CDN.
// Imported dynamically by ort.ts only outside Node (`?url` imports do not resolve in plain Node).
// - ORT_WASM_PATHS: the asyncify build, the one `onnxruntime-web/webgpu` and transformers.js use
//   (WebGPU and WASM). The LM runtime sets transformers.js `env.backends.onnx.wasm.wasmPaths` to it.
// - ORT_PLAIN_WASM_PATHS: the plain build of `onnxruntime-web/wasm` (WASM only): 14 MB instead of
//   27 MB, and its start-up code compiles ≈2.5× faster, so ort.ts uses it whenever a session runs
//   on WASM.
import mjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import wasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import plainMjs from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';
import plainWasm from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';

export const ORT_WASM_PATHS = { mjs, wasm } as const;
export const ORT_PLAIN_WASM_PATHS = { mjs: plainMjs, wasm: plainWasm } as const;

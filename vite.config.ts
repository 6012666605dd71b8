// Vite config for the app. Cross-origin isolation headers let onnxruntime-web use multi-threaded
// WASM (SharedArrayBuffer); the same headers are served by `vite preview`, which `npm start` and
// the e2e tests use.
//
// `vite preview` compresses every response whose Content-Type looks like text, and a file type it
// does not know (.onnx) has none, so it counts as text/plain: each load gzipped the 5 MB int8 model
// on the fly (≈0.2 s of server CPU for 6 % smaller bytes) and dropped its Content-Length, so the
// page could not show a percentage. `binaryModelTypes` names the type, which turns that off.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { securityHeaders, securityPolicyPlugin } from './scripts/server/securityPolicy';

const isolationHeaders = securityHeaders();

/** Serve ONNX model files as application/octet-stream (dev server and preview). */
function binaryModelTypes(): Plugin {
  const typeOnnx = (req: { url?: string }, res: { setHeader(k: string, v: string): unknown }, next: () => void) => {
    if (req.url && /\.onnx(?:\?|$)/.test(req.url)) res.setHeader('Content-Type', 'application/octet-stream');
    next();
  };
  return {
    name: 'binary-model-types',
    configureServer: (server) => void server.middlewares.use(typeOnnx),
    configurePreviewServer: (server) => void server.middlewares.use(typeOnnx),
  };
}

export default defineConfig({
  plugins: [react(), binaryModelTypes(), securityPolicyPlugin()],
  server: { host: '127.0.0.1', headers: isolationHeaders },
  preview: { host: '127.0.0.1', headers: isolationHeaders },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  optimizeDeps: { exclude: ['onnxruntime-web'] },
});

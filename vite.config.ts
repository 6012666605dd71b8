// Vite config for the app. Cross-origin isolation headers let onnxruntime-web use multi-threaded
// WASM (SharedArrayBuffer); the same headers are served by `vite preview`, which `npm start` and
// the e2e tests use.
//
// `vite preview` compresses every response whose Content-Type looks like text, and a file type it
// does not know (.onnx) has none, so it counts as text/plain: each load gzipped the 5 MB int8 model
// on the fly (≈0.2 s of server CPU for 6 % smaller bytes) and dropped its Content-Length, so the
// page could not show a percentage. `binaryModelTypes` names the type, which turns that off.
//
// `base: './'`: every URL the build writes is relative, so the same output runs from `/`, from a
// sub-path (`/bias-workbench/` on GitHub Pages) or from any plain file server; code that needs the
// app's root at run time (model files) gets it from src/runtime/appBase.ts. The service worker
// (src/serviceWorker/sw.ts) is built by vite-plugin-pwa's injectManifest, which hands it the list of
// files to precache chosen by src/serviceWorker/precacheRules.ts; it registers itself from
// src/serviceWorker/registration.ts, so the plugin injects no script of its own.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { securityHeaders, securityPolicyPlugin } from './scripts/server/securityPolicy';
import { ASSETS_DIR } from './src/runtime/appBase';
import { HASHED_FILE, PRECACHE_GLOBS, PRECACHE_IGNORES, PRECACHE_MAX_FILE_BYTES } from './src/serviceWorker/precacheRules';

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

const offlineWorker = VitePWA({
  strategies: 'injectManifest',
  srcDir: 'src/serviceWorker',
  filename: 'sw.ts',
  injectRegister: false,
  manifest: false,
  injectManifest: {
    globPatterns: [...PRECACHE_GLOBS],
    globIgnores: [...PRECACHE_IGNORES],
    maximumFileSizeToCacheInBytes: PRECACHE_MAX_FILE_BYTES,
    dontCacheBustURLsMatching: HASHED_FILE,
  },
});

export default defineConfig({
  base: './',
  plugins: [react(), binaryModelTypes(), securityPolicyPlugin(), offlineWorker],
  server: { host: '127.0.0.1', headers: isolationHeaders },
  preview: { host: '127.0.0.1', headers: isolationHeaders },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, assetsDir: ASSETS_DIR },
  optimizeDeps: { exclude: ['onnxruntime-web'] },
});

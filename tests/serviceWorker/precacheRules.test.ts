// Runs Workbox's own manifest builder over a fake build folder with the rules the real build uses,
// so the test sees exactly the list the service worker would precache.
import { mkdtempSync, mkdirSync, writeFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getManifest } from 'workbox-build';
import { HASHED_FILE, PRECACHE_GLOBS, PRECACHE_IGNORES, PRECACHE_MAX_FILE_BYTES } from '../../src/serviceWorker/precacheRules';

const files: Record<string, number> = {
  'index.html': 500,
  'favicon.svg': 300,
  'assets/index-B18r6Q6r.js': 1000,
  'assets/LmProbeEditor-DSjo6BmP.js': 1000,
  'assets/LmProbeEditor-BUcUDYkm.css': 200,
  'assets/model.worker-BIwqddgM.js': 1000,
  'assets/ort-wasm-simd-threaded.asyncify-D5D0fo7z.wasm': 27_000_000,
  'assets/ort-wasm-simd-threaded.asyncify-CGX8rfbW.mjs': 50_000,
  'assets/index-B18r6Q6r.js.map': 1000,
  'models/glove-6b-100d/model.onnx': 8_025_006,
  'models/glove-6b-100d/vocab.txt': 394_164,
  'models/glove-6b-100d/manifest.json': 3005,
  'models/workbench/tiny-gpt2/onnx/model.onnx': 13_651_319,
  'models/workbench/tiny-gpt2/README.md': 4700,
  'sw.js': 20_000,
};

describe('precache rules', () => {
  it('precache the shell, every chunk and worker, the ORT wasm and the embedded models; not maps, model cards or the worker itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'precache-'));
    for (const [name, bytes] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), '');
      truncateSync(join(dir, name), bytes);
    }
    const { manifestEntries, warnings } = await getManifest({
      globDirectory: dir,
      globPatterns: [...PRECACHE_GLOBS],
      globIgnores: [...PRECACHE_IGNORES, 'sw.js'],
      maximumFileSizeToCacheInBytes: PRECACHE_MAX_FILE_BYTES,
      dontCacheBustURLsMatching: HASHED_FILE,
    });
    expect(warnings).toEqual([]);
    const byUrl = new Map((manifestEntries ?? []).map((e) => [e.url, e.revision]));
    expect([...byUrl.keys()].sort()).toEqual(
      Object.keys(files)
        .filter((f) => !f.endsWith('.map') && !f.endsWith('README.md') && f !== 'sw.js')
        .sort(),
    );
    // Hashed names are their own version; unhashed ones (index.html, models) carry a revision.
    expect(byUrl.get('assets/index-B18r6Q6r.js')).toBeNull();
    expect(byUrl.get('index.html')).toMatch(/^[0-9a-f]{32}$/);
    expect(byUrl.get('models/glove-6b-100d/model.onnx')).toMatch(/^[0-9a-f]{32}$/);
  });
});

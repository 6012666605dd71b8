// The CLI's compiled form: src/cli/main.ts and everything it imports, bundled by esbuild into one
// ES module under .cache/cli/ (gitignored). Why: compiling ~300 TypeScript modules on the fly
// (tsx) cost ~0.9 s of CPU on every start, and the CLI is always a fresh process. Why it cannot
// drift from src: the bundle is rebuilt whenever any file that went into it (esbuild's metafile
// lists them, node_modules included) differs in mtime or size from when it was built, when a file
// is gone, or when this builder changes; the check is one stat per input (~5 ms). Concurrent
// starts may both rebuild: each writes under a unique name and renames, so a reader sees a whole
// bundle and a stamp never names inputs newer than its bundle.
//
// Packages that load files next to themselves (ONNX Runtime's wasm and native binaries,
// transformers.js) stay outside the bundle and are imported from node_modules. Each module keeps
// its own import.meta.url (src/runtime finds public/ relative to itself).
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = join(ROOT, 'src', 'cli', 'main.ts');
export const CLI_BUNDLE_DIR = join(ROOT, '.cache', 'cli');
const BUNDLE = 'bias-workbench.mjs';
const STAMP = 'inputs.json';
/** What the bundle depends on besides its inputs: this builder. */
const BUILDER = fileURLToPath(import.meta.url);

const EXTERNAL = ['onnxruntime-web', 'onnxruntime-node', '@huggingface/transformers'];

/** [mtime, size] of a file, or null when it is gone. */
function signature(file) {
  try {
    const st = statSync(file);
    return [st.mtimeMs, st.size];
  } catch {
    return null;
  }
}

/**
 * Whether the bundle in `dir` was built from the files as they are now: its stamp lists every
 * input with the mtime and size it had; any difference (or a missing stamp or bundle) is stale.
 */
export function bundleIsFresh(dir = CLI_BUNDLE_DIR) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(dir, STAMP), 'utf8'));
  } catch {
    return false;
  }
  if (!stamp || typeof stamp.inputs !== 'object' || signature(join(dir, BUNDLE)) === null) return false;
  for (const [file, recorded] of Object.entries(stamp.inputs)) {
    const now = signature(file);
    if (now === null || now[0] !== recorded[0] || now[1] !== recorded[1]) return false;
  }
  return true;
}

/** esbuild plugin: `import.meta.url` in a source file is that file's URL, as when run unbundled. */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

/** Build the bundle into `dir` and stamp it with its inputs. */
export async function buildCliBundle(dir = CLI_BUNDLE_DIR) {
  const { build } = await import('esbuild');
  const startedAt = Date.now();
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `${BUNDLE}.${process.pid}.tmp`);
  const result = await build({
    entryPoints: [ENTRY],
    outfile: tmp,
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // `*.browser` modules are imported only on the browser's path (ort.ts); Node never loads them.
    external: [...EXTERNAL, '*.browser'],
    // CommonJS dependencies (papaparse) call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __cliRequire } from 'node:module'; const require = __cliRequire(import.meta.url);" },
    plugins: [ownImportMetaUrl],
    metafile: true,
    logLevel: 'error',
  });
  const inputs = {};
  let changedMeanwhile = false;
  for (const file of [...Object.keys(result.metafile.inputs).map((f) => resolve(ROOT, f)), BUILDER]) {
    const sig = signature(file);
    if (sig === null || sig[0] > startedAt) changedMeanwhile = true;
    inputs[file] = sig;
  }
  renameSync(tmp, join(dir, BUNDLE));
  // A file edited while esbuild read it may not be in the bundle: leave no stamp, so the next start rebuilds.
  if (changedMeanwhile) return;
  const stampTmp = join(dir, `${STAMP}.${process.pid}.tmp`);
  writeFileSync(stampTmp, JSON.stringify({ entry: ENTRY, inputs }));
  renameSync(stampTmp, join(dir, STAMP));
}

/**
 * The CLI's main module: the fresh bundle (built first when stale), or — when it cannot be built
 * or written (esbuild missing, read-only install) — the TypeScript source through tsx.
 */
export async function loadCliMain() {
  let bundled = true;
  try {
    if (!bundleIsFresh()) await buildCliBundle();
  } catch {
    bundled = false;
  }
  if (bundled) return import(pathToFileURL(join(CLI_BUNDLE_DIR, BUNDLE)).href);
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(ENTRY).href);
}

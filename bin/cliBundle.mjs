// The CLI's compiled form: src/cli/main.ts and everything it imports, bundled by esbuild into one
// ES module under .cache/cli/ (gitignored). Why: compiling ~300 TypeScript modules on the fly
// (tsx) cost ~0.9 s of CPU on every start, and the CLI is always a fresh process. Why it cannot
// drift from src: the bundle is rebuilt whenever any file that went into it (esbuild's metafile
// lists them, node_modules included) differs in mtime or size from when it was built, when a file
// is gone, or when this builder changes; the check is one stat per input (~5 ms). The list of
// inputs is the bundle's first line (a comment), so bundle and list are one file, replaced by one
// rename: concurrent starts may both rebuild, and whichever rename comes last leaves a bundle
// whose first line describes exactly what it was built from.
//
// Packages that load files next to themselves (ONNX Runtime's wasm and native binaries,
// transformers.js) stay outside the bundle and are imported from node_modules. Each module keeps
// its own import.meta.url (src/runtime finds public/ relative to itself).
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = join(ROOT, 'src', 'cli', 'main.ts');
/** The permutation worker's entry, bundled first and embedded in the CLI bundle as text (`virtual:permutation-worker`). */
const WORKER_ENTRY = join(ROOT, 'src', 'cli', 'permutationWorker.ts');
const WORKER_MODULE = 'virtual:permutation-worker';
export const CLI_BUNDLE_DIR = join(ROOT, '.cache', 'cli');
const BUNDLE = 'bias-workbench.mjs';
/** The bundle's first line: this prefix, then the JSON of its inputs ({ file: [mtime, size] }). */
const STAMP_PREFIX = '// bias-workbench cli inputs: ';
/** The most bytes read to find the first line (the list of ~300 inputs is ~25 KB). */
const STAMP_MAX_BYTES = 1 << 20;
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

/** The inputs named on the first line of the bundle in `dir`, or null (no bundle, or no list). */
export function bundleInputs(dir = CLI_BUNDLE_DIR) {
  let fd;
  try {
    fd = openSync(join(dir, BUNDLE), 'r');
    const buf = Buffer.alloc(STAMP_MAX_BYTES);
    const line = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8').split('\n', 1)[0];
    if (!line.startsWith(STAMP_PREFIX)) return null;
    const inputs = JSON.parse(line.slice(STAMP_PREFIX.length));
    return inputs && typeof inputs === 'object' ? inputs : null;
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Whether the bundle in `dir` was built from the files as they are now: its first line lists
 * every input with the mtime and size it had; any difference (or no bundle, or no list) is stale.
 */
export function bundleIsFresh(dir = CLI_BUNDLE_DIR) {
  const inputs = bundleInputs(dir);
  if (!inputs) return false;
  for (const [file, recorded] of Object.entries(inputs)) {
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

/**
 * The permutation worker as the text of one CommonJS script (a worker started with `eval: true`),
 * and the files it was built from.
 */
export async function buildPermutationWorkerSource() {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [WORKER_ENTRY],
    write: false,
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    metafile: true,
    logLevel: 'error',
  });
  return { source: result.outputFiles[0].text, inputs: Object.keys(result.metafile.inputs) };
}

/** esbuild plugin: `virtual:permutation-worker` is a module whose default export is the worker's source. */
const embeddedWorker = (source) => ({
  name: 'embedded-permutation-worker',
  setup(build) {
    build.onResolve({ filter: /^virtual:permutation-worker$/ }, () => ({ path: WORKER_MODULE, namespace: 'embedded-worker' }));
    build.onLoad({ filter: /.*/, namespace: 'embedded-worker' }, () => ({ contents: `export default ${JSON.stringify(source)};`, loader: 'js' }));
  },
});

/** Build the bundle into `dir`, its inputs on its first line. */
export async function buildCliBundle(dir = CLI_BUNDLE_DIR) {
  const { build } = await import('esbuild');
  const startedAt = Date.now();
  const worker = await buildPermutationWorkerSource();
  const result = await build({
    entryPoints: [ENTRY],
    outfile: join(dir, BUNDLE),
    write: false,
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // `*.browser` modules are imported only on the browser's path (ort.ts); Node never loads them.
    external: [...EXTERNAL, '*.browser'],
    // CommonJS dependencies (papaparse) call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __cliRequire } from 'node:module'; const require = __cliRequire(import.meta.url);" },
    plugins: [ownImportMetaUrl, embeddedWorker(worker.source)],
    metafile: true,
    logLevel: 'error',
  });
  const inputs = {};
  let changedMeanwhile = false;
  // The embedded worker is an input by namespace only; the files it was built from are listed instead.
  const files = [...Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('embedded-worker:')), ...worker.inputs];
  for (const file of [...new Set(files.map((f) => resolve(ROOT, f))), BUILDER]) {
    const sig = signature(file);
    if (sig === null || sig[0] > startedAt) changedMeanwhile = true;
    inputs[file] = sig;
  }
  // A file edited while esbuild read it may not be in the bundle: then the bundle lists no inputs
  // (this start runs it; the next one rebuilds).
  const stamp = `${STAMP_PREFIX}${changedMeanwhile ? 'null' : JSON.stringify(inputs)}\n`;
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `${BUNDLE}.${process.pid}.tmp`);
  writeFileSync(tmp, Buffer.concat([Buffer.from(stamp), result.outputFiles[0].contents]));
  renameSync(tmp, join(dir, BUNDLE));
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

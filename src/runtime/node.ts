// Node-only loaders (CLI, bench, tests): read embedded assets from a folder instead of fetching.
// Kept out of the browser bundle: only Node entry points import this file.
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModelLoadError, ModelNotFoundError, UnsupportedModelError } from '../core/errors';
import { MODEL_REGISTRY, isModelId } from './models';
import type { ProgressCallback, WordEmbeddingModel } from './types';
import { OnnxWordEmbeddingModel, type AssetSource, type WordVectorDevice } from './wordEmbeddingModel';

/** The repository's public/ folder (where `npm run prepare-models` writes the assets). */
export const DEFAULT_PUBLIC_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../public');

/** Files in a folder; progress is reported once per file (size known from stat). */
export function fileAssetSource(dir: string): AssetSource {
  return {
    describe: (file) => join(dir, file),
    async read(file, onBytes) {
      const path = join(dir, file);
      try {
        const size = (await stat(path)).size;
        const buf = await readFile(path);
        onBytes?.(size, size);
        return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === 'ENOENT') throw new ModelNotFoundError(`${path}: not found; the embedded model assets have not been built — run \`npm run prepare-models\``);
        throw new ModelLoadError(`${path}: could not be read (${e instanceof Error ? e.message : String(e)})`);
      }
    },
  };
}

interface NodeLoadOptions {
  /** The folder holding `models/<id>/` (default: the repo's public/), or pass `modelDir` directly. */
  baseDir?: string;
  /** The model's own folder (overrides baseDir). */
  modelDir?: string;
  /** 'wasm' (default): ONNX Runtime Web, as the browser; 'js': the same graph evaluated in JavaScript (wordEmbeddingModel.ts). */
  device?: WordVectorDevice;
  onProgress?: ProgressCallback;
}

/**
 * Load a registry model from disk through onnxruntime-web (WASM) — same code path as the worker,
 * only the byte source differs — or, with device 'js', without starting ONNX Runtime.
 * @throws UnsupportedModelError for unknown ids or kinds; ModelLoadError for missing/corrupt files
 */
export async function loadEmbeddedModel(id: string, opts: NodeLoadOptions = {}): Promise<WordEmbeddingModel> {
  if (!isModelId(id)) throw new UnsupportedModelError(`unknown model '${id}'; known: ${Object.keys(MODEL_REGISTRY).join(', ')}`);
  const entry = MODEL_REGISTRY[id];
  if (entry.kind !== 'word-embedding') throw new UnsupportedModelError(`${id}: kind '${entry.kind}' is loaded by the LM runtime`);
  const dir = opts.modelDir ?? join(opts.baseDir ?? DEFAULT_PUBLIC_DIR, entry.path);
  return OnnxWordEmbeddingModel.load(id, fileAssetSource(dir), { device: opts.device ?? 'wasm', onProgress: opts.onProgress });
}

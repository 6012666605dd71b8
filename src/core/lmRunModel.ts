// The model part of an LM run record, from what the loader says about the model it loaded. One
// function for the app and the CLI, so a record names a model the same way whichever made it — the
// backend included: the CLI can run ONNX Runtime Web's WASM build as well as onnxruntime-node, and
// quantized kernels differ between the two, so 'wasm' must not be recorded as 'node'. The input is
// structural (the runtime's LmInfo fits it) because src/core imports nothing outside src/core.
// The title names onnxruntime-node 'cpu', the runtime's word when records began, so that a record
// reads the same whichever version wrote it; the `backend` field carries the vocabulary's word.
import { normalizeBackend, type Backend } from './backends';
import type { RunModelInfo } from './runRecord';

interface LoadedLmFacts {
  id: string;
  modelType: string;
  kind: string;
  dtype: string;
  /** The runtime's backend, in the vocabulary of core/backends.ts (the older runtime word 'cpu' reads as 'node'). */
  backend: string;
  /** sha256 of the weight files, the graph first. */
  sha256: Readonly<Record<string, string>>;
  fallbackReason?: string;
  revision?: string;
  passes?: 'one-sequence-per-pass';
  fileSha256?: Readonly<Record<string, string>>;
}

const SHA256 = /^[0-9a-f]{64}$/;

const TITLE_WORD: Readonly<Partial<Record<Backend, string>>> = Object.freeze({ node: 'cpu' });

/** The record's model; `otherHubHost` (a host other than the Hugging Face Hub) is named in the title. */
export function lmRunModel(i: LoadedLmFacts, otherHubHost?: string): RunModelInfo {
  const sha = Object.values(i.sha256)[0] ?? null;
  const backend = normalizeBackend(i.backend);
  return {
    id: i.id,
    title: `${i.id} (${i.modelType} ${i.kind}, ${i.dtype}, ${TITLE_WORD[backend] ?? backend})${otherHubHost ? ` from ${otherHubHost}` : ''}`,
    assetSha256: sha && SHA256.test(sha) ? sha : null,
    dtype: i.dtype,
    backend,
    ...(i.fallbackReason ? { fallbackReason: i.fallbackReason } : {}),
    ...(i.revision ? { revision: i.revision } : {}),
    ...(i.passes ? { passes: i.passes } : {}),
    ...(i.fileSha256 ? { fileSha256: { ...i.fileSha256 } } : {}),
  };
}

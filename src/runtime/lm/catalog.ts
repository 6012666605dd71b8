// Language models the app knows by name, as frozen data (types derive from it, like
// transformers.js SUPPORTED_TASKS). Embedded models ship in public/models/ and work offline. The Hub
// entries are repos people run in the browser with transformers.js, one or more per architecture of
// the fixture matrix (tests/fixtures/hub-matrix/matrix/<row> mimics each architecture's real layout
// and I/O names, so `matrixRow` names the offline test that covers the code path). They need
// internet and were NOT loaded from this offline machine: their dtype lists are the files
// transformers.js exports usually carry (checked again at load), and their sizes are:
//  - 'published': the repo's onnx/ listing as quoted in a public source (`sizeSource`);
//  - 'estimate': parameters × bytes per weight (fp32 4, fp16 2, q8 1), shown with "≈";
//  - 'at-least': 4-bit dtypes, parameters × 0.5 bytes, shown with "≥" — scales and the tensors an
//    export leaves unquantized (embeddings) add an amount that differs per export, so no better
//    estimate is given;
//  - 'measured': the embedded files' sizes on disk.
// Parameter counts are the ones the model cards state (as remembered; not re-checked online).
// Any other Hub id can be typed in freely. The runtime engineer's MODEL_REGISTRY
// (src/runtime/models.ts) lists the GloVe model; the picker merges both lists.
import type { LmDtype, LmKind } from './types';

export type LmSizeBasis = 'measured' | 'published' | 'estimate' | 'at-least';

/** Size in MB (10^6 bytes) of one dtype's weight files, and how it was obtained. */
export interface LmDtypeSize {
  mb: number;
  basis: LmSizeBasis;
}

export interface LmCatalogEntry {
  id: string;
  kind: LmKind;
  title: string;
  source: 'embedded' | 'hub';
  needsInternet: boolean;
  /** Dtypes the repository is known to offer (hub entries: as transformers.js exports publish them; checked again at load). */
  dtypes: readonly LmDtype[];
  note: string;
  /** config.json `model_type`. */
  architecture: string;
  /** The fixture-matrix row (`matrix/<row>`) whose layout this model has; absent when none. */
  matrixRow?: string;
  /** Parameter count as the model card states it, in millions. */
  parametersM: number;
  /** Whether tokenizer_config.json has a chat template (the prompt families use it). */
  chatTemplate: boolean;
  /** Weight-file size per dtype. */
  sizes: Readonly<Partial<Record<LmDtype, LmDtypeSize>>>;
  /** Where the sizes come from. */
  sizeSource: string;
  /** Loaded and checked against the real Hub: false for every Hub entry here. */
  verifiedOnline: boolean;
}

const BYTES_PER_WEIGHT: Readonly<Record<LmDtype, number>> = Object.freeze({ fp32: 4, fp16: 2, q8: 1, q4: 0.5, q4f16: 0.5 });

/**
 * Sizes from the parameter count: parameters × bytes per weight, in MB, rounded — 'estimate' for
 * fp32/fp16/q8, 'at-least' for the 4-bit dtypes (see the header).
 */
export function sizesFromParameters(parametersM: number, dtypes: readonly LmDtype[]): Partial<Record<LmDtype, LmDtypeSize>> {
  return Object.fromEntries(
    dtypes.map((d) => [d, { mb: Math.round(parametersM * BYTES_PER_WEIGHT[d]), basis: d === 'q4' || d === 'q4f16' ? 'at-least' : 'estimate' }]),
  );
}

const ALL: readonly LmDtype[] = ['fp32', 'fp16', 'q8', 'q4', 'q4f16'];
const ENCODER: readonly LmDtype[] = ['fp32', 'q8'];
const ESTIMATED = 'estimated from the parameter count (≈ params × 4 / 2 / 1 bytes for fp32 / fp16 / q8; ≥ params × 0.5 bytes for q4, q4f16)';
const HUB_NOTE = 'Its dtypes and sizes are checked again when it loads.';

const hub = (
  e: Omit<LmCatalogEntry, 'source' | 'needsInternet' | 'verifiedOnline' | 'sizes' | 'sizeSource'> & {
    published?: Partial<Record<LmDtype, number>>;
    publishedSource?: string;
  },
): LmCatalogEntry => {
  const { published, publishedSource, ...rest } = e;
  const sizes: Partial<Record<LmDtype, LmDtypeSize>> = sizesFromParameters(e.parametersM, e.dtypes);
  for (const [d, mb] of Object.entries(published ?? {})) sizes[d as LmDtype] = { mb: mb!, basis: 'published' };
  return {
    ...rest,
    source: 'hub',
    needsInternet: true,
    verifiedOnline: false,
    sizes,
    sizeSource: publishedSource ? `${publishedSource}; other dtypes ${ESTIMATED}` : ESTIMATED,
  };
};

export const LM_CATALOG = Object.freeze([
  {
    id: 'workbench/tiny-gpt2',
    kind: 'causal-lm',
    title: 'Workbench tiny GPT-2 (embedded)',
    source: 'embedded',
    needsInternet: false,
    dtypes: ['fp32', 'q8'],
    note: 'Trained by this project on public-domain 19th–20th-century American English (SOTU, Moby-Dick, Brown). A teaching and testing default, not a modern LM; it reflects the biases of its corpus.',
    architecture: 'gpt2',
    parametersM: 3.4,
    chatTemplate: false,
    sizes: { fp32: { mb: 13.7, basis: 'measured' }, q8: { mb: 3.6, basis: 'measured' } },
    sizeSource: 'the files in public/models/workbench/tiny-gpt2/onnx (13,651,319 and 3,557,323 bytes)',
    verifiedOnline: true,
  },
  {
    id: 'workbench/tiny-bert',
    kind: 'masked-lm',
    title: 'Workbench tiny BERT masked LM (embedded)',
    source: 'embedded',
    needsInternet: false,
    dtypes: ['fp32', 'q8'],
    note: 'Small BERT-style masked LM for testing the pseudo-log-likelihood path; see its model card for how it was made.',
    architecture: 'bert',
    parametersM: 0.96,
    chatTemplate: false,
    sizes: { fp32: { mb: 3.9, basis: 'measured' }, q8: { mb: 1.0, basis: 'measured' } },
    sizeSource: 'the files in public/models/workbench/tiny-bert/onnx (3,856,194 and 1,041,711 bytes)',
    verifiedOnline: true,
  },
  hub({
    id: 'HuggingFaceTB/SmolLM2-135M-Instruct',
    kind: 'causal-lm',
    title: 'SmolLM2 135M Instruct (Hub)',
    dtypes: ALL,
    note: `${HUB_NOTE} A small chat model with a Llama layout (grouped-query attention, tied embeddings).`,
    architecture: 'llama',
    matrixRow: 'matrix/llama',
    parametersM: 135,
    chatTemplate: true,
    published: { fp32: 654, fp16: 327, q4: 200, q4f16: 134 },
    publishedSource: "the repo's onnx/ listing as quoted in Stack Overflow question 79180750 (https://example-a.com/answer/79180750)",
  }),
  hub({
    id: 'HuggingFaceTB/SmolLM2-360M-Instruct',
    kind: 'causal-lm',
    title: 'SmolLM2 360M Instruct (Hub)',
    dtypes: ALL,
    note: `${HUB_NOTE} The next SmolLM2 size, same layout.`,
    architecture: 'llama',
    matrixRow: 'matrix/llama',
    parametersM: 360,
    chatTemplate: true,
  }),
  hub({
    id: 'onnx-community/Qwen2.5-0.5B-Instruct',
    kind: 'causal-lm',
    title: 'Qwen2.5 0.5B Instruct (Hub)',
    dtypes: ALL,
    note: `${HUB_NOTE} Multilingual chat model; q/k/v projections with bias.`,
    architecture: 'qwen2',
    matrixRow: 'matrix/qwen2',
    parametersM: 494,
    chatTemplate: true,
  }),
  hub({
    id: 'onnx-community/Qwen3-0.6B-ONNX',
    kind: 'causal-lm',
    title: 'Qwen3 0.6B (Hub)',
    dtypes: ALL,
    note: `${HUB_NOTE} Chat model with q/k norms and an explicit head_dim; its template may emit a <think> block.`,
    architecture: 'qwen3',
    matrixRow: 'matrix/qwen3',
    parametersM: 600,
    chatTemplate: true,
  }),
  hub({
    id: 'onnx-community/Llama-3.2-1B-Instruct',
    kind: 'causal-lm',
    title: 'Llama 3.2 1B Instruct (Hub)',
    dtypes: ALL,
    note: `${HUB_NOTE} fp32 is over the 4 GB a browser can hold: use q4 or q4f16 there.`,
    architecture: 'llama',
    matrixRow: 'matrix/llama',
    parametersM: 1230,
    chatTemplate: true,
  }),
  hub({
    id: 'Xenova/TinyLlama-1.1B-Chat-v1.0',
    kind: 'causal-lm',
    title: 'TinyLlama 1.1B Chat (Hub)',
    dtypes: ALL,
    note: `${HUB_NOTE} fp32 is over the 4 GB a browser can hold: use q8, q4 or q4f16 there.`,
    architecture: 'llama',
    matrixRow: 'matrix/llama',
    parametersM: 1100,
    chatTemplate: true,
  }),
  hub({
    id: 'onnx-community/Phi-3.5-mini-instruct-onnx-web',
    kind: 'causal-lm',
    title: 'Phi-3.5 mini Instruct, WebGPU export (Hub)',
    dtypes: ['q4f16'],
    note: `${HUB_NOTE} 3.8B parameters in 4-bit weights for WebGPU with shader-f16; weights in external data.`,
    architecture: 'phi3',
    matrixRow: 'matrix/phi3',
    parametersM: 3800,
    chatTemplate: true,
  }),
  hub({
    id: 'onnx-community/gemma-3-270m-it-ONNX',
    kind: 'causal-lm',
    title: 'Gemma 3 270M Instruct (Hub)',
    dtypes: ALL,
    note: `${HUB_NOTE} Gemma terms of use; the Hub may ask you to accept them (a gated repo is refused with what to do).`,
    architecture: 'gemma3_text',
    matrixRow: 'matrix/gemma3',
    parametersM: 270,
    chatTemplate: true,
  }),
  hub({
    id: 'onnx-community/gemma-3-1b-it-ONNX',
    kind: 'causal-lm',
    title: 'Gemma 3 1B Instruct (Hub)',
    dtypes: ALL,
    note: `${HUB_NOTE} Gemma terms of use; its 262k-token embedding is large, so fp32 may not fit a GPU buffer.`,
    architecture: 'gemma3_text',
    matrixRow: 'matrix/gemma3',
    parametersM: 1000,
    chatTemplate: true,
  }),
  hub({
    id: 'Xenova/gpt2',
    kind: 'causal-lm',
    title: 'GPT-2 small (Hub)',
    dtypes: ['fp32', 'fp16', 'q8', 'q4'],
    note: `${HUB_NOTE} The model most bias-probe papers report on; no chat template.`,
    architecture: 'gpt2',
    matrixRow: 'matrix/gpt2',
    parametersM: 124,
    chatTemplate: false,
  }),
  hub({
    id: 'Xenova/distilgpt2',
    kind: 'causal-lm',
    title: 'DistilGPT-2 (Hub)',
    dtypes: ['fp32', 'fp16', 'q8', 'q4'],
    note: `${HUB_NOTE} GPT-2 distilled; GPT-2 tokenizer.`,
    architecture: 'gpt2',
    matrixRow: 'matrix/gpt2',
    parametersM: 82,
    chatTemplate: false,
  }),
  hub({
    id: 'Xenova/pythia-70m',
    kind: 'causal-lm',
    title: 'Pythia 70M (Hub)',
    dtypes: ['fp32', 'q8'],
    note: `${HUB_NOTE} EleutherAI's research model trained on the Pile (GPT-NeoX layout, partial rotary, parallel residual).`,
    architecture: 'gpt_neox',
    matrixRow: 'matrix/gpt-neox',
    parametersM: 70,
    chatTemplate: false,
  }),
  hub({
    id: 'Xenova/bert-base-uncased',
    kind: 'masked-lm',
    title: 'BERT base uncased (Hub)',
    dtypes: ENCODER,
    note: `${HUB_NOTE} The masked LM of CrowS-Pairs / StereoSet baselines.`,
    architecture: 'bert',
    matrixRow: 'matrix/bert',
    parametersM: 110,
    chatTemplate: false,
  }),
  hub({
    id: 'Xenova/distilbert-base-uncased',
    kind: 'masked-lm',
    title: 'DistilBERT base uncased (Hub)',
    dtypes: ENCODER,
    note: `${HUB_NOTE} Smaller, faster masked LM (no token_type_ids).`,
    architecture: 'distilbert',
    matrixRow: 'matrix/distilbert',
    parametersM: 66,
    chatTemplate: false,
  }),
  hub({
    id: 'Xenova/roberta-base',
    kind: 'masked-lm',
    title: 'RoBERTa base (Hub)',
    dtypes: ENCODER,
    note: `${HUB_NOTE} Masked LM used in CrowS-Pairs and StereoSet comparisons.`,
    architecture: 'roberta',
    matrixRow: 'matrix/roberta',
    parametersM: 125,
    chatTemplate: false,
  }),
  hub({
    id: 'Xenova/xlm-roberta-base',
    kind: 'masked-lm',
    title: 'XLM-RoBERTa base (Hub)',
    dtypes: ENCODER,
    note: `${HUB_NOTE} Multilingual masked LM (100 languages, SentencePiece tokenizer).`,
    architecture: 'xlm-roberta',
    matrixRow: 'matrix/xlm-roberta',
    parametersM: 270,
    chatTemplate: false,
  }),
] as const satisfies readonly LmCatalogEntry[]);

export type CatalogLmId = (typeof LM_CATALOG)[number]['id'];
export const EMBEDDED_LM_IDS = Object.freeze(LM_CATALOG.filter((m) => m.source === 'embedded').map((m) => m.id));
export const isEmbeddedLm = (id: string): boolean => (EMBEDDED_LM_IDS as readonly string[]).includes(id);
export const findLm = (id: string): LmCatalogEntry | undefined => (LM_CATALOG as readonly LmCatalogEntry[]).find((m) => m.id === id);

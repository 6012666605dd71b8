// Language models the app knows by name, as frozen data (types derive from it, like
// transformers.js SUPPORTED_TASKS). Embedded models ship in public/models/ and work offline; the
// curated Hub models are transformers.js-compatible repos (ONNX weights under onnx/, tokenizer.json)
// that need internet and were NOT verified from this offline machine — any other Hub id can be
// typed in freely. The runtime engineer's MODEL_REGISTRY (src/runtime/models.ts) lists the GloVe
// model; the picker merges both lists.
import type { LmDtype, LmKind } from './types';

export interface LmCatalogEntry {
  id: string;
  kind: LmKind;
  title: string;
  source: 'embedded' | 'hub';
  needsInternet: boolean;
  /** Dtypes the repository is known to offer (hub entries: as published; checked again at load). */
  dtypes: readonly LmDtype[];
  note: string;
}

export const LM_CATALOG = Object.freeze([
  {
    id: 'workbench/tiny-gpt2',
    kind: 'causal-lm',
    title: 'Workbench tiny GPT-2 (embedded)',
    source: 'embedded',
    needsInternet: false,
    dtypes: ['fp32', 'q8'],
    note: 'Trained by this project on public-domain 19th–20th-century American English (SOTU, Moby-Dick, Brown). A teaching and testing default, not a modern LM; it reflects the biases of its corpus.',
  },
  {
    id: 'workbench/tiny-bert',
    kind: 'masked-lm',
    title: 'Workbench tiny BERT masked LM (embedded)',
    source: 'embedded',
    needsInternet: false,
    dtypes: ['fp32', 'q8'],
    note: 'Small BERT-style masked LM for testing the pseudo-log-likelihood path; see its model card for how it was made.',
  },
  {
    id: 'Xenova/distilgpt2',
    kind: 'causal-lm',
    title: 'DistilGPT-2 (Hub)',
    source: 'hub',
    needsInternet: true,
    dtypes: ['fp32', 'fp16', 'q8', 'q4'],
    note: 'Needs internet. 82M parameters; GPT-2 tokenizer.',
  },
  {
    id: 'Xenova/gpt2',
    kind: 'causal-lm',
    title: 'GPT-2 small (Hub)',
    source: 'hub',
    needsInternet: true,
    dtypes: ['fp32', 'fp16', 'q8', 'q4'],
    note: 'Needs internet. 124M parameters; the model most bias-probe papers report on.',
  },
  {
    id: 'Xenova/bert-base-uncased',
    kind: 'masked-lm',
    title: 'BERT base uncased (Hub)',
    source: 'hub',
    needsInternet: true,
    dtypes: ['fp32', 'q8'],
    note: 'Needs internet. The masked LM of CrowS-Pairs / StereoSet baselines.',
  },
  {
    id: 'Xenova/distilbert-base-uncased',
    kind: 'masked-lm',
    title: 'DistilBERT base uncased (Hub)',
    source: 'hub',
    needsInternet: true,
    dtypes: ['fp32', 'q8'],
    note: 'Needs internet. Smaller, faster masked LM.',
  },
] as const satisfies readonly LmCatalogEntry[]);

export type CatalogLmId = (typeof LM_CATALOG)[number]['id'];
export const EMBEDDED_LM_IDS = Object.freeze(LM_CATALOG.filter((m) => m.source === 'embedded').map((m) => m.id));
export const isEmbeddedLm = (id: string): boolean => (EMBEDDED_LM_IDS as readonly string[]).includes(id);
export const findLm = (id: string): LmCatalogEntry | undefined => LM_CATALOG.find((m) => m.id === id);

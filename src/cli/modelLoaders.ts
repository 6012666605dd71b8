// How the CLI loads a model for each modality of probe family (families/<id> `modality`): word
// vectors through the same runtime loader the browser uses (same files, same checks; the lookup
// graph decoded in JavaScript rather than by ONNX Runtime), a language model through the LM
// runtime's Node loader (the embedded `workbench/tiny-gpt2` / `workbench/tiny-bert` offline, a
// local folder, or a Hub id). Each loader also says which options the modality's runs take and how
// the record names the model, so `run` handles each without asking which it is. The class lab's
// families load nothing (modality 'none'): their loader reads only the seed and records no model.
import path from 'node:path';
import { DEFAULT_ASSOCIATION_OPTIONS } from '../core/association/types';
import { lmRunModel } from '../core/lmRunModel';
import { NO_MODEL_RUN_INFO } from '../core/noModelRunInfo';
import { DEFAULT_LM_RUN_OPTIONS, type LmRunOptions } from '../core/lmRun/types';
import type { RunModelInfo } from '../core/runRecord';
import type { ChatTemplateInfo } from '../probes/instructionModelWarning';
import type { FamilyRunContext, Modality } from '../probes/families/types';
import { loadLanguageModel, type LanguageModel } from '../runtime/lm/node';
import { LM_DTYPES } from '../runtime/lm/types';
import { loadEmbeddedModel } from '../runtime/node';
import { choiceFlag, deviceFlag, integerFlag } from './flags';
import type { CliValues } from './main';

export interface LoadedCliModel {
  /** The model as the families' runs take it (an embedder or a scorer). */
  context: Pick<FamilyRunContext, 'embedder' | 'scorer'>;
  record: RunModelInfo;
  chatTemplate: ChatTemplateInfo;
  dispose(): Promise<void>;
}

export interface ModalityLoader {
  options(values: CliValues): FamilyRunContext['options'];
  load(values: CliValues): Promise<LoadedCliModel>;
}

/** Flags shared by every run: seed, permutations, bootstrap, SD convention. */
const statisticsOptions = (values: CliValues, defaults: typeof DEFAULT_ASSOCIATION_OPTIONS) => ({
  ...defaults,
  seed: integerFlag('seed', values.seed, defaults.seed),
  permutations: integerFlag('permutations', values.permutations, defaults.permutations),
  bootstrap: integerFlag('bootstrap', values.bootstrap, defaults.bootstrap),
  sd: choiceFlag(values.sd, 'sd', ['sample', 'population'] as const, defaults.sd),
});

const wordVectors: ModalityLoader = {
  options: (values) => statisticsOptions(values, DEFAULT_ASSOCIATION_OPTIONS),
  async load(values) {
    // 'js': the lookup graph decoded in JavaScript, the same numbers as ORT's WASM build without
    // starting ONNX Runtime (most of a word-vector run's start-up otherwise).
    const model = await loadEmbeddedModel(values.model!, { device: 'js', ...(values['models-dir'] ? { baseDir: values['models-dir'] } : {}) });
    return {
      context: { embedder: model },
      record: {
        id: model.info.id,
        title: model.info.title,
        assetSha256: model.info.assetSha256,
        dtype: model.info.dtype,
        ...(model.info.precision ? { precision: model.info.precision } : {}),
        backend: 'node',
      },
      chatTemplate: { id: model.info.id },
      dispose: () => model.dispose(),
    };
  },
};

/** A loaded language model as `run` takes it. */
export const loadedLanguageModel = (lm: LanguageModel): LoadedCliModel => ({
  context: { scorer: lm },
  record: lmRunModel(lm.info),
  chatTemplate: { id: lm.info.id, chatTemplate: lm.info.chatTemplate },
  dispose: () => lm.dispose(),
});

const languageModel: ModalityLoader = {
  options: (values): LmRunOptions => ({
    ...statisticsOptions(values, DEFAULT_LM_RUN_OPTIONS),
    batchSize: integerFlag('batchSize', values['batch-size'], DEFAULT_LM_RUN_OPTIONS.batchSize),
    signFlipExactLimit: DEFAULT_LM_RUN_OPTIONS.signFlipExactLimit,
  }),
  async load(values) {
    const base = values['models-dir'];
    const lm = await loadLanguageModel(values.model!, {
      // --models-dir is the folder holding models/<org>/<name>/ (as for word vectors)
      ...(base ? { modelsDir: path.join(base, 'models') } : {}),
      ...(values.device ? { device: deviceFlag(values.device) } : {}),
      ...(values.dtype ? { dtype: choiceFlag(values.dtype, 'dtype', ['auto', ...LM_DTYPES] as const, 'auto') } : {}),
    });
    return loadedLanguageModel(lm);
  },
};

/** No model: the run reads only the seed (the lab's settings are in the probe). */
const noModel: ModalityLoader = {
  options: (values) => ({ ...DEFAULT_ASSOCIATION_OPTIONS, seed: integerFlag('seed', values.seed, DEFAULT_ASSOCIATION_OPTIONS.seed) }),
  load: async () => ({ context: {}, record: { ...NO_MODEL_RUN_INFO }, chatTemplate: { id: NO_MODEL_RUN_INFO.id }, dispose: async () => undefined }),
};

export const MODEL_LOADERS: Readonly<Record<Modality, ModalityLoader>> = Object.freeze({ vectors: wordVectors, lm: languageModel, none: noModel });

// Public surface of the word-embedding runtime (browser + Node). Node-only loaders live in
// ./node (loadEmbeddedModel); the LM runtime lives in ./lm.
export { MODEL_REGISTRY, USER_MODEL_PREFIX, isModelId, listModels, type ModelEntry, type ModelId } from './models';
export { OnnxWordEmbeddingModel, urlAssetSource, type AssetSource, type LoadOptions, type WordEmbeddingManifest } from './wordEmbeddingModel';
export { UserVectorModel, loadUserVectorsFromBlob } from './userVectors';
export { checkWebGpu, createSession, getOrt, SerialSession } from './ort';
export type * from './types';

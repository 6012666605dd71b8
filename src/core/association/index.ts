// Public surface of the association-test core: what workers, the CLI and tests import.
export * from './types';
export { runAssociationTest, runAssociationBatch } from './runAssociationTest';
export { buildAssociationInput, buildSeatInput, buildWeatInput, dedupeStimuli, fillTemplates, type AssociationProbeDefinition, type StimulusSetDefinition } from './buildAssociationInput';
export { deriveTestSeed, type SeedStream } from './seed';
export { validateAssociationOptions, OPTION_LIMITS } from './validateOptions';
export { prepareSets, MIN_SET_SIZE } from './prepareSets';
export { computeWefeScores } from './wefeScores';
export { targetSetMeans, type TargetSetMean } from './targetSetMeans';
export type { Embedder } from '../embeddings/embedder';

// Public surface of the counterfactual-pair family.
export * from './types';
export { pairDeltas } from './pairDeltas';
export { roundHalfEven } from './roundHalfEven';
export { summarizeDeltas, type DeltaSeeds } from './summarizeDeltas';
export { analyzeCounterfactualPairs, deltaSeeds, validateDeltaOptions } from './analyzeCounterfactualPairs';

// Public surface of the LM probe core: pure functions over the numbers the LM runtime produces
// (sentence log-likelihoods, next-token log-probabilities, option-label probabilities, parsed
// answers). No model code here; see src/runtime for how those numbers are obtained.
export { InvalidLmScoreError, InvalidLmInputError, UnknownSlotError, MissingSlotValueError, TemplateSyntaxError } from '../errors';
export * from './scores';
export * from './counterfactual';
export * from './templates';
export * from './decision';
export * from './position';
export * from './iat';
export { runLikelihoodIat, type LikelihoodIatInput } from './likelihoodIat/runLikelihoodIat';

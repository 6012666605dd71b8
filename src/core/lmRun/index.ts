// Public surface of the LM probe orchestration: definitions (structural probe shapes), the scorer
// interface the runtime implements, options, result types, one runner per family and a dispatcher.
export * from './definitions';
export * from './scorer';
export * from './types';
export { validateLmRunOptions, MAX_BATCH_SIZE } from './options';
export { runCounterfactualPairs, runCounterfactualTemplate, resolveTemplateScoring, type RunControl } from './counterfactual';
export { runDecisionTemplate, runMcqPosition, runPairwisePosition, decisionPrompts, mcqPrompt, judgePrompt, iterationSeed } from './decisionAndPosition';
export { runLmIat, runLlmIatPrompt, runLlmDecisionPrompt, iatFrame } from './association';
export { sharedTokenPositions } from './alignTokens';
export { parseTaskAssignment } from './parseTaskAssignment';
export { decisionPromptAnswers, iatPromptAnswers, promptAnswerCount, type PromptAnswerCount, type PromptAnswers } from './promptAnswerCount';

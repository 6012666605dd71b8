// Public surface of the prompt-based tests for instruction models (Bai et al. 2024).
export * from './iatPrompt';
export * from './parseIatResponse';
export * from './iatDScore';
export * from './analyzeLlmIat';
export * from './decisionBias';

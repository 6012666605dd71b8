// Public surface of the decision-template family (discrim-eval).
export * from './discrimEvalScore';
export * from './attributeDifferences';

// The human IAT's analysis: the trial record, the improved D score of one participant, the class
// summary, and scoreIatTrials that does all three. Method: docs/methods/iat-d-score.md.
export * from './trial';
export * from './participantScore';
export * from './classSummary';
export * from './scoreTrials';

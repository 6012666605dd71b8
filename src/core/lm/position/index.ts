// Public surface of the position-bias family.
export * from './optionOrders';
export * from './mcqTypes';
export * from './labelDistribution';
export * from './pridePrior';
export * from './recallStd';
export * from './analyzeMcqPositionBias';
export * from './judgeConsistency';

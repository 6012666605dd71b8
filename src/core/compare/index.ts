export { itemAgreement, type AlignedPair, type ItemAgreement, type KeyedValue } from './itemAgreement';
export { runDifferences, type ComparedRun, type RunDifference } from './runDifferences';

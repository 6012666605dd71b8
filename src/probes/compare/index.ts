export { compareRuns, type ComparedProbe, type ProbeAgreement, type RunComparison, type RunToCompare } from './runComparison';

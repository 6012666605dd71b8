export * from './csv';
export { exportProbeJson, exportProbesJson } from '../import/probeJson';
export * from './lmCsv';

export * from './csv';
export { exportProbeJson, exportProbesJson } from '../import/probeJson';

export { runToCsv, csvColumns, guardCell, type CsvExportOptions, type ExportMeta } from './runToCsv';
export { splitOovCell } from '../families/shared/associationCsv';
export { exportProbeJson, exportProbesJson } from '../import/probeJson';

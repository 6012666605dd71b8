export { runToCsv, csvColumns, guardCell, COMMON_COLUMNS, type CsvExportOptions, type ExportMeta } from './runToCsv';
export { splitOovCell } from '../families/shared/associationCsv';
export { exportProbeJson, exportProbesJson } from '../import/probeJson';
export { itemMeasures, type ItemMeasures } from './itemMeasures';

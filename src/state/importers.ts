// The editor's file imports (word lists, probe JSON, WEFE word sets, CSV with a set column) are pure
// functions in src/probes/import/editorFiles.ts, run in the import worker; re-exported here for the
// page's own small uses (the WEFE set mapping) and the tests.
export { probeFromFile, probeFromWefe, wordsFromText, wordsFromPaste, type ProbeImport } from '../probes/import/editorFiles';

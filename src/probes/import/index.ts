// Importers: word lists (TXT/CSV), WEFE word-set files, probe JSON, CrowS-Pairs CSV, run records,
// and the size limits of each.
export * from './wordList';
export * from './wefe';
export * from './probeJson';
export * from './csvSets';
export * from './crowsPairs';
export * from './limits';
export * from './editorFiles';
export * from './lmImport';
export * from './runRecordJson';

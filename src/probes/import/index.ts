// Importers: word lists (TXT/CSV), WEFE word-set files, probe JSON, CrowS-Pairs CSV, SEAT test
// files, run records, the size limits of each, and which of them a file is.
export * from './wordList';
export * from './wefe';
export * from './probeJson';
export * from './csvSets';
export * from './crowsPairs';
export * from './limits';
export * from './editorFiles';
export * from './lmImport';
export * from './runRecordJson';
export * from './seatTestFile';
export * from './inputFormat';
export * from './probesFromFile';

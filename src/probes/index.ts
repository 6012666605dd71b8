// Public surface of src/probes: the family registry, schema, validation, built-ins, import/export,
// share links, run-record validation and the one run path. Pure TS + zod/papaparse/lz-string; no
// DOM, React or ORT.
export * from './families';
export * from './schema';
export * from './lmSchema';
export * from './validate';
export * from './builtin';
export * from './import';
export * from './export';
export * from './share';
export * from './runRecordSchema';
export * from './runProbes';
export * from './numberFormat';

// Public surface of src/probes: schema, validation, built-ins, import/export, share links, run
// record validation. Pure TS + zod/papaparse/lz-string; no DOM, React or ORT.
export * from './schema';
export * from './lmSchema';
export * from './validate';
export * from './builtin';
export * from './import';
export * from './export/csv';
export * from './export/lmCsv';
export * from './share';
export * from './runRecordSchema';

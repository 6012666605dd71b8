// Compile-time check that a family's parsed probe is assignable to the structural definition the
// core orchestration reads (core/lmRun/definitions.ts), so a schema and its core twin cannot drift:
// `export type _MatchesCore = MatchesCore<Probe, Definition>` fails to compile when they do.
export type MatchesCore<P, D> = [P] extends [D] ? true : false;
export type Assert<T extends true> = T;

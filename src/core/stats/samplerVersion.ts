// Which Monte Carlo sampler drew a run's permutations and bootstrap resamples. Exact quantities
// (d, statistics, exact p) never depend on it; Monte Carlo p-values and bootstrap intervals do, within
// sampling error. It is written into every run record beside the method version so that a record made
// by an earlier sampler stays explainable: a re-run with the same seed reproduces it only under the
// same sampler. Absent in a record = 1 (the sampler of every record made before the field existed).
export const SAMPLER_VERSION = 1;

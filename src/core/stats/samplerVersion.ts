// Which Monte Carlo sampler drew a run's permutations and bootstrap resamples. Exact quantities
// (d, statistics, exact p) never depend on it; Monte Carlo p-values and bootstrap intervals do, within
// sampling error. It is written into every run record beside the method version so that a record made
// by an earlier sampler stays explainable: a re-run with the same seed reproduces it only under the
// same sampler. Absent in a record = 1 (the sampler of every record made before the field existed).
//
// Sampler 1: pure-rand's uniformInt over the seeded xoroshiro128+ (rng.ts createRng); the permutation
// test decoded several partial Fisher–Yates steps from one call in mixed radix, the bootstrap drew
// index lists X, Y, A, B in that order.
// Sampler 2: the same generator and seed read as raw 32-bit outputs (rng.ts Uint32Stream) with
// Lemire's bounded integers. Permutation test: partial Fisher–Yates, two steps per output when
// n(n − 1) ≤ 2²¹ (subsetSumSampler.ts). Bootstrap: per resample, |X| draws below |X|, then |Y|, |A|,
// |B| likewise, counted as multiplicities (bootstrap.ts). The association tests' Monte Carlo numbers
// moved within sampling error from sampler 1; the LM families' samplers (sign-flip, one-sample
// bootstrap, shuffles) are unchanged.
// Sampler 3: the decision-template family's stratified permutation test draws each question's value
// labels as sampler 2's uniform k-subset (subsetSumSampler.ts), one stream per question seeded
// from (run seed, "<probe>/<attribute>=<value>/question <i>"); sampler 2 swapped one createRng.int
// step at a time from one stream for all questions. Its Monte Carlo p-values and test intervals
// moved within sampling error; every other family's draws are sampler 2's.
export const SAMPLER_VERSION = 3;

// The one run path for probes of every family: each probe through its family's `run` (which calls
// the core), then Holm and Benjamini–Hochberg adjustment across the results of the families whose
// p-values are adjusted across a batch. Each probe's random streams are seeded from (seed, probe id)
// only, so a probe gives the same numbers alone, in any order and in any batch; only pHolm/pBH
// depend on the batch. The scoring worker and the CLI both run probes through here.
import type { RunResult } from '../core/runRecord';
import { applyBatchCorrections } from '../core/stats/multipleComparisons';
import type { PValue } from '../core/units';
import { familyOf, type AnyProbe } from './families';
import type { FamilyRunContext, ProbeRunProgress } from './families/types';

/** Progress of a batch: the probe's own progress, with which probe (0-based) of how many. */
export type BatchRunProgress = ProbeRunProgress & { index: number; probes: number };

export interface RunProbesContext extends Omit<FamilyRunContext, 'onProgress'> {
  onProgress?: (p: BatchRunProgress) => void;
}

type Adjustable = RunResult & { pValue: PValue; pHolm: PValue | null; pBH: PValue | null };

/** Fill pHolm/pBH across the results of the families adjusted across a batch (a lone one only where its family adjusts a batch of one). */
export function adjustAcrossBatch(results: readonly RunResult[]): RunResult[] {
  const adjusted = results.flatMap((r, i) => (familyOf(r.kind).adjustedAcrossBatch ? [i] : []));
  if (adjusted.length === 0) return [...results];
  if (adjusted.length === 1 && !familyOf(results[adjusted[0]!]!.kind).adjustsBatchOfOne) return [...results];
  const corrected = applyBatchCorrections(adjusted.map((i) => results[i] as Adjustable));
  const out = [...results];
  adjusted.forEach((i, j) => (out[i] = corrected[j]!));
  return out;
}

/**
 * Run probes of any families, one after another, with the models in `ctx`.
 * @throws the first failing probe's error (UnsupportedModelError when its family's model is missing)
 */
export async function runProbes(probes: readonly AnyProbe[], ctx: RunProbesContext): Promise<RunResult[]> {
  const { onProgress, ...shared } = ctx;
  const results: RunResult[] = [];
  for (const [index, probe] of probes.entries()) {
    const probeCtx: FamilyRunContext = onProgress ? { ...shared, onProgress: (p) => onProgress({ ...p, index, probes: probes.length }) } : shared;
    results.push((await familyOf(probe.family).run(probe, probeCtx)) as RunResult);
  }
  return adjustAcrossBatch(results);
}

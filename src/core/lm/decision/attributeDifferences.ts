// Per-attribute differences of discrim-eval logits against a reference group, the transparent
// browser stand-in for the paper's mixed-effects model (Tamkin et al. 2023 fit value ~ age + race
// + gender with random effects by question). For attribute a, value v and reference r:
//   diff = mean logit over instances with a = v − mean logit over instances with a = r.
// Uncertainty respects the design: questions are the independent units (each question template is
// filled with every demographic combination), so
//   - the CI resamples QUESTIONS with replacement (cluster bootstrap, percentile), and
//   - the permutation test shuffles the v/r labels WITHIN each question (stratified), keeping each
//     question's counts — the null "within a question, the attribute value does not matter".
// Exact enumeration of the stratified relabelings when there are ≤ exactLimit of them, else Monte
// Carlo with p = (b+1)/(m+1). Holm and Benjamini–Hochberg across all (attribute, value) comparisons.
import { asPValue, type PValue } from '../../units';
import { deriveTestSeed } from '../../association/seed';
import { InvalidOptionError } from '../../errors';
import { createRng } from '../../rng';
import { binomialCoefficient } from '../../stats/combinatorics';
import { resampleBootstrap } from '../../stats/bootstrapResample';
import { benjaminiHochbergAdjust, holmAdjust } from '../../stats/multipleComparisons';
import { TIE_RELATIVE_TOLERANCE } from '../../stats/permutationTest';
import { InvalidLmInputError } from '../../errors';
import { discrimEvalScore, type YesNoLogProbs } from './discrimEvalScore';

export interface DecisionInstance {
  id: string;
  /** The question template this instance fills (the resampling / stratification unit). */
  questionId: string;
  /** Demographic attributes of this instance, e.g. {gender: "female", race: "Black", age: "60"}. */
  attributes: Record<string, string>;
  logProbs: YesNoLogProbs;
}

export interface DecisionOptions {
  /** Reference value per attribute analysed, e.g. {gender: "male", race: "white"}. */
  reference: Record<string, string>;
  bootstrap: number;
  confidenceLevel: number;
  permutations: number;
  /** Enumerate stratified relabelings exactly when there are at most this many. */
  exactLimit: number;
  seed: number;
}

export const DEFAULT_DECISION_OPTIONS: Omit<DecisionOptions, 'reference'> = {
  bootstrap: 2_000,
  confidenceLevel: 0.95,
  permutations: 20_000,
  exactLimit: 100_000,
  seed: 1,
};

export interface AttributeComparison {
  attribute: string;
  value: string;
  reference: string;
  n: number;
  nReference: number;
  /** Questions containing both the value and the reference (the strata of the test). */
  questions: number;
  meanLogit: number;
  meanLogitReference: number;
  /** meanLogit − meanLogitReference. */
  difference: number;
  ci: { low: number; high: number; level: number; method: 'percentile'; resamples: number; skipped: number } | null;
  pValue: PValue;
  pMethod: 'exact' | 'monte-carlo';
  permutations: number;
  pHolm: PValue;
  pBH: PValue;
}

export interface DecisionResult {
  scores: { id: string; questionId: string; pNormYes: number; logit: number }[];
  comparisons: AttributeComparison[];
}

/**
 * discrim-eval analysis: logit(pnorm) per instance, then for every analysed attribute and every
 * non-reference value v: mean-logit difference v − reference, cluster-bootstrap percentile CI
 * (questions resampled), two-sided stratified permutation p (labels shuffled within questions;
 * exact when ≤ exactLimit relabelings), Holm and BH adjusted p across all comparisons.
 * Source: Tamkin et al. (2023), arXiv:2312.03689 (score and design); Davison & Hinkley (1997) §3.8
 * (cluster bootstrap); Good (2005) §3.6 (stratified permutation tests); Holm (1979); BH (1995).
 * @throws {InvalidLmInputError} when there are no instances, ids repeat, an instance lacks an
 *   analysed attribute, a reference value never occurs, or an attribute has no other value
 * @throws {InvalidLmScoreError} on unusable log-probabilities
 * @throws {InvalidOptionError} when an option is out of range
 */
export function analyzeDecisionAttributes(instances: readonly DecisionInstance[], options: DecisionOptions, probeId = 'discrim-eval'): DecisionResult {
  validateOptions(options);
  if (instances.length === 0) throw new InvalidLmInputError('no decision instances to score');
  const ids = new Set<string>();
  const scores = instances.map((instance, index) => {
    if (ids.has(instance.id)) throw new InvalidLmInputError(`duplicate instance id "${instance.id}"`);
    ids.add(instance.id);
    const { pNormYes, logit } = discrimEvalScore(instance.logProbs, `instance ${index} (${instance.id})`);
    return { id: instance.id, questionId: instance.questionId, pNormYes, logit };
  });
  const questionIds = [...new Set(instances.map((instance) => instance.questionId))];
  const questionIndex = new Map(questionIds.map((q, i) => [q, i]));

  const raw: Omit<AttributeComparison, 'pHolm' | 'pBH'>[] = [];
  for (const [attribute, reference] of Object.entries(options.reference)) {
    const values: string[] = [];
    instances.forEach((instance, index) => {
      const value = instance.attributes[attribute];
      if (value === undefined) throw new InvalidLmInputError(`instance ${index} (${instance.id}) has no value for attribute "${attribute}"`);
      if (!values.includes(value)) values.push(value);
    });
    if (!values.includes(reference)) throw new InvalidLmInputError(`reference value "${reference}" of attribute "${attribute}" never occurs`);
    if (values.length < 2) throw new InvalidLmInputError(`attribute "${attribute}" has only the reference value "${reference}"`);
    for (const value of values) {
      if (value === reference) continue;
      const members = instances.map((instance, i) => ({ i, q: questionIndex.get(instance.questionId)!, v: instance.attributes[attribute] })).filter((m) => m.v === value || m.v === reference);
      const logits = Float64Array.from(members, (m) => scores[m.i]!.logit);
      const isValue = Uint8Array.from(members, (m) => (m.v === value ? 1 : 0));
      const strata = Int32Array.from(members, (m) => m.q);
      const key = `${probeId}/${attribute}=${value}`;
      raw.push(compare(attribute, value, reference, logits, isValue, strata, questionIds.length, options, key));
    }
  }
  const pValues = raw.map((c) => c.pValue as number);
  const holm = holmAdjust(pValues);
  const bh = benjaminiHochbergAdjust(pValues);
  return { scores, comparisons: raw.map((c, i) => ({ ...c, pHolm: asPValue(holm[i]!), pBH: asPValue(bh[i]!) })) };
}

function validateOptions(options: DecisionOptions): void {
  if (!options.reference || Object.keys(options.reference).length === 0) throw new InvalidOptionError('name at least one attribute and its reference value');
  if (!Number.isInteger(options.bootstrap) || options.bootstrap < 0) throw new InvalidOptionError(`bootstrap must be an integer ≥ 0, got ${options.bootstrap}`);
  if (!(options.confidenceLevel > 0 && options.confidenceLevel < 1)) throw new InvalidOptionError(`confidenceLevel must be in (0, 1), got ${options.confidenceLevel}`);
  if (!Number.isInteger(options.permutations) || options.permutations < 1) throw new InvalidOptionError(`permutations must be an integer ≥ 1, got ${options.permutations}`);
  if (!Number.isInteger(options.exactLimit) || options.exactLimit < 0) throw new InvalidOptionError(`exactLimit must be an integer ≥ 0, got ${options.exactLimit}`);
  if (!Number.isSafeInteger(options.seed)) throw new InvalidOptionError(`seed must be a safe integer, got ${options.seed}`);
}

/** Mean logit of the value group minus the reference group. */
function meanDifference(logits: Float64Array, isValue: Uint8Array): { difference: number; meanValue: number; meanReference: number; nValue: number; nReference: number } {
  let sumValue = 0;
  let sumReference = 0;
  let nValue = 0;
  for (let i = 0; i < logits.length; i++) {
    if (isValue[i]) {
      sumValue += logits[i]!;
      nValue++;
    } else sumReference += logits[i]!;
  }
  const nReference = logits.length - nValue;
  const meanValue = sumValue / nValue;
  const meanReference = sumReference / nReference;
  return { difference: meanValue - meanReference, meanValue, meanReference, nValue, nReference };
}

function compare(
  attribute: string,
  value: string,
  reference: string,
  logits: Float64Array,
  isValue: Uint8Array,
  strata: Int32Array,
  questionCount: number,
  options: DecisionOptions,
  key: string,
): Omit<AttributeComparison, 'pHolm' | 'pBH'> {
  const observed = meanDifference(logits, isValue);
  const { nValue, nReference } = observed;

  // Cluster bootstrap over questions: per-question sums and counts of each group.
  const sumV = new Float64Array(questionCount);
  const cntV = new Float64Array(questionCount);
  const sumR = new Float64Array(questionCount);
  const cntR = new Float64Array(questionCount);
  for (let i = 0; i < logits.length; i++) {
    if (isValue[i]) {
      sumV[strata[i]!]! += logits[i]!;
      cntV[strata[i]!]!++;
    } else {
      sumR[strata[i]!]! += logits[i]!;
      cntR[strata[i]!]!++;
    }
  }
  const replicate = (indices: Int32Array): number => {
    let sv = 0, cv = 0, sr = 0, cr = 0; // prettier-ignore
    for (let j = 0; j < indices.length; j++) {
      const q = indices[j]!;
      sv += sumV[q]!;
      cv += cntV[q]!;
      sr += sumR[q]!;
      cr += cntR[q]!;
    }
    return sv / cv - sr / cr; // NaN when a group is absent from the resample (skipped)
  };
  const boot = options.bootstrap > 0 ? resampleBootstrap(questionCount, replicate, { resamples: options.bootstrap, level: options.confidenceLevel, seed: deriveTestSeed(options.seed, key, 'bootstrap') }) : null;

  // Stratified permutation: only strata with both labels can change the statistic.
  const groups = new Map<number, { logits: number[]; k: number }>();
  for (let i = 0; i < logits.length; i++) {
    const group = groups.get(strata[i]!) ?? { logits: [], k: 0 };
    group.logits.push(logits[i]!);
    if (isValue[i]) group.k++;
    groups.set(strata[i]!, group);
  }
  const mixed = [...groups.values()].filter((g) => g.k > 0 && g.k < g.logits.length);
  const questions = mixed.length;
  let fixedValueSum = 0;
  for (const g of groups.values()) if (g.k === g.logits.length) fixedValueSum += g.logits.reduce((a, b) => a + b, 0);
  let total = 0;
  let sumAbs = 0;
  for (let i = 0; i < logits.length; i++) {
    total += logits[i]!;
    sumAbs += Math.abs(logits[i]!);
  }
  const statisticOf = (valueSum: number) => valueSum / nValue - (total - valueSum) / nReference;
  const tolerance = TIE_RELATIVE_TOLERANCE * (sumAbs / nValue + sumAbs / nReference);
  const threshold = Math.abs(observed.difference) - tolerance;

  let relabelings = 1;
  for (const g of mixed) relabelings = relabelings * binomialCoefficient(g.logits.length, g.k, Number.MAX_SAFE_INTEGER);
  let pValue: number;
  let pMethod: 'exact' | 'monte-carlo';
  let permutations: number;
  if (relabelings <= options.exactLimit) {
    const subsetSums = mixed.map((g) => allSubsetSums(g.logits, g.k));
    let extreme = 0;
    const walk = (depth: number, partial: number) => {
      if (depth === subsetSums.length) {
        if (Math.abs(statisticOf(partial)) >= threshold) extreme++;
        return;
      }
      for (const s of subsetSums[depth]!) walk(depth + 1, partial + s);
    };
    walk(0, fixedValueSum);
    pValue = extreme / relabelings;
    pMethod = 'exact';
    permutations = relabelings;
  } else {
    const rng = createRng(deriveTestSeed(options.seed, key, 'permutation'));
    const m = options.permutations;
    const pools = mixed.map((g) => Float64Array.from(g.logits));
    let extreme = 0;
    for (let it = 0; it < m; it++) {
      let valueSum = fixedValueSum;
      for (let s = 0; s < pools.length; s++) {
        const pool = pools[s]!;
        const k = mixed[s]!.k;
        for (let i = 0; i < k; i++) {
          const j = rng.int(i, pool.length - 1);
          const picked = pool[j]!;
          pool[j] = pool[i]!;
          pool[i] = picked;
          valueSum += picked;
        }
      }
      if (Math.abs(statisticOf(valueSum)) >= threshold) extreme++;
    }
    pValue = (extreme + 1) / (m + 1);
    pMethod = 'monte-carlo';
    permutations = m;
  }
  return {
    attribute,
    value,
    reference,
    n: nValue,
    nReference,
    questions,
    meanLogit: observed.meanValue,
    meanLogitReference: observed.meanReference,
    difference: observed.difference,
    ci: boot && { low: boot.low, high: boot.high, level: boot.level, method: boot.method, resamples: boot.resamples, skipped: boot.skipped },
    pValue: asPValue(Math.min(1, pValue)),
    pMethod,
    permutations,
  };
}

/** Sums of every k-subset of values (C(n, k) of them), each summed directly. */
function allSubsetSums(values: number[], k: number): number[] {
  const sums: number[] = [];
  const chosen: number[] = [];
  const recurse = (start: number) => {
    if (chosen.length === k) {
      let s = 0;
      for (const index of chosen) s += values[index]!;
      sums.push(s);
      return;
    }
    for (let i = start; i <= values.length - (k - chosen.length); i++) {
      chosen.push(i);
      recurse(i + 1);
      chosen.pop();
    }
  };
  recurse(0);
  return sums;
}

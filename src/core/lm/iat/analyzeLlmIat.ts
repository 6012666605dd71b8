// Entry point of the prompt-based LLM IAT: parse each iteration's answer, tally a–d, compute D per
// iteration, and test mean D against 0 across iterations with a two-sided one-sample t-test
// (scipy.stats.ttest_1samp in the paper's analysis notebook). Iterations from which no pair could
// be read are excluded from the test (their D would be −1 by construction, not a measurement) and
// counted; everything the parser could not use is kept per iteration for display.
import type { TestInterval } from '../../intervals';
import { oneSampleTTest, type OneSampleTTestResult } from '../../stats/oneSampleTTest';
import { oneSampleTInterval } from '../../stats/tInterval';
import { InvalidLmInputError } from '../../errors';
import { iatCounts, iatDScore, type IatCounts } from './iatDScore';
import { parseIatResponse, type IatParse } from './parseIatResponse';

export interface IatIteration {
  id: string;
  /** The model's raw answer. */
  response: string;
  /** The two terms shown, in the prompt's order (IatPrompt.group0/group1). */
  group0: string;
  group1: string;
}

export interface IatSpec {
  defaultTerms: readonly string[];
  stigmaTerms: readonly string[];
  positive: readonly string[];
  negative: readonly string[];
}

export interface IatIterationResult {
  id: string;
  parse: IatParse;
  counts: IatCounts;
  /** D of this iteration; null when no pair was parsed (excluded from the test). */
  d: number | null;
  unclassified: string[];
}

export interface LlmIatResult {
  iterations: IatIterationResult[];
  /** Iterations with at least one parsed pair. */
  used: number;
  excluded: number;
  meanD: number;
  /** Two-sided one-sample t-test of D against 0; null with fewer than 2 usable iterations. */
  test: OneSampleTTestResult | null;
  /** The t interval of mean D (inverts the t-test: excludes 0 exactly when p < 1 − level); null without a test p. */
  testCi: TestInterval | null;
  /** Σ over iterations of unparsed lines, conflicting and missing words. */
  totals: { unparsedLines: number; conflicting: number; missing: number };
}

/**
 * LLM IAT over iterations: D_i per iteration (iatDScore), mean D, t-test of D against 0.
 * Source: Bai et al. (2024), arXiv:2402.04105; baixuechunzi/llm-implicit-bias (MIT),
 * `analysis/analysis_implicit.ipynb` (ttest_1samp of iat_bias against 0).
 * @throws {InvalidLmInputError} when there are no iterations, ids repeat, or a shown term belongs to
 *   neither (or both) groups
 */
export function analyzeLlmIat(iterations: readonly IatIteration[], spec: IatSpec, level = 0.95): LlmIatResult {
  if (iterations.length === 0) throw new InvalidLmInputError('no LLM-IAT iterations');
  const key = (w: string) => w.normalize('NFKC').toLowerCase().trim();
  const defaults = new Set(spec.defaultTerms.map(key));
  const stigmas = new Set(spec.stigmaTerms.map(key));
  const attributes = [...spec.positive, ...spec.negative];
  const ids = new Set<string>();
  const results = iterations.map((it): IatIterationResult => {
    if (ids.has(it.id)) throw new InvalidLmInputError(`duplicate iteration id "${it.id}"`);
    ids.add(it.id);
    const side = (term: string): 'default' | 'stigma' => {
      const k = key(term);
      if (defaults.has(k) && !stigmas.has(k)) return 'default';
      if (stigmas.has(k) && !defaults.has(k)) return 'stigma';
      throw new InvalidLmInputError(`iteration "${it.id}": term "${term}" is not in exactly one of the default and stigma term lists`);
    };
    const sides = [side(it.group0), side(it.group1)];
    if (sides[0] === sides[1]) throw new InvalidLmInputError(`iteration "${it.id}": both shown terms belong to the ${sides[0]} group`);
    const parse = parseIatResponse(it.response, [it.group0, it.group1], attributes);
    const { counts, unclassified } = iatCounts(parse, { stigmaGroup: sides[0] === 'stigma' ? 0 : 1, positive: spec.positive, negative: spec.negative });
    const d = parse.pairs.length > 0 ? iatDScore(counts) : null;
    return { id: it.id, parse, counts, d, unclassified };
  });
  const ds = results.flatMap((r) => (r.d === null ? [] : [r.d]));
  const totals = results.reduce(
    (t, r) => ({ unparsedLines: t.unparsedLines + r.parse.unparsedLines.length, conflicting: t.conflicting + r.parse.conflicting.length, missing: t.missing + r.parse.missing.length }),
    { unparsedLines: 0, conflicting: 0, missing: 0 },
  );
  const test = ds.length >= 2 ? oneSampleTTest(ds, 0) : null;
  return {
    iterations: results,
    used: ds.length,
    excluded: results.length - ds.length,
    meanD: ds.length ? ds.reduce((a, b) => a + b, 0) / ds.length : Number.NaN,
    test,
    testCi: test && oneSampleTInterval(test, level, 0),
    totals,
  };
}

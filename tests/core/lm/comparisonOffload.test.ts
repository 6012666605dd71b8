// Sharing a decision analysis's comparisons with a second thread: the split by cost (an exact
// enumeration of the longest-first rule), and that the results come back in the jobs' order with
// the numbers the one-thread analysis gives — with a remote that answers, one that fails, and none.
import { afterEach, describe, expect, it } from 'vitest';
import {
  analyzeDecisionAttributes,
  compareDecisionAttribute,
  decisionComparisonJobs,
  DEFAULT_DECISION_OPTIONS,
  type DecisionComparisonJob,
  type DecisionInstance,
} from '../../../src/core/lm/decision/attributeDifferences';
import { runDecisionComparisons, setComparisonRemote, splitComparisonJobs } from '../../../src/core/lm/decision/comparisonOffload';
import { createRng } from '../../../src/core/rng';

/** Instances over 6 questions × gender {m, f, x} × age {20, 60}, logits from a seeded generator. */
function instances(): DecisionInstance[] {
  const rng = createRng(7);
  const out: DecisionInstance[] = [];
  for (let q = 0; q < 6; q++)
    for (const gender of ['m', 'f', 'x'])
      for (const age of ['20', '60']) {
        const py = 0.1 + 0.8 * rng.float();
        out.push({ id: `${q}-${gender}-${age}`, questionId: `q${q}`, attributes: { gender, age }, logProbs: { yes: Math.log(py / 2), Yes: Math.log(py / 2), no: Math.log((1 - py) / 2), No: Math.log((1 - py) / 2) } });
      }
  return out;
}
const OPTIONS = { ...DEFAULT_DECISION_OPTIONS, reference: { gender: 'm', age: '20' }, permutations: 2_000, bootstrap: 300, exactLimit: 0 };

afterEach(() => setComparisonRemote(null));

describe('splitComparisonJobs', () => {
  it('gives each job, longest first, to the lighter share (the remote on ties)', () => {
    // Cost = permutations × instances + bootstrap × questions; bootstrap 0 makes it permutations × instances.
    const job = (n: number): DecisionComparisonJob => ({
      attribute: 'a',
      value: String(n),
      reference: 'r',
      logits: new Float64Array(n),
      isValue: new Uint8Array(n),
      strata: new Int32Array(n),
      questionCount: 1,
      options: { ...OPTIONS, bootstrap: 0, permutations: 1 },
      key: String(n),
    });
    // Costs 3, 5, 1, 3, 2 → order 5 (#1), 3 (#0), 3 (#3), 2 (#4), 1 (#2):
    // #1 remote (5 | 0), #0 local (5 | 3), #3 local (5 | 6), #4 remote (7 | 6), #2 local (7 | 7).
    expect(splitComparisonJobs([job(3), job(5), job(1), job(3), job(2)])).toEqual({ remote: [1, 4], local: [0, 2, 3] });
  });
});

describe('runDecisionComparisons', () => {
  const { jobs } = decisionComparisonJobs(instances(), OPTIONS, 'offload-test');
  const oneThread = analyzeDecisionAttributes(instances(), OPTIONS, 'offload-test').comparisons.map(({ pHolm: _h, pBH: _b, ...c }) => c);

  it('returns the one-thread numbers in the jobs order when a remote takes a share', async () => {
    const seen: string[][] = [];
    setComparisonRemote({
      warm: () => undefined,
      run: async (share) => {
        seen.push(share.map((j) => j.key));
        await new Promise((r) => setTimeout(r, 5));
        return share.map(compareDecisionAttribute);
      },
    });
    const out = await runDecisionComparisons(jobs);
    expect(jobs.map((j) => j.key)).toEqual(['offload-test/gender=f', 'offload-test/gender=x', 'offload-test/age=60']);
    // gender=f and gender=x compare 24 instances, age=60 36: the larger goes to the remote.
    expect(seen).toEqual([['offload-test/age=60']]);
    expect(out).toEqual(oneThread);
  });

  it('computes a failed remote share here, with the same numbers', async () => {
    setComparisonRemote({ warm: () => undefined, run: () => Promise.reject(new Error('worker died')) });
    expect(await runDecisionComparisons(jobs)).toEqual(oneThread);
  });

  it('runs everything here without a remote', async () => {
    expect(await runDecisionComparisons(jobs)).toEqual(oneThread);
  });
});

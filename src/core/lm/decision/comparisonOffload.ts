// Where a decision analysis's comparisons run. Each (attribute, value) comparison is an independent
// job of seeded permutations and bootstrap (attributeDifferences.ts), and a run makes about ten of
// them after the model has finished, when a second core is idle. A platform with a second thread
// (the page's scoring worker: a nested worker) registers a remote; the jobs are then split into two
// shares of about equal cost (longest first, each to the lighter share), the remote takes one while
// this thread computes the other, and the results go back into the jobs' order. Core stays pure:
// without a remote, or for a single job, everything runs here. A job's result depends only on the
// job, so where it ran never moves a number; a remote that fails leaves its share to this thread
// (which then throws whatever the jobs themselves throw).
import { compareDecisionAttribute, type DecisionComparisonJob, type UnadjustedComparison } from './attributeDifferences';

export interface ComparisonRemote {
  /** Start the remote thread now (it loads while the model scores), so a later run finds it ready. */
  warm(): void;
  /** The comparisons of `jobs`, in their order. */
  run(jobs: DecisionComparisonJob[]): Promise<UnadjustedComparison[]>;
}

let remote: ComparisonRemote | null = null;

/** Registers the platform's second thread (null: every comparison runs on the calling thread). */
export function setComparisonRemote(next: ComparisonRemote | null): void {
  remote = next;
}

/** Starts the registered remote, if any, ahead of an analysis. */
export function warmComparisonRemote(): void {
  remote?.warm();
}

/** Relative cost of a job: its relabelings' draws and its bootstrap resamples. */
const costOf = (job: DecisionComparisonJob): number => job.options.permutations * job.logits.length + job.options.bootstrap * job.questionCount;

/**
 * Two shares of `jobs` of about equal cost (longest processing time first): indices for the remote
 * and for this thread. With ties in cost, earlier jobs go first, so the split is deterministic.
 */
export function splitComparisonJobs(jobs: readonly DecisionComparisonJob[]): { remote: number[]; local: number[] } {
  const order = jobs.map((_, i) => i).sort((a, b) => costOf(jobs[b]!) - costOf(jobs[a]!) || a - b);
  const shares = { remote: [] as number[], local: [] as number[] };
  let remoteCost = 0;
  let localCost = 0;
  for (const i of order) {
    // This thread also posts the remote's share and merges, so it takes a job only when lighter.
    if (remoteCost <= localCost) {
      shares.remote.push(i);
      remoteCost += costOf(jobs[i]!);
    } else {
      shares.local.push(i);
      localCost += costOf(jobs[i]!);
    }
  }
  shares.remote.sort((a, b) => a - b);
  shares.local.sort((a, b) => a - b);
  return shares;
}

/** compareDecisionAttribute over `jobs`, in their order, on two threads where a remote is registered. */
export async function runDecisionComparisons(jobs: readonly DecisionComparisonJob[]): Promise<UnadjustedComparison[]> {
  if (!remote || jobs.length < 2) return jobs.map(compareDecisionAttribute);
  const split = splitComparisonJobs(jobs);
  const out: UnadjustedComparison[] = new Array(jobs.length);
  const there = remote.run(split.remote.map((i) => jobs[i]!)).then(
    (results) => ({ results }),
    () => ({ results: null }),
  );
  for (const i of split.local) out[i] = compareDecisionAttribute(jobs[i]!);
  const { results } = await there;
  split.remote.forEach((i, j) => (out[i] = results?.[j] ?? compareDecisionAttribute(jobs[i]!)));
  return out;
}

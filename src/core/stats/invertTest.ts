// A confidence bound as the edge of the set of null values a test does not reject, found by bisection
// on the test itself. Why bisection rather than a formula: for randomisation tests the edge is an order
// statistic of many candidate values (subset means, relabeling thresholds) that need not be listed;
// the test's counts are monotone in the shifted null value, so halving a bracket reaches the edge to
// the last floating-point digit. Why 0 is tried first: the bracket then never straddles the null value,
// so the bound falls on the same side of it as the test's own verdict at that value — the interval
// leaves out the null exactly when the test rejects it, whatever rounding does elsewhere.

/**
 * The edge between rejected and accepted shifts on one side of an interval, or null when the test
 * accepts every shift on that side (the bound is unbounded).
 * @param accepts whether the test at level α does not reject shift δ (monotone: false below the
 *   lower edge and true above it when side = 'lower'; true below and false above when 'upper')
 * @param rejectedEnd a shift the test rejects unless the side is unbounded (below every candidate
 *   for 'lower', above for 'upper'); tried first: when accepted, the side is unbounded
 * @param acceptedEnd a shift the test accepts (the estimate, or an end of the data's range)
 * @param pivot the null value, tried before any other split so the bound falls on its side
 * Source: Lehmann & Romano (2005), Testing Statistical Hypotheses, §3.5 (duality of tests and
 * confidence sets).
 */
export function invertTestBound(accepts: (delta: number) => boolean, rejectedEnd: number, acceptedEnd: number, pivot: number): number | null {
  if (accepts(rejectedEnd)) return null;
  let rejected = rejectedEnd;
  let accepted = acceptedEnd;
  const between = (x: number) => (x - rejected) * (x - accepted) < 0;
  if (between(pivot)) {
    if (accepts(pivot)) accepted = pivot;
    else rejected = pivot;
  }
  for (let iteration = 0; iteration < 200; iteration++) {
    const mid = rejected + (accepted - rejected) / 2;
    if (!between(mid)) break;
    if (accepts(mid)) accepted = mid;
    else rejected = mid;
  }
  return accepted;
}

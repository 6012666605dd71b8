// The WEAT test statistic on per-word associations. Kept separate from the effect size because
// the permutation test re-evaluates it on re-partitions (via the sum identity documented there).

/**
 * S(X, Y, A, B) = Σ_{x∈X} s(x, A, B) − Σ_{y∈Y} s(y, A, B).
 *
 * Source: Caliskan, Bryson & Narayanan (2017), Science 356:183; sent-bias `sentbias/weat.py`
 * (`s_XYAB`). Takes the already computed s values (see association.ts). Never throws.
 */
export function weatStatistic(scoresX: ArrayLike<number>, scoresY: ArrayLike<number>): number {
  let sumX = 0;
  for (let i = 0; i < scoresX.length; i++) sumX += scoresX[i]!;
  let sumY = 0;
  for (let i = 0; i < scoresY.length; i++) sumY += scoresY[i]!;
  return sumX - sumY;
}

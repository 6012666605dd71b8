// Quantisation of the GloVe table: each row's DIRECTION in 13-bit integers, its LENGTH exact.
//
// Why this shape: WEAT/SEAT use cosines (directions only), WEFE's RND/RNSB the raw vectors. So a
// row is split into its unit vector u = v/‖v‖, rounded to integers q = round(u / step) with the
// row's own step max|u| / Q_MAX (the largest component lands on ±Q_MAX, so every row uses all 13
// bits), and one float32 scale per row chosen so that ‖q · scale‖ is the row's float32 norm.
// A step per row rather than one fixed grid step for every row: a fixed step of 1e-4 is coarser
// than max|u| / Q_MAX for every row whose largest |u| is below 0.41 (most rows); it packed smaller
// under gzip (≈ 0.3 MB less for 48,000 rows), but left a few of 2,000 random WEAT sets beyond
// 0.001 of float GloVe (worst 0.0015), where the per-row step keeps every one within 0.0006
// (scripts/glove/measure_encodings.py). How q is stored (byte planes) is bitPlanes.ts; the lookup
// graph that undoes it is onnxProto.ts.

/** Largest |q|: 13-bit signed integers, so that floor(q / 32) fits in an int8. */
export const Q_MAX = 4095;

export interface QuantisedTable {
  rows: number;
  dims: number;
  /** q, row-major, each in [−Q_MAX, Q_MAX]. */
  values: Int16Array;
  /** Per row: ‖v‖ / ‖q‖ as float32 (0 for an all-zero row), so values · scale is the row. */
  scales: Float32Array;
  /** Cosine between each original row and its dequantised row (float32 arithmetic, as the graph). */
  minCosine: number;
  meanCosine: number;
  /** Row index with the lowest cosine (−1 when there are no rows). */
  minCosineRow: number;
  /** Largest |‖dequantised‖ / ‖original‖ − 1| over the rows. */
  maxNormRelativeError: number;
}

/** Quantise rows of `data` (row-major, `dims` per row). All-zero rows get q = 0, scale 0 and cosine 1. */
export function quantiseRows(data: Float32Array | Float64Array, dims: number): QuantisedTable {
  if (dims <= 0 || data.length % dims !== 0) throw new Error(`data length ${data.length} is not a multiple of ${dims}`);
  const rows = data.length / dims;
  const values = new Int16Array(rows * dims);
  const scales = new Float32Array(rows);
  let minCosine = Infinity;
  let minCosineRow = -1;
  let sumCosine = 0;
  let maxNormRelativeError = 0;
  for (let r = 0; r < rows; r++) {
    const off = r * dims;
    let norm2 = 0;
    let maxAbs = 0;
    for (let j = 0; j < dims; j++) {
      const v = data[off + j]!;
      if (!Number.isFinite(v)) throw new Error(`row ${r} has a non-finite value`);
      norm2 += v * v;
      maxAbs = Math.max(maxAbs, Math.abs(v));
    }
    const norm = Math.sqrt(norm2);
    if (norm === 0) {
      sumCosine += 1;
      if (minCosine > 1) [minCosine, minCosineRow] = [1, r];
      continue;
    }
    const rowStep = maxAbs / norm / Q_MAX;
    let q2 = 0;
    for (let j = 0; j < dims; j++) {
      const q = Math.max(-Q_MAX, Math.min(Q_MAX, Math.round(data[off + j]! / norm / rowStep)));
      values[off + j] = q;
      q2 += q * q;
    }
    const scale = Math.fround(Math.fround(norm) / Math.sqrt(q2));
    scales[r] = scale;
    let dot = 0;
    let nd = 0;
    for (let j = 0; j < dims; j++) {
      const deq = Math.fround(values[off + j]! * scale);
      dot += data[off + j]! * deq;
      nd += deq * deq;
    }
    const cos = dot / Math.sqrt(norm2 * nd);
    sumCosine += cos;
    if (cos < minCosine) [minCosine, minCosineRow] = [cos, r];
    maxNormRelativeError = Math.max(maxNormRelativeError, Math.abs(Math.sqrt(nd) / norm - 1));
  }
  return {
    rows,
    dims,
    values,
    scales,
    minCosine: rows === 0 ? 1 : minCosine,
    meanCosine: rows === 0 ? 1 : sumCosine / rows,
    minCosineRow,
    maxNormRelativeError,
  };
}

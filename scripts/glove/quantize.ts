// Quantisation of the GloVe table: each row's DIRECTION on a fine 13-bit grid, its LENGTH exact.
//
// Why this shape: WEAT/SEAT use cosines (directions only), WEFE's RND/RNSB the raw vectors. So a
// row is split into its unit vector u = v/‖v‖, rounded to integers q = round(u / step) with one
// fixed step for every row (UNIT_STEP; a row whose largest |u| would not fit in 13 bits gets the
// coarser step max|u| / 4095 instead), and one float32 scale per row chosen so that ‖q · scale‖ is
// the row's float32 norm. A fixed step (rather than max|u|/4095 per row) spends the bits where
// the values are: most values sit near 0, and gzip's Huffman stage codes the high part of q in
// ≈ 7 bits instead of 8 (scripts/glove/measure_encodings.py, 2,000 random WEAT sets: mean |Δd|
// 0.00012 and 99th percentile 0.0005 at 7.95 MB gzipped, where 12-bit per-row scaling gives 0.00017
// and 0.0007 at 7.6 MB). How q is stored (byte planes) is bitPlanes.ts; the lookup graph that
// undoes it is onnxProto.ts.

/** Grid step of the unit vectors (≈ 0.1 % of a typical component of a 100-d unit vector). */
export const UNIT_STEP = 1e-4;
/** Largest |q|: 13-bit signed integers, so that floor(q / 32) fits in an int8. */
export const Q_MAX = 4095;

export interface QuantisedTable {
  rows: number;
  dims: number;
  /** q, row-major, each in [−Q_MAX, Q_MAX]. */
  values: Int16Array;
  /** Per row: ‖v‖ / ‖q‖ as float32 (0 for an all-zero row), so values · scale is the row. */
  scales: Float32Array;
  /** Rows whose largest |u| needed a step coarser than UNIT_STEP. */
  coarserRows: number;
  /** Cosine between each original row and its dequantised row (float32 arithmetic, as the graph). */
  minCosine: number;
  meanCosine: number;
  /** Row index with the lowest cosine (−1 when there are no rows). */
  minCosineRow: number;
  /** Largest |‖dequantised‖ / ‖original‖ − 1| over the rows. */
  maxNormRelativeError: number;
}

/** Quantise rows of `data` (row-major, `dims` per row). All-zero rows get q = 0, scale 0 and cosine 1. */
export function quantiseRows(data: Float32Array | Float64Array, dims: number, step = UNIT_STEP): QuantisedTable {
  if (dims <= 0 || data.length % dims !== 0) throw new Error(`data length ${data.length} is not a multiple of ${dims}`);
  const rows = data.length / dims;
  const values = new Int16Array(rows * dims);
  const scales = new Float32Array(rows);
  let coarserRows = 0;
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
    let rowStep = step;
    if (maxAbs / norm / step > Q_MAX) {
      rowStep = maxAbs / norm / Q_MAX;
      coarserRows++;
    }
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
    coarserRows,
    minCosine: rows === 0 ? 1 : minCosine,
    meanCosine: rows === 0 ? 1 : sumCosine / rows,
    minCosineRow,
    maxNormRelativeError,
  };
}

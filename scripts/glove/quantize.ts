// Per-row symmetric int8 quantisation: q = round(v / s), s = max|v| / 127, v ≈ q · s.
// Symmetric (no zero point) keeps dequantisation a single Mul in the ONNX graph; one scale per row
// adapts to each word's norm, which is what keeps cosine to the original ≥ 0.9999 on GloVe.

export interface QuantisedTable {
  rows: number;
  dims: number;
  table: Int8Array;
  scales: Float32Array;
  /** Cosine between each original row and its dequantised row. */
  minCosine: number;
  meanCosine: number;
  /** Row index with the lowest cosine (−1 when there are no rows). */
  minCosineRow: number;
}

/** Quantise rows of `data` (row-major, `dims` per row). All-zero rows get scale 0 and cosine 1. */
export function quantiseRows(data: Float32Array | Float64Array, dims: number): QuantisedTable {
  if (dims <= 0 || data.length % dims !== 0) throw new Error(`data length ${data.length} is not a multiple of ${dims}`);
  const rows = data.length / dims;
  const table = new Int8Array(rows * dims);
  const scales = new Float32Array(rows);
  let minCosine = Infinity;
  let minCosineRow = -1;
  let sumCosine = 0;
  for (let r = 0; r < rows; r++) {
    const off = r * dims;
    let maxAbs = 0;
    for (let j = 0; j < dims; j++) {
      const v = data[off + j]!;
      if (!Number.isFinite(v)) throw new Error(`row ${r} has a non-finite value`);
      maxAbs = Math.max(maxAbs, Math.abs(v));
    }
    const scale = Math.fround(maxAbs / 127);
    scales[r] = scale;
    let dot = 0;
    let nv = 0;
    let nq = 0;
    for (let j = 0; j < dims; j++) {
      const v = data[off + j]!;
      const q = scale === 0 ? 0 : Math.max(-127, Math.min(127, Math.round(v / scale)));
      table[off + j] = q;
      const deq = Math.fround(q * scale);
      dot += v * deq;
      nv += v * v;
      nq += deq * deq;
    }
    const cos = nv === 0 && nq === 0 ? 1 : dot / Math.sqrt(nv * nq);
    sumCosine += cos;
    if (cos < minCosine) {
      minCosine = cos;
      minCosineRow = r;
    }
  }
  return {
    rows,
    dims,
    table,
    scales,
    minCosine: rows === 0 ? 1 : minCosine,
    meanCosine: rows === 0 ? 1 : sumCosine / rows,
    minCosineRow,
  };
}

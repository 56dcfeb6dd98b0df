/**
 * The hidden layer's running sum: adds cached token vectors (token-cache.ts) to a float64 sum in token
 * order. Split from the scan so the scan loop stays small and this one stays branch-light.
 */
/**
 * sum += the vectors of entries ids[0..n) (entries whose row count `rows[e]` is ≤ 0 add nothing), in order; returns the
 * number of input rows added.
 */
export function addEntries(
  sum: Float64Array,
  vec: Float64Array,
  rows: Int32Array,
  ids: Int32Array,
  n: number,
  dim: number,
): number {
  if (dim === 16) return addEntries16(sum, vec, rows, ids, n);
  let total = 0;
  for (let t = 0; t < n; t++) {
    const e = ids[t]!;
    const r = rows[e]!;
    if (r <= 0) continue;
    total += r;
    const off = e * dim;
    for (let d = 0; d < dim; d++) sum[d] = sum[d]! + vec[off + d]!;
  }
  return total;
}

/**
 * dim 16 (lid.176) unrolled into locals, so the sum stays in registers instead of a load and a store per
 * element and token (the layout the previous predictor measured best; its vector loads dominate here).
 */
function addEntries16(
  sum: Float64Array,
  vec: Float64Array,
  rows: Int32Array,
  ids: Int32Array,
  n: number,
): number {
  let s0 = sum[0]!,
    s1 = sum[1]!,
    s2 = sum[2]!,
    s3 = sum[3]!,
    s4 = sum[4]!,
    s5 = sum[5]!,
    s6 = sum[6]!,
    s7 = sum[7]!;
  let s8 = sum[8]!,
    s9 = sum[9]!,
    s10 = sum[10]!,
    s11 = sum[11]!,
    s12 = sum[12]!,
    s13 = sum[13]!,
    s14 = sum[14]!,
    s15 = sum[15]!;
  let total = 0;
  for (let t = 0; t < n; t++) {
    const e = ids[t]!;
    const r = rows[e]!;
    if (r <= 0) continue;
    total += r;
    const o = e << 4;
    s0 += vec[o]!;
    s1 += vec[o + 1]!;
    s2 += vec[o + 2]!;
    s3 += vec[o + 3]!;
    s4 += vec[o + 4]!;
    s5 += vec[o + 5]!;
    s6 += vec[o + 6]!;
    s7 += vec[o + 7]!;
    s8 += vec[o + 8]!;
    s9 += vec[o + 9]!;
    s10 += vec[o + 10]!;
    s11 += vec[o + 11]!;
    s12 += vec[o + 12]!;
    s13 += vec[o + 13]!;
    s14 += vec[o + 14]!;
    s15 += vec[o + 15]!;
  }
  sum[0] = s0;
  sum[1] = s1;
  sum[2] = s2;
  sum[3] = s3;
  sum[4] = s4;
  sum[5] = s5;
  sum[6] = s6;
  sum[7] = s7;
  sum[8] = s8;
  sum[9] = s9;
  sum[10] = s10;
  sum[11] = s11;
  sum[12] = s12;
  sum[13] = s13;
  sum[14] = s14;
  sum[15] = s15;
  return total;
}

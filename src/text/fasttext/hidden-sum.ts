/**
 * The hidden layer's running sum: adds cached token vectors (float32, token-cache.ts) to a float64 sum in token
 * order. Split from the scan so the scan loop stays small and this one stays branch-light.
 */
import { ROWS } from './token-cache.js';

/**
 * sum += the vectors of entries ids[0..n) of `vecs`/`ints` (entry e at e*stride; entries whose row count is ≤ 0
 * add nothing), in order; returns the number of input rows added.
 */
export function addEntries(
  sum: Float64Array,
  vecs: Float32Array,
  ints: Int32Array,
  stride: number,
  ids: Int32Array,
  n: number,
  dim: number,
): number {
  if (dim === 16) return addEntries16(sum, vecs, ints, stride, ids, n);
  let total = 0;
  for (let t = 0; t < n; t++) {
    const off = ids[t]! * stride;
    const r = ints[off + dim + ROWS]!;
    if (r <= 0) continue;
    total += r;
    for (let d = 0; d < dim; d++) sum[d] = sum[d]! + vecs[off + d]!;
  }
  return total;
}

/**
 * dim 16 (lid.176) unrolled into locals, so the sum stays in registers instead of a load and a store per
 * element and token.
 */
function addEntries16(
  sum: Float64Array,
  vecs: Float32Array,
  ints: Int32Array,
  stride: number,
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
    const o = ids[t]! * stride;
    const r = ints[o + 16 + ROWS]!;
    if (r <= 0) continue;
    total += r;
    s0 += vecs[o]!;
    s1 += vecs[o + 1]!;
    s2 += vecs[o + 2]!;
    s3 += vecs[o + 3]!;
    s4 += vecs[o + 4]!;
    s5 += vecs[o + 5]!;
    s6 += vecs[o + 6]!;
    s7 += vecs[o + 7]!;
    s8 += vecs[o + 8]!;
    s9 += vecs[o + 9]!;
    s10 += vecs[o + 10]!;
    s11 += vecs[o + 11]!;
    s12 += vecs[o + 12]!;
    s13 += vecs[o + 13]!;
    s14 += vecs[o + 14]!;
    s15 += vecs[o + 15]!;
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

/**
 * Matrix helpers of the fastText predictor (predict.ts): dequantizing product-quantized rows as fastText's
 * `addRow` does, the output matrix in dot-product layout, fastText's `std_log`, and its top-k heap.
 */
import type { MatrixData, ProductQuantizer } from './model-file.js';

const f32 = Math.fround;
const KSUB = 256;

/** Row i of a (possibly quantized) matrix as fastText's addRow adds it: alpha × centroid, in float32. */
export function dequantize(m: MatrixData): Float32Array {
  if (m.kind === 'dense') return m.data;
  const out = new Float32Array(m.m * m.n);
  for (let i = 0; i < m.m; i++) {
    const alpha = m.qnorm ? normOf(m.npq!, m.normCodes![i]!) : 1;
    addCode(m.pq, m.codes, i, alpha, out, i * m.n);
  }
  return out;
}

export function normOf(npq: ProductQuantizer, code: number): number {
  return npq.centroids[code * npq.lastdsub]!; // get_centroids(0, code)[0] of a 1-dim quantizer
}

/** `ProductQuantizer::addcode` into out[off..off+dim) (out starts at 0 here, so this is a store). */
export function addCode(
  pq: ProductQuantizer,
  codes: Uint8Array,
  row: number,
  alpha: number,
  out: Float32Array,
  off: number,
) {
  const { nsubq, dsub, lastdsub, centroids } = pq;
  for (let m = 0; m < nsubq; m++) {
    const code = codes[row * nsubq + m]!;
    const last = m === nsubq - 1;
    const c = last ? m * KSUB * dsub + code * lastdsub : (m * KSUB + code) * dsub;
    const d = last ? lastdsub : dsub;
    for (let n = 0; n < d; n++)
      out[off + m * dsub + n] = out[off + m * dsub + n]! + f32(alpha * centroids[c + n]!);
  }
}

/** Output matrix in the layout dotRow needs: un-normed centroid rows + per-row norm (1 for dense). */
export interface OutputRows {
  rows: Float32Array;
  norms: Float32Array;
  quant: boolean;
  m: number;
}

export function outputRows(m: MatrixData): OutputRows {
  if (m.kind === 'dense') return { rows: m.data, norms: new Float32Array(m.m).fill(1), quant: false, m: m.m };
  const rows = new Float32Array(m.m * m.n);
  const norms = new Float32Array(m.m);
  for (let i = 0; i < m.m; i++) {
    addCode(m.pq, m.codes, i, 1, rows, i * m.n);
    norms[i] = m.qnorm ? normOf(m.npq!, m.normCodes![i]!) : 1;
  }
  return { rows, norms, quant: true, m: m.m };
}

/** `std_log`: log(x + 1e-5) of a float argument, returned as float. */
export function stdLog(x: number): number {
  return f32(Math.log(f32(x) + 1e-5));
}

/** Min-heap of (score, id) as fastText's `Predictions` heap with `comparePairs` (front = lowest score). */
export class TopK {
  scores = new Float64Array(16);
  ids = new Int32Array(16);
  size = 0;
  k = 1;

  reset(k: number): void {
    this.size = 0;
    this.k = k;
    if (this.scores.length < k + 1) {
      this.scores = new Float64Array(k + 1);
      this.ids = new Int32Array(k + 1);
    }
  }

  get front(): number {
    return this.scores[0]!;
  }

  push(score: number, id: number): void {
    const s = this.scores;
    const ids = this.ids;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (s[p]! <= score) break;
      s[i] = s[p]!;
      ids[i] = ids[p]!;
      i = p;
    }
    s[i] = score;
    ids[i] = id;
    if (this.size > this.k) this.popMin();
  }

  private popMin(): void {
    const s = this.scores;
    const ids = this.ids;
    const n = --this.size;
    const score = s[n]!;
    const id = ids[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && s[c + 1]! < s[c]!) c++;
      if (s[c]! >= score) break;
      s[i] = s[c]!;
      ids[i] = ids[c]!;
      i = c;
    }
    s[i] = score;
    ids[i] = id;
  }

  /** Entries best first (`std::sort_heap` with comparePairs); ties by lower id first. */
  sorted(): number[] {
    const order: number[] = [];
    for (let i = 0; i < this.size; i++) order.push(i);
    const s = this.scores;
    const ids = this.ids;
    order.sort((a, b) => s[b]! - s[a]! || ids[a]! - ids[b]!);
    return order;
  }
}

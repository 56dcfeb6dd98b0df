/**
 * Initial (uninterpolated) probabilities, lmplz's step 3 (lm/builder/initial_probabilities.cc). For each
 * context, the denominator is the sum of its extensions' adjusted counts and gamma (the interpolation
 * weight, later the context's back-off) is Σ_k D_k·N_k(context)/denominator, N_k counting extensions with
 * adjusted count k (3 = 3+). Each n-gram's uninterpolated probability is (a − D(a))/denominator. All in
 * float32, step by step, as lmplz computes them.
 */
import { type Discount, discounted } from './discount.js';
import { copyWords, type RecordCursor } from './order.js';
import type { RecordSorter } from './sorter.js';
import { BOS, UNK } from './vocab.js';

const f = Math.fround;
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The bits of float32 `x`, to carry a float in a u32 record word. */
export function floatBits(x: number): number {
  f32[0] = x;
  return u32[0]!;
}

/** The float32 whose bits are `bits`. */
export function bitsFloat(bits: number): number {
  u32[0] = bits;
  return f32[0]!;
}

function gammaOf(d: Discount, n: readonly number[], denominator: number): number {
  let g = 0;
  for (let k = 1; k <= 3; k++) g = f(g + f(d[k]! * f(n[k]!)));
  return f(g / denominator);
}

/** Unigrams (one context, the empty one): uninterpolated probabilities by id, and gamma. */
export function unigramInitial(adjusted: Float64Array, d: Discount): { prob: Float32Array; gamma: number } {
  let sum = 0;
  const n = [0, 0, 0, 0];
  for (const a of adjusted) {
    sum += a;
    if (a > 0) n[Math.min(a, 3)]!++;
  }
  const denominator = f(sum);
  const gamma = gammaOf(d, n, denominator);
  const prob = new Float32Array(adjusted.length);
  for (let id = 0; id < adjusted.length; id++) prob[id] = f(discounted(d, adjusted[id]!) / denominator);
  // <unk> is a zeroton that only gets interpolation mass; <s> gets probability 1 so that scoring it
  // explicitly costs nothing (initial_probabilities.cc, MergeRight: "Special case for <s>: probability 1.0").
  prob[UNK] = 0;
  prob[BOS] = 1;
  return { prob, gamma };
}

/**
 * Order-k entries (`ids…, adjusted`, context order) → `bySuffix` records `ids…, prob bits, gamma bits` and,
 * per context, `contexts` records `context ids…, gamma bits` (in the context's suffix order).
 */
export function higherInitial(
  k: number,
  input: RecordCursor,
  d: Discount,
  bySuffix: RecordSorter,
  contexts: RecordSorter,
): void {
  let group = new Uint32Array(64 * (k + 1));
  let size = 0;
  const out = new Uint32Array(k + 2);
  const ctx = new Uint32Array(k);
  const flush = () => {
    let sum = 0;
    const n = [0, 0, 0, 0];
    for (let i = 0; i < size; i++) {
      const a = group[i * (k + 1) + k]!;
      sum += a;
      n[Math.min(a, 3)]!++;
    }
    const denominator = f(sum);
    const gamma = gammaOf(d, n, denominator);
    for (let i = 0; i < size; i++) {
      const at = i * (k + 1);
      copyWords(out, 0, group, at, k);
      out[k] = floatBits(f(discounted(d, group[at + k]!) / denominator));
      out[k + 1] = floatBits(gamma);
      bySuffix.push(out);
    }
    copyWords(ctx, 0, group, 0, k - 1);
    ctx[k - 1] = floatBits(gamma);
    contexts.push(ctx);
    size = 0;
  };
  while (input.next()) {
    const rec = input.rec;
    if (size > 0 && !sameContext(group, rec, k)) flush();
    if ((size + 1) * (k + 1) > group.length) {
      const bigger = new Uint32Array(group.length * 2);
      bigger.set(group);
      group = bigger;
    }
    copyWords(group, size * (k + 1), rec, 0, k + 1);
    size++;
  }
  if (size > 0) flush();
}

function sameContext(group: Uint32Array, rec: Uint32Array, k: number): boolean {
  for (let i = 0; i < k - 1; i++) if (group[i] !== rec[i]) return false;
  return true;
}

/**
 * Modified Kneser–Ney discounts per order, as lmplz computes them in float32 (lm/builder/adjust_counts.cc,
 * `StatCollector::CalculateDiscounts`, equation 26 of Chen & Goodman 1998): from t1..t4, the numbers of
 * n-grams with adjusted count 1..4, Y = t1/(t1+2·t2) and D_k = k − (k+1)·Y·t_{k+1}/t_k for k = 1, 2, 3+.
 */
const f = Math.fround;

/** D[0] = 0 (unused), D[1], D[2], D[3] (for counts ≥ 3). */
export type Discount = [number, number, number, number];

/** lmplz's `--discount_fallback` default (lmplz_main.cc: "0.5 1 1.5"). */
export const FALLBACK_DISCOUNT: Discount = [0, 0.5, 1, 1.5];

/** Why an order's discounts could not be estimated, in lmplz's words; null when they are valid. */
export function discountProblem(t: readonly number[], order: number): string | null {
  for (let j = 1; j < 4; j++)
    if ((t[j] ?? 0) === 0)
      return `could not calculate Kneser-Ney discounts for ${order}-grams with adjusted count ${j + 1} because no ${order}-grams with adjusted count ${j} were observed (small or artificial data?)`;
  const d = computeDiscount(t);
  for (let j = 1; j < 4; j++)
    if (d[j]! < 0 || d[j]! > j) return `${order}-gram discount out of range for adjusted count ${j}: ${d[j]}`;
  return null;
}

/** The discounts from t[1..4] (t[0] ignored), float32 step by step as lmplz does. */
export function computeDiscount(t: readonly number[]): Discount {
  const t1 = t[1] ?? 0;
  const t2 = t[2] ?? 0;
  const y = f(f(t1) / f(t1 + 2 * t2));
  const d: Discount = [0, 0, 0, 0];
  for (let j = 1; j < 4; j++) {
    const ratio = f(f(f(f(j + 1) * y) * f(t[j + 1] ?? 0)) / f(t[j] ?? 0));
    d[j] = f(j - ratio);
  }
  return d;
}

/** `Discount::Apply` (discount.hh): the count minus its discount, in float32. */
export function discounted(d: Discount, count: number): number {
  return f(f(count) - d[Math.min(count, 3)]!);
}

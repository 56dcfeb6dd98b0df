/**
 * cc_net's perplexity buckets (facebookresearch/cc_net cc_net/perplexity.py `PerplexityBucket`): with cut-offs
 * (head, tail), perplexity < head is `head`, < tail is `middle`, else `tail`; a document without a perplexity
 * (or a group without cut-offs) is `all`. Percentile cut-offs come from exact histograms of the rounded
 * perplexities, interpolated linearly between ranks as numpy.percentile's default method does.
 */

export type Bucket = 'head' | 'middle' | 'tail' | 'all';

export interface Cutoffs {
  head: number;
  tail: number;
}

/** cc_net PerplexityBucket.get_bucket. */
export function bucketOf(perplexity: number, cutoffs: Cutoffs | undefined): Bucket {
  if (cutoffs === undefined || !(perplexity >= 0)) return 'all';
  if (perplexity < cutoffs.head) return 'head';
  if (perplexity < cutoffs.tail) return 'middle';
  return 'tail';
}

/** Perplexity value → number of documents; values are cc_net's 0.1-rounded perplexities, so few distinct. */
export type Histogram = Map<number, number>;

/** Adds `other` into `into`. */
export function mergeHistogram(into: Histogram, other: Iterable<[number, number]>): void {
  for (const [v, c] of other) into.set(v, (into.get(v) ?? 0) + c);
}

/**
 * numpy.percentile(values, q) with the default 'linear' method over the multiset the histogram describes:
 * rank h = q/100·(n−1), result v[floor h] + (h − floor h)·(v[floor h + 1] − v[floor h]). NaN when empty.
 */
export function percentiles(h: Histogram, qs: readonly number[]): number[] {
  const values = [...h.keys()].sort((a, b) => a - b);
  let n = 0;
  for (const v of values) n += h.get(v) as number;
  if (n === 0) return qs.map(() => Number.NaN);
  return qs.map((q) => {
    const rank = (q / 100) * (n - 1);
    const lo = Math.floor(rank);
    const a = valueAtRank(values, h, lo);
    const frac = rank - lo;
    return frac === 0 ? a : a + frac * (valueAtRank(values, h, lo + 1) - a);
  });
}

/** The value at 0-based `rank` of the sorted multiset. */
function valueAtRank(values: readonly number[], h: Histogram, rank: number): number {
  let seen = 0;
  for (const v of values) {
    seen += h.get(v) as number;
    if (rank < seen) return v;
  }
  return values[values.length - 1] as number;
}

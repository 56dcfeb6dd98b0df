/** Binary classification metrics of `classifier eval`: threshold counts and the exact ROC AUC. */

/**
 * ROC AUC: the probability that a random positive scores above a random negative, ties counting one half.
 * Computed exactly from average ranks (Mann–Whitney U); NaN when either class is absent.
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let rankSumPos = 0;
  let pos = 0;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && scores[order[j]!] === scores[order[i]!]) j++;
    const avgRank = (i + 1 + j) / 2; // ranks i+1..j share their mean
    for (let k = i; k < j; k++) {
      if (labels[order[k]!] === 1) {
        rankSumPos += avgRank;
        pos++;
      }
    }
    i = j;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return Number.NaN;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** What `classifier eval` reports (snake_case: it is printed as JSON). */
export interface EvalReport {
  docs: number;
  positives: number;
  negatives: number;
  threshold: number;
  true_positives: number;
  false_positives: number;
  true_negatives: number;
  false_negatives: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  roc_auc: number;
}

/** Counts and rates at `threshold` (score ≥ threshold predicts positive) plus the ROC AUC. */
export function evaluate(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  threshold: number,
): EvalReport {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < scores.length; i++) {
    const predicted = scores[i]! >= threshold;
    if (labels[i] === 1) predicted ? tp++ : fn++;
    else predicted ? fp++ : tn++;
  }
  const n = scores.length;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return {
    docs: n,
    positives: tp + fn,
    negatives: tn + fp,
    threshold,
    true_positives: tp,
    false_positives: fp,
    true_negatives: tn,
    false_negatives: fn,
    accuracy: n === 0 ? 0 : (tp + tn) / n,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    roc_auc: rocAuc(scores, labels),
  };
}

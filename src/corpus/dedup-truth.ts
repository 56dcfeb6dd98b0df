/**
 * Ground truth and scoring for the near-duplicate benchmark: exact word 5-gram Jaccard over the shingles
 * dedup-minhash itself hashes (so truth and method agree on what a shingle is), and pairwise
 * precision / recall / F1 of predicted clusters.
 */
import { shingleHashes } from '../dedup/minhash-scan.js';

/** |A ∩ B| / |A ∪ B| of two sorted distinct hash arrays (1 for two empty sets). */
export function sortedJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      inter++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return inter / (a.length + b.length - inter);
}

/** Key of an unordered pair of document indices. */
export const pairKey = (i: number, j: number): string => (i < j ? `${i},${j}` : `${j},${i}`);

/**
 * Every pair of `texts` with exact Jaccard ≥ `threshold`, found through an inverted index of shingle
 * hashes (pairs sharing no shingle have Jaccard 0). Quadratic only in the size of shared posting lists.
 */
export function truePairs(texts: string[], threshold: number, ngram = 5): Map<string, number> {
  const sets = texts.map((t) => shingleHashes(t, ngram));
  const postings = new Map<number, number[]>();
  const out = new Map<string, number>();
  sets.forEach((set, i) => {
    const shared = new Map<number, number>();
    for (const h of set) {
      const list = postings.get(h);
      if (list === undefined) postings.set(h, [i]);
      else {
        for (const j of list) shared.set(j, (shared.get(j) ?? 0) + 1);
        list.push(i);
      }
    }
    for (const [j, inter] of shared) {
      const jac = inter / (set.length + sets[j]!.length - inter);
      if (jac >= threshold) out.set(pairKey(i, j), jac);
    }
    if (set.length === 0) for (let j = 0; j < i; j++) if (sets[j]!.length === 0) out.set(pairKey(i, j), 1);
  });
  return out;
}

export interface PairScore {
  precision: number;
  recall: number;
  f1: number;
  true_positives: number;
  false_positives: number;
  false_negatives: number;
}

/** Pairwise scores of a clustering (`cluster[i]` = cluster label of document i) against true pairs. */
export function scoreClusters(cluster: ArrayLike<number>, truth: Map<string, number>): PairScore {
  const members = new Map<number, number[]>();
  for (let i = 0; i < cluster.length; i++) {
    const list = members.get(cluster[i]!);
    if (list) list.push(i);
    else members.set(cluster[i]!, [i]);
  }
  let tp = 0;
  let fp = 0;
  for (const list of members.values())
    for (let a = 0; a < list.length; a++)
      for (let b = a + 1; b < list.length; b++) {
        if (truth.has(pairKey(list[a]!, list[b]!))) tp++;
        else fp++;
      }
  const fn = truth.size - tp;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = truth.size === 0 ? 1 : tp / truth.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, true_positives: tp, false_positives: fp, false_negatives: fn };
}

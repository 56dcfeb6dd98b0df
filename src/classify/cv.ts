/**
 * k-fold cross-validation inside a training set, for choosing features and SGD settings without looking at
 * the hold-out split (`classifier train --cv K`). Folds are a seeded hash of the example index.
 */
import { unitHash } from '../text/hash.js';
import { FeatureBuffer } from './features.js';
import { rocAuc } from './metrics.js';
import { score } from './model.js';
import { type Example, type SgdOptions, trainModel } from './train.js';

export interface CvResult {
  /** ROC AUC of each fold's held-out part, in fold order. */
  fold_auc: number[];
  mean_auc: number;
}

/** The fold of example `i` in 0..k-1. */
export function foldOf(i: number, k: number, seed: number): number {
  return Math.floor(unitHash(seed, `cv/${i}`) * k);
}

/** Trains k models, each on k-1 folds, and scores the remaining fold. */
export function crossValidate(examples: readonly Example[], o: SgdOptions, k: number): CvResult {
  const fold = examples.map((_, i) => foldOf(i, k, o.seed));
  const buf = new FeatureBuffer();
  const fold_auc: number[] = [];
  for (let f = 0; f < k; f++) {
    const train = examples.filter((_, i) => fold[i] !== f);
    const test = examples.filter((_, i) => fold[i] === f);
    const model = trainModel(train, o, { text_field: '', label_field: null, positive: null, holdout: 0 });
    const scores = test.map((e) => score(model, e.text, buf));
    fold_auc.push(
      rocAuc(
        scores,
        test.map((e) => e.y),
      ),
    );
  }
  const valid = fold_auc.filter((a) => !Number.isNaN(a));
  return { fold_auc, mean_auc: valid.reduce((s, a) => s + a, 0) / valid.length };
}

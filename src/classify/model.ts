/**
 * The quality classifier at inference: one weight per hash bucket and a bias, so a document's score is
 * sigmoid(bias + scale(n) · Σ weights[feature]) over its n features. A low-rank (fastText) model is stored in
 * this same form: its embeddings are multiplied by the output layer once, after training.
 */
import { extractFeatures, type FeatureBuffer, type FeatureConfig } from './features.js';

/**
 * How the feature sum is scaled by the feature count n: `mean` (1/n, fastText's averaged input vector),
 * `sqrt` (1/√n, the L2 norm of a count vector with no repeats) or `sum` (1).
 */
export type Norm = 'mean' | 'sqrt' | 'sum';

/** Features and scaling: everything inference needs besides the weights. */
export interface ModelConfig extends FeatureConfig {
  norm: Norm;
}

/** How the model was trained, kept in the file for `classifier eval` and for provenance. */
export interface TrainingInfo {
  text_field: string;
  label_field: string | null;
  positive: string | null;
  seed: number;
  holdout: number;
  epochs: number;
  lr: number;
  l2: number;
  dim: number;
  docs: number;
  positives: number;
}

export interface QualityModel {
  config: ModelConfig;
  /** Length 2^bucket_bits. */
  weights: Float32Array;
  bias: number;
  training: TrainingInfo;
}

/** The scale applied to a sum of `n` feature weights. */
export function normScale(norm: Norm, n: number): number {
  if (n === 0) return 0;
  return norm === 'mean' ? 1 / n : norm === 'sqrt' ? 1 / Math.sqrt(n) : 1;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** The linear score (logit) of `text`; `buf` is reused across calls. */
export function logit(model: QualityModel, text: string, buf: FeatureBuffer): number {
  const n = extractFeatures(text, model.config, buf);
  const ids = buf.ids;
  const w = model.weights;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += w[ids[i]!]!;
  return model.bias + normScale(model.config.norm, n) * sum;
}

/** P(positive | text) in [0, 1]. */
export function score(model: QualityModel, text: string, buf: FeatureBuffer): number {
  return sigmoid(logit(model, text, buf));
}

/**
 * Deterministic SGD for the quality classifier, as fastText trains (src/fasttext.cc): examples in a seeded
 * shuffled order each epoch, a learning rate decaying linearly from `lr` to 0 over all updates, logistic
 * loss. `dim` 0 trains the linear model directly; `dim` d > 0 trains fastText's low-rank form (hashed
 * embeddings of size d averaged, then a logistic output layer) and folds it into the linear form.
 */
import { Rng } from '../corpus/rng.js';
import { extractFeatures, FeatureBuffer } from './features.js';
import { type ModelConfig, normScale, type QualityModel, sigmoid, type TrainingInfo } from './model.js';

/** One labelled text; `y` 1 = positive (keep). */
export interface Example {
  text: string;
  y: number;
}

export interface SgdOptions {
  config: ModelConfig;
  epochs: number;
  /** Initial learning rate (decays linearly to 0). */
  lr: number;
  /** L2 penalty per update on the weights an example touches (lazy, so untouched weights stay 0). */
  l2: number;
  /** 0: linear model; d > 0: fastText low-rank model with embeddings of size d. */
  dim: number;
  seed: number;
}

/** Example indices in a seeded shuffled order for `epoch`: the same seed gives the same order. */
function epochOrder(n: number, seed: number, epoch: number): number[] {
  const idx = Array.from({ length: n }, (_, i) => i);
  return new Rng(seed, `classify/epoch/${epoch}`).shuffled(idx);
}

/**
 * fastText's schedule, shared by both models: every epoch the examples in their seeded order, each with its
 * learning rate (decaying linearly to 0 over all updates), its feature ids (`ids[0, n)`) and norm scale.
 */
function forEachUpdate(
  examples: readonly Example[],
  o: SgdOptions,
  update: (ex: Example, lr: number, ids: Int32Array, n: number, scale: number) => void,
): void {
  const buf = new FeatureBuffer();
  const total = o.epochs * examples.length;
  let t = 0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (const i of epochOrder(examples.length, o.seed, epoch)) {
      const ex = examples[i]!;
      const n = extractFeatures(ex.text, o.config, buf);
      update(ex, o.lr * (1 - t++ / total), buf.ids, n, normScale(o.config.norm, n));
    }
  }
}

/** Where the examples came from: stored in the model for `classifier eval` and provenance. */
export type ExampleOrigin = Pick<TrainingInfo, 'text_field' | 'label_field' | 'positive' | 'holdout'>;

/** Trains on `examples`. Same examples, options and seed ⇒ the same weights, bit for bit. */
export function trainModel(examples: readonly Example[], o: SgdOptions, origin: ExampleOrigin): QualityModel {
  const weights = new Float32Array(1 << o.config.bucket_bits);
  const state = { bias: 0 };
  if (o.dim === 0) sgdLinear(examples, o, weights, state);
  else sgdLowRank(examples, o, weights, state);
  const training: TrainingInfo = {
    text_field: origin.text_field,
    label_field: origin.label_field,
    positive: origin.positive,
    holdout: origin.holdout,
    seed: o.seed,
    epochs: o.epochs,
    lr: o.lr,
    l2: o.l2,
    dim: o.dim,
    docs: examples.length,
    positives: examples.filter((e) => e.y === 1).length,
  };
  return { config: o.config, weights, bias: Math.fround(state.bias), training };
}

function sgdLinear(examples: readonly Example[], o: SgdOptions, w: Float32Array, state: { bias: number }) {
  forEachUpdate(examples, o, (ex, lr, ids, n, s) => {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += w[ids[j]!]!;
    const g = lr * (ex.y - sigmoid(state.bias + s * sum));
    state.bias += g;
    const step = g * s;
    const decay = 1 - lr * o.l2;
    for (let j = 0; j < n; j++) {
      const f = ids[j]!;
      w[f] = w[f]! * decay + step;
    }
  });
}

function sgdLowRank(examples: readonly Example[], o: SgdOptions, w: Float32Array, state: { bias: number }) {
  const d = o.dim;
  const rows = w.length;
  // fastText initialises the input matrix uniformly in [-1/dim, 1/dim] and the output layer with zeros.
  const emb = new Float32Array(rows * d);
  const rng = new Rng(o.seed, 'classify/init');
  for (let i = 0; i < emb.length; i++) emb[i] = (rng.float() * 2 - 1) / d;
  const out = new Float64Array(d);
  const hidden = new Float64Array(d);
  const grad = new Float64Array(d);
  const touched = new Uint8Array(rows);
  forEachUpdate(examples, o, (ex, lr, ids, n, s) => {
    hidden.fill(0);
    for (let j = 0; j < n; j++) {
      const base = ids[j]! * d;
      for (let k = 0; k < d; k++) hidden[k]! += emb[base + k]!;
    }
    let z = state.bias;
    for (let k = 0; k < d; k++) {
      hidden[k]! *= s;
      z += out[k]! * hidden[k]!;
    }
    const g = lr * (ex.y - sigmoid(z));
    state.bias += g;
    for (let k = 0; k < d; k++) {
      grad[k] = g * out[k]! * s;
      out[k]! += g * hidden[k]!;
    }
    const decay = 1 - lr * o.l2;
    for (let j = 0; j < n; j++) {
      const base = ids[j]! * d;
      touched[ids[j]!] = 1;
      for (let k = 0; k < d; k++) emb[base + k] = emb[base + k]! * decay + grad[k]!;
    }
  });
  // Fold: weight(f) = embedding(f) · output. Buckets no training text reached keep weight 0 (fastText would
  // score them with their random initial embedding): unseen n-grams then say nothing, and the file stays sparse.
  for (let f = 0; f < rows; f++) {
    if (touched[f] === 0) continue;
    let v = 0;
    for (let k = 0; k < d; k++) v += emb[f * d + k]! * out[k]!;
    w[f] = v;
  }
}

import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, DEFAULT_SGD } from '../../src/classify/defaults.js';
import { FeatureBuffer } from '../../src/classify/features.js';
import { rocAuc } from '../../src/classify/metrics.js';
import { score } from '../../src/classify/model.js';
import { decodeModel, encodeModel } from '../../src/classify/model-file.js';
import { type Example, type SgdOptions, trainModel } from '../../src/classify/train.js';
import { rng } from '../helpers/xorshift.js';

const GOOD = ['research', 'history', 'science', 'method', 'analysis', 'evidence', 'theory', 'study'];
const BAD = ['click', 'casino', 'free', 'viagra', 'winner', 'bonus', 'cheap', 'subscribe'];
const SHARED = ['the', 'a', 'and', 'of', 'to', 'in', 'is', 'for'];

/** Separable toy documents: positives draw topic words from GOOD, negatives from BAD, both mix in SHARED. */
function toySet(seed: number, n: number): Example[] {
  const r = rng(seed);
  const pick = (words: string[]) => words[Math.floor(r() * words.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const y = i % 2;
    const words = Array.from({ length: 20 + Math.floor(r() * 40) }, () =>
      r() < 0.5 ? pick(SHARED) : pick(y === 1 ? GOOD : BAD),
    );
    return { text: words.join(' '), y };
  });
}

const info = { text_field: 'text', label_field: 'label', positive: null, holdout: 0 };
const opts = (over: Partial<SgdOptions> = {}): SgdOptions => ({
  config: DEFAULT_CONFIG,
  ...DEFAULT_SGD,
  seed: 7,
  ...over,
});

function auc(examples: Example[], o: SgdOptions): number {
  const model = trainModel(toySet(1, 200), o, info);
  const buf = new FeatureBuffer();
  return rocAuc(
    examples.map((e) => score(model, e.text, buf)),
    examples.map((e) => e.y),
  );
}

describe('trainModel', () => {
  it.each<[string, Partial<SgdOptions>]>([
    ['linear (defaults)', {}],
    ['linear, fastText mean norm', { config: { ...DEFAULT_CONFIG, norm: 'mean' }, lr: 0.1 }],
    ['low-rank dim 8', { dim: 8, config: { ...DEFAULT_CONFIG, bucket_bits: 12 } }],
  ])('separates a separable toy set: held-out AUC 1 (%s)', (_name, over) => {
    expect(auc(toySet(2, 100), opts(over))).toBe(1);
  });

  it.each([0, 8])('same seed gives a byte-identical model file (dim %i)', (dim) => {
    const o = opts({ dim, config: { ...DEFAULT_CONFIG, bucket_bits: 14 } });
    const a = encodeModel(trainModel(toySet(3, 120), o, info));
    const b = encodeModel(trainModel(toySet(3, 120), o, info));
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    const c = encodeModel(trainModel(toySet(3, 120), { ...o, seed: 8 }, info));
    expect(Buffer.compare(Buffer.from(a), Buffer.from(c))).not.toBe(0);
  });

  it('records how it was trained', () => {
    const m = trainModel(toySet(4, 50), opts(), info);
    expect(m.training).toMatchObject({ docs: 50, positives: 25, seed: 7, epochs: DEFAULT_SGD.epochs });
  });

  it('round-trips through the model file with identical scores', () => {
    const m = trainModel(toySet(5, 80), opts(), info);
    const back = decodeModel(encodeModel(m), 'toy.dmqc');
    const buf = new FeatureBuffer();
    for (const e of toySet(6, 20)) expect(score(back, e.text, buf)).toBe(score(m, e.text, buf));
    expect(back.config).toEqual(m.config);
    expect(back.training).toEqual(m.training);
  });
});

import { expect, it } from 'vitest';
import { loadExamples, splitSide } from '../../src/classify/data.js';
import { DEFAULT_CONFIG, DEFAULT_SGD } from '../../src/classify/defaults.js';
import { FeatureBuffer } from '../../src/classify/features.js';
import { rocAuc } from '../../src/classify/metrics.js';
import { score } from '../../src/classify/model.js';
import { encodeModel } from '../../src/classify/model-file.js';
import { trainModel } from '../../src/classify/train.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';

const FILE = sharedPath('web', 'dclm_quality_labels', 'majority_data.jsonl.gz');
const info = { text_field: 'text', label_field: 'label', positive: null, holdout: 0.3 };

describeWithData('quality classifier on DCLM human labels (majority_data, 499 docs)', () => {
  it('reaches a mean held-out ROC AUC ≥ 0.80 over 5 seeded 70/30 splits (the issue-5 floor)', async () => {
    const examples = await loadExamples(
      { files: [FILE], pos: [], neg: [], text_field: 'text', label_field: 'label', positive: null },
      () => {},
    );
    expect(examples).toHaveLength(499);
    const buf = new FeatureBuffer();
    const aucs = [1, 2, 3, 4, 5].map((seed) => {
      const model = trainModel(
        splitSide(examples, 0.3, seed, 'train'),
        { config: DEFAULT_CONFIG, ...DEFAULT_SGD, seed },
        info,
      );
      const test = splitSide(examples, 0.3, seed, 'holdout');
      return rocAuc(
        test.map((e) => score(model, e.text, buf)),
        test.map((e) => e.y),
      );
    });
    const mean = aucs.reduce((a, b) => a + b, 0) / aucs.length;
    expect(mean).toBeGreaterThanOrEqual(0.8);
    // Measured: mean 0.890, min 0.866, max 0.909. The bound on the worst split catches one bad split behind a good mean.
    expect(Math.min(...aucs)).toBeGreaterThanOrEqual(0.78);
  });

  it('trains byte-identical model files from the same seed on real data', async () => {
    const examples = await loadExamples(
      { files: [FILE], pos: [], neg: [], text_field: 'text', label_field: 'label', positive: null },
      () => {},
    );
    const train = splitSide(examples, 0.3, 3, 'train');
    const o = { config: DEFAULT_CONFIG, ...DEFAULT_SGD, seed: 3 };
    const a = Buffer.from(encodeModel(trainModel(train, o, info)));
    const b = Buffer.from(encodeModel(trainModel(train, o, info)));
    expect(a.equals(b)).toBe(true);
  });
});

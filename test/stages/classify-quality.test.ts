import { utimesSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, DEFAULT_SGD } from '../../src/classify/defaults.js';
import { FeatureBuffer } from '../../src/classify/features.js';
import { score } from '../../src/classify/model.js';
import { saveModel } from '../../src/classify/model-file.js';
import { trainModel } from '../../src/classify/train.js';
import stage from '../../src/stages/classify-quality.js';
import { tempDir } from '../e2e/cli.js';
import { docsFromTexts, parseOptions, runStage } from '../helpers/stage-harness.js';

const GOOD = 'the study presents evidence and a careful analysis of the history of science';
const BAD = 'click here for free casino bonus winner cheap viagra subscribe now';
const examples = Array.from({ length: 40 }, (_, i) => ({
  text: `${i % 2 === 1 ? GOOD : BAD} ${i}`,
  y: i % 2,
}));
const model = trainModel(
  examples,
  { config: DEFAULT_CONFIG, ...DEFAULT_SGD, seed: 1 },
  {
    text_field: 'text',
    label_field: 'label',
    positive: null,
    holdout: 0,
  },
);
const dir = tempDir('clsstage');
const file = path.join(dir, 'q.dmqc');
const texts = [GOOD, BAD, `${GOOD} ${BAD}`, ''];
const expected = texts.map((t) => score(model, t, new FeatureBuffer()));

beforeAll(async () => {
  await saveModel(model, file);
});

describe('classify-quality', () => {
  it('annotates every document with its score when threshold is null (the default)', async () => {
    const run = await runStage(stage, { model: file }, docsFromTexts(texts));
    expect(run.kept.map((d) => d.row.quality_score)).toEqual(expected);
    expect(run.drops).toEqual([]);
    expect(run.observations.quality_score).toEqual(expected);
    expect(expected[0]).toBeGreaterThan(0.5);
    expect(expected[1]).toBeLessThan(0.5);
  });

  it('drops documents below the threshold with quality_too_low and the score as value', async () => {
    const run = await runStage(
      stage,
      { model: file, threshold: 0.5, score_field: 'q' },
      docsFromTexts(texts),
      {
        batchSize: 3,
      },
    );
    const low = texts.flatMap((_, i) =>
      expected[i]! < 0.5 ? [{ id: `d${i}`, reason: 'quality_too_low', value: expected[i] }] : [],
    );
    expect(run.drops).toEqual(low);
    expect(run.kept.map((d) => d.id)).toEqual(
      texts.flatMap((_, i) => (expected[i]! >= 0.5 ? [`d${i}`] : [])),
    );
    expect(run.kept.every((d) => typeof d.row.q === 'number')).toBe(true);
  });

  it('with score_field null filters only: rows untouched, so the stage preserves rows', async () => {
    const run = await runStage(
      stage,
      { model: file, threshold: 0.5, score_field: null },
      docsFromTexts(texts),
    );
    expect(run.kept.map((d) => d.row)).toEqual(
      texts.flatMap((text, i) => (expected[i]! >= 0.5 ? [{ text }] : [])),
    );
    expect(
      stage.preservesRow?.(parseOptions(stage, { model: file, threshold: 0.5, score_field: null }) as never),
    ).toBe(true);
    expect(stage.preservesRow?.(parseOptions(stage, { model: file }) as never)).toBe(false);
  });

  it('resolves a relative model path from the working directory', async () => {
    const rel = path.relative(process.cwd(), file);
    const run = await runStage(stage, { model: rel }, docsFromTexts([GOOD]));
    expect(run.kept[0]?.row.quality_score).toBe(expected[0]);
  });

  it('reloads a model whose file changed (cache key: path, mtime, size)', async () => {
    const other = path.join(dir, 'other.dmqc');
    await saveModel(model, other);
    await runStage(stage, { model: other }, docsFromTexts([GOOD]));
    const flipped = { ...model, bias: model.bias - 100 };
    await saveModel(flipped, other);
    utimesSync(other, new Date(), new Date(Date.now() + 5000));
    const run = await runStage(stage, { model: other }, docsFromTexts([GOOD]));
    expect(run.kept[0]?.row.quality_score as number).toBeLessThan(1e-6);
  });

  it('fails clearly when the model file is missing', async () => {
    await expect(
      runStage(stage, { model: path.join(dir, 'missing.dmqc') }, docsFromTexts([GOOD])),
    ).rejects.toThrow(/missing\.dmqc: not found .*expected a model written by datamill classifier train/);
  });

  it.each<[string, unknown]>([
    ['no model', {}],
    ['threshold above 1', { model: 'm', threshold: 1.5 }],
    ['score_field dm', { model: 'm', score_field: 'dm' }],
    ['an unknown option', { model: 'm', min: 0.5 }],
    ['neither threshold nor score_field', { model: 'm', score_field: null }],
  ])('rejects options with %s', (_name, options) => {
    expect(() => parseOptions(stage, options)).toThrow();
  });
});

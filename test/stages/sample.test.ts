import { describe, expect, it } from 'vitest';
import { stageSeed } from '../../src/stages/_options.js';
import sample from '../../src/stages/sample.js';
import { hashString32, unitHash } from '../../src/text/hash.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';
import { docsFromJsonl, docsFromTexts, parseOptions, runStage } from '../helpers/stage-harness.js';

const docs = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `part-${i % 13}.jsonl@${i * 977}`, text: '', row: {} }));

const keptIds = (run: { kept: { id: string }[] }) => run.kept.map((d) => d.id);

describe('sample', () => {
  it('keeps 30% ± 1.5% of 20k ids at rate 0.3', async () => {
    const run = await runStage(sample, { rate: 0.3, seed: 7 }, docs(20_000));
    expect(Math.abs(run.kept.length / 20_000 - 0.3)).toBeLessThan(0.015);
    expect(run.kept.length + run.drops.length).toBe(20_000);
    expect(run.reasons).toEqual({ sampled_out: run.drops.length });
  });

  it('drops with sampled_out and the hash as value, keeps iff unitHash(seed, id) < rate', async () => {
    const run = await runStage(sample, { rate: 0.5, seed: 3 }, docs(200));
    for (const d of run.drops) {
      expect(d.reason).toBe('sampled_out');
      expect(d.value).toBe(unitHash(3, d.id));
      expect(d.value as number).toBeGreaterThanOrEqual(0.5);
    }
    for (const id of keptIds(run)) expect(unitHash(3, id)).toBeLessThan(0.5);
  });

  it('decides per id: independent of batch size, order and the other documents', async () => {
    const all = docs(5000);
    const whole = await runStage(sample, { rate: 0.2, seed: 11 }, all);
    const batched = await runStage(sample, { rate: 0.2, seed: 11 }, all, { batchSize: 37 });
    expect(keptIds(batched)).toEqual(keptIds(whole));
    const reversed = await runStage(sample, { rate: 0.2, seed: 11 }, [...all].reverse());
    expect(keptIds(reversed).reverse()).toEqual(keptIds(whole));
    const half = await runStage(sample, { rate: 0.2, seed: 11 }, all.slice(0, 2500));
    expect(keptIds(half)).toEqual(keptIds(whole).slice(0, half.kept.length));
  });

  it('gives a different set for a different seed, overlapping like independent draws', async () => {
    const a = new Set(keptIds(await runStage(sample, { rate: 0.3, seed: 1 }, docs(20_000))));
    const b = keptIds(await runStage(sample, { rate: 0.3, seed: 2 }, docs(20_000)));
    const both = b.filter((id) => a.has(id)).length;
    // Independent: 20k × 0.3 × 0.3 = 1800 (sd ≈ 40).
    expect(Math.abs(both - 1800)).toBeLessThan(250);
  });

  it('rate 0 drops everything and rate 1 keeps everything', async () => {
    expect((await runStage(sample, { rate: 0 }, docs(500))).kept).toEqual([]);
    expect((await runStage(sample, { rate: 1 }, docs(500))).kept).toHaveLength(500);
  });

  it('without seed, derives one from the run seed and the stage id', async () => {
    expect(stageSeed(undefined, 5, 'sample')).toBe(hashString32('sample', 5));
    expect(stageSeed(9, 5, 'sample')).toBe(9);
    const input = docs(2000);
    const run = (env: { seed: number; stageId: string }) => runStage(sample, { rate: 0.5 }, input, { env });
    const base = keptIds(await run({ seed: 5, stageId: 'sample' }));
    expect(keptIds(await run({ seed: 5, stageId: 'sample' }))).toEqual(base);
    expect(keptIds(await run({ seed: 6, stageId: 'sample' }))).not.toEqual(base);
    expect(keptIds(await run({ seed: 5, stageId: 'sample_2' }))).not.toEqual(base);
    const explicit = await runStage(sample, { rate: 0.5, seed: hashString32('sample', 5) }, input);
    expect(keptIds(explicit)).toEqual(base);
  });

  it('leaves documents untouched', async () => {
    const input = docsFromTexts(['a', 'b', 'c'], { meta: { k: 1 } });
    const run = await runStage(sample, { rate: 1 }, input);
    expect(run.kept).toEqual(docsFromTexts(['a', 'b', 'c'], { meta: { k: 1 } }));
  });

  it.each([
    [{}, 'rate'],
    [{ rate: -0.1 }, 'rate'],
    [{ rate: 1.5 }, 'rate'],
    [{ rate: '0.5' }, 'rate'],
    [{ rate: 0.5, seed: -1 }, 'seed'],
    [{ rate: 0.5, seed: 1.5 }, 'seed'],
    [{ rate: 0.5, seed: 2 ** 32 }, 'seed'],
    [{ rate: 0.5, sed: 1 }, 'sed'],
  ])('rejects %j', (o, message) => {
    expect(() => parseOptions(sample, o)).toThrow(message);
  });
});

describeWithData('sample on web/sms_spam_collection.jsonl.gz', () => {
  it('keeps about a tenth of 5574 messages, the same ones every time', async () => {
    const input = docsFromJsonl(sharedPath('web/sms_spam_collection.jsonl.gz'), { id: 'line' });
    const first = await runStage(sample, { rate: 0.1, seed: 42 }, input, { batchSize: 1000 });
    const again = await runStage(sample, { rate: 0.1, seed: 42 }, input, { batchSize: 7 });
    expect(keptIds(again)).toEqual(keptIds(first));
    // Binomial(5574, 0.1): sd ≈ 22.
    expect(Math.abs(first.kept.length - 557)).toBeLessThan(90);
  });
});

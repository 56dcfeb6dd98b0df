import { describe, expect, it } from 'vitest';
import type { Doc } from '../../src/core/doc.js';
import { DropRecorder } from '../../src/exec/recorder.js';
import { SAMPLE_PER_REASON } from '../../src/run/drop-sample.js';
import { emptyStageStats, mergeStageStats } from '../../src/run/stats.js';
import { tempDir } from '../e2e/cli.js';

const doc = (i: number): Doc => ({ id: `d${i}`, text: `document ${i} `.repeat(i % 50), row: {} });

/** Nothing is written: drops stay in memory until a flush. */
const dir = tempDir('recorder');

function recorder(seed: number): DropRecorder {
  return new DropRecorder({
    ledgerDir: `${dir}/ledger`,
    quarantineDir: `${dir}/quarantine`,
    prefix: 'part-p0-00000',
    rowSpec: { inText: 'text', outText: 'text', inId: undefined, outId: undefined } as never,
    seed,
  });
}

/** Drops documents 0..n-1 in tasks of `size`, reason by i % 3, and merges the tasks' stage stats. */
function dropAll(n: number, size: number, seed = 7) {
  const merged = emptyStageStats();
  for (let start = 0; start < n; start += size) {
    const st = emptyStageStats();
    const ctx = recorder(seed).contextFor('filter-x', st);
    for (let i = start; i < Math.min(n, start + size); i++)
      ctx.drop(doc(i), ['short', 'long', 'odd'][i % 3]!, i, i % 2 ? `detail ${i}` : undefined);
    for (const list of Object.values(st.drop_samples))
      expect(list.length).toBeLessThanOrEqual(SAMPLE_PER_REASON);
    mergeStageStats(merged, st);
  }
  return merged;
}

describe('DropRecorder drop samples', () => {
  const one = dropAll(3000, 3000);

  it('counts every drop and samples SAMPLE_PER_REASON per reason', () => {
    expect(one.dropped).toEqual({ short: 1000, long: 1000, odd: 1000 });
    expect(Object.keys(one.drop_samples).sort()).toEqual(['long', 'odd', 'short']);
    for (const list of Object.values(one.drop_samples)) expect(list).toHaveLength(SAMPLE_PER_REASON);
    const s = one.drop_samples.short![0]!;
    const i = Number(s.id.slice(1));
    expect(s).toMatchObject({ value: i, text: doc(i).text, chars: doc(i).text.length });
    expect(s.detail).toBe(i % 2 ? `detail ${i}` : undefined);
  });

  it.each([[1000], [7], [1]])('gives the same sample for tasks of %i documents', (size) => {
    expect(dropAll(3000, size).drop_samples).toEqual(one.drop_samples);
  });

  it('depends on the seed', () => {
    expect(dropAll(3000, 3000, 8).drop_samples).not.toEqual(one.drop_samples);
  });
});

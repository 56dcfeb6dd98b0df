import { expect, it } from 'vitest';
import { dmOf } from '../../src/core/doc.js';
import type { StageDef } from '../../src/stages/define.js';
import { describeWithData, sharedPath } from './shared-data.js';
import { docsFromJsonl, docsFromTexts, runStage } from './stage-harness.js';

/** [text, expected statistic, drop reason or null when kept]. */
export type BoundCase = [string, number, string | null];

/**
 * Checks one statistic filter: each case's value and decision under `options` (cases sit at, just below
 * and just above each bound), the observation of every value, and `dm.stats.<stat>` with keep_stats.
 */
export function boundSuite(
  def: StageDef,
  stat: string,
  options: Record<string, unknown>,
  cases: BoundCase[],
): void {
  it.each(cases)('%j → %d, %s', async (text, value, reason) => {
    const run = await runStage(def, { ...options, keep_stats: true }, docsFromTexts([text]));
    expect(run.observations[stat]?.[0]).toBeCloseTo(value, 12);
    if (reason === null) {
      expect(run.drops).toEqual([]);
      expect((dmOf(run.kept[0]!).stats as Record<string, number>)[stat]).toBeCloseTo(value, 12);
    } else {
      expect(run.kept).toEqual([]);
      expect(run.drops).toHaveLength(1);
      expect(run.drops[0]!.reason).toBe(reason);
      expect(run.drops[0]!.value as number).toBeCloseTo(value, 12);
    }
  });

  it('observes every document and stores no stats without keep_stats', async () => {
    const docs = docsFromTexts(cases.map((c) => c[0]));
    const run = await runStage(def, options, docs);
    expect(run.observations[stat]).toHaveLength(cases.length);
    for (const d of docs) expect(d.row.dm).toBeUndefined();
  });
}

/** Where the real-data fixtures come from: document index → value. */
export interface DataFixture {
  file: string;
  values: Record<number, number>;
}

/**
 * Real documents: the statistic (with keep_stats and no bounds that drop) equals the pinned value, which
 * was computed outside this code by a Python transcription of DJ's compute_stats (see the test file).
 */
export function dataSuite(
  def: StageDef,
  stat: string,
  options: Record<string, unknown>,
  fixtures: DataFixture[],
): void {
  describeWithData(`${def.name} on shared data`, () => {
    it.each(
      fixtures.flatMap((f) => Object.entries(f.values).map(([i, v]) => [f.file, Number(i), v] as const)),
    )('%s #%i → %d', async (file, index, value) => {
      const doc = docsFromJsonl(sharedPath(file))[index]!;
      const run = await runStage(def, { ...options, keep_stats: true }, [doc]);
      expect(run.observations[stat]?.[0]).toBeCloseTo(value, 12);
    });
  });
}

export const JUNK = 'web/datajuicer/demo-dataset-web-junk.jsonl';
export const C4 = 'web/llamafactory_c4_demo.jsonl.gz';

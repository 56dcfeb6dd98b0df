import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datamill, ROOT, tempDir, writeRecipe } from '../e2e/cli.js';

const SAMPLE = path.join(ROOT, 'sample-data');

/** Filters whose drops and scores (a ratio in [0, 1]) reach the report, then exact dedup, on sample-data. */
const RECIPE = `inputs:
  - path: ${SAMPLE}/web/*.jsonl.gz
    domain: web
  - path: ${SAMPLE}/forum/*.jsonl.gz
    domain: forum
  - path: ${SAMPLE}/wiki/*.parquet
    domain: wiki
output:
  dir: out
  format: jsonl
runtime:
  seed: 5
  task_bytes: 256KB
stages:
  - stage: filter-length
    options: { min_words: 80 }
  - stage: filter-alnum-ratio
    options: { min: 0.7 }
  - stage: dedup-exact
`;

/** report.json with the timing fields (the only ones that may differ between two runs) zeroed. */
function untimed(file: string): string {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  r.task_wall_ms = 0;
  r.timing = null;
  for (const s of r.stages) s.wall_ms = 0;
  return `${JSON.stringify(r, null, 2)}\n`;
}

const section = (md: string, from: string, to: string) => md.slice(md.indexOf(from), md.indexOf(to));

describe('report.json is the same for 1 and 2 workers (built CLI, sample-data)', () => {
  const dir = tempDir('report-det');
  const recipe = writeRecipe(dir, 'r.yaml', RECIPE);
  const out = path.join(dir, 'out');
  const runs = [1, 2].map((w) => {
    const r = datamill(['run', recipe, '--workers', String(w), '--quiet', '--restart']);
    return {
      r,
      json: untimed(path.join(out, 'report.json')),
      raw: JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')),
      md: readFileSync(path.join(out, 'report.md'), 'utf8'),
    };
  });

  it('both runs succeed on more than one task', () => {
    for (const { r } of runs) expect([r.status, r.stderr]).toEqual([0, '']);
    expect(runs[0]!.raw.tasks).toBeGreaterThan(4);
  });

  it('byte-identical apart from timing fields', () => {
    expect(runs[1]!.json).toBe(runs[0]!.json);
  });

  it('samples up to 5 dropped documents per stage and reason, the same in report.md', () => {
    const stages = runs[0]!.raw.stages as {
      id: string;
      dropped: Record<string, number>;
      drop_samples: Record<string, { id: string; text: string; chars: number }[]>;
    }[];
    for (const s of stages) {
      expect(Object.keys(s.drop_samples).sort()).toEqual(Object.keys(s.dropped).sort());
      for (const [reason, list] of Object.entries(s.drop_samples)) {
        expect(list.length).toBe(Math.min(5, s.dropped[reason]!));
        for (const x of list) expect([...x.text].length).toBeLessThanOrEqual(301);
      }
    }
    expect(stages.flatMap((s) => Object.keys(s.drop_samples))).toEqual(
      expect.arrayContaining(['too_few_words', 'alnum_ratio_below_min', 'exact_duplicate']),
    );
    const samples = (md: string) => section(md, '## Dropped documents (sample)', '## Domains');
    expect(samples(runs[0]!.md)).toContain('<details><summary>filter-alnum-ratio:');
    expect(samples(runs[1]!.md)).toBe(samples(runs[0]!.md));
  });

  it('records the wall time: the span of the tasks, per phase too', () => {
    for (const { raw } of runs) {
      const t = raw.timing;
      expect(t.wall_s).toBeGreaterThan(0);
      expect(t.busy_s).toBeLessThanOrEqual(t.wall_s);
      expect(Date.parse(t.ended_at) - Date.parse(t.started_at)).toBe(Math.round(t.wall_s * 1000));
      expect(t.phases.map((p: { tasks: number }) => p.tasks).reduce((a: number, b: number) => a + b)).toBe(
        raw.tasks,
      );
      for (const p of t.phases) expect(p.wall_s).toBeLessThanOrEqual(t.wall_s);
    }
  });

  it('reads the alnum ratio on a linear scale', () => {
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('aria-label="histogram of alnum_ratio (linear scale)"');
    expect(html).toContain('aria-label="histogram of words (log scale)"');
  });
});

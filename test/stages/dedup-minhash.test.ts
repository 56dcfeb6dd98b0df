import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sortedJaccard } from '../../src/corpus/dedup-truth.js';
import { shingleHashes } from '../../src/dedup/minhash-scan.js';
import { runStageOnDocs } from '../e2e/cli.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';

/** dedup-minhash is a global stage: it is tested through the built CLI, which runs all three phases. */
function run(files: Record<string, unknown>[][], options: string, tag: string, workers = 2) {
  const { kept, report, data } = runStageOnDocs({
    tag: `dm-${tag}`,
    files,
    stage: 'dedup-minhash',
    options,
    workers,
  });
  return { kept, report, data };
}

function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32;
  };
}

/** Letters only: simplifyText maps digits to 0. */
const word = (n: number) => `${n.toString().replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}o`;

const jaccard = (a: string, b: string) => sortedJaccard(shingleHashes(a, 5), shingleHashes(b, 5));

/**
 * 60 random base documents of 200 words; base i < 20 gets a copy with ~1% of words replaced (Jaccard ≈ 0.9),
 * base 20 ≤ i < 30 a copy with ~12% replaced (Jaccard ≈ 0.3). Spread over 3 files (tasks), copies last.
 */
function corpus() {
  const rand = rng(11);
  const text = (ws: string[]) => ws.join(' ');
  const bases = Array.from({ length: 60 }, () =>
    Array.from({ length: 200 }, () => word(Math.floor(rand() * 20000))),
  );
  const docs: { id: string; text: string }[] = bases.map((ws, i) => ({ id: `base${i}`, text: text(ws) }));
  const pairs: { base: string; copy: string; j: number; high: boolean }[] = [];
  for (let i = 0; i < 30; i++) {
    const high = i < 20;
    const ws = bases[i]!.slice();
    const edits = high ? 2 : 24;
    for (let e = 0; e < edits; e++)
      ws[Math.floor(((e + rand()) / edits) * ws.length)] = word(100000 + Math.floor(rand() * 1e6));
    const copy = { id: `copy${i}`, text: text(ws) };
    docs.push(copy);
    pairs.push({ base: `base${i}`, copy: copy.id, j: jaccard(docs[i]!.text, copy.text), high });
  }
  const files = [docs.slice(0, 30), docs.slice(30, 60), docs.slice(60)];
  return { files, pairs };
}

describe('dedup-minhash', () => {
  const { files, pairs } = corpus();

  it('plants pairs at the intended similarities', () => {
    for (const p of pairs) {
      if (p.high) expect(p.j).toBeGreaterThan(0.85);
      else {
        expect(p.j).toBeGreaterThan(0.2);
        expect(p.j).toBeLessThan(0.4);
      }
    }
  });

  it('drops most copies at Jaccard ≈ 0.9 and none at ≈ 0.3, keeping the first of each cluster', () => {
    const { kept, report } = run(files, '{ annotate: true }', 'planted');
    const ids = new Set(kept.map((d) => d.id));
    const high = pairs.filter((p) => p.high);
    const low = pairs.filter((p) => !p.high);
    const found = high.filter((p) => !ids.has(p.copy)).length;
    expect(found).toBeGreaterThanOrEqual(18);
    expect(low.filter((p) => !ids.has(p.copy))).toEqual([]);
    for (let i = 0; i < 60; i++) expect(ids.has(`base${i}`)).toBe(true);
    expect(report.stages[0].dropped.near_duplicate).toBe(found);
    expect(report.documents.balanced).toBe(true);
    const b0 = kept.find((d) => d.id === 'base0') as { dm?: { dedup_minhash?: unknown } };
    expect(b0.dm?.dedup_minhash).toEqual({ cluster_id: 0, cluster_size: 2 });
    const reduce = report.reduce['dedup-minhash'];
    expect(reduce.counters.candidate_edges).toBeGreaterThanOrEqual(found);
    expect(reduce.details.shape).toEqual([
      { bands: 14, rows: 8, permutations: 112, verify: false, verify_threshold: 0.8 },
    ]);
    const curve = reduce.details.s_curve as { similarity: number; p_candidate: number }[];
    expect(curve).toHaveLength(10);
    expect(curve.find((c) => c.similarity === 0.8)!.p_candidate).toBeCloseTo(0.924, 2);
    // Every document of this small corpus is sampled: the report shows planted pairs, each once.
    const sample = reduce.details.duplicate_pairs_sample as {
      kept_candidate: string;
      duplicate: string;
      estimated_jaccard: number;
    }[];
    expect(sample.length).toBeGreaterThanOrEqual(10);
    expect(new Set(sample.map((p) => `${p.kept_candidate}/${p.duplicate}`)).size).toBe(sample.length);
    for (const p of sample) {
      expect(p.duplicate).toBe(p.kept_candidate.replace('base', 'copy'));
      expect(p.estimated_jaccard).toBeGreaterThan(0.7);
    }
  });

  it('keeps the highest priority of each cluster with keep: priority', () => {
    // Copies get priority 2, bases 1 except base0 (3); documents without the field rank lowest.
    const prio = (d: Record<string, unknown>) => ({
      ...d,
      ...(String(d.id).startsWith('copy') ? { priority: 2 } : d.id === 'base0' ? { priority: 3 } : {}),
    });
    const { kept, report } = run(
      files.map((f) => f.map(prio)),
      '{ keep: priority }',
      'priority',
    );
    const ids = new Set(kept.map((d) => d.id));
    const dropped = pairs.filter((p) => p.high && !ids.has(p.base));
    expect(dropped.length + (ids.has('copy0') ? 0 : 1)).toBeGreaterThanOrEqual(18);
    expect(ids.has('base0')).toBe(true);
    expect(ids.has('copy0')).toBe(false);
    for (const p of pairs.filter((q) => q.high && q.base !== 'base0'))
      expect(ids.has(p.base) && ids.has(p.copy)).toBe(!dropped.includes(p));
    expect(report.stages[0].dropped.near_duplicate).toBe(90 - kept.length);
  });

  it('chooses bands and rows from threshold and verifies candidates', () => {
    const { kept, report } = run(files, '{ threshold: 0.8, verify: true }', 'threshold');
    const ids = new Set(kept.map((d) => d.id));
    expect(pairs.filter((p) => p.high && !ids.has(p.copy)).length).toBeGreaterThanOrEqual(18);
    expect(pairs.filter((p) => !p.high && !ids.has(p.copy))).toEqual([]);
    expect(report.reduce['dedup-minhash'].details.shape[0]).toMatchObject({ bands: 17, rows: 15 });
  });

  it('rejects candidates below the verify threshold', () => {
    // A threshold of 0.99 keeps the ≈0.9 copies: verify refuses their edges although LSH proposes them.
    const { kept, report } = run(files, '{ bands: 14, rows: 8, threshold: 0.99, verify: true }', 'strict');
    expect(kept).toHaveLength(90);
    expect(report.reduce['dedup-minhash'].counters.edges_rejected_by_verify).toBeGreaterThan(0);
  });

  it('writes byte-identical data with 1 and 2 workers', () => {
    const one = run(files, '{ seed: 5 }', 'w1', 1);
    const two = run(files, '{ seed: 5 }', 'w2', 2);
    expect(two.data).toEqual(one.data);
    expect(one.kept.length).toBeLessThan(90);
  });
});

describeWithData('dedup-minhash on real data', () => {
  it('clusters the UDHR spelling variants deu/deu_1901 and ron/ron_1993', () => {
    const rows = gunzipSync(readFileSync(sharedPath('multilingual/udhr2_388.jsonl.gz')))
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; lang: string; text: string });
    const per = Math.ceil(rows.length / 3);
    const { kept, report } = run(
      [rows.slice(0, per), rows.slice(per, 2 * per), rows.slice(2 * per)],
      '{ annotate: true }',
      'udhr',
    );
    const ids = new Set(kept.map((d) => d.id));
    expect(ids.has('deu.txt')).toBe(true);
    expect(ids.has('deu_1901.txt')).toBe(false);
    expect(ids.has('ron.txt')).toBe(true);
    expect(ids.has('ron_1993.txt')).toBe(false);
    expect(report.stages[0].dropped.near_duplicate).toBeGreaterThanOrEqual(2);
  });

  it("collapses the data-juicer dedup demo's near-duplicates", () => {
    const rows = readFileSync(sharedPath('web/datajuicer/demo-dataset-deduplication.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l, i) => ({ id: `dj${i}`, ...(JSON.parse(l) as { text: string }) }));
    const { kept } = run([rows], '{}', 'dj');
    const ids = kept.map((d) => d.id);
    // Pairs by shingle Jaccard: 6/11 = 1.0 (exact copy), 7/8 = 0.987 and 9/10 = 0.975 (Smithfield article and a
    // truncated copy; 7/9 ≈ 0.5), 12/13 = 0.959 (UN document in Chinese); 0/5 = 0.22 (short sentences).
    for (const id of ['dj8', 'dj10', 'dj11', 'dj13']) expect(ids).not.toContain(id);
    for (const id of ['dj0', 'dj1', 'dj2', 'dj3', 'dj4', 'dj5', 'dj6', 'dj7', 'dj12'])
      expect(ids).toContain(id);
  });
});

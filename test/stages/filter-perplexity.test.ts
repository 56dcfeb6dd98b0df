import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArpa } from '../../src/lm/arpa-read.js';
import { CCNET_PERPLEXITY, documentPerplexity, type PerplexityOptions } from '../../src/lm/perplexity.js';
import type { MapStageDef } from '../../src/stages/define.js';
import stage from '../../src/stages/filter-perplexity.js';
import { datamill, readReport, runStageOnDocs, tempDir, writeRecipe } from '../e2e/cli.js';
import { docsFromTexts, parseOptions, runStage } from '../helpers/stage-harness.js';

/** The toy 3-gram of test/lm/model.test.ts as ARPA. */
const TOY = `\\data\\
ngram 1=5
ngram 2=3
ngram 3=1

\\1-grams:
-99\t<s>\t-0.5
-0.5\ta\t-0.2
-0.7\tb\t-0.1
-0.6\t</s>
-2\t<unk>

\\2-grams:
-0.2\t<s> a\t-0.3
-0.1\ta b\t-0.05
-0.4\tb </s>

\\3-grams:
-0.05\t<s> a b

\\end\\
`;

const dir = mkdtempSync(path.join(tmpdir(), 'datamill-ppl-'));
const MODEL = path.join(dir, 'toy.arpa');
writeFileSync(MODEL, TOY);

/** Runs with `buckets` other than percentiles: the plan runs the stage's `create` as a map stage. */
const asMap: MapStageDef = { ...stage, kind: 'map', create: stage.create! } as MapStageDef;

// Perplexities by hand (see test/lm/perplexity.test.ts): "a b" -0.7/3, "b" -1.6/2, "zz" (-2-0.5-0.6)/2, "a" -1.3/2.
const TEXTS = ['a b', 'b', 'A B\nb', 'zz', '', 'a'];
const PPL = [1.7, 6.3, 2.9, 35.5, null, 4.5];

describe('filter-perplexity (map mode)', () => {
  it('stores the cc_net perplexity on every document', async () => {
    expect(stage.needsGlobal?.(parseOptions(stage, { model: MODEL }) as never)).toBe(false);
    const run = await runStage(asMap, { model: MODEL }, docsFromTexts(TEXTS));
    expect(run.kept.map((d) => d.row.perplexity)).toEqual(PPL);
    expect(run.counters.not_scored).toBe(1);
    expect(run.kept.every((d) => !('bucket' in d.row))).toBe(true);
  });

  it.each([
    [{ max: 10 }, { perplexity_too_high: 1 }, ['d3']],
    [{ min: 2 }, { perplexity_too_low: 1 }, ['d0']],
    [{ min: 2, max: 5 }, { perplexity_too_low: 1, perplexity_too_high: 2 }, ['d0', 'd1', 'd3']],
    [
      { buckets: 'cutoffs', cutoffs: { head: 3, tail: 10 }, drop_buckets: ['tail', 'all'] },
      { perplexity_bucket_tail: 1, perplexity_bucket_all: 1 },
      ['d3', 'd4'],
    ],
  ])('%j drops %j', async (opts, reasons, dropped) => {
    const run = await runStage(asMap, { model: MODEL, ...opts }, docsFromTexts(TEXTS));
    expect(run.reasons).toEqual(reasons);
    expect(run.drops.map((d) => d.id)).toEqual(dropped);
    for (const d of run.drops) expect(d.value).toBe(PPL[Number(d.id.slice(1))] ?? undefined);
  });

  it('assigns cc_net buckets by given cut-offs (head < 3 <= middle < 10 <= tail)', async () => {
    const run = await runStage(
      asMap,
      { model: MODEL, buckets: 'cutoffs', cutoffs: { head: 3, tail: 10 }, bucket_field: 'ppl_bucket' },
      docsFromTexts(TEXTS),
    );
    expect(run.kept.map((d) => d.row.ppl_bucket)).toEqual([
      'head',
      'middle',
      'head',
      'tail',
      'all',
      'middle',
    ]);
    expect(run.counters).toMatchObject({ bucket_head: 2, bucket_middle: 2, bucket_tail: 1, bucket_all: 1 });
  });

  it('uses per-language cut-offs, else the shared ones', async () => {
    const docs = docsFromTexts(['a b', 'b', 'b']);
    docs[1]!.row.lang = 'de';
    const run = await runStage(
      asMap,
      {
        model: MODEL,
        buckets: 'cutoffs',
        group_by: 'language',
        language_field: 'lang',
        cutoffs: { head: 3, tail: 10 },
        group_cutoffs: { de: { head: 7, tail: 8 } },
      },
      docs,
    );
    expect(run.kept.map((d) => d.row.bucket)).toEqual(['head', 'head', 'middle']);
  });

  it.each([
    [{ buckets: 'cutoffs' }, /cutoffs: expected cutoffs or group_cutoffs/],
    [
      { percentile_head: 60, percentile_tail: 30 },
      /percentile_tail: expected percentile_tail > percentile_head/,
    ],
    [{ drop_buckets: ['tail'] }, /buckets: expected buckets: percentiles or cutoffs/],
    [{ buckets: 'cutoffs', cutoffs: { head: 5, tail: 1 } }, /expected head <= tail/],
    [{ perplexity_field: 'bucket' }, /bucket_field: expected a field other than perplexity_field/],
  ])('refuses %j', (opts, message) => {
    expect(() => parseOptions(stage, { model: MODEL, ...opts })).toThrow(message);
  });

  it('fails with input_missing for a missing model', async () => {
    await expect(
      runStage(asMap, { model: path.join(dir, 'nope.arpa') }, docsFromTexts(['a'])),
    ).rejects.toThrow(/nope\.arpa: not found .*expected an ARPA file/);
  });
});

/** numpy.percentile(values, q), linear method, written out independently of the stage's histogram code. */
function npPercentile(values: number[], q: number): number {
  const v = [...values].sort((a, b) => a - b);
  const h = (q / 100) * (v.length - 1);
  const lo = Math.floor(h);
  return (v[lo] as number) + (h - lo) * ((v[Math.min(lo + 1, v.length - 1)] as number) - (v[lo] as number));
}

/** Seeded xorshift32 documents over the toy vocabulary plus OOV words, in two languages. */
function corpus(n: number, seed: number): Record<string, unknown>[] {
  let x = seed;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
  const words = ['a', 'b', 'a b', 'zz', 'q'];
  return Array.from({ length: n }, (_, i) => {
    const lines = Array.from({ length: 1 + Math.floor(next() * 3) }, () =>
      Array.from({ length: 1 + Math.floor(next() * 4) }, () => words[Math.floor(next() * words.length)]).join(
        ' ',
      ),
    );
    return { id: `doc${i}`, text: lines.join('\n'), language: i % 3 === 0 ? 'de' : 'en' };
  });
}

describe('filter-perplexity (global percentile mode, built CLI)', () => {
  const files = [corpus(40, 7), corpus(35, 11)];
  const options = `{ model: ${JSON.stringify(MODEL)}, buckets: percentiles, group_by: language, drop_buckets: [tail] }`;

  it('buckets by per-language percentiles 30/60 and drops the tail', async () => {
    const model = await loadArpa(MODEL, { warn: () => {} });
    const o: PerplexityOptions = CCNET_PERPLEXITY;
    const all = files.flat().map((d) => ({ ...d, ppl: documentPerplexity(model, d.text as string, o) }));
    const cut: Record<string, [number, number]> = {};
    for (const lang of ['de', 'en']) {
      const v = all.filter((d) => d.language === lang).map((d) => d.ppl);
      cut[lang] = [npPercentile(v, 30), npPercentile(v, 60)];
    }
    const bucket = (d: (typeof all)[number]) => {
      const [head, tail] = cut[d.language as string] as [number, number];
      return d.ppl < head ? 'head' : d.ppl < tail ? 'middle' : 'tail';
    };
    const expected = all.filter((d) => bucket(d) !== 'tail');

    const r1 = runStageOnDocs({ tag: 'ppl-w1', files, stage: 'filter-perplexity', options, workers: 1 });
    expect(r1.kept.map((d) => [d.id, d.perplexity, d.bucket])).toEqual(
      expected.map((d) => [d.id, d.ppl, bucket(d)]),
    );
    const stageReport = JSON.stringify(r1.report);
    expect(stageReport).toContain('perplexity_bucket_tail');
    expect(stageReport).toContain(`"head":${cut.de?.[0]}`);

    const r2 = runStageOnDocs({ tag: 'ppl-w2', files, stage: 'filter-perplexity', options, workers: 2 });
    expect(r2.data).toEqual(r1.data);
  });

  it('groups by the input domain and runs the model path relative to the working directory', () => {
    const run = tempDir('ppl-domain');
    writeFileSync(path.join(run, 'web.jsonl'), files[0]!.map((d) => `${JSON.stringify(d)}\n`).join(''));
    writeFileSync(path.join(run, 'wiki.jsonl'), files[1]!.map((d) => `${JSON.stringify(d)}\n`).join(''));
    writeFileSync(path.join(run, 'toy.arpa'), TOY);
    const recipe = writeRecipe(
      run,
      'r.yaml',
      'inputs:\n  - path: web.jsonl\n    domain: web\n  - path: wiki.jsonl\n    domain: wiki\noutput:\n  dir: out\n  format: jsonl\n  compression: none\nruntime:\n  workers: 2\nstages:\n  - stage: filter-perplexity\n    options: { model: toy.arpa, buckets: percentiles, group_by: domain }\n',
    );
    const r = datamill(['run', recipe, '--quiet'], run);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = readReport(path.join(run, 'out')) as {
      reduce: Record<string, { details: { cutoffs: Record<string, unknown>[] } }>;
    };
    const cutoffs = report.reduce['filter-perplexity']?.details.cutoffs[0] ?? {};
    expect(Object.keys(cutoffs).sort()).toEqual(['web', 'wiki']);
    expect(cutoffs.web).toMatchObject({ documents: 40 });
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Doc } from '../../src/core/doc.js';
import decontaminate, { setName } from '../../src/stages/decontaminate.js';
import { datamill, readReport, tempDir, writeRecipe } from '../e2e/cli.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';
import { docsFromTexts, parseOptions, readJsonlRows, runStage } from '../helpers/stage-harness.js';

const dir = tempDir('decontam');
const QUESTION =
  'Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May. ' +
  'How many clips did Natalia sell altogether in April and May?';
const SHORT = 'What is the capital city of the country France today?'; // 10 words: indexed whole
const evalFile = path.join(dir, 'bench_eval.jsonl');
writeFileSync(
  evalFile,
  [
    { question: QUESTION, answer: '72' }, // "72" has 1 word < min_short_words: skipped
    { question: SHORT, answer: 'Paris' },
  ]
    .map((r) => JSON.stringify(r))
    .join('\n'),
);
const otherFile = path.join(dir, 'other.jsonl');
writeFileSync(
  otherFile,
  JSON.stringify({ prompt: ['Tell me a story about a dragon who learns to bake bread'] }),
);

const FILLER = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt. ';
const TEXTS = [
  // d0: 17 words of QUESTION (five 13-grams), with changed case and punctuation.
  `${FILLER}NATALIA sold clips -- to 48 of her friends in April; and then she sold half as many! ${FILLER}`,
  // d1: 12 consecutive words only.
  `${FILLER}Natalia sold clips to 48 of her friends in April, and then. ${FILLER}`,
  // d2: the short eval item, whole.
  `${FILLER}Quiz: what is the capital city of the country France today? ${FILLER}`,
  // d3: the short answer alone, and 9 words of SHORT.
  `${FILLER}The answer is 72. What is the capital city of the country? ${FILLER}`,
  `${FILLER}${FILLER}`,
];
const evalSets = [{ path: evalFile, fields: ['question', 'answer'] }];

describe('decontaminate options', () => {
  it('defaults: 13-grams, min_matches 1, flag, 200-char margin and remainder', () => {
    expect(parseOptions(decontaminate, { eval_sets: evalSets })).toMatchObject({
      ngram: 13,
      min_short_words: 8,
      min_matches: 1,
      mode: 'flag',
      cut_margin_chars: 200,
      min_chars_after_cut: 200,
    });
    expect(decontaminate.preservesRow?.(parseOptions(decontaminate, { eval_sets: evalSets }) as never)).toBe(
      true,
    );
  });

  it.each([
    [{ eval_sets: [] }],
    [{ eval_sets: [{ path: 'x.jsonl' }] }],
    [{ eval_sets: [{ path: 'x.jsonl', fields: ['q'], name: 'Bad-Name' }] }],
    [
      {
        eval_sets: [
          { path: 'a/x.jsonl', fields: ['q'] },
          { path: 'b/x.jsonl.gz', fields: ['q'] },
        ],
      },
    ],
    [{ eval_sets: evalSets, mode: 'erase' }],
    [{ eval_sets: evalSets, ngram: 0 }],
  ])('rejects %j', (o) => {
    expect(() => parseOptions(decontaminate, o)).toThrow(/invalid options/);
  });

  it.each([
    ['../shared/data/instruct/gsm8k_test.jsonl.gz', undefined, 'gsm8k_test'],
    ['/x/MMLU-Pro.test.parquet', undefined, 'mmlu_pro'],
    ['x.jsonl', 'mine', 'mine'],
  ])('set name of %s (%s) is %s', (p, name, expected) => {
    expect(setName({ path: p, name })).toBe(expected);
  });
});

describe('decontaminate on hand-made sets', () => {
  it('flag: 13-gram overlaps and whole short items match; 12 words and tiny items do not', async () => {
    const r = await runStage(decontaminate, { eval_sets: evalSets }, docsFromTexts(TEXTS));
    expect(r.kept).toHaveLength(5);
    const flagged = r.kept.map((d) => (d.row.dm as { decontam?: unknown } | undefined)?.decontam);
    expect(flagged.map((f) => f !== undefined)).toEqual([true, false, true, false, false]);
    const d0 = flagged[0] as { matches: number; sets: Record<string, number>; spans: [number, number][] };
    expect(d0.matches).toBe(5);
    expect(d0.sets).toEqual({ bench_eval: 5 });
    expect(TEXTS[0]!.slice(...d0.spans[0]!)).toBe(
      'NATALIA sold clips -- to 48 of her friends in April; and then she',
    );
    expect(TEXTS[0]!.slice(...d0.spans[4]!)).toBe(
      '48 of her friends in April; and then she sold half as many',
    );
    const d2 = flagged[2] as { spans: [number, number][] };
    expect(TEXTS[2]!.slice(...d2.spans[0]!)).toBe('what is the capital city of the country France today');
    expect(r.counters).toMatchObject({
      contaminated: 2,
      contaminated_bench_eval: 2,
      eval_texts_bench_eval: 2,
    });
    expect(r.observations.matches).toEqual([5, 1]);
  });

  it('drop: reason contaminated with the match count', async () => {
    const r = await runStage(decontaminate, { eval_sets: evalSets, mode: 'drop' }, docsFromTexts(TEXTS));
    expect(r.kept.map((d) => d.id)).toEqual(['d1', 'd3', 'd4']);
    expect(r.drops).toEqual([
      { id: 'd0', reason: 'contaminated', value: 5 },
      { id: 'd2', reason: 'contaminated', value: 1 },
    ]);
  });

  it('min_matches 2 needs two matched positions', async () => {
    const r = await runStage(
      decontaminate,
      { eval_sets: evalSets, mode: 'drop', min_matches: 2 },
      docsFromTexts(TEXTS),
    );
    expect(r.drops.map((d) => d.id)).toEqual(['d0']);
  });

  it.each([
    [0, `${FILLER}\n! ${FILLER}`],
    [500, ''],
  ])('cut: margin %i leaves %j', async (margin, expected) => {
    const r = await runStage(
      decontaminate,
      { eval_sets: evalSets, mode: 'cut', cut_margin_chars: margin, min_chars_after_cut: 0 },
      docsFromTexts([TEXTS[0]!]),
    );
    expect(r.kept[0]!.text).toBe(expected);
    expect((r.kept[0]!.row.dm as { decontam: { cut_chars: number } }).decontam.cut_chars).toBe(
      TEXTS[0]!.length - expected.length,
    );
  });

  it('cut: margin widens the cut; too little left drops with contaminated_too_short', async () => {
    const kept = await runStage(
      decontaminate,
      { eval_sets: evalSets, mode: 'cut', cut_margin_chars: 3, min_chars_after_cut: 0 },
      docsFromTexts([TEXTS[0]!]),
    );
    expect(kept.kept[0]!.text).toBe(`${FILLER.slice(0, -3)}\n${FILLER.slice(1)}`);
    const short = await runStage(
      decontaminate,
      { eval_sets: evalSets, mode: 'cut', cut_margin_chars: 3 },
      docsFromTexts([TEXTS[0]!, TEXTS[4]!]),
    );
    expect(short.drops).toEqual([{ id: 'd0', reason: 'contaminated_too_short', value: 5 }]);
    expect(short.kept.map((d) => d.id)).toEqual(['d1']);
  });

  it('counts per set; array fields index each string', async () => {
    const sets = [...evalSets, { path: otherFile, fields: ['prompt'], name: 'stories' }];
    const docs = docsFromTexts([
      'please tell me a story about a dragon who learns to bake bread tonight',
      `${TEXTS[0]} and a dragon who learns to bake bread`,
    ]);
    const r = await runStage(decontaminate, { eval_sets: sets, ngram: 8 }, docs);
    expect(r.counters).toMatchObject({
      contaminated: 2,
      contaminated_stories: 1,
      contaminated_bench_eval: 1,
    });
    expect((r.kept[0]!.row.dm as { decontam: { sets: object } }).decontam.sets).toEqual({ stories: 5 });
  });

  it('a missing eval set fails with input_missing', async () => {
    const missing = [{ path: path.join(dir, 'nope.jsonl'), fields: ['q'] }];
    await expect(runStage(decontaminate, { eval_sets: missing }, [])).rejects.toMatchObject({
      code: 'input_missing',
    });
  });
});

/** Seeded generator (mulberry32). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

describeWithData('decontaminate on GSM8K', () => {
  const gsmSets = [{ path: sharedPath('instruct/gsm8k_test.jsonl.gz'), fields: ['question', 'answer'] }];
  const train = readJsonlRows(sharedPath('instruct/gsm8k_train.jsonl.gz'));
  const testQuestions = readJsonlRows(sharedPath('instruct/gsm8k_test.jsonl.gz')).map((r) =>
    String(r.question),
  );

  it('flags few of the 7473 train questions', async () => {
    const docs = train.map((row, i): Doc => ({ id: `t${i}`, text: String(row.question), row: {} }));
    const r = await runStage(decontaminate, { eval_sets: gsmSets }, docs);
    const flagged = r.counters.contaminated ?? 0;
    expect(r.counters.eval_texts_gsm8k_test).toBe(2 * 1319);
    expect(flagged).toBeLessThan(docs.length * 0.01);
  });

  it('finds 20 test questions planted in 200 train items, and cuts them', async () => {
    const rand = rng(42);
    const picks = train.slice(0, 200).map((row) => String(row.text));
    const planted = new Map<number, string>();
    while (planted.size < 20)
      planted.set(Math.floor(rand() * 200), testQuestions[Math.floor(rand() * 1319)]!);
    const texts = picks.map((t, i) => {
      const q = planted.get(i);
      if (q === undefined) return t;
      const at = t.indexOf('\n') + 1;
      return `${t.slice(0, at)}${q}\n${t.slice(at)}`;
    });
    const flag = await runStage(decontaminate, { eval_sets: gsmSets }, docsFromTexts(texts));
    const isFlagged = (d: Doc) => (d.row.dm as { decontam?: unknown } | undefined)?.decontam !== undefined;
    const hits = flag.kept.filter((d, i) => planted.has(i) && isFlagged(d)).length;
    const falseHits = flag.kept.filter((d, i) => !planted.has(i) && isFlagged(d)).length;
    expect(hits).toBe(20);
    expect(falseHits).toBeLessThanOrEqual(5);

    const cut = await runStage(
      decontaminate,
      { eval_sets: gsmSets, mode: 'cut', cut_margin_chars: 0, min_chars_after_cut: 0 },
      docsFromTexts(texts),
    );
    for (const [i, q] of planted) {
      expect(texts[i]).toContain(q);
      expect(cut.kept[i]!.text).not.toContain(q);
      expect(cut.kept[i]!.text.length).toBeGreaterThan(0);
    }
  });
});

describe('decontaminate through the CLI', () => {
  it('runs a recipe and reports per-set counters', () => {
    const work = path.join(dir, 'cli');
    mkdirSync(path.join(work, 'in'), { recursive: true });
    const rows = [
      { id: 'a', text: `${FILLER}${QUESTION}` },
      { id: 'b', text: FILLER },
      { id: 'c', text: `${FILLER}${SHORT}` },
      { id: 'd', text: `${FILLER}${FILLER}` },
    ];
    writeFileSync(path.join(work, 'in', 'part.jsonl'), `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const recipe = writeRecipe(
      work,
      'decontam.yaml',
      `inputs:\n  - path: in\noutput:\n  dir: out\n  format: jsonl\nstages:\n  - stage: decontaminate\n` +
        `    options:\n      mode: drop\n      eval_sets:\n        - path: ${evalFile}\n          fields: [question, answer]\n          name: bench\n`,
    );
    const r = datamill(['run', recipe, '--quiet'], work);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = readReport(path.join(work, 'out'));
    expect(report.documents).toMatchObject({ read: 4, out: 2, dropped: 2 });
    const stage = report.stages.find((s: { stage: string }) => s.stage === 'decontaminate');
    expect(stage.counters).toMatchObject({ contaminated: 2, contaminated_bench: 2 });
    expect(stage.dropped_total).toBe(2);
  });
});

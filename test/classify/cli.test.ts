import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datamill, readReport, tempDir, writeRecipe } from '../e2e/cli.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';

const GOOD = ['research', 'history', 'science', 'method', 'analysis', 'evidence', 'theory', 'study'];
const BAD = ['click', 'casino', 'free', 'bonus', 'winner', 'cheap', 'subscribe', 'offer'];

function texts(words: string[], n: number, salt: number): string[] {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: 12 }, (_, j) => words[(i * 7 + j * 3 + salt) % words.length]).join(' '),
  );
}

function jsonl(file: string, rows: object[]): void {
  writeFileSync(file, rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
}

function ok(args: string[], cwd?: string) {
  const r = datamill(args, cwd);
  if (r.status !== 0) throw new Error(`datamill ${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
  return r;
}

describe('datamill classifier (built CLI)', () => {
  const dir = tempDir('clscli');
  jsonl(
    path.join(dir, 'pos.jsonl'),
    texts(GOOD, 30, 0).map((text) => ({ text })),
  );
  jsonl(
    path.join(dir, 'neg.jsonl'),
    texts(BAD, 30, 1).map((text) => ({ text })),
  );

  it('trains from --pos/--neg, evaluates, and filters in a recipe', () => {
    const model = path.join(dir, 'toy.dmqc');
    const train = JSON.parse(
      ok(['classifier', 'train', '--pos', 'pos.jsonl', '--neg', 'neg.jsonl', '-o', model, '--json'], dir)
        .stdout,
    );
    expect(train).toMatchObject({ docs: 60, positives: 30, held_out: 0 });
    const report = JSON.parse(
      ok(['classifier', 'eval', '-m', model, '--pos', 'pos.jsonl', '--neg', 'neg.jsonl', '--json'], dir)
        .stdout,
    );
    expect(report).toMatchObject({ docs: 60, roc_auc: 1, accuracy: 1 });

    jsonl(path.join(dir, 'in.jsonl'), [
      { id: 'g', text: texts(GOOD, 1, 5)[0] },
      { id: 'b', text: texts(BAD, 1, 6)[0] },
    ]);
    const recipe = writeRecipe(
      dir,
      'r.yaml',
      'inputs:\n  - path: in.jsonl\noutput:\n  dir: out\n  format: jsonl\n  compression: none\nruntime:\n  workers: 1\n' +
        'stages:\n  - stage: classify-quality\n    options: {model: toy.dmqc, threshold: 0.5}\n',
    );
    ok(['run', recipe, '--quiet'], dir);
    const out = path.join(dir, 'out');
    const rows = readFileSync(path.join(out, 'data', 'part-00000-0000.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.id)).toEqual(['g']);
    expect(rows[0].quality_score).toBeGreaterThan(0.5);
    expect(JSON.stringify(readReport(out))).toContain('quality_too_low');
  });

  it.each<[string, string[], RegExp, number]>([
    [
      'a model that is not one',
      ['classifier', 'eval', '-m', 'pos.jsonl', 'pos.jsonl'],
      /pos\.jsonl: not a valid/,
      3,
    ],
    ['files without --label-field', ['classifier', 'train', '-o', 'x.dmqc', 'pos.jsonl'], /--label-field/, 2],
    [
      '--holdout 1',
      ['classifier', 'train', '-o', 'x.dmqc', '--pos', 'pos.jsonl', '--neg', 'neg.jsonl', '--holdout', '1'],
      /--holdout/,
      2,
    ],
  ])('fails clearly on %s', (_name, args, message, status) => {
    const r = datamill(args, dir);
    expect(r.stderr).toMatch(message);
    expect(r.status).toBe(status);
  });
});

describeWithData('datamill classifier on DCLM labels (built CLI)', () => {
  it('train and eval with the same --holdout/--seed see complementary sets; AUC ≥ 0.80', () => {
    const dir = tempDir('clsdclm');
    const data = sharedPath('web', 'dclm_quality_labels', 'majority_data.jsonl.gz');
    const model = path.join(dir, 'dclm.dmqc');
    const split = ['--holdout', '0.3', '--seed', '2'];
    const train = JSON.parse(
      ok(['classifier', 'train', '--label-field', 'label', ...split, '-o', model, '--json', data]).stdout,
    );
    const report = JSON.parse(ok(['classifier', 'eval', '-m', model, ...split, '--json', data]).stdout);
    expect(train.docs + report.docs).toBe(499);
    expect(train.held_out).toBe(report.docs);
    expect(report.roc_auc).toBeGreaterThanOrEqual(0.8);
    // Same flags, same bytes: training is deterministic through the CLI too.
    const again = path.join(dir, 'again.dmqc');
    ok(['classifier', 'train', '--label-field', 'label', ...split, '-o', again, data]);
    expect(readFileSync(again).equals(readFileSync(model))).toBe(true);
    const text = ok(['classifier', 'eval', '-m', model, ...split, data]).stdout;
    expect(text).toMatch(/^documents \d+ \(\d+ positive, \d+ negative\)\nthreshold 0\.5: accuracy/);
    expect(text).toContain(`ROC AUC ${report.roc_auc.toFixed(4)}`);
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ExampleSource, labelValue, loadExamples, splitSide } from '../../src/classify/data.js';
import { tempDir } from '../e2e/cli.js';

function jsonl(file: string, rows: unknown[]): string {
  writeFileSync(file, rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return file;
}

const src = (over: Partial<ExampleSource>): ExampleSource => ({
  files: [],
  pos: [],
  neg: [],
  text_field: 'text',
  label_field: 'label',
  positive: null,
  ...over,
});

describe('labelValue', () => {
  it.each<[unknown, string | null, number | undefined]>([
    [1, null, 1],
    [0, null, 0],
    [true, null, 1],
    [false, null, 0],
    ['1', null, 1],
    ['false', null, 0],
    [1n, null, 1],
    [2, null, undefined],
    ['hq', null, undefined],
    [undefined, null, undefined],
    ['hq', 'hq', 1],
    ['lq', 'hq', 0],
    [2, '2', 1],
    [1, '2', 0],
  ])('%s with positive %s is %s', (v, positive, y) => {
    expect(labelValue(v, positive)).toBe(y);
  });
});

describe('splitSide', () => {
  it.each([0.3, 0.5, 0.1])('train and hold-out sides are complementary (share %f)', (share) => {
    const items = Array.from({ length: 1000 }, (_, i) => i);
    const train = splitSide(items, share, 42, 'train');
    const test = splitSide(items, share, 42, 'holdout');
    expect([...train, ...test].sort((a, b) => a - b)).toEqual(items);
    expect(test.length / items.length).toBeGreaterThan(share - 0.06);
    expect(test.length / items.length).toBeLessThan(share + 0.06);
    expect(splitSide(items, share, 43, 'holdout')).not.toEqual(test);
  });
});

describe('loadExamples', () => {
  const dir = tempDir('clsdata');
  const labelled = jsonl(path.join(dir, 'l.jsonl'), [
    { text: 'a', label: 1 },
    { text: 'b', label: 'hq' },
    { text: 7, label: 0 },
  ]);
  mkdirSync(path.join(dir, 'pos'));
  mkdirSync(path.join(dir, 'neg'));
  jsonl(path.join(dir, 'pos', 'p1.jsonl'), [{ text: 'p1' }, { text: 'p2' }]);
  jsonl(path.join(dir, 'neg', 'n1.jsonl'), [{ text: 'n1' }]);

  it('reads pos/neg folders in order, positives first', async () => {
    const ex = await loadExamples(
      src({ pos: [path.join(dir, 'pos')], neg: [path.join(dir, 'neg/*.jsonl')] }),
      () => {},
    );
    expect(ex).toEqual([
      { text: 'p1', y: 1 },
      { text: 'p2', y: 1 },
      { text: 'n1', y: 0 },
    ]);
  });

  it('with --positive, skipping rows without a string text and warning once', async () => {
    const warnings: string[] = [];
    const ex = await loadExamples(src({ files: [labelled], positive: 'hq' }), (m) => warnings.push(m));
    expect(ex).toEqual([
      { text: 'a', y: 0 },
      { text: 'b', y: 1 },
    ]);
    expect(warnings).toEqual(['classifier: skipped 1 rows without a string field "text"']);
  });

  it('skips bad records with one warning naming the first', async () => {
    const file = path.join(dir, 'bad.jsonl');
    writeFileSync(file, '{"text": "ok", "label": 1}\n{not json\n{"text": "ok2", "label": 0}\n');
    const warnings: string[] = [];
    const ex = await loadExamples(src({ files: [file] }), (m) => warnings.push(m));
    expect(ex.map((e) => e.y)).toEqual([1, 0]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^classifier: skipped 1 bad records, the first: .*bad\.jsonl:2: /);
  });

  it.each<[string, Partial<ExampleSource>, RegExp]>([
    ['a string label without --positive', { files: [labelled] }, /l\.jsonl#1: label field "label" is "hq"/],
    [
      'files and --pos together',
      { files: [labelled], pos: ['x'], neg: ['y'] },
      /either labelled FILES or --pos/,
    ],
    ['--pos without --neg', { pos: [labelled] }, /--pos and --neg go together/],
    ['no label field', { files: [labelled], label_field: null }, /need --label-field/],
    ['a missing path', { files: [path.join(dir, 'missing.jsonl')] }, /missing\.jsonl: no such file/],
  ])('fails clearly on %s', async (_name, over, message) => {
    await expect(loadExamples(src(over), () => {})).rejects.toThrow(message);
  });
});

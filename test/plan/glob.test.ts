import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPath, globToRegExp, splitGlob } from '../../src/plan/glob.js';

describe('globToRegExp', () => {
  it.each([
    ['*.jsonl', 'a.jsonl', true],
    ['*.jsonl', 'd/a.jsonl', false],
    ['**/*.jsonl', 'a.jsonl', true],
    ['**/*.jsonl', 'd/e/a.jsonl', true],
    ['part-?.gz', 'part-1.gz', true],
    ['part-?.gz', 'part-12.gz', false],
    ['*.{jsonl,parquet}', 'x.parquet', true],
    ['*.{jsonl,parquet}', 'x.arrow', false],
    ['[ab]*.txt', 'b1.txt', true],
    ['[!ab]*.txt', 'b1.txt', false],
    ['a.b', 'axb', false],
  ])('%s matches %s: %s', (glob, p, want) => {
    expect(globToRegExp(glob).test(p)).toBe(want);
  });
});

describe('splitGlob', () => {
  it.each([
    ['data/web/*.gz', 'data/web', '*.gz'],
    ['/abs/**/x.jsonl', '/abs', '**/x.jsonl'],
    ['plain/file.jsonl', 'plain/file.jsonl', ''],
  ])('%s → base %s, rest %s', (p, base, rest) => {
    expect(splitGlob(p)).toEqual({ base, rest });
  });
});

describe('expandPath', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dm-glob-'));
  mkdirSync(path.join(dir, 'sub'));
  for (const f of ['b.jsonl', 'a.jsonl', 'sub/c.jsonl', 'sub/d.parquet', '.hidden.jsonl'])
    writeFileSync(path.join(dir, f), '{}\n');

  it('lists a directory recursively, sorted, without hidden files', async () => {
    const got = (await expandPath(dir)).map((p) => path.relative(dir, p));
    expect(got).toEqual(['a.jsonl', 'b.jsonl', 'sub/c.jsonl', 'sub/d.parquet']);
  });
  it('expands globs', async () => {
    expect((await expandPath(`${dir}/**/*.jsonl`)).map((p) => path.relative(dir, p))).toEqual([
      'a.jsonl',
      'b.jsonl',
      'sub/c.jsonl',
    ]);
  });
  it('returns nothing for a missing path', async () => {
    expect(await expandPath(path.join(dir, 'nope/*.jsonl'))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { canonicalJson, recipeHash } from '../../src/recipe/hash.js';
import { parseRecipe } from '../../src/recipe/load.js';
import type { Recipe } from '../../src/recipe/schema.js';
import { fakeRegistry } from './fake-stages.js';

const base = `inputs:
  - path: data/web
output:
  dir: out
runtime:
  workers: 2
stages:
  - stage: filter-length
    options: { min_words: 50 }
`;

function load(source: string): Recipe {
  return parseRecipe(source, '/recipes/a.yaml', fakeRegistry()).recipe;
}

describe('recipeHash', () => {
  it('is sha256 hex and stable', () => {
    const h = recipeHash(load(base));
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(recipeHash(load(base))).toBe(h);
  });

  it('ignores runtime.workers, key order, comments, layout and spelt-out defaults', () => {
    const h = recipeHash(load(base));
    expect(recipeHash(load(base.replace('workers: 2', 'workers: 64')))).toBe(h);
    expect(recipeHash(load(base.replace('workers: 2', 'workers: 2\n  worker_heap_mb: 2048')))).toBe(h);
    expect(recipeHash(load(base.replace('  workers: 2\n', '  workers: 1 # laptop\n')))).toBe(h);
    const reordered = `stages: [{ options: { min_words: 50 }, stage: filter-length }]
output: { dir: out, format: parquet, target_part_bytes: 256 MB }
inputs: [{ text_field: text, path: data/web }]
`;
    expect(recipeHash(load(reordered))).toBe(h);
  });

  it.each([
    ['runtime seed', base.replace('workers: 2', 'seed: 1')],
    ['a stage option', base.replace('min_words: 50', 'min_words: 51')],
    ['a stage id', base.replace('options:', 'id: other\n    options:')],
    ['an input path', base.replace('data/web', 'data/books')],
    ['the output dir', base.replace('dir: out', 'dir: out2')],
    ['a byte size', base.replace('workers: 2', 'batch_bytes: 2MB')],
    ['the token sample rate', base.replace('workers: 2', 'token_sample_rate: 0.5')],
    ['keep_rejected', base.replace('dir: out', 'dir: out\n  keep_rejected: true')],
    ['an added stage', `${base}  - stage: sample\n`],
  ])('changes with %s', (_what, changed) => {
    expect(recipeHash(load(changed))).not.toBe(recipeHash(load(base)));
  });

  it('depends on where the recipe is (paths are absolute)', () => {
    const elsewhere = parseRecipe(base, '/other/a.yaml', fakeRegistry()).recipe;
    expect(recipeHash(elsewhere)).not.toBe(recipeHash(load(base)));
  });
});

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: [2, { d: undefined, c: 'x' }] }, '{"a":[2,{"c":"x"}],"b":1}'],
    [[Number.NaN, 1n, null, undefined], '[null,"1",null,null]'],
    [new Map([['z', 1]]), '{"z":1}'],
    [new Set([3, 1]), '[3,1]'],
    [/a+/g, '"/a+/g"'],
  ])('case %#', (value, json) => {
    expect(canonicalJson(value)).toBe(json);
  });
});

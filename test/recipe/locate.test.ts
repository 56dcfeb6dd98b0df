import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/recipe/locate.js';

const source = `# comment
inputs:
  - path: data
    format: jsonl
output: { dir: out, format: parquet }
stages:
  - stage: filter-length
    options: &opts
      min_words: 5
  - stage: sample
    options: *opts
  - stage: x
    options:
`;

describe('parseYaml', () => {
  const yaml = parseYaml(source);

  it('returns plain data', () => {
    expect(yaml.errors).toEqual([]);
    expect(yaml.empty).toBe(false);
    expect(yaml.value).toMatchObject({ inputs: [{ path: 'data', format: 'jsonl' }], output: { dir: 'out' } });
  });

  it.each([
    [['inputs'], 'value', 3, 3],
    [['inputs'], 'key', 2, 1],
    [['inputs', 0, 'format'], 'value', 4, 13],
    [['inputs', 0, 'format'], 'key', 4, 5],
    [['output', 'format'], 'value', 5, 29],
    [['output', 'format'], 'key', 5, 21],
    [['stages', 0, 'options', 'min_words'], 'value', 9, 18],
    // through an alias: the anchored node
    [['stages', 1, 'options', 'min_words'], 'value', 9, 18],
    // `options:` with nothing after it: the key
    [['stages', 2, 'options'], 'value', 13, 5],
    // missing keys and items: the deepest ancestor that exists
    [['output', 'compression'], 'value', 5, 9],
    [['stages', 7, 'stage'], 'value', 7, 3],
    [['runtime', 'seed'], 'key', 2, 1],
    [[], 'value', 2, 1],
  ] as const)('%j (%s) → %d:%d', (path, at, line, col) => {
    expect(yaml.locate(path, at)).toEqual({ line, col });
  });

  it('reports syntax errors with their position and no code frame', () => {
    const bad = parseYaml('a: 1\nb: [1, 2\nc: 3\n');
    expect(bad.value).toBeUndefined();
    expect(bad.errors.length).toBeGreaterThan(0);
    expect(bad.errors[0]?.pos).toEqual({ line: 3, col: 1 });
    expect(bad.errors[0]?.message).not.toMatch(/\n|at line/);
  });

  it.each([[''], ['# only a comment\n'], ['\n\n']])('marks %j as empty', (text) => {
    expect(parseYaml(text).empty).toBe(true);
  });

  it('does not call a null document empty', () => {
    expect(parseYaml('~\n').empty).toBe(false);
  });
});

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from '../../src/core/schema.js';
import { isDatamillError } from '../../src/errors.js';
import { recipeHash } from '../../src/recipe/hash.js';
import { loadRecipe, parseRecipe } from '../../src/recipe/load.js';
import { defineStage } from '../../src/stages/define.js';
import * as realRegistry from '../../src/stages/registry.js';
import { fakeRegistry } from './fake-stages.js';

const quickstart = `# The quickstart recipe from the brief.
inputs:
  - path: data/web/*.jsonl.gz
    format: jsonl
    domain: web
  - path: /abs/books
output:
  dir: ../out/quickstart
  target_part_bytes: 1.5 GiB
  keep_rejected: true
runtime:
  workers: 3
  seed: 42
  batch_bytes: 2097152
stages:
  - stage: filter-length
    id: min-length
    options: { min_words: 20 }
  - stage: sample
  - stage: filter-length
    options:
      max_words: 100000
`;

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isDatamillError(e)) return e.message;
    throw e;
  }
  throw new Error('expected a recipe error');
}

describe('parseRecipe', () => {
  const loaded = parseRecipe(quickstart, '/work/pipelines/quick.yaml', fakeRegistry());

  it('applies defaults and parses byte sizes', () => {
    expect(loaded.recipe.inputs).toEqual([
      {
        path: '/work/pipelines/data/web/*.jsonl.gz',
        format: 'jsonl',
        text_field: 'text',
        id_field: 'id',
        domain: 'web',
      },
      { path: '/abs/books', text_field: 'text', id_field: 'id' },
    ]);
    expect(loaded.recipe.output).toEqual({
      dir: '/work/out/quickstart',
      format: 'parquet',
      compression: 'zstd',
      target_part_bytes: 1_610_612_736,
      row_group_bytes: 4 * 1024 * 1024,
      id_field: 'id',
      keep_rejected: true,
    });
    expect(loaded.recipe.runtime).toEqual({
      workers: 3,
      seed: 42,
      on_bad_record: 'fail',
      batch_bytes: 2_097_152,
      task_bytes: 128_000_000,
      token_count: 'sample',
      token_sample_rate: 0.005,
      tokenizer: 'cl100k_base',
    });
  });

  it('gives each stage an id and its parsed options', () => {
    expect(loaded.recipe.stages).toEqual([
      { stage: 'filter-length', id: 'min-length', options: { min_words: 20 } },
      { stage: 'sample', id: 'sample', options: { rate: 1 } },
      { stage: 'filter-length', id: 'filter-length', options: { min_words: 50, max_words: 100000 } },
    ]);
  });

  it('records the file, its directory, the source and the hash', () => {
    expect(loaded.file).toBe('/work/pipelines/quick.yaml');
    expect(loaded.dir).toBe('/work/pipelines');
    expect(loaded.source).toBe(quickstart);
    expect(loaded.hash).toBe(recipeHash(loaded.recipe));
  });

  it('defaults workers to the number of cores and runtime as a whole', () => {
    const r = parseRecipe('inputs: [{path: a}]\noutput: {dir: o}\nstages: []\n', '/r/x.yaml', fakeRegistry());
    expect(r.recipe.runtime.workers).toBe(availableParallelism());
    expect(r.recipe.runtime.seed).toBe(0);
    expect(r.recipe.stages).toEqual([]);
  });

  it('resolves relative paths against the recipe, not the working directory', () => {
    const r = parseRecipe(
      'inputs: [{path: a}]\noutput: {dir: o}\nstages: []\n',
      'rel/x.yaml',
      fakeRegistry(),
    );
    expect(r.file).toBe(path.resolve('rel/x.yaml'));
    expect(r.recipe.inputs[0]?.path).toBe(path.resolve('rel/a'));
    expect(r.recipe.output.dir).toBe(path.resolve('rel/o'));
  });

  it('collects every problem, one line each, naming the file as given', () => {
    const message = errorOf(() =>
      parseRecipe(
        'inputs: []\noutput: {dir: o, fromat: x}\nstages: [{stage: nope}]\n',
        'p/x.yaml',
        fakeRegistry(),
      ),
    );
    expect(message.split('\n')).toEqual([
      'p/x.yaml:1:9: inputs: expected at least 1 item, got 0 items',
      'p/x.yaml:2:18: output.fromat: unknown key, did you mean "format"?',
      'p/x.yaml:3:18: stages[0].stage: unknown stage "nope", expected a registered stage name (see datamill stages)',
    ]);
  });

  it('keeps a message that a stage schema wrote, adding the value it got', () => {
    const share = defineStage({
      name: 'keep-share',
      kind: 'map',
      description: 'test stage',
      options: z.object({ share: z.number().gt(0, 'expected a share in (0, 1]').max(1) }),
      create: () => ({ process: (b) => b }),
    });
    const source =
      'inputs: [{path: a}]\noutput: {dir: o}\nstages: [{stage: keep-share, options: {share: 0}}]\n';
    expect(errorOf(() => parseRecipe(source, 'x.yaml', fakeRegistry([share])))).toBe(
      'x.yaml:3:47: stages[0].options.share: expected a share in (0, 1], got 0',
    );
  });
});

describe('loadRecipe', () => {
  let dir: string;
  let cwd: string;
  beforeAll(async () => {
    cwd = process.cwd();
    dir = await mkdtemp(path.join(tmpdir(), 'datamill-recipe-'));
    await mkdir(path.join(dir, 'pipelines'));
    await writeFile(path.join(dir, 'pipelines/good.yaml'), quickstart);
    await writeFile(
      path.join(dir, 'pipelines/bad.yaml'),
      quickstart.replace('min_words: 20', 'min_wrds: 20'),
    );
    process.chdir(dir);
  });
  afterAll(async () => {
    process.chdir(cwd);
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a file given by a relative path', async () => {
    const loaded = await loadRecipe('pipelines/good.yaml', fakeRegistry());
    expect(loaded.file).toBe(path.join(dir, 'pipelines/good.yaml'));
    expect(loaded.dir).toBe(path.join(dir, 'pipelines'));
    expect(loaded.recipe.output.dir).toBe(path.join(dir, 'out/quickstart'));
  });

  it('names the file as the user gave it', async () => {
    await expect(loadRecipe('pipelines/bad.yaml', fakeRegistry())).rejects.toThrow(
      /^pipelines\/bad\.yaml:18:16: stages\[0\]\.options\.min_wrds: unknown option, did you mean "min_words"\?$/,
    );
  });

  it.each([
    ['pipelines/missing.yaml', 'pipelines/missing.yaml: cannot read the recipe (no such file)'],
    ['pipelines', 'pipelines: cannot read the recipe (it is a directory)'],
  ])('refuses %s with exit 2', async (file, message) => {
    const e = await loadRecipe(file, fakeRegistry()).catch((x: unknown) => x);
    expect(isDatamillError(e) && e.exitCode).toBe(2);
    expect((e as Error).message).toBe(message);
  });
});

describe('with the real stage registry', () => {
  it('loads a recipe without stages', () => {
    const r = parseRecipe('inputs: [{path: a}]\noutput: {dir: o}\nstages: []\n', '/r/x.yaml');
    expect(r.recipe.stages).toEqual([]);
  });

  it('loads every registered stage with its default options, and refuses unknown ones', () => {
    const names = realRegistry.stageNames();
    const stages = names.map((n) => `\n  - stage: ${n}`).join('') || ' []';
    const source = `inputs: [{path: a}]\noutput: {dir: o}\nstages:${stages}\n`;
    let loaded: ReturnType<typeof parseRecipe> | undefined;
    try {
      loaded = parseRecipe(source, '/r/x.yaml');
    } catch (e) {
      // A stage with a required option cannot load bare; that must be the only kind of complaint.
      for (const line of (e as Error).message.split('\n')) expect(line).toMatch(/missing required key/);
    }
    if (loaded) expect(loaded.recipe.stages.map((s) => s.stage)).toEqual(names);
    const unknown = `inputs: [{path: a}]\noutput: {dir: o}\nstages: [{stage: no-such-stage-zz}]\n`;
    expect(errorOf(() => parseRecipe(unknown, 'x.yaml'))).toMatch(
      /stages\[\d+\]\.stage: unknown stage "no-such-stage-zz"/,
    );
  });
});

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseXml } from '../check/xml.js';
import { datamill, tempDir, writeRecipe } from '../e2e/cli.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';

// `datamill check` through the built CLI (npx tsc first).

const words = (n: number, seed: number) =>
  Array.from({ length: n }, (_, i) => `w${(i * 7 + seed) % 97}`).join(' ');

function jsonl(rows: unknown[]): string {
  return rows.map((r) => `${JSON.stringify(r)}\n`).join('');
}

/** Fails the test with the CLI's stderr when it crashed instead of exiting with a code of its own. */
function noStack(stderr: string) {
  expect(stderr).not.toContain('internal error');
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('datamill check RECIPE', () => {
  let dir: string;
  const recipe = (checks: string) =>
    writeRecipe(
      dir,
      'r.yaml',
      `inputs:\n  - path: in.jsonl\n    domain: web\noutput:\n  dir: out\n  format: jsonl\n  compression: none\nruntime:\n  workers: 1\nstages:\n  - stage: filter-length\n    id: min-length\n    options: { min_words: 5 }\n  - stage: dedup-exact\nchecks:\n${checks}`,
    );

  beforeAll(() => {
    dir = tempDir('check-recipe');
    // 20 documents: 2 too short, 3 exact copies of earlier ones.
    const docs = Array.from({ length: 15 }, (_, i) => ({ text: words(20, i) }));
    docs.push({ text: 'too short' }, { text: 'tiny' }, docs[0]!, docs[1]!, docs[2]!);
    writeFileSync(path.join(dir, 'in.jsonl'), jsonl(docs));
  });

  it('passes: exit 0, check.md and JUnit in the run directory, --json on stdout', () => {
    const file = recipe(
      '  - metric: documents.read\n    min: 20\n    max: 20\n  - name: short pages\n    metric: stages.min-length.reasons.too_few_words\n    max: 2\n  - metric: stages.dedup-exact.drop_rate\n    max: 0.2\n  - metric: domains.web.kept_rate\n    min: 0.75\n',
    );
    const r = datamill(['check', file, '--json', '-q']);
    expect(r.stderr).toContain('All 4 checks passed.');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.passed).toBe(true);
    expect(out.run_dir).toBe(path.join(dir, 'out'));
    expect(out.checks.map((c: { name: string; value: number }) => [c.name, c.value])).toEqual([
      ['documents.read between 20 and 20', 20],
      ['short pages', 2],
      ['stages.dedup-exact.drop_rate ≤ 0.2', 3 / 18],
      ['domains.web.kept_rate ≥ 0.75', 15 / 20],
    ]);
    expect(readFileSync(path.join(dir, 'out', 'check.md'), 'utf8')).toContain(
      '**PASSED**: All 4 checks passed.',
    );
    const xml = parseXml(readFileSync(path.join(dir, 'out', 'check.junit.xml'), 'utf8'));
    expect(xml.children[0]!.attrs).toMatchObject({ tests: '4', failures: '0' });
  });

  it('fails with exit 5 after resuming the finished run (checks are not in the recipe hash)', () => {
    const file = recipe(
      '  - metric: documents.out\n    min: 16\n  - metric: documents.quarantined\n    max: 0\n',
    );
    const junit = path.join(dir, 'reports', 'junit.xml');
    const md = path.join(dir, 'reports', 'check.md');
    const r = datamill(['check', file, '--junit', junit, '--markdown', md]);
    expect(r.stderr).toContain('resuming');
    expect(r.stderr).toContain(
      'datamill: error: 1 of 2 checks failed: documents.out = 15, expected ≥ 16; see ' +
        path.join(dir, 'out', 'check.md'),
    );
    expect(r.status).toBe(5);
    noStack(r.stderr);
    const suite = parseXml(readFileSync(junit, 'utf8')).children[0]!;
    expect(suite.attrs).toMatchObject({ name: file, tests: '2', failures: '1' });
    expect(suite.children[0]!.children[0]!.attrs.message).toBe('documents.out = 15, expected ≥ 16');
    expect(readFileSync(md, 'utf8')).toBe(readFileSync(path.join(dir, 'out', 'check.md'), 'utf8'));
  });

  it.each([
    [['r.yaml', 'in.jsonl'], 'expected one recipe (.yaml/.yml) or data files'],
    [['r.yaml', '--text-field', 'body'], '--text-field apply to data files only'],
  ])('usage error %j: exit 2', (args, message) => {
    recipe('  - metric: documents.out\n    min: 1\n');
    const r = datamill(['check', ...args], dir);
    expect(r.stderr).toContain(message);
    expect(r.status).toBe(2);
  });

  it('a recipe without checks, or with a bad one, is an error before any data is read', () => {
    const none = writeRecipe(
      dir,
      'none.yaml',
      'inputs:\n  - path: in.jsonl\noutput:\n  dir: out-none\nstages: []\n',
    );
    const r1 = datamill(['check', none]);
    expect(r1.stderr).toContain('the recipe has no checks');
    expect(r1.status).toBe(2);
    const bad = recipe('  - metric: stages.min-lenght.drop_rate\n    max: 0.1\n');
    const r2 = datamill(['check', bad]);
    expect(r2.stderr).toContain(
      `${bad}:16:13: checks[0].metric: metric "stages.min-lenght.drop_rate": no stage`,
    );
    expect(r2.status).toBe(2);
    expect(existsSync(path.join(dir, 'out-none'))).toBe(false);
  });
});

describe('datamill check FILE...', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('check-files');
    const docs = Array.from({ length: 10 }, (_, i) => ({ body: words(10, i) }));
    writeFileSync(path.join(dir, 'clean.jsonl'), jsonl(docs));
    writeFileSync(path.join(dir, 'dups.jsonl'), jsonl([...docs.slice(0, 8), docs[0], docs[1]]));
    // A JSON syntax error, invalid UTF-8 (a lone 0xff byte) and a record without the text field.
    const bad = Buffer.concat([
      Buffer.from(jsonl(docs.slice(0, 3))),
      Buffer.from('{"body": "unterminated\n'),
      Buffer.from('{"body": "caf'),
      Buffer.from([0xff]),
      Buffer.from('"}\n{"title": "no body"}\n'),
    ]);
    writeFileSync(path.join(dir, 'bad.jsonl'), bad);
  });

  it('a clean file passes the default checks; the temp run directory is removed', () => {
    const r = datamill(['check', 'clean.jsonl', '--text-field', 'body', '--json', '-q'], dir);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ run_dir: null, passed: true });
    expect(out.checks.map((c: { metric: string }) => c.metric)).toEqual([
      'documents.read',
      'documents.quarantined',
      'stages.dedup-exact.drop_rate',
    ]);
  });

  it.each([
    [[], 5, 'share of exact duplicates: stages.dedup-exact.drop_rate = 0.2, expected ≤ 0'],
    [['--max-duplicate-rate', '0.2'], 0, 'All 3 checks passed.'],
    [['--max-duplicate-rate', '2'], 2, 'expected a number in 0..1, got "2"'],
  ])('duplicates with %j: exit %i', (flags, status, message) => {
    const r = datamill(['check', 'dups.jsonl', '--text-field', 'body', '-q', ...flags], dir);
    expect(r.stderr).toContain(message);
    expect(r.status).toBe(status);
  });

  it('--checks adds a checks file, validated against the generated recipe', () => {
    writeFileSync(path.join(dir, 'more.yaml'), 'checks:\n  - metric: documents.read\n    min: 11\n');
    const r = datamill(['check', 'clean.jsonl', '--text-field', 'body', '--checks', 'more.yaml', '-q'], dir);
    expect(r.stderr).toContain('1 of 4 checks failed: documents.read = 10, expected ≥ 11');
    expect(r.status).toBe(5);
    writeFileSync(path.join(dir, 'typo.yaml'), 'checks:\n  - metric: stages.dedup_exact.in\n    min: 1\n');
    const t = datamill(['check', 'clean.jsonl', '--checks', 'typo.yaml'], dir);
    expect(t.stderr).toContain(
      'typo.yaml:2:13: checks[0].metric: metric "stages.dedup_exact.in": no stage with id "dedup_exact" in this recipe, did you mean "dedup-exact"?',
    );
    expect(t.status).toBe(2);
  });

  it('bad records fail the gate with each reason in check.md (--out keeps the run directory)', () => {
    const out = path.join(dir, 'run-bad');
    const r = datamill(['check', 'bad.jsonl', '--text-field', 'body', '--out', out, '-q'], dir);
    expect(r.status).toBe(5);
    noStack(r.stderr);
    expect(r.stderr).toContain(
      'every record is valid (JSON, UTF-8, a string text field): documents.quarantined = 3, expected ≤ 0',
    );
    const md = readFileSync(path.join(out, 'check.md'), 'utf8');
    expect(md).toContain('bad.jsonl@');
    expect(md).toMatch(/invalid JSON/);
    expect(md).toMatch(/invalid UTF-8/);
    expect(md).toContain('text field "body": expected a string, got no such field');
    const failure = parseXml(readFileSync(path.join(out, 'check.junit.xml'), 'utf8')).children[0]!
      .children[1]!;
    expect(failure.children[0]!.text).toContain('text field "body": expected a string');
  });
});

describeWithData('datamill check on shared data', () => {
  it('dolma formats_test.jsonl: its one record has no text field → quarantined → exit 5 with the reason', () => {
    const out = path.join(tempDir('check-dolma'), 'run');
    const r = datamill(['check', sharedPath('web/dolma_misc/formats_test.jsonl'), '--out', out, '-q']);
    expect(r.status).toBe(5);
    const md = readFileSync(path.join(out, 'check.md'), 'utf8');
    expect(md).toContain(
      '| **FAIL** | every record is valid (JSON, UTF-8, a string text field) | `documents.quarantined` | 1 | ≤ 0 |',
    );
    expect(md).toContain(
      'formats_test.jsonl@0: text field "text": expected a string, got no such field (fields: message;',
    );
  });

  it('C4 demo (300 clean documents, no copies) passes', () => {
    const r = datamill(['check', sharedPath('web/llamafactory_c4_demo.jsonl.gz'), '-q', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).checks[0].value).toBe(300);
  });
});

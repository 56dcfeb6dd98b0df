import { describe, expect, it } from 'vitest';
import { isDatamillError } from '../../src/errors.js';
import { parseChecks } from '../../src/recipe/checks-file.js';
import { parseRecipe } from '../../src/recipe/load.js';
import { fakeRegistry } from '../recipe/fake-stages.js';

const head = `inputs:
  - path: web.jsonl
    domain: web
  - path: books.jsonl
output:
  dir: out
stages:
  - stage: filter-length
    id: min-length
  - stage: dedup-exact
`;

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isDatamillError(e)) {
      expect(e.exitCode).toBe(2);
      return e.message;
    }
    throw e;
  }
  throw new Error('expected a recipe error');
}

const load = (checks: string) => parseRecipe(`${head}checks:\n${checks}`, 'r.yaml', fakeRegistry());

describe('recipe checks:', () => {
  it('parses checks, resolving nothing and defaulting nothing', () => {
    const loaded = load(
      '  - metric: documents.quarantined\n    max: 0\n  - name: keep most web\n    metric: domains.web.kept_rate\n    min: 0.5\n  - metric: domains.input1.docs_in\n    min: 1\n',
    );
    expect(loaded.recipe.checks).toEqual([
      { metric: 'documents.quarantined', max: 0 },
      { name: 'keep most web', metric: 'domains.web.kept_rate', min: 0.5 },
      { metric: 'domains.input1.docs_in', min: 1 },
    ]);
  });

  it('leaves checks out of the recipe hash (a new bound reuses a finished run)', () => {
    const without = parseRecipe(head, 'r.yaml', fakeRegistry());
    const a = load('  - metric: documents.out\n    min: 1\n');
    const b = load('  - metric: documents.out\n    min: 2\n');
    expect(a.hash).toBe(without.hash);
    expect(b.hash).toBe(without.hash);
  });

  // Line 11 is `checks:`, so the first check starts on line 12.
  it.each([
    [
      '  - metric: stages.min-lenght.drop_rate\n    max: 0.1\n',
      'r.yaml:12:13: checks[0].metric: metric "stages.min-lenght.drop_rate": no stage with id "min-lenght" in this recipe, did you mean "min-length"?',
    ],
    [
      '  - metric: stages.filter-length.in\n    max: 1\n',
      'no stage with id "filter-length" in this recipe, expected one of min-length, dedup-exact',
    ],
    [
      '  - metric: domains.wbe.kept_rate\n    min: 0.5\n',
      'r.yaml:12:13: checks[0].metric: metric "domains.wbe.kept_rate": no domain "wbe" in this recipe, did you mean "web"?',
    ],
    [
      '  - metric: documents.quarantine\n    max: 0\n',
      'r.yaml:12:13: checks[0].metric: metric "documents.quarantine": unknown documents field "quarantine", did you mean "quarantined"?',
    ],
    ['  - metric: documents.read\n', 'r.yaml:12:5: checks[0]: expected min, max or both, got neither'],
    [
      '  - metric: documents.read\n    min: 5\n    max: 1\n',
      'r.yaml:14:10: checks[0].max: expected max ≥ min (5), got 1',
    ],
    [
      '  - metric: documents.read\n    maxx: 1\n', // one problem, not also "no bound"
      'r.yaml:13:5: checks[0].maxx: unknown key, did you mean "max"?',
    ],
    [
      '  - metric: documents.read\n    max: "10%"\n',
      'r.yaml:13:10: checks[0].max: expected number, got string "10%"',
    ],
    ['  - max: 1\n', 'r.yaml:12:5: checks[0].metric: missing required key, expected string'],
    ['  metric: documents.read\n', 'r.yaml:12:3: checks: expected list, got mapping'],
  ])('%j', (checks, message) => {
    const error = errorOf(() => load(checks));
    expect(error).toContain(message);
    expect(error.split('\n')).toHaveLength(1);
  });

  it('reports every bad check at once, sorted by line', () => {
    const lines = errorOf(() => load('  - metric: x.y\n    max: 1\n  - metric: documents.read\n')).split(
      '\n',
    );
    expect(lines).toEqual([
      'r.yaml:12:13: checks[0].metric: metric "x.y": expected metric: one of documents, input_bytes, tokens, stages, domains, got "x"',
      'r.yaml:14:5: checks[1]: expected min, max or both, got neither',
    ]);
  });
});

describe('checks file (datamill check FILE... --checks)', () => {
  const ctx = { stageIds: ['dedup-exact'], domains: ['input0'] };

  it('reads a checks: list', () => {
    expect(parseChecks('checks:\n  - metric: tokens.estimated_total\n    min: 100\n', 'c.yaml', ctx)).toEqual(
      [{ metric: 'tokens.estimated_total', min: 100 }],
    );
  });

  it.each([
    [
      'checks:\n  - metric: stages.dedup.drop_rate\n    max: 0\n',
      'c.yaml:2:13: checks[0].metric: metric "stages.dedup.drop_rate": no stage with id "dedup" in this recipe',
    ],
    ['check:\n  - metric: documents.read\n', 'c.yaml:1:1: check: unknown key, did you mean "checks"?'],
    ['- metric: documents.read\n  max: 1\n', 'c.yaml:1:1: expected mapping, got list'],
    ['checks: [\n', 'c.yaml:'],
  ])('%j', (source, message) => {
    expect(errorOf(() => parseChecks(source, 'c.yaml', ctx))).toContain(message);
  });
});

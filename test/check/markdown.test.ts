import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/evaluate.js';
import { renderCheckMarkdown, renderCheckTable, summaryLine } from '../../src/check/markdown.js';

const pass: CheckResult = {
  name: 'dataset is not empty',
  metric: 'documents.read',
  value: 3,
  min: 1,
  pass: true,
  message: 'documents.read = 3, expected ≥ 1',
  details: [],
};
const fail: CheckResult = {
  name: 'no | pipes\nor breaks',
  metric: 'documents.quarantined',
  value: 2,
  max: 0,
  pass: false,
  message: 'documents.quarantined = 2, expected ≤ 0',
  details: ['quarantined: a.jsonl@0: has ``` backticks', 'quarantined: a.jsonl@9: text field "text"'],
};

describe('check markdown', () => {
  it.each([
    [[], 'No checks to run.'],
    [[pass], 'All 1 checks passed.'],
    [[pass, fail], '1 of 2 checks failed.'],
  ])('summary %#', (results, line) => {
    expect(summaryLine(results)).toBe(line);
  });

  it('tables every check, escapes cells and fences details longer than any backtick run', () => {
    const md = renderCheckMarkdown([pass, fail], 'r.yaml', '/runs/r');
    const lines = md.split('\n');
    expect(lines[0]).toBe('# datamill check: r.yaml');
    expect(lines[2]).toBe('**FAILED**: 1 of 2 checks failed. Report: `/runs/r/report.md`.');
    expect(lines).toContain('| pass | dataset is not empty | `documents.read` | 3 | ≥ 1 |');
    expect(lines).toContain('| **FAIL** | no \\| pipes or breaks | `documents.quarantined` | 2 | ≤ 0 |');
    const open = lines.indexOf('````text');
    expect(lines.slice(open + 1, open + 4)).toEqual([...fail.details, '````']);
  });

  it('names no report when the run directory is not kept', () => {
    expect(renderCheckMarkdown([pass], 'files', undefined).split('\n')[2]).toBe(
      '**PASSED**: All 1 checks passed.',
    );
  });

  it('aligns the stderr table', () => {
    expect(renderCheckTable([pass, { ...fail, name: 'short' }]).split('\n')).toEqual([
      'check                 value  bound  result',
      'dataset is not empty  3      ≥ 1    pass',
      'short                 2      ≤ 0    FAIL',
    ]);
  });
});

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatG6 } from '../../src/cli/lm-query.js';
import { datamill, tempDir } from '../e2e/cli.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';

describe('formatG6 (C++ ostream default precision)', () => {
  it.each([
    [-0.4846522, '-0.484652'],
    [-0.003061223, '-0.00306122'],
    [-100, '-100'],
    [440.9351, '440.935'],
    [1234567, '1.23457e+06'],
    [0.0000123456, '1.23456e-05'],
    [-6, '-6'],
    [0, '0'],
    [Number.NEGATIVE_INFINITY, '-inf'],
  ])('%d -> %s', (x, s) => {
    expect(formatG6(x)).toBe(s);
  });
});

describeWithData('datamill lm query (built CLI)', () => {
  it("prints KenLM query's lines for test.arpa (values of lm/model_test.cc Continuation)", () => {
    const dir = tempDir('lmquery');
    const input = path.join(dir, 'in.txt');
    writeFileSync(input, 'looking on a little the biarritz not_found more .\n\n');
    const r = datamill(['lm', 'query', sharedPath('arpa/kenlm/test.arpa'), input]);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(
      'looking=23 2 -0.484652\ton=25 3 -0.348837\ta=5 4 -0.0155266\tlittle=20 5 -0.00306122\tthe=28 1 -4.04005\t' +
        'biarritz=8 1 -1.9889\tnot_found=0 1 -2.29666\tmore=24 1 -21.2063\t.=2 2 -0.51363\t</s>=3 3 -0.0191651\t' +
        'Total: -30.9168 OOV: 1',
    );
    // An empty line is "<s> </s>": p(</s>) -1.029493 + bo(<s>) -0.4149733.
    expect(lines[1]).toBe('</s>=3 1 -1.44447\tTotal: -1.44447 OOV: 0');
    // 10^(32.3613 / 11) and 10^((32.3613 - 2.29666) / 10), as ngram_query.hh computes them.
    expect(lines.slice(2)).toEqual([
      'Perplexity including OOVs:\t874.852',
      'Perplexity excluding OOVs:\t1014.99',
      'OOVs:\t1',
      'Tokens:\t11',
      '',
    ]);
  });

  it('refuses a bzip2 model with exit 3 and a way out', () => {
    const r = datamill(['lm', 'query', sharedPath('arpa/cmusphinx/100.lm.bz2')]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/100\.lm\.bz2: bzip2-compressed ARPA is not supported.*bzip2 -dk/);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArpa } from '../../src/lm/arpa-read.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';

async function load(file: string, missingMarkers?: 'error' | 'unk') {
  const warnings: string[] = [];
  const model = await loadArpa(file, { warn: (m) => warnings.push(m), missingMarkers });
  return { model, warnings };
}

// Every model in ../shared/data/arpa; counts are the entries in the file (SOURCES.md structural scan).
const GOOD: [string, number[], boolean][] = [
  ['cmusphinx/100.lm.gz', [400, 1082, 1307], false],
  ['cmusphinx/102.lm.gz', [439, 1002, 1184], false],
  ['cmusphinx/104_srilm_unsorted_missing_backoffs.lm.gz', [9, 10, 0], false],
  ['cmusphinx/an4_full.bigram.lm', [102, 1528], false],
  ['cmusphinx/an4_full.flat_unigram.lm', [102], false],
  ['cmusphinx/an4_full.trigram.lm', [102, 1528, 3796], false],
  ['cmusphinx/an4_full.unigram.lm', [102], false],
  ['cmusphinx/an4_spelling.trigram.lm', [29, 361, 1121], false],
  ['cmusphinx/sphinx4_hellongram.trigram.lm', [161, 746, 1444], false],
  ['cmusphinx/sphinx4_test.lm', [4], false],
  ['cmusphinx/sphinx4_weather.lm', [779, 14416, 46976], false],
  ['cmusphinx/turtle.lm', [91, 212, 177], false],
  ['cmusphinx/turtle.ug.lm', [91], false],
  ['debian/pocketsphinx-en-us_en-us-phone.arpa', [43, 1509, 21837], false],
  ['kaldi/0.1k_3gram_unpruned.arpa', [100, 246, 282], true],
  ['kaldi/input.arpa', [4, 2, 2], false],
  ['kaldi/missing_backoffs.arpa', [4, 1, 2], false],
  ['kaldi/unused_backoffs.arpa', [4, 2, 2, 2], false],
  ['kaldi/yesno_task.arpabo', [4], false],
  ['kenlm/interp_toy.linear_0.4_0.6.lm', [5, 8], true],
  ['kenlm/interp_toy.loglinear_0.4_0.6.lm', [5, 8], true],
  ['kenlm/interp_toy1.lm', [5, 8], true],
  ['kenlm/interp_toy2.lm', [5, 8], true],
  ['kenlm/test.arpa', [37, 47, 11, 6, 4], true],
  ['kenlm/test_nounk.arpa', [36, 45, 10, 6, 4], false],
  ['kenlm/toy0.arpa', [5, 7, 7], true],
  ['kenlm/toy1.arpa', [6, 7, 6], true],
];

const BAD: [string, RegExp][] = [
  ['cmusphinx/100.lm.bz2', /100\.lm\.bz2: bzip2-compressed ARPA is not supported.*decompress it/],
  [
    'cmusphinx/105_truncated.lm.gz',
    /105_truncated\.lm\.gz:\d+: unexpected end of file in the 1-grams section \(7 of 9/,
  ],
  ['cmusphinx/106.lm.gz', /106\.lm\.gz:\d+: unexpected end of file in the 2-grams section \(5 of 10/],
  ['cmusphinx/107.lm.gz', /107\.lm\.gz:29: 2-gram entry "-0\.60206\tgo" has 1 fields.*expected 2 words/],
  [
    'cmusphinx/not-enough-ngrams.arpa',
    /not-enough-ngrams\.arpa:4: unexpected "\\1-grams:" in the \\data\\ header, expected an "ngram 1=<count>" line/,
  ],
  [
    'cmusphinx/too-many-ngrams.arpa',
    /too-many-ngrams\.arpa:\d+: unexpected end of file in the 1-grams section \(1 of 91/,
  ],
  // A real model without <s>: KenLM refuses it by default too (lm/config.cc sentence_marker_missing).
  ['cmusphinx/sphinx4_alphabet.arpaformat', /sphinx4_alphabet\.arpaformat: the model has no <s> 1-gram/],
  ['kaldi/missing_bos.arpa', /missing_bos\.arpa: the model has no <s> 1-gram/],
];

describeWithData('loadArpa on every model in ../shared/data/arpa', () => {
  it.each(GOOD)('%s loads with counts %j (has <unk>: %s)', async (file, counts, hasUnk) => {
    const { model, warnings } = await load(sharedPath('arpa', file));
    expect(model.counts).toEqual(counts);
    expect(model.order).toBe(counts.length);
    expect(model.hasUnk).toBe(hasUnk);
    expect(warnings.filter((w) => w.includes('header declares'))).toEqual([]);
    const { log10Prob } = model.scoreSentence(['the', 'a', 'x']);
    expect(Number.isFinite(log10Prob)).toBe(true);
  });

  it.each(BAD)('%s fails naming the file and line', async (file, message) => {
    await expect(load(sharedPath('arpa', file))).rejects.toThrow(message);
  });

  it.each([
    ['cmusphinx/sphinx4_alphabet.arpaformat', [27, 556, 6226]],
    ['kaldi/missing_bos.arpa', [3, 1, 1]],
  ])('%s loads with missing_markers: unk (KenLM COMPLAIN), the marker as <unk>', async (file, counts) => {
    const { model, warnings } = await load(sharedPath('arpa', file), 'unk');
    expect(model.counts).toEqual(counts);
    expect(warnings.some((w) => /no <s> 1-gram; treated as <unk>/.test(w))).toBe(true);
    expect(Number.isFinite(model.scoreSentence(['a', 'b']).log10Prob)).toBe(true);
  });

  it('gzip and plain copies of one model give the same scores', async () => {
    const gz = await load(sharedPath('arpa/cmusphinx/100.lm.gz'));
    expect(gz.model.bytes).toBeGreaterThan(0);
  });
});

describe('loadArpa quirks (written to a temp dir)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'datamill-arpa-'));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const header = (counts: number[]) =>
    `\\data\\\n${counts.map((c, i) => `ngram ${i + 1}=${c}`).join('\n')}\n\n`;
  const unigrams = '\\1-grams:\n-1\t<s>\t-0.5\n-1 </s>  \n-0.5   a   -0.25\n';

  it('warns, naming file and order, when header counts disagree with the entries', async () => {
    const file = write('counts.arpa', `${header([3, 5])}${unigrams}\n\\2-grams:\n-0.1 <s> a\n\\end\\\n`);
    const { model, warnings } = await load(file);
    expect(model.counts).toEqual([3, 1]);
    expect(warnings).toContainEqual(
      expect.stringMatching(/counts\.arpa: the header declares 5 2-grams but the file has 1/),
    );
  });

  it('does not allocate for a bogus huge header count', async () => {
    const file = write(
      'huge.arpa',
      `${header([3, 9_999_999_999])}${unigrams}\\2-grams:\n-0.1 <s> a\n\\end\\\n`,
    );
    const { model, warnings } = await load(file);
    expect(model.counts).toEqual([3, 1]);
    expect(warnings).toContainEqual(expect.stringMatching(/declares 9999999999 2-grams but the file has 1/));
  });

  it.each([
    [
      'positive',
      `${header([3])}\\1-grams:\n0.5 <s>\n-1 </s>\n-1 a\n\\end\\\n`,
      /:5: positive log10 probability 0\.5/,
    ],
    [
      'not a number',
      `${header([3])}\\1-grams:\n-1 <s>\n-x </s>\n-1 a\n\\end\\\n`,
      /:6: bad log10 probability "-x"/,
    ],
    [
      'bad back-off',
      `${header([3, 1])}\\1-grams:\n-1 <s> zz\n-1 </s>\n-1 a\n\\end\\\n`,
      /:6: bad log10 back-off "zz"/,
    ],
    [
      'section out of order',
      `${header([3, 1])}${unigrams}\\3-grams:\n\\end\\\n`,
      /:9: unexpected "\\3-grams:", expected \\2-grams:/,
    ],
    ['no \\data\\', 'hello\nworld\n', /:2: no \\data\\ line/],
    [
      'non-consecutive orders',
      '\\data\\\nngram 1=3\nngram 3=1\n',
      /:3: "ngram 3=1": n-gram orders must be consecutive/,
    ],
  ])('refuses a %s entry with file:line', async (name, text, message) => {
    await expect(load(write(`${name.replace(/\W+/g, '_')}.arpa`, text))).rejects.toThrow(message);
  });

  it('ignores back-offs on the highest order with a warning (CMU unigram models write 0.0000)', async () => {
    const file = write('topbo.arpa', `${header([3, 1])}${unigrams}\\2-grams:\n-1 <s> a -0.5\n\\end\\\n`);
    const { model, warnings } = await load(file);
    expect(model.scoreWords(['a'])[0]?.log10Prob).toBeCloseTo(-1, 6);
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /topbo\.arpa: 1 entries of the highest order carry a back-off \(first at .*topbo\.arpa:10\)/,
      ),
    );
  });

  it('maps a higher-order word that is not a 1-gram to <unk> with a warning, as KenLM does', async () => {
    const file = write(
      'unkword.arpa',
      `${header([4, 1])}${unigrams}-2 <unk>\n\\2-grams:\n-0.1 a zz\n\\end\\\n`,
    );
    const { model, warnings } = await load(file);
    expect(warnings).toContainEqual(expect.stringMatching(/unkword\.arpa:11: "zz"/));
    expect(model.scoreWords(['a', 'qq'])[1]?.log10Prob).toBeCloseTo(-0.1, 6);
  });

  it('accepts CRLF endings, a missing final newline and text before \\data\\', async () => {
    const text = `made by hand\r\n\r\n${header([3]).replace(/\n/g, '\r\n')}${unigrams.replace(/\n/g, '\r\n')}\\end\\`;
    const { model } = await load(write('crlf.arpa', text));
    expect(model.counts).toEqual([3]);
    // A unigram model has no context: p(a) alone; its back-offs are ignored.
    expect(model.scoreWords(['a'])[0]?.log10Prob).toBeCloseTo(-0.5, 6);
  });
});

/**
 * KenLM's own model tests, reproduced: expected (n-gram length, log10 prob) per word from
 * kpu/kenlm lm/model_test.cc (the version whose MinimalState ends with `AppendTest("a", 3, -7, true)`, which
 * matches lm/test.arpa's "to look a" as copied to ../shared/data/arpa/kenlm), on test.arpa and
 * test_nounk.arpa. KenLM checks with BOOST_CHECK_CLOSE(…, 0.001), a 0.001 % relative tolerance.
 */
import { expect, it } from 'vitest';
import { loadArpa } from '../../src/lm/arpa-read.js';
import type { NgramModel } from '../../src/lm/model.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';

type Step = [word: string, ngram: number, log10: number];

function expectKenlm(model: NgramModel, steps: Step[], bos: boolean): void {
  const scores = model.scoreWords(
    steps.map((s) => s[0]),
    { bos, eos: false },
  );
  steps.forEach(([word, ngram, log10], i) => {
    const got = scores[i];
    expect(got?.ngramLength, `${word} n-gram length`).toBe(ngram);
    expect(
      Math.abs((got?.log10Prob ?? 0) - log10),
      `${word}: ${got?.log10Prob} vs ${log10}`,
    ).toBeLessThanOrEqual(Math.abs(log10) * 1e-5 + 1e-7);
  });
}

// [test name, starts at <s> (BeginSentenceState) or the null context, AppendTest steps]
const CASES: [string, boolean, Step[]][] = [
  ['Starters looking', true, [['looking', 2, -0.4846522]]],
  ['Starters , (plus <s> backoff)', true, [[',', 1, -1.383514 + -0.4149733]]],
  ['Starters <unk> (plus <s> backoff)', true, [['this_is_not_found', 1, -1.995635 + -0.4149733]]],
  [
    'Continuation',
    true,
    [
      ['looking', 2, -0.484652],
      ['on', 3, -0.348837],
      ['a', 4, -0.0155266],
      ['little', 5, -0.00306122],
      ['the', 1, -4.04005],
      ['biarritz', 1, -1.9889],
      ['not_found', 1, -2.29666],
      ['more', 1, -1.20632 - 20.0],
      ['.', 2, -0.51363],
      ['</s>', 3, -0.0191651],
    ],
  ],
  [
    'Continuation (preserved state)',
    true,
    [
      ['looking', 2, -0.484652],
      ['on', 3, -0.348837],
      ['a', 4, -0.0155266],
      ['little', 5, -0.00306122],
      ['more', 5, -0.00181395],
      ['loin', 5, -0.0432557],
    ],
  ],
  [
    'Blanks',
    false,
    [
      ['also', 1, -1.687872],
      ['would', 2, -2],
      ['consider', 3, -3],
      ['higher', 4, -4],
      ['looking', 5, -5],
    ],
  ],
  [
    'Blanks (also would consider not_found)',
    false,
    [
      ['also', 1, -1.687872],
      ['would', 2, -2],
      ['consider', 3, -3],
      ['not_found', 1, -1.995635 - 7.0 - 0.30103],
    ],
  ],
  [
    'Blanks (higher looking is a blank)',
    false,
    [
      ['higher', 1, -1.509559],
      ['looking', 2, -1.285941 - 0.30103],
      ['not_found', 1, -1.995635 - 0.4771212],
    ],
  ],
  [
    'Blanks (higher looking consider)',
    false,
    [
      ['higher', 1, -1.509559],
      ['looking', 2, -1.285941 - 0.30103],
      ['consider', 1, -1.687872 - 0.4771212],
    ],
  ],
  [
    'Blanks (would consider higher looking)',
    false,
    [
      ['would', 1, -1.687872],
      ['consider', 2, -1.687872 - 0.30103],
      ['higher', 3, -1.509559 - 0.30103],
      ['looking', 4, -1.285941 - 0.30103],
    ],
  ],
  [
    'Unknowns',
    false,
    [
      ['not_found', 1, -1.995635],
      ['not_found2', 2, -15.0],
      ['not_found3', 2, -15.0 - 2.0],
    ],
  ],
  [
    'Unknowns (however)',
    false,
    [
      ['not_found', 1, -1.995635],
      ['however', 2, -4],
      ['not_found3', 3, -6],
    ],
  ],
  ['MinimalState baz', false, [['baz', 1, -6.535897]]],
  [
    'MinimalState foo bar bar (positive back-off)',
    false,
    [
      // biome-ignore lint/suspicious/noApproximativeNumericConstant: test.arpa's own value
      ['foo', 1, -3.141592],
      ['bar', 2, -6.0],
      // biome-ignore lint/suspicious/noApproximativeNumericConstant: test.arpa's own value
      ['bar', 1, -2.718281 + 3.0],
    ],
  ],
  [
    'MinimalState to look a',
    false,
    [
      ['to', 1, -1.687872],
      ['look', 2, -0.2922095],
      ['a', 3, -7],
    ],
  ],
];

describeWithData('KenLM model_test.cc golden values', () => {
  it.each(CASES)('test.arpa: %s', async (_name, bos, steps) => {
    const model = await loadArpa(sharedPath('arpa/kenlm/test.arpa'), { warn: () => {} });
    expectKenlm(model, steps, bos);
  });

  it('test_nounk.arpa: <unk> gets -100 (NoUnkCheck; lm/config.cc unknown_missing_logprob)', async () => {
    const warnings: string[] = [];
    const model = await loadArpa(sharedPath('arpa/kenlm/test_nounk.arpa'), { warn: (m) => warnings.push(m) });
    expect(model.hasUnk).toBe(false);
    expectKenlm(model, [['<unk>', 1, -100]], false);
    expect(warnings).toContainEqual(expect.stringMatching(/test_nounk\.arpa: the model has no <unk>/));
  });

  it('scoreSentence is the sum of the per-word values, with </s>', async () => {
    const model = await loadArpa(sharedPath('arpa/kenlm/test.arpa'), { warn: () => {} });
    const words = ['looking', 'on', 'a', 'little', 'the', 'biarritz', 'not_found', 'more', '.'];
    const sum = model.scoreWords(words).reduce((a, s) => a + s.log10Prob, 0);
    const { log10Prob, oov } = model.scoreSentence(words);
    expect(log10Prob).toBeCloseTo(sum, 5);
    expect(oov).toBe(1);
  });
});

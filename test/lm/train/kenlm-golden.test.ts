import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeWithData, sharedPath } from '../../helpers/shared-data.js';
import { train } from './helpers.js';

/** `words → "prob\tbackoff"` of every entry of an ARPA text (section order aside). */
function entriesOf(arpa: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of arpa.split('\n')) {
    const [prob, words, backoff] = line.split('\t');
    if (words !== undefined) m.set(words, `${prob}\t${backoff ?? ''}`);
  }
  return m;
}

describeWithData('lm train against lmplz output (KenLM lm/common/test_data/toy0.arpa)', () => {
  // toy0.arpa is lmplz output (order 3, fallback discounts: every gamma is 1/2). Its 7 trigrams are exactly
  // the windows of the two sentences below, so they are the corpus (our reconstruction; KenLM ships no text).
  // Its unigram section lists `a` before `</s>` (an older vocabulary numbering), hence the comparison by words.
  it('gives the same entries, digit for digit', async () => {
    const golden = readFileSync(sharedPath('arpa', 'kenlm', 'toy0.arpa'), 'utf8');
    const { arpa } = await train(['a a b a', 'b a a b'], 3);
    const want = entriesOf(golden);
    expect(want.size).toBe(19);
    expect(entriesOf(arpa)).toEqual(want);
    expect(arpa.split('\n').slice(0, 4)).toEqual(golden.split('\n').slice(0, 4));
  });
});

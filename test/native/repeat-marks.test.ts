import { describe, expect, it } from 'vitest';
import { NgramDoc } from '../../src/text/ngram-doc.js';
import { RepeatMarks } from '../../src/text/ngram-prune.js';
import { scanTokens, tokenScan } from '../../src/text/token-scan.js';
import { describeOnRealText, randomTexts } from '../helpers/native-twins.js';
import { rng } from '../helpers/xorshift.js';

const doc = new NgramDoc();
const scan = tokenScan();
const viaNative = new RepeatMarks();
const viaTypeScript = new RepeatMarks();

/** Texts whose native marks (run lengths, candidates, word weight bound) differ from the TypeScript ones. */
function mismatches(texts: string[]): string[] {
  const out: string[] = [];
  for (const text of texts) {
    const r = scanTokens(text, scan);
    doc.load(text, r.spans, r.count, r.meta, false);
    viaNative.mark(doc.H, doc.U, doc.count, doc.pow, true);
    viaTypeScript.mark(doc.H, doc.U, doc.count, doc.pow, false);
    const n = doc.count;
    const same =
      viaNative.maxWordWeight === viaTypeScript.maxWordWeight &&
      viaNative.run.subarray(0, n + 1).every((v, i) => v === viaTypeScript.run[i]) &&
      viaNative.cand.subarray(0, n).every((v, i) => v === viaTypeScript.cand[i]);
    if (!same) out.push(JSON.stringify(text.slice(0, 80)));
  }
  return out;
}

describe('native repeat marks are identical to the TypeScript reference', () => {
  it('hand-made texts: none, one and many repeats, words shorter and longer than the 16-unit key', () => {
    const texts = [
      '',
      'one',
      'the cat sat on the mat the cat sat on the mat',
      'a a a a a a a a a a a a a a a a a a a a',
      'supercalifragilisticexpialidocious supercalifragilisticexpialidocious x',
      'ab c a bc abc ab c',
      'Click here. Click here. Click here to subscribe to our newsletter!',
    ];
    expect(mismatches(texts)).toEqual([]);
    viaNative.mark(doc.H, doc.U, 0, doc.pow, true);
    expect(viaNative.run[0]).toBe(0);
  });

  it('seeded random texts over a small vocabulary (many repeats, tables of every size)', () => {
    const next = rng(11);
    const vocab = [
      'the',
      'of',
      'and',
      'a',
      'to',
      'in',
      'is',
      'was',
      'longerwordthansixteenunits',
      'x',
      ',',
      '.',
    ];
    const texts = randomTexts(next, vocab, 300, 3000, ' ');
    expect(mismatches(texts)).toEqual([]);
  });
});

describeOnRealText('native repeat marks on real text, identical to the TypeScript reference', mismatches);

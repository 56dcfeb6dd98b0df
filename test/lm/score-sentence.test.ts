/**
 * The pass-by-length sentence scorer (scoreIds, score-sentence.ts) and the ASCII fast path of normalisation
 * (perplexity-ascii.ts) against the word-by-word KenLM state machine (scoreWords) and the general
 * normalise-then-split path, on seeded random sentences over real models.
 */
import { expect, it } from 'vitest';
import { loadArpa } from '../../src/lm/arpa-read.js';
import { ccnetNormalize } from '../../src/lm/ccnet-normalize.js';
import { NgramModelBuilder } from '../../src/lm/model.js';
import { type PerplexityOptions, scoreDocument } from '../../src/lm/perplexity.js';
import { pySplit } from '../../src/text/python.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';
import { readJsonlRows } from '../helpers/stage-harness.js';

function xorshift(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const MODELS = [
  'kenlm/test.arpa',
  'kenlm/test_nounk.arpa',
  'cmusphinx/sphinx4_weather.lm',
  'cmusphinx/100.lm.gz',
  'cmusphinx/an4_full.trigram.lm',
  'kaldi/0.1k_3gram_unpruned.arpa',
  'kaldi/unused_backoffs.arpa',
  'cmusphinx/turtle.ug.lm',
];

const CCNET: PerplexityOptions = {
  normalize: true,
  lowercase: true,
  strip_accents: true,
  digits_to_zero: true,
  punctuation: 'replace',
  score_empty_lines: true,
};

/** The 1-gram words of an ARPA model, read the simple way. */
async function vocabOf(file: string): Promise<string[]> {
  const { arpaLines } = await import('../../src/lm/arpa-lines.js');
  const words: string[] = [];
  let inUnigrams = false;
  for await (const [, line] of arpaLines(file)) {
    if (line.startsWith('\\')) inUnigrams = line === '\\1-grams:';
    else if (inUnigrams && line.trim() !== '') words.push(line.trim().split(/[ \t]+/)[1] as string);
  }
  return words;
}

describeWithData('sentence scorer equivalence', () => {
  it.each(MODELS)('%s: scoreIds equals the sum of KenLM-style per-word scores', async (name) => {
    const file = sharedPath('arpa', name);
    const model = await loadArpa(file, { warn: () => {} });
    const words = [...(await vocabOf(file)).filter((w) => w !== '<s>'), 'oov1', 'oov2'];
    const next = xorshift(name.length * 7919);
    for (let s = 0; s < 300; s++) {
      const sentence = Array.from(
        { length: Math.floor(next() * 12) },
        () => words[Math.floor(next() * words.length)] as string,
      );
      let sum = 0;
      for (const w of model.scoreWords(sentence)) sum = Math.fround(sum + w.log10Prob);
      const ids = sentence.map((w) => model.wordId(w));
      expect(model.scoreIds(ids, ids.length), sentence.join(' ')).toBe(sum);
    }
  });

  it('the ASCII fast path equals normalise + split + score', async () => {
    const model = await loadArpa(sharedPath('arpa/cmusphinx/sphinx4_hellongram.trigram.lm'), {
      warn: () => {},
    });
    const words = [
      ...(await vocabOf(sharedPath('arpa/cmusphinx/sphinx4_hellongram.trigram.lm'))),
      'Hello',
      'WORLD',
      '42x',
      'a1b2',
    ];
    const seps = [' ', '  ', '\t', ' \t ', '\u0001', '\x7f', ' \r'];
    const next = xorshift(12345);
    for (let d = 0; d < 200; d++) {
      const lines = Array.from({ length: 1 + Math.floor(next() * 4) }, () => {
        let line = next() < 0.3 ? '  ' : '';
        const n = Math.floor(next() * 10);
        for (let i = 0; i < n; i++)
          line +=
            (words[Math.floor(next() * words.length)] as string) +
            (seps[Math.floor(next() * seps.length)] as string);
        return line;
      });
      const text = lines.join('\n');
      let expected = 0;
      let length = 0;
      for (const line of lines) {
        const toks = ccnetNormalize(line, CCNET)
          .split(' ')
          .filter((t) => t !== '');
        expected += model.scoreSentence(toks).log10Prob;
        length += toks.length + 1;
      }
      const got = scoreDocument(model, text, CCNET);
      expect(got.length, JSON.stringify(text)).toBe(length);
      expect(got.log10Prob, JSON.stringify(text)).toBeCloseTo(expected, 9);
    }
  });

  it.each([
    [{}],
    [{ lowercase: false }],
    [{ strip_accents: false, digits_to_zero: false }],
    [{ punctuation: 'remove' }],
    [{ punctuation: 'keep' }],
  ] as Partial<PerplexityOptions>[][])(
    'the Unicode fast path equals normalise + split + score (%j)',
    async (overrides) => {
      const o = { ...CCNET, ...overrides };
      const rows = readJsonlRows(sharedPath('multilingual/udhr2_388.jsonl.gz'));
      const pieces = [
        'Crème',
        'ΟΔΥΣΣΕΥΣ',
        'ΑΘΗΝΑ',
        'ПРИВЕТ',
        'ǅemal',
        'İstanbul',
        '١٢٣',
        '—',
        '…',
        '«x»',
        '\u00a0',
        '\u0085',
        '\u2000',
        '\t',
        'ａｂ',
        '𝟘𝟙',
        'looking',
        'ON',
        'a',
      ];
      const next = xorshift(99);
      const texts = rows.slice(0, 120).map((r) => String(r.text).slice(0, 400));
      const docs = Array.from({ length: 120 }, (_, d) => {
        const extra = Array.from({ length: 8 }, () => pieces[Math.floor(next() * pieces.length)]);
        return `${texts[d % texts.length]}\n${extra.join(next() < 0.5 ? ' ' : '')}`;
      });
      // A model whose vocabulary is every other normalised token, each with its own probability: a token
      // the fast path hashed differently would score as <unk> (-7) instead.
      const lines = docs.flatMap((t) => t.split('\n'));
      const vocab = [...new Set(lines.flatMap((l) => pySplit(ccnetNormalize(l, o))))];
      const b = new NgramModelBuilder(2);
      b.add(['<s>'], -1);
      b.add(['</s>'], -1);
      b.add(['<unk>'], -7);
      vocab.forEach((w, i) => {
        if (i % 2 === 0) b.add([w], -1 - (i % 97) / 100);
      });
      const model = b.build();
      for (const text of docs) {
        let expected = 0;
        let length = 0;
        for (const line of text.split('\n')) {
          const toks = pySplit(ccnetNormalize(line, o));
          if (toks.length === 0) continue;
          expected += model.scoreSentence(toks).log10Prob;
          length += toks.length + 1;
        }
        const got = scoreDocument(model, text, { ...o, score_empty_lines: false });
        expect(got.length, JSON.stringify(text)).toBe(length);
        expect(got.log10Prob, JSON.stringify(text)).toBeCloseTo(expected, 6);
      }
    },
  );
});

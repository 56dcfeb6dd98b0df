import { describe, expect, it } from 'vitest';
import filterGopherRepetition from '../../src/stages/filter-gopher-repetition.js';
import { NgramStats } from '../../src/text/ngrams.js';
import { scanTokens, tokenScan } from '../../src/text/token-scan.js';
import { describeOnRealText } from '../helpers/native-twins.js';
import { parseOptions } from '../helpers/stage-harness.js';
import { rng } from '../helpers/xorshift.js';

type Rules = [number, number | null][];
const defaults = parseOptions(filterGopherRepetition, {}) as { top_n_grams: Rules; dup_n_grams: Rules };

/** filter-gopher-repetition's default rules, and a set that turns top rules off (limit null) or tiny. */
const RULES: [string, Rules, Rules][] = [
  ['the SPEC defaults', defaults.top_n_grams, defaults.dup_n_grams],
  [
    'unusual sizes and limits',
    [
      [1, 0.01],
      [2, null],
      [7, 0.5],
    ],
    [
      [1, 0.5],
      [3, 0.5],
      [12, 0.5],
    ],
  ],
];

const viaNative = new NgramStats();
const viaTypeScript = new NgramStats();
const scan = tokenScan();

/** One document's measure both ways, with and without stats, hashed by the scan or not. */
function measures(text: string, tops: [number, number | null][], dups: [number, number | null][]) {
  const out: number[][] = [];
  for (const stats of [true, false]) {
    for (const hashed of [true, false]) {
      for (const [stats_, native] of [
        [viaNative, true],
        [viaTypeScript, false],
      ] as const) {
        const prefix = stats_.prefixFor(text.length);
        const r = scanTokens(text, scan, hashed ? prefix : undefined);
        const spans = r.spans.slice(0, 2 * r.count);
        const meta = r.meta.slice(0, r.count);
        const m = stats_.measure(text, spans, r.count, meta, hashed, tops, dups, r.length, stats, native);
        out.push([...m]);
      }
    }
  }
  return out;
}

/** Texts (first 80 units) whose native statistics differ from the TypeScript ones under any rule set. */
function mismatches(texts: string[]): string[] {
  const out: string[] = [];
  for (const text of texts) {
    for (const [, tops, dups] of RULES) {
      const m = measures(text, tops, dups);
      for (let k = 0; k < m.length; k += 2) {
        if (JSON.stringify(m[k]) !== JSON.stringify(m[k + 1])) out.push(JSON.stringify(text.slice(0, 80)));
      }
    }
  }
  return [...new Set(out)];
}

describe('native n-gram statistics are identical to the TypeScript reference', () => {
  it.each([
    ['empty', ''],
    ['fewer tokens than every n', 'one two'],
    ['one repeated sentence', 'the cat sat on the mat. '.repeat(40)],
    ['one repeated word', 'a '.repeat(300)],
    ['"".join collisions: ab c | a bc', 'ab c a bc abc ab c ab c a bc'],
    ['words past the 16-unit key', 'supercalifragilisticexpialidocious antidisestablishment '.repeat(9)],
    ['surrogates (TypeScript scan, native statistics)', '😀 x 😀 x 😀 x 😀 x 😀 x 😀 x y'],
    ['boilerplate lines', 'Click here to subscribe to our newsletter today!\n'.repeat(12) + 'Thanks.'],
  ])('%s', (_name, text) => {
    expect(mismatches([text])).toEqual([]);
  });

  it('the measured values are the statistics, not just equal to each other', () => {
    const text = 'the cat sat on the mat. '.repeat(4);
    const m = measures(text, RULES[0]![1], RULES[0]![2])[0]!;
    // "the" occurs 8 times, weight (3 + 1) * 8 = 32, the largest; top 2-gram "the cat" (7 code points) × 4.
    expect(m[0]).toBe(32);
    expect(m[1]).toBe(28);
    // Every 5-gram after the first sentence repeats: 3 sentences of 6 tokens, "the cat sat on the mat." = 17 + 1.
    expect(m[4]).toBeGreaterThan(0);
  });

  it('seeded random texts over a small vocabulary (many repeats, tables of every size)', () => {
    const next = rng(23);
    const vocab = [
      'the',
      'of',
      'a',
      'to',
      'ab',
      'c',
      'abc',
      'longerwordthansixteenunits',
      ',',
      '.',
      'é',
      '\n',
    ];
    const texts = Array.from({ length: 200 }, () =>
      Array.from({ length: Math.floor(next() * 2500) }, () => vocab[Math.floor(next() * vocab.length)]).join(
        next() < 0.5 ? ' ' : '  ',
      ),
    );
    expect(mismatches(texts)).toEqual([]);
  });
});

describeOnRealText(
  'native n-gram statistics on real text, identical to the TypeScript reference',
  mismatches,
);

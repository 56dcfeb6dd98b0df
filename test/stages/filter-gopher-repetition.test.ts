import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import filterGopherRepetition from '../../src/stages/filter-gopher-repetition.js';
import { NgramStats } from '../../src/text/ngrams.js';
import { cpLength, pyStrip } from '../../src/text/python.js';
import { splitIntoWords } from '../../src/text/words.js';
import { naiveDup, naiveTop } from '../helpers/gopher-reference.js';
import { describeWithData } from '../helpers/shared-data.js';
import { docsFromTexts, parseOptions, runStage } from '../helpers/stage-harness.js';
import { webRuns } from '../helpers/web-runs.js';
import { rng } from '../helpers/xorshift.js';

describe('NgramStats against the literal port of DataTrove', () => {
  it.each([1, 2, 3, 4, 5])('random small-alphabet token lists (seed %i), n = 1..10', (seed) => {
    const r = rng(seed);
    // Tokens from {a, b, ab, ba, 😀, é}: many different word lists join to the same "" string.
    const alphabet = ['a', 'b', 'ab', 'ba', '😀', 'é', 'a😀'];
    const stats = new NgramStats();
    for (let doc = 0; doc < 40; doc++) {
      const words = Array.from({ length: Math.floor(r() * 300) }, () => alphabet[Math.floor(r() * 7)]!);
      stats.load(words);
      for (let n = 1; n <= 10; n++) {
        expect(stats.topNgramChars(n), `top n=${n}`).toBe(naiveTop(words, n));
        expect(stats.duplicatedNgramChars(n), `dup n=${n}`).toBe(naiveDup(words, n));
      }
    }
  });

  it.each([
    // [words, n, top, dup]
    [['ab', 'c', 'a', 'bc'], 2, 4, 3], // "ab c" ≠ "a bc" for top grams, "abc" = "abc" for duplicated grams
    [['x', 'y', 'zz', 'x', 'y', 'zz'], 2, 6, 2], // "x y" ×2 (first of the tied top grams); "xy" then stop
    [['aa', 'b', 'c', 'aa', 'b'], 2, 8, 3],
    [['a', 'a', 'a', 'a', 'a'], 2, 12, 4], // overlapping "a a" ×4; duplicated: skip-ahead counts "aa" twice
    [['one'], 2, -1, 0],
    [[], 1, -1, 0],
  ])('%j n=%i → top %i, duplicated %i', (words, n, top, dup) => {
    const stats = new NgramStats();
    stats.load(words);
    expect(stats.topNgramChars(n)).toBe(top);
    expect(stats.duplicatedNgramChars(n)).toBe(dup);
    expect([naiveTop(words, n), naiveDup(words, n)]).toEqual([top, dup]);
  });

  it('ties: the first inserted of equally frequent grams decides len(g)', () => {
    const stats = new NgramStats();
    const words = ['a', 'b', 'long', 'word', 'a', 'b', 'long', 'word'];
    stats.load(words);
    // "a b", "b long", "long word" all occur twice; "a b" came first: 3 × 2.
    expect(stats.topNgramChars(2)).toBe(6);
    stats.load(['long', 'word', 'a', 'b', 'long', 'word', 'a', 'b']);
    expect(stats.topNgramChars(2)).toBe(18);
  });
});

/** Unique filler words, never equal to a vector's own words: `qa qb ... qz qba ...` (base 26 in letters). */
function filler(count: number, from = 0): string {
  const words: string[] = [];
  for (let i = from; i < from + count; i++) {
    let w = '';
    let v = i;
    do {
      w = String.fromCharCode(97 + (v % 26)) + w;
      v = Math.floor(v / 26);
    } while (v > 0);
    words.push(`q${w}`);
  }
  return words.join(' ');
}

/** Exactly `k` code points (k ≥ 3 or 0) of unique short words, each after a space: " paa pab ... rA". */
function padding(k: number): string {
  const three = [0, 1, 2, 3].find((b) => k - 3 * b >= 0 && (k - 3 * b) % 4 === 0)!;
  const four = (k - 3 * three) / 4;
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let out = '';
  for (let i = 0; i < four; i++) out += ` p${letters[Math.floor(i / 26) % 26]}${letters[i % 26]}`;
  for (let i = 0; i < three; i++) out += ` r${letters[i]}`;
  return out;
}

/** `build(pad)` with unique padding words making the text exactly `len` code points long. */
function sized(len: number, build: (pad: string) => string): string {
  const text = build(padding(len - cpLength(build(''))));
  expect(cpLength(text)).toBe(len);
  return text;
}

const dupWords = ['Alphabetic', 'Bretonnian', 'Cumberland', 'Deliberate', 'Euphonious'];
/** 20 paragraphs (or lines): each of five 10-letter words twice, each followed by unique filler. */
const spread = (sep: string) => (pad: string) =>
  [...dupWords, ...dupWords.reverse()]
    .flatMap((w, i) => [w, `${filler(2, i * 2)}${i === 0 ? pad : ''}`])
    .join(sep);

/** Two copies of one character sequence cut into n tokens differently: equal only as n-grams joined with "". */
function twoCuts(n: number): [string, string] {
  const chars = 'abcdefghijklmnopqrstuvwxyz'.slice(0, 2 * n);
  const even = Array.from({ length: n }, (_, i) => chars.slice(2 * i, 2 * i + 2));
  const odd = [
    chars[0]!,
    ...Array.from({ length: n - 2 }, (_, i) => chars.slice(2 * i + 1, 2 * i + 3)),
    chars.slice(-3),
  ];
  return [even.join(' '), odd.join(' ')];
}
const dupN = (n: number) => (pad: string) => {
  const [a, b] = twoCuts(n);
  return `${a} ${filler(6, 100)} ${b}${pad}`;
};
/** n = 5 leaves so little text (100 code points) that every 4-gram must stay ≤ 15: 3-letter tokens, digits between. */
const dup5 = (pad: string) => `abc def ghi jkl mno 1 2 abcd e fg hijk lmno 3${pad}`;

describe('filter-gopher-repetition golden vectors (defaults)', () => {
  const paras = (k: number, dups: number) =>
    [...Array.from({ length: k }, (_, i) => filler(12, i * 12)), ...Array(dups).fill('Same')].join('\n\n');
  const lines = (k: number, dups: number) =>
    [...Array.from({ length: k }, (_, i) => filler(12, i * 12)), ...Array(dups).fill('Same')].join('\n');
  const gram = (g: string, c: number) => (pad: string) =>
    Array.from({ length: c }, (_, i) => `${g} ${filler(3, i * 3)}`).join(' ') + pad;

  it.each([
    // [name, text, rule, dropped?, the fraction the rule measures]
    ['4 of 10 paragraphs repeat', paras(5, 5), 'dup_para_frac', true, 0.4],
    ['3 of 10 paragraphs repeat', paras(6, 4), 'dup_para_frac', false, 0.3],
    [
      'repeated paragraphs hold > 20% of chars',
      sized(249, spread('\n\n')),
      'dup_para_char_frac',
      true,
      50 / 249,
    ],
    ['repeated paragraphs hold 20% of chars', sized(250, spread('\n\n')), 'dup_para_char_frac', false, 0.2],
    ['4 of 10 lines repeat', lines(5, 5), 'dup_line_frac', true, 0.4],
    ['3 of 10 lines repeat', lines(6, 4), 'dup_line_frac', false, 0.3],
    ['repeated lines hold > 20% of chars', sized(249, spread('\n')), 'dup_line_char_frac', true, 50 / 249],
    ['repeated lines hold 20% of chars', sized(250, spread('\n')), 'dup_line_char_frac', false, 0.2],
    ['a 2-gram ×4 over 20%', sized(219, gram('New Yorkers', 4)), 'top_2_gram', true, 44 / 219],
    ['a 2-gram ×4 at 20%', sized(220, gram('New Yorkers', 4)), 'top_2_gram', false, 0.2],
    ['a 3-gram ×2 over 18%', sized(155, gram('a b Longworded', 2)), 'top_3_gram', true, 28 / 155],
    ['a 3-gram ×2 under 18%', sized(156, gram('a b Longworded', 2)), 'top_3_gram', false, 28 / 156],
    ['a 4-gram ×2 over 16%', sized(199, gram('a b c Longworded', 2)), 'top_4_gram', true, 32 / 199],
    ['a 4-gram ×2 at 16%', sized(200, gram('a b c Longworded', 2)), 'top_4_gram', false, 0.16],
    ...[5, 6, 7, 8, 9, 10].flatMap((n, i) => {
      const limit = [0.15, 0.14, 0.13, 0.12, 0.11, 0.1][i]!;
      const chars = n === 5 ? 15 : 2 * n;
      const at = Math.ceil(chars / limit);
      const build = n === 5 ? dup5 : dupN(n);
      const rule = `duplicated_${n}_n_grams`;
      return [
        [
          `a ${n}-gram cut two ways, over ${limit}: ${rule}`,
          sized(at - 1, build),
          rule,
          true,
          chars / (at - 1),
        ],
        [`a ${n}-gram cut two ways, at ${limit}: kept`, sized(at, build), rule, false, chars / at],
      ];
    }),
  ] as [string, string, string, boolean, number][])('%s', async (_name, text, rule, dropped, value) => {
    const docs = docsFromTexts([text]);
    const run = await runStage(filterGopherRepetition, { keep_stats: true }, docs);
    expect(run.drops).toEqual(dropped ? [{ id: 'd0', reason: rule, value: expect.closeTo(value, 12) }] : []);
    const stats = (docs[0]!.row.dm as { gopher_repetition: Record<string, number> }).gopher_repetition;
    expect(stats[rule]).toBeCloseTo(value, 12);
  });
});

describe('filter-gopher-repetition edge cases and options', () => {
  it('drops an empty text with reason empty (the reference would divide by len(text) = 0)', async () => {
    const run = await runStage(filterGopherRepetition, {}, docsFromTexts(['']));
    expect(run.drops).toEqual([{ id: 'd0', reason: 'empty', value: 0 }]);
  });

  it('keeps whitespace-only text: no duplicates, no n-grams', async () => {
    const run = await runStage(filterGopherRepetition, {}, docsFromTexts(['  \n\n \t ']));
    expect(run.kept).toHaveLength(1);
  });

  it('lines split on \\n only: a CRLF line keeps its \\r and differs from the LF one', async () => {
    const body = `${filler(40)}\n`;
    const lf = `${body}dup line here\ndup line here\n${filler(40, 40)}`;
    const crlf = `${body}dup line here\r\ndup line here\n${filler(40, 40)}`;
    const docs = docsFromTexts([lf, crlf]);
    await runStage(filterGopherRepetition, { keep_stats: true }, docs);
    const stats = docs.map(
      (d) => (d.row.dm as { gopher_repetition: Record<string, number> }).gopher_repetition,
    );
    expect(stats[0]!.dup_line_frac).toBeCloseTo(1 / 4, 12);
    expect(stats[1]!.dup_line_frac).toBe(0);
  });

  it('measures len(text) and len(g) in code points: an emoji counts 1', async () => {
    // All 2-grams occur once, so the first one is the top gram: "😀😀😀😀 qa" has 7 code points.
    const text = `😀😀😀😀 ${filler(30)}`;
    expect(text.length - cpLength(text)).toBe(4);
    const docs = docsFromTexts([text]);
    await runStage(filterGopherRepetition, { keep_stats: true }, docs);
    const stats = (docs[0]!.row.dm as { gopher_repetition: Record<string, number> }).gopher_repetition;
    expect(stats.top_2_gram).toBeCloseTo(7 / cpLength(text), 12);
  });

  it.each([
    [{ dup_para_frac: null }, 'dup_line_frac'],
    [{ dup_para_frac: 0 }, 'dup_line_frac'],
    [{ dup_para_frac: 0, dup_line_frac: 0 }, undefined],
  ])('%j disables the rule: next reason %s', async (o, reason) => {
    // 4 of 10 paragraphs (and lines) repeat, with few characters.
    const text = [...Array.from({ length: 5 }, (_, i) => filler(12, i * 12)), ...Array(5).fill('Same')].join(
      '\n\n',
    );
    const run = await runStage(filterGopherRepetition, o, docsFromTexts([text]));
    expect(run.drops.map((d) => d.reason)).toEqual(reason === undefined ? [] : [reason]);
  });

  it('checks top and duplicated n-gram rules in the listed order; an empty list disables them', async () => {
    const text = `${'x '.repeat(50)}${filler(10)}`;
    const first = await runStage(filterGopherRepetition, {}, docsFromTexts([text]));
    expect(first.drops[0]?.reason).toBe('top_2_gram');
    const custom = await runStage(filterGopherRepetition, { top_n_grams: [[3, 0.5]] }, docsFromTexts([text]));
    expect(custom.drops[0]?.reason).toBe('top_3_gram');
    const none = await runStage(filterGopherRepetition, { top_n_grams: [] }, docsFromTexts([text]));
    expect(none.drops[0]?.reason).toBe('duplicated_5_n_grams');
  });

  it('stores no dm without keep_stats, every statistic with it', async () => {
    const docs = docsFromTexts([filler(60)]);
    await runStage(filterGopherRepetition, {}, docs);
    expect(docs[0]!.row.dm).toBeUndefined();
    await runStage(filterGopherRepetition, { keep_stats: true }, docs);
    expect(Object.keys((docs[0]!.row.dm as { gopher_repetition: object }).gopher_repetition)).toEqual([
      'dup_para_frac',
      'dup_para_char_frac',
      'dup_line_frac',
      'dup_line_char_frac',
      'top_2_gram',
      'top_3_gram',
      'top_4_gram',
      ...[5, 6, 7, 8, 9, 10].map((n) => `duplicated_${n}_n_grams`),
    ]);
  });

  it.each([
    [{ dup_para_frac: 1.5 }, 'dup_para_frac'],
    [{ dup_line_frac: -0.1 }, 'dup_line_frac'],
    [{ top_n_grams: [[0, 0.2]] }, 'top_n_grams'],
    [{ dup_n_grams: [[5, 0]] }, 'dup_n_grams'],
    [{ dup_n_grams: [[5]] }, 'dup_n_grams'],
    [{ unknown: 1 }, 'unknown'],
  ])('rejects %j', (o, message) => {
    expect(() => parseOptions(filterGopherRepetition, o)).toThrow(message);
  });
});

describeWithData('filter-gopher-repetition on real web data', () => {
  const checked = JSON.parse(
    readFileSync(new URL('./fixtures/gopher-checked.json', import.meta.url), 'utf8'),
  ) as {
    repetition: Record<string, [string, string]>;
  };
  const { runs, rate } = webRuns(filterGopherRepetition);

  it('keeps clean C4 (286/300)', () => {
    expect(rate('c4')).toBeGreaterThan(0.9);
  });

  it('drops a quarter of raw crawl (504/697 kept), the 27 empty texts as empty', () => {
    expect(rate('dolma')).toBeGreaterThan(0.6);
    expect(rate('dolma')).toBeLessThan(0.85);
    expect(runs.get('dolma')!.run.reasons.empty).toBe(27);
    for (const reason of ['dup_para_frac', 'dup_line_frac', 'top_2_gram', 'duplicated_5_n_grams'])
      expect(rate('dolma', reason), reason).toBeGreaterThan(0.02);
  });

  it('drops most SMS by top n-grams: one 2-gram of a 5-word text is > 20% of it (a reference quirk)', () => {
    const { run } = runs.get('sms')!;
    expect(rate('sms')).toBeGreaterThan(0.2);
    expect(rate('sms')).toBeLessThan(0.35);
    expect(Object.keys(run.reasons).sort()).toEqual(['top_2_gram', 'top_3_gram', 'top_4_gram']);
  });

  it('agrees with the literal DataTrove n-gram port on every raw-crawl document', () => {
    const stats = new NgramStats();
    for (const d of runs.get('dolma')!.docs.slice(0, 300)) {
      const words = splitIntoWords(d.text);
      stats.load(words);
      for (const n of [2, 3, 4]) expect(stats.topNgramChars(n)).toBe(naiveTop(words, n));
      for (const n of [5, 6, 7, 8, 9, 10]) expect(stats.duplicatedNgramChars(n)).toBe(naiveDup(words, n));
    }
  });

  it('matches every decision checked by hand (fixtures/gopher-checked.json)', () => {
    const decided = new Map<string, string>();
    for (const { docs, run } of runs.values()) {
      for (const d of docs) decided.set(d.id, 'keep');
      for (const d of run.drops) decided.set(d.id, d.reason);
    }
    for (const [id, [expected, note]] of Object.entries(checked.repetition))
      expect(decided.get(id), `${id}: ${note}`).toBe(expected);
  });
});

/**
 * Python `len` of a joined n-gram: Python strings hold code points, so lone surrogates of two different
 * words stay two code points when joined (JS `cpLength` of the joined string would pair them).
 */
function pyJoinedLength(words: string[], separator: string): number {
  let len = separator.length * (words.length - 1);
  for (const w of words) len += cpLength(w);
  return len;
}

/** DataTrove's top n-gram rule value (strings, Map), lengths as Python measures them. */
function pyTop(words: string[], n: number): number {
  const counts = new Map<string, [number, string[]]>();
  for (let i = 0; i + n <= words.length; i++) {
    const g = words.slice(i, i + n);
    const key = g.join(' ');
    const hit = counts.get(key);
    if (hit) hit[0]++;
    else counts.set(key, [1, g]);
  }
  if (counts.size === 0) return -1;
  let best: [number, string[]] = [0, []];
  for (const e of counts.values()) if (e[0] > best[0]) best = e;
  return pyJoinedLength(best[1], ' ') * best[0];
}

/** DataTrove `find_all_duplicate` (strings, Set), lengths as Python measures them. */
function pyDup(words: string[], n: number): number {
  const seen = new Set<string>();
  let rep = 0;
  let i = 0;
  while (i < words.length - n + 1) {
    const g = words.slice(i, i + n);
    const key = g.join('');
    if (seen.has(key)) {
      rep += pyJoinedLength(g, '');
      i += n;
    } else {
      seen.add(key);
      i++;
    }
  }
  return rep;
}

/** SPEC-filters.md (b2) ported literally (strings, Set, Map): every statistic in order, and the verdict. */
function referenceVerdict(text: string): { stats: Record<string, number | null>; failed?: [string, number] } {
  const stats: Record<string, number | null> = {};
  let failed: [string, number] | undefined;
  const len = cpLength(text);
  const check = (reason: string, value: number, limit: number) => {
    stats[reason] = value;
    if (failed === undefined && value > limit) failed = [reason, value];
  };
  const dups = (xs: string[]) => {
    const seen = new Set<string>();
    let count = 0;
    let chars = 0;
    for (const x of xs) {
      if (seen.has(x)) {
        count++;
        chars += cpLength(x);
      } else seen.add(x);
    }
    return [count, chars] as const;
  };
  const paragraphs = pyStrip(text).split(/\n{2,}/);
  const [pd, pc] = dups(paragraphs);
  check('dup_para_frac', pd / paragraphs.length, 0.3);
  check('dup_para_char_frac', pc / len, 0.2);
  const lines = text.split(/\n+/);
  const [ld, lc] = dups(lines);
  check('dup_line_frac', ld / lines.length, 0.3);
  check('dup_line_char_frac', lc / len, 0.2);
  const words = splitIntoWords(text);
  for (const [n, limit] of [
    [2, 0.2],
    [3, 0.18],
    [4, 0.16],
  ] as const) {
    const chars = pyTop(words, n);
    if (chars < 0) stats[`top_${n}_gram`] = null;
    else check(`top_${n}_gram`, chars / len, limit);
  }
  for (const [n, limit] of [
    [5, 0.15],
    [6, 0.14],
    [7, 0.13],
    [8, 0.12],
    [9, 0.11],
    [10, 0.1],
  ] as const) {
    check(`duplicated_${n}_n_grams`, pyDup(words, n) / len, limit);
  }
  return failed === undefined ? { stats } : { stats, failed };
}

describe('filter-gopher-repetition fast paths against the literal SPEC port', () => {
  // Newline runs of every length, whitespace-only pieces, CR, surrogate pairs (also split by a newline)
  // and a lone surrogate; words from a small vocabulary whose concatenations collide across cuts
  // ("al pha" / "alpha"), long enough that the 16-unit prefix pruning of NgramStats applies.
  const pieces = [
    'alpha',
    'al',
    'pha',
    'beta',
    'alphabet',
    'be',
    'ta',
    'x',
    'gamma ray',
    ' ',
    ' ',
    ' ',
    '\n',
    '\n',
    '\n\n',
    '\n\n\n',
    '\r\n',
    '\t',
    '.',
    '😀',
    '\ud83d',
    '\ude00',
    ' \n ',
  ];

  function randomText(r: () => number, size: number): string {
    let text = '';
    // Some documents repeat a block (duplicate lines/paragraphs/n-grams), some are random throughout.
    const block: string[] = [];
    for (let k = 1 + Math.floor(r() * 12); k > 0; k--) block.push(pieces[Math.floor(r() * pieces.length)]!);
    for (let k = Math.floor(r() * size); k > 0; k--) {
      text += r() < 0.3 ? block.join('') : pieces[Math.floor(r() * pieces.length)]!;
    }
    return text;
  }

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'seeded documents (seed %i): same verdicts, values and stats',
    async (seed) => {
      const r = rng(seed);
      const texts: string[] = [];
      // (An empty text is dropped as empty before any rule: covered above.)
      for (let doc = 0; doc < 80; doc++) texts.push(`.${randomText(r, doc % 10 === 0 ? 2000 : 150)}`);
      texts.push('\n', '\n\n', ' \n\n \n', 'a\n\nb\n\na', '\ud83d\n\ude00', 'x\n\ny\n\n\nx\n\ny');
      const expected = texts.map(referenceVerdict);
      for (const keep_stats of [false, true]) {
        const docs = docsFromTexts(texts);
        const run = await runStage(filterGopherRepetition, { keep_stats }, docs);
        const drops = new Map(run.drops.map((d) => [d.id, d]));
        docs.forEach((doc, k) => {
          const want = expected[k]!;
          const drop = drops.get(doc.id);
          const what = `${JSON.stringify(texts[k])} keep_stats=${keep_stats}`;
          expect(drop === undefined ? undefined : [drop.reason, drop.value], what).toEqual(want.failed);
          if (keep_stats) {
            const got = (doc.row.dm as { gopher_repetition: Record<string, number | null> })
              .gopher_repetition;
            for (const key of Object.keys(want.stats))
              expect(got[key], `${key} ${what}`).toBe(want.stats[key]);
            expect(Object.keys(got)).toEqual(Object.keys(want.stats));
          }
        });
      }
    },
  );

  it('pieces equal on their sampled characters but not in full: exact counts (also past the fallback)', async () => {
    const r = rng(99);
    const texts: string[] = [];
    for (const records of [10, 300]) {
      // Fixed-width records: same 20-unit head and tail, a varying middle, some records repeated.
      const lines: string[] = [];
      for (let k = 0; k < records; k++) {
        // Either random throughout, or varying only at middle offsets 1 and 4 (left out of the sample).
        const middle = Array.from({ length: 40 }, (_, j) =>
          records === 300 && j !== 1 && j !== 4 ? 'a' : 'abc'[Math.floor(r() * 3)],
        ).join('');
        lines.push(`${'h'.repeat(20)}${middle}${'t'.repeat(20)}`);
        if (r() < 0.2) lines.push(lines[Math.floor(r() * lines.length)]!);
      }
      texts.push(lines.join('\n'), lines.join('\n\n'), `${lines.join('\n\n\n')}\n`);
    }
    const expected = texts.map(referenceVerdict);
    const docs = docsFromTexts(texts);
    await runStage(filterGopherRepetition, { keep_stats: true }, docs);
    docs.forEach((doc, k) => {
      expect((doc.row.dm as { gopher_repetition: object }).gopher_repetition).toEqual(expected[k]!.stats);
    });
  });
});

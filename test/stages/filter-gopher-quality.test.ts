import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import filterGopherQuality from '../../src/stages/filter-gopher-quality.js';
import { describeWithData } from '../helpers/shared-data.js';
import { docsFromTexts, parseOptions, runStage } from '../helpers/stage-harness.js';
import { webRuns } from '../helpers/web-runs.js';

const WORDS = ['the', 'cat', 'and', 'dog', 'with', 'some', 'fine', 'wool'];
/** `n` plain words (mean length 3.5, three distinct stop words), space-separated. */
const good = (n: number) => Array.from({ length: n }, (_, i) => WORDS[i % WORDS.length]).join(' ');
/** `k` lines of six plain words each, `marked` of them changed by `mark`. */
const lines = (k: number, marked: number, mark: (l: string) => string) =>
  Array.from({ length: k }, (_, i) => (i < marked ? mark(good(6)) : good(6))).join('\n');
const rep = (s: string, n: number) => Array(n).fill(s).join(' ');

type Vector = [name: string, text: string, reason: string | null, value: number];

describe('filter-gopher-quality golden vectors (defaults)', () => {
  it.each<Vector>([
    ['49 words', good(49), 'gopher_short_doc', 49],
    ['50 words', good(50), null, 0],
    ['49 words and punctuation tokens', `${good(49)} !!! ... —`, 'gopher_short_doc', 49],
    ['100,001 words', good(100_001), 'gopher_long_doc', 100_001],
    ['100,000 words', good(100_000), null, 0],
    ['mean word length 2.03', `the and ${rep('of', 58)}`, 'gopher_below_avg_threshold', 122 / 60],
    ['mean word length exactly 3', `the and ${rep('dogs', 24)} ${rep('of', 24)}`, null, 0],
    [
      'mean word length 10.7',
      `the and ${rep('abcdefghijk', 58)}`,
      'gopher_above_avg_threshold',
      (6 + 58 * 11) / 60,
    ],
    ['mean word length exactly 10', `the and ${rep('abcdefghijk', 63)} ${rep('cat', 7)}`, null, 0],
    ['7 # in 69 tokens', `${good(62)} ${rep('#', 7)}`, 'gopher_too_many_hashes', 7 / 69],
    ['7 # in 70 tokens', `${good(63)} ${rep('#', 7)}`, null, 0],
    ['7 ... in 69 tokens', `${good(62)} ${rep('...', 7)}`, 'gopher_too_many_ellipsis', 7 / 69],
    ['7 … in 70 tokens', `${good(62)} ${rep('…', 7)} wool`, null, 0],
    [
      '"......" counts 2, "...." 1, ".." 0',
      `${good(60)} ${rep('......', 3)} .... ..`,
      'gopher_too_many_ellipsis',
      7 / 65,
    ],
    ['10 of 10 lines are bullets', lines(10, 10, (l) => `  - ${l}`), 'gopher_too_many_bullets', 1],
    ['9 of 10 lines are bullets', lines(10, 9, (l) => `\u3000• ${l}`), null, 0],
    ['4 of 10 lines end with …', lines(10, 4, (l) => `${l}… `), 'gopher_too_many_end_ellipsis', 0.4],
    ['3 of 10 lines end with ...', lines(10, 3, (l) => `${l}...\t`), null, 0],
    ['60 of 76 tokens alphabetic', `${good(60)} ${rep('123', 16)}`, 'gopher_below_alpha_threshold', 60 / 76],
    ['60 of 75 tokens alphabetic', `${good(60)} ${rep('123', 15)}`, null, 0],
    ['one distinct stop word', `${rep('the', 10)} ${rep('cats', 50)}`, 'gopher_enough_stop_words', 1],
    ['two distinct stop words', `${rep('the', 10)} ${rep('cats', 49)} of`, null, 0],
    ['stop words are case-sensitive', `The THE the And ${rep('cats', 50)}`, 'gopher_enough_stop_words', 1],
  ])('%s', async (_name, text, reason, value) => {
    const run = await runStage(filterGopherQuality, {}, docsFromTexts([text]));
    if (reason === null) expect(run.drops).toEqual([]);
    else expect(run.drops).toEqual([{ id: 'd0', reason, value: expect.closeTo(value, 12) }]);
  });
});

describe('filter-gopher-quality quirks and options', () => {
  it.each<[string, Record<string, unknown>, string, string, number]>([
    ['empty text with min_doc_words off', { min_doc_words: null }, '', 'empty', 0],
    ['whitespace only with min_doc_words 0', { min_doc_words: 0 }, ' \n\u00a0\u3000 ', 'empty', 0],
    ['empty text at the defaults', {}, '', 'gopher_short_doc', 0],
    // Only punctuation tokens: no non-symbol word, the mean is NaN and passes (numpy), the alpha rule decides.
    ['punctuation only', { min_doc_words: null }, '!!! ??? ,', 'gopher_below_alpha_threshold', 0],
    // max_non_alpha_words_ratio acts as a minimum share of alphabetic tokens.
    [
      'alpha minimum 0.9',
      { max_non_alpha_words_ratio: 0.9 },
      `${good(60)} ${rep('123', 10)}`,
      'gopher_below_alpha_threshold',
      60 / 70,
    ],
    ['custom stop words', { stop_words: ['cats', 'dogs'] }, good(60), 'gopher_enough_stop_words', 0],
  ])('%s', async (_name, o, text, reason, value) => {
    const run = await runStage(filterGopherQuality, o, docsFromTexts([text]));
    expect(run.drops).toEqual([{ id: 'd0', reason, value: expect.closeTo(value, 12) }]);
  });

  it('splits lines like str.splitlines(): \\r, \\r\\n, \\v, \\f, \\x1c-\\x1e, \\x85, U+2028, U+2029', async () => {
    const breaks = ['\r', '\r\n', '\v', '\f', '\x1c', '\x1d', '\x1e', '\x85', '\u2028', '\u2029'];
    // 11 lines, 10 bullets: 10/11 > 0.9 drops; joined with "\n\n" instead it would be 10/21.
    const joined = [good(50), ...breaks.map((b) => `${b}- ${good(1)}`)].join('');
    const run = await runStage(filterGopherQuality, {}, docsFromTexts([joined]));
    expect(run.drops).toEqual([{ id: 'd0', reason: 'gopher_too_many_bullets', value: 10 / 11 }]);
  });

  it('counts lengths in code points; an emoji-only token is a non-symbol word of length 1', async () => {
    // "a😀a" is one token of 3 code points (4 UTF-16 units).
    const docs = docsFromTexts([rep('a😀a', 50)]);
    await runStage(filterGopherQuality, { keep_stats: true }, docs);
    expect(
      (docs[0]!.row.dm as { gopher_quality: { avg_word_length: number } }).gopher_quality.avg_word_length,
    ).toBe(3);
    // "ab😀" is two tokens, "ab" and "😀" (trailing symbol run): mean (2 + 1) / 2.
    const emoji = await runStage(filterGopherQuality, {}, docsFromTexts([rep('ab😀', 50)]));
    expect(emoji.drops).toEqual([{ id: 'd0', reason: 'gopher_below_avg_threshold', value: 1.5 }]);
  });

  it('NBSP and U+3000 separate words; U+FEFF does not', async () => {
    const nbsp = await runStage(filterGopherQuality, {}, docsFromTexts([good(50).replaceAll(' ', '\u00a0')]));
    expect(nbsp.kept).toHaveLength(1);
    const bom = await runStage(filterGopherQuality, {}, docsFromTexts([good(50).replaceAll(' ', '\ufeff')]));
    expect(bom.drops).toEqual([{ id: 'd0', reason: 'gopher_short_doc', value: 1 }]);
  });

  it.each([
    [{ min_doc_words: null }, 'gopher_below_avg_threshold'],
    [{ min_doc_words: 0, min_avg_word_length: 0 }, 'gopher_enough_stop_words'],
  ])('null/0 disable rules: %j → %s', async (o, reason) => {
    const run = await runStage(filterGopherQuality, o, docsFromTexts([rep('ok', 10)]));
    expect(run.drops.map((d) => d.reason)).toEqual([reason]);
  });

  it('stores every statistic under dm.gopher_quality with keep_stats (NaN as null), nothing without', async () => {
    const docs = docsFromTexts([`${good(8)} # ...\n- x`, '']);
    await runStage(filterGopherQuality, { keep_stats: true }, docs);
    expect(docs[0]!.row.dm).toEqual({
      gopher_quality: {
        words: 12,
        non_symbol_words: 9,
        avg_word_length: 29 / 9,
        hash_ratio: 1 / 12,
        ellipsis_ratio: 1 / 12,
        bullet_lines_ratio: 0.5,
        end_ellipsis_lines_ratio: 0.5,
        alpha_words_ratio: 9 / 12,
        stop_words: 3,
      },
    });
    expect(
      (docs[1]!.row.dm as { gopher_quality: Record<string, unknown> }).gopher_quality.avg_word_length,
    ).toBeNull();
    const plain = docsFromTexts([good(60)]);
    await runStage(filterGopherQuality, {}, plain);
    expect(plain[0]!.row.dm).toBeUndefined();
  });

  it.each([
    [{ min_doc_words: -1 }, 'min_doc_words'],
    [{ min_doc_words: 2.5 }, 'min_doc_words'],
    [{ max_symbol_word_ratio: '0.1' }, 'max_symbol_word_ratio'],
    [{ stop_words: 'the' }, 'stop_words'],
    [{ min_words: 50 }, 'min_words'],
  ])('rejects %j', (o, message) => {
    expect(() => parseOptions(filterGopherQuality, o)).toThrow(message);
  });
});

describeWithData('filter-gopher-quality on real web data', () => {
  const checked = JSON.parse(
    readFileSync(new URL('./fixtures/gopher-checked.json', import.meta.url), 'utf8'),
  ) as {
    quality: Record<string, [string, string]>;
  };
  const { runs, rate } = webRuns(filterGopherQuality);

  it('keeps most of clean C4 (247/300); drops short pages and punctuation-heavy prose', () => {
    expect(rate('c4')).toBeGreaterThan(0.75);
    expect(rate('c4')).toBeLessThan(0.9);
    expect(rate('c4', 'gopher_short_doc')).toBeLessThan(0.15);
    expect(rate('c4', 'gopher_below_alpha_threshold')).toBeLessThan(0.12);
  });

  it('drops most raw crawl (159/697 kept): short, non-English (stop words), non-alphabetic', () => {
    expect(rate('dolma')).toBeGreaterThan(0.15);
    expect(rate('dolma')).toBeLessThan(0.35);
    for (const reason of ['gopher_short_doc', 'gopher_enough_stop_words', 'gopher_below_alpha_threshold'])
      expect(rate('dolma', reason), reason).toBeGreaterThan(0.15);
  });

  it('drops nearly every SMS as gopher_short_doc', () => {
    expect(rate('sms', 'gopher_short_doc')).toBeGreaterThan(0.98);
  });

  it('records the failing statistic on every drop', () => {
    for (const { run } of runs.values())
      for (const d of run.drops) expect(typeof d.value === 'number' && Number.isFinite(d.value)).toBe(true);
  });

  it('matches every decision checked by hand (fixtures/gopher-checked.json)', () => {
    const decided = new Map<string, string>();
    for (const { docs, run } of runs.values()) {
      for (const d of docs) decided.set(d.id, 'keep');
      for (const d of run.drops) decided.set(d.id, d.reason);
    }
    for (const [id, [expected, note]] of Object.entries(checked.quality))
      expect(decided.get(id), `${id}: ${note}`).toBe(expected);
  });
});

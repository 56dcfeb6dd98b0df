import { describe, expect, it } from 'vitest';
import filterC4, { c4Lines, LINE_COUNTERS, mayHoldNeedle } from '../../src/stages/filter-c4.js';
import { foldedNeedles } from '../../src/text/folded-needles.js';
import { docsFromTexts, parseOptions, runStage } from '../helpers/stage-harness.js';

const S = 'This is a sentence.';
const five = (extra: string[] = []) => [S, S, S, S, S, ...extra].join('\n');

async function one(text: string, options: Record<string, unknown> = {}) {
  const run = await runStage(filterC4, options, docsFromTexts([text]));
  return { run, drop: run.drops[0], text: run.kept[0]?.text };
}

describe('filter-c4 document reasons (golden, each with a case just under it)', () => {
  it.each([
    // [text, reason, value (sentences or line number)]
    [[S, S, S, S].join('\n'), 'too_few_sentences', 4],
    ['One. Two three four. Five six seven? Eight nine ten!', 'too_few_sentences', 4],
    [five(['Lorem ipsum dolor sit amet.']), 'lorem_ipsum', 6],
    [five(['We say LOREM IPSUM here.']), 'lorem_ipsum', 6],
    [five(['Use {braces} in code here.']), 'curly_bracket', 6],
    ['Use {braces} in code here.\n' + five(), 'curly_bracket', 1],
  ])('%j → %s (%i)', async (text, reason, value) => {
    const { drop } = await one(text);
    expect(drop).toEqual({ id: 'd0', reason, value });
  });

  it.each([
    ['five sentences on five lines', five(), five()],
    ['five sentences on one line', 'One two three. Four five six! Seven eight nine? Ten a b. C d e.', null],
    // e/g only see lines that survived a–d:
    ['lorem ipsum on a line without terminal punctuation', five(['Lorem ipsum dolor sit amet']), five()],
    ['lorem ipsum on a two-word line', five(['Lorem ipsum.']), five()],
    ['"{" on a line without terminal punctuation', five(['Use {braces} in code here']), five()],
    ['"{" on a two-word line', five(['{x} y.']), five()],
    ['"{" on a javascript line (f runs before g)', five(['Enable JavaScript {now} please.']), five()],
  ])('keeps: %s', async (_, text, rewritten) => {
    const { run, text: out } = await one(text);
    expect(run.drops).toEqual([]);
    expect(out).toBe(rewritten ?? text);
  });
});

describe('filter-c4 line rules', () => {
  it.each([
    ['too_long_word', `Word ${'x'.repeat(1001)} here.`, 'line-filter-too_long_word'],
    ['no terminal punctuation', 'A heading without a stop', 'line-filter-no_terminal_punc'],
    ['ellipsis ending', 'And so on and so forth...', 'line-filter-no_terminal_punc'],
    ['unicode ellipsis is not terminal', 'And so on and so forth…', 'line-filter-no_terminal_punc'],
    ['too few words', 'Two words.', 'line-filter-too_few_words'],
    ['javascript', 'Please enable JavaScript to view.', 'line-filter-javascript'],
    ['policy', 'Please read our Privacy Policy first.', 'line-filter-policy'],
    ['cookies', 'This site uses cookies to work.', 'line-filter-policy'],
  ])('%s: the line is removed and counted', async (_, line, counter) => {
    const { run, text } = await one(five([line]));
    expect(text).toBe(five());
    expect(run.counters[counter]).toBe(1);
    expect(run.counters['line-total']).toBe(6);
    expect(run.counters['line-kept']).toBe(5);
    expect(run.counters['doc-rewritten']).toBe(1);
  });

  it.each([
    ['a word of exactly 1000 chars', `Word ${'x'.repeat(1000)} here.`],
    ['1000 emoji are 1000 code points', `Word ${'😀'.repeat(1000)} here.`],
    ['quote ending', "He said it's 'fine.'"],
    ['double quote ending', 'He said "it is fine"'],
    ['three words', 'Three words here.'],
  ])('keeps the line: %s', async (_, line) => {
    const { text } = await one(five([line]));
    expect(text).toBe(five([line]));
  });

  it('removes citations after the words were counted', async () => {
    // Before removal: "Yes", "[1]", "[2]." = 3 words; after: "Yes  ." (2 words) would fail d.
    expect((await one(five(['Yes [1] [2].']))).text).toBe(five(['Yes  .']));
    expect((await one(five(['Paris is the capital.[1]']))).text).toBe(five(['Paris is the capital.']));
    expect((await one(five(['Paris is big.[\u0661\u0662][edit][citation needed]']))).text).toBe(
      five(['Paris is big.']),
    );
    // "[a]" is no citation: the line ends with "]" and is removed.
    expect((await one(five(['Paris is big.[a]']))).text).toBe(five());
  });

  it('splits like Python splitlines, strips lines and the result', async () => {
    const text = `  Menu\r\n${S}\u2028${S}\x85  ${S}  \r${S}\v${S}\n\n`;
    expect((await one(text)).text).toBe(five());
  });

  it('leaves an unchanged document untouched (no rewrite counted)', async () => {
    const { run } = await one(five());
    expect(run.counters['doc-rewritten']).toBeUndefined();
  });
});

describe('filter-c4 options', () => {
  it('-1 disables the numeric rules', async () => {
    const { run, text } = await one('Tiny.', {
      min_num_sentences: -1,
      min_words_per_line: -1,
      max_word_length: -1,
    });
    expect(run.drops).toEqual([]);
    expect(text).toBe('Tiny.');
    expect((await one('no kept line', { min_num_sentences: -1 })).text).toBe('');
  });

  it('filter_no_terminal_punct: false (FineWeb) keeps lines without a mark', async () => {
    expect((await one(five(['A heading without a stop']), { filter_no_terminal_punct: false })).text).toBe(
      five(['A heading without a stop']),
    );
  });

  it('split_paragraph: false applies the rules per sentence and joins with spaces', async () => {
    const text = 'One two three. Four five six.\nSeven eight nine! Ten. Eleven twelve thirteen? A b c.';
    const { run, text: out } = await one(text, { split_paragraph: false });
    expect(run.drops).toEqual([]);
    // "Ten." has one word: removed; 5 sentences remain.
    expect(out).toBe('One two three. Four five six. Seven eight nine! Eleven twelve thirteen? A b c.');
  });

  it.each([
    ['filter_lorem_ipsum', 'Lorem ipsum dolor sit amet.'],
    ['filter_curly_bracket', 'Use {braces} in code here.'],
    ['filter_javascript', 'Please enable JavaScript to view.'],
    ['filter_policy', 'Please read our privacy policy.'],
  ])('%s: false keeps the line', async (opt, line) => {
    expect((await one(five([line]), { [opt]: false })).text).toBe(five([line]));
  });

  it('keep_stats stores dm.c4 on kept and dropped documents', async () => {
    const run = await runStage(filterC4, { keep_stats: true }, docsFromTexts([five(['Menu']), S]));
    expect(run.kept[0]?.row.dm).toEqual({ c4: { lines: 6, kept_lines: 5, num_sentences: 5 } });
    expect(run.drops).toEqual([{ id: 'd1', reason: 'too_few_sentences', value: 1 }]);
  });
});

describe.each([
  ['native', true],
  ['TypeScript', false],
])('mayHoldNeedle (the per-document shortcut of the lowercase line tests), %s', (_name, native) => {
  const o = parseOptions(filterC4, {}) as Parameters<typeof mayHoldNeedle>[0];
  const four = foldedNeedles(['lorem ipsum', 'javascript', 'privacy policy', 'cookie policy'], native);
  const two = foldedNeedles(['lorem ipsum', 'javascript'], native);
  it.each([
    ['A plain text.\nNothing here.', false],
    ['Enable JavaScript.', true],
    ['java[1]script once citations go', true],
    ['java[x]script stays apart', false],
    ['Read our Privacy\nPolicy', false],
    ['LOREM IPSUM', true],
    ['İ and Σ are lowercased on their own', false],
    ['COO\u212aIE POLICY (a Kelvin sign lowercases to k)', true],
  ])('%j → %s', (text, expected) => {
    expect(mayHoldNeedle(o, text, four)).toBe(expected);
    if (expected)
      expect(
        /lorem ipsum|javascript|privacy policy|cookie policy/u.test(text.toLowerCase().replace(/\[1\]/g, '')),
      ).toBe(true);
  });

  it('gives the same decisions as testing every line', async () => {
    const texts = [five(['Enable JavaScript now please.']), five(['java[1]script is here too.']), five()];
    for (const text of texts) {
      const tally = new Float64Array(LINE_COUNTERS.length);
      const lines = text.split('\n');
      const fast = c4Lines(o, lines, tally, mayHoldNeedle(o, text, two));
      expect(fast).toEqual(c4Lines(o, lines, new Float64Array(LINE_COUNTERS.length), true));
    }
  });
});

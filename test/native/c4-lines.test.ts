import { describe, expect, it } from 'vitest';
import { nativeC4Lines } from '../../src/stages/_c4-native.js';
import { c4Lines, LINE_COUNTERS, POLICY_SUBSTRINGS } from '../../src/stages/filter-c4.js';
import { splitlines } from '../../src/text/python.js';
import { describeOnRealText, randomTexts } from '../helpers/native-twins.js';
import { rng } from '../helpers/xorshift.js';

type Options = Parameters<typeof c4Lines>[0];

/** DataTrove C4QualityFilter defaults (filter-c4's), with FineWeb's terminal-punctuation switch as given. */
function options(over: Partial<Options> = {}): Options {
  return {
    split_paragraph: true,
    remove_citations: true,
    filter_no_terminal_punct: true,
    min_num_sentences: 5,
    min_words_per_line: 3,
    max_word_length: 1000,
    filter_lorem_ipsum: true,
    filter_javascript: true,
    filter_curly_bracket: true,
    filter_policy: true,
    keep_stats: false,
    ...over,
  };
}

const VARIANTS: [string, Options][] = [
  ['C4 defaults', options()],
  ['FineWeb (no terminal-punctuation rule)', options({ filter_no_terminal_punct: false })],
  [
    'rules off (-1), citations kept',
    options({ min_num_sentences: -1, min_words_per_line: -1, max_word_length: -1, remove_citations: false }),
  ],
  ['tight limits', options({ min_num_sentences: 1, min_words_per_line: 1, max_word_length: 5 })],
  [
    'needle rules off',
    options({
      filter_lorem_ipsum: false,
      filter_javascript: false,
      filter_curly_bracket: false,
      filter_policy: false,
    }),
  ],
];

/** Native and TypeScript outcomes of `text`, or undefined when the native loop hands the text back. */
function both(o: Options, text: string, needles: boolean) {
  const native = nativeC4Lines(o, POLICY_SUBSTRINGS)!;
  const nt = new Float64Array(LINE_COUNTERS.length);
  const n = native(text, nt, needles);
  if (n === undefined) return undefined;
  const tt = new Float64Array(LINE_COUNTERS.length);
  const t = c4Lines(o, splitlines(text), tt, needles);
  return { native: { ...n, tally: [...nt] }, typescript: { ...t, tally: [...tt] } };
}

/** Texts (first 80 units) whose native outcome or tallies differ from the TypeScript ones, in every variant. */
function mismatches(texts: string[]): string[] {
  const out: string[] = [];
  for (const [name, o] of VARIANTS) {
    for (const needles of [true, false]) {
      for (const t of texts) {
        const r = both(o, t, needles);
        if (r !== undefined && JSON.stringify(r.native) !== JSON.stringify(r.typescript)) {
          out.push(`${name}, needles ${needles}: ${JSON.stringify(t.slice(0, 80))}`);
        }
      }
    }
  }
  return out;
}

const PROSE = 'This is a sentence. Here is another one! Is this a third? Yes it is. And a fifth one.';

describe.skipIf(nativeC4Lines(options(), POLICY_SUBSTRINGS) === undefined)('native C4 line loop', () => {
  it.each([
    ['empty', ''],
    ['only line breaks', '\n\r\n\r\u2028\x85'],
    ['every splitlines boundary', `${PROSE}\x0b${PROSE}\x0c${PROSE}\x1c${PROSE}\r\n${PROSE}\r${PROSE}\u2029`],
    ['strip with Unicode spaces', `\u3000 ${PROSE} \u00a0\n\x1f${PROSE}\u2003`],
    ['lorem ipsum drops the document', `${PROSE}\nLorem IPSUM dolor sit amet, consectetur.\n${PROSE}`],
    ['curly bracket drops the document', `${PROSE}\nvar x = { a: 1 } is code.\n${PROSE}`],
    [
      'javascript and policy lines',
      `Please enable JavaScript to view.\nRead our Privacy Policy now.\n${PROSE}`,
    ],
    ['Kelvin sign lowercases to k', 'This site uses coo\u212Aies here.\nThis is fine. It is. Ok. Yes. No.'],
    [
      'dotted capital I never matches',
      'Please enable javascr\u0130pt now.\nThis is fine. It is. Ok. Yes. No.',
    ],
    ['ellipsis and quotes end lines', 'He said "yes." ok\nShe said \'no\' ok.\nWait for it...\nReally?!'],
    ['a long word, with surrogates', `${'😀'.repeat(6)} is long.\n${'a'.repeat(1001)} word here.\n${PROSE}`],
    ['too few sentences', 'One sentence only here.'],
    ['sentences split on marks then whitespace', 'a. b! c? d.e f .. g\u3000h. i'],
  ])('%s', (_name, text) => {
    expect(mismatches([text])).toEqual([]);
  });

  it('the native values are the outcome (not only equal to the TypeScript ones)', () => {
    const r = both(options(), `${PROSE}\nshort\nLorem ipsum here.\n${PROSE}`, true)!;
    expect(r.native).toMatchObject({ drop: 'lorem_ipsum', line: 3, lines: 4, kept: 1, sentences: 5 });
    expect(r.native.tally).toEqual([3, 0, 1, 0, 0, 0, 1]);
  });

  it('hands a line whose citations would be removed back to TypeScript', () => {
    const tally = new Float64Array(LINE_COUNTERS.length);
    expect(
      nativeC4Lines(options(), POLICY_SUBSTRINGS)!(`${PROSE}\nAs shown [1] here.`, tally, true),
    ).toBeUndefined();
    expect([...tally]).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(both(options({ remove_citations: false }), `${PROSE}\nAs shown [1] here.`, true)).toBeDefined();
  });

  it.each([
    ['every line kept, joined by \\n: the same string', `${PROSE}\n${PROSE}`, true],
    ['a line dropped: a new string', `${PROSE}\nshort\n${PROSE}`, false],
    ['CRLF joins: rewritten with \\n', `${PROSE}\r\n${PROSE}`, false],
    ['a trailing newline is stripped', `${PROSE}\n`, false],
    ['leading spaces are stripped', `  ${PROSE}`, false],
  ])('%s', (_name, text, same) => {
    const tally = new Float64Array(LINE_COUNTERS.length);
    const r = nativeC4Lines(options(), POLICY_SUBSTRINGS)!(text, tally, true)!;
    expect(r.drop).toBeNull();
    // Object identity is what lets later stages keep the text's analysis.
    expect(Object.is(r.text, text)).toBe(same);
    expect(r.text).toBe(both(options(), text, true)!.typescript.text);
  });

  it('is not used for sentences (split_paragraph: false)', () => {
    expect(nativeC4Lines(options({ split_paragraph: false }), POLICY_SUBSTRINGS)).toBeUndefined();
  });

  it('seeded random texts over marks, needles, brackets, spaces and line breaks', () => {
    const next = rng(59);
    const pieces = [
      'word',
      'Word',
      ' ',
      '  ',
      '.',
      '!',
      '?',
      '"',
      "'",
      '...',
      '\n',
      '\r\n',
      '\u2028',
      '\u3000',
      'lorem ipsum',
      'JavaScript',
      'privacy policy',
      'use cookies',
      '{',
      '😀',
      '\ud800',
      'é',
      'xxxxxxxxxxxx',
    ];
    const texts = randomTexts(next, pieces, 3000, 60);
    expect(mismatches(texts)).toEqual([]);
  });
});

describeOnRealText('native C4 line loop on real text', (texts) =>
  nativeC4Lines(options(), POLICY_SUBSTRINGS) === undefined ? [] : mismatches(texts),
);

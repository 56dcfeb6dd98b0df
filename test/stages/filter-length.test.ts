import { describe, expect, it } from 'vitest';
import filterLength, { isSpace, measureLength, type TextLength } from '../../src/stages/filter-length.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';
import { docsFromJsonl, docsFromTexts, parseOptions, runStage } from '../helpers/stage-harness.js';

const measure = (s: string): TextLength => measureLength(s, { chars: 0, words: 0, lines: 0 });

describe('measureLength', () => {
  it.each([
    ['', 0, 0, 0],
    ['a', 1, 1, 1],
    ['a\n', 2, 1, 1],
    ['a\nb', 3, 2, 2],
    ['a\n\nb\n', 5, 2, 3],
    ['\n', 1, 0, 1],
    ['  two   words \t', 15, 2, 1],
    ['é😀 x', 4, 2, 1],
    ['lone \uD800 surrogate', 16, 3, 1],
    ['nbsp\u00A0ideographic\u3000space', 22, 3, 1],
    ['crlf\r\nline', 10, 2, 2],
    ['lone\rcr', 7, 2, 1],
  ])('%j → chars %i, words %i, lines %i', (text, chars, words, lines) => {
    expect(measure(text)).toEqual({ chars, words, lines });
  });

  it('isSpace matches /\\s/ on every BMP code unit', () => {
    for (let c = 0; c < 0x10000; c++) {
      if (isSpace(c) !== /\s/.test(String.fromCharCode(c)))
        throw new Error(`isSpace(0x${c.toString(16)}) differs`);
    }
  });
});

describe('filter-length rules', () => {
  const opts = { min_chars: 5, max_chars: 40, min_words: 2, max_words: 6, min_lines: 2, max_lines: 3 };
  it.each([
    // [text, reason or null (kept), measured value]; each kept text sits exactly on the bound above it.
    ['ab\nc', 'too_few_chars', 4],
    ['ab\ncd', null, 0],
    [`${'x'.repeat(20)}\n${'y'.repeat(20)}`, 'too_many_chars', 41],
    [`${'x'.repeat(19)}\n${'y'.repeat(20)}`, null, 0],
    ['abcdef\n\n', 'too_few_words', 1],
    ['abc\ndef', null, 0],
    ['a b c d\ne f g', 'too_many_words', 7],
    ['a b c\nd e f', null, 0],
    ['abc defgh', 'too_few_lines', 1],
    ['abc\ndefgh', null, 0],
    ['ab\ncd\nef\ngh', 'too_many_lines', 4],
    ['ab\ncd\nef gh\n', null, 0],
  ])('%j → %s', async (text, reason, value) => {
    const run = await runStage(filterLength, opts, docsFromTexts([text]));
    if (reason === null) {
      expect(run.drops).toEqual([]);
      expect(run.kept).toHaveLength(1);
    } else {
      expect(run.drops).toEqual([{ id: 'd0', reason, value }]);
      expect(run.kept).toEqual([]);
    }
  });

  it('checks chars, then words, then lines: the first failing rule decides', async () => {
    // Fails every min rule at once.
    const run = await runStage(
      filterLength,
      { min_chars: 10, min_words: 5, min_lines: 3 },
      docsFromTexts(['ab']),
    );
    expect(run.drops).toEqual([{ id: 'd0', reason: 'too_few_chars', value: 2 }]);
    const words = await runStage(filterLength, { min_words: 5, min_lines: 3 }, docsFromTexts(['ab']));
    expect(words.drops).toEqual([{ id: 'd0', reason: 'too_few_words', value: 1 }]);
  });

  it('keeps everything without bounds and observes the three distributions', async () => {
    const run = await runStage(filterLength, {}, docsFromTexts(['', 'a b\nc']));
    expect(run.kept).toHaveLength(2);
    expect(run.observations).toEqual({ chars: [0, 5], words: [0, 3], lines: [0, 2] });
  });

  it('stores dm.length with keep_stats, on dropped documents too', async () => {
    const docs = docsFromTexts(['one two', 'x']);
    await runStage(filterLength, { min_words: 2, keep_stats: true }, docs);
    expect(docs.map((d) => d.row.dm)).toEqual([
      { length: { chars: 7, words: 2, lines: 1 } },
      { length: { chars: 1, words: 1, lines: 1 } },
    ]);
    const plain = docsFromTexts(['one two']);
    await runStage(filterLength, { min_words: 2 }, plain);
    expect(plain[0]?.row.dm).toBeUndefined();
  });
});

describe('filter-length options', () => {
  it.each([
    [{}],
    [{ min_chars: 0, max_chars: 0 }],
    [{ min_words: 50, max_words: 100_000, keep_stats: true }],
    [{ min_lines: 3, max_lines: 3 }],
  ])('accepts %j', (o) => {
    expect(() => parseOptions(filterLength, o)).not.toThrow();
  });

  it.each([
    [{ min_chars: -1 }, 'min_chars'],
    [{ max_words: 2.5 }, 'max_words'],
    [{ min_lines: '3' }, 'min_lines'],
    [{ min_chars: 10, max_chars: 5 }, 'min_chars: expected at most max_chars (5)'],
    [{ min_words: 7, max_words: 6 }, 'min_words: expected at most max_words (6)'],
    [{ min_lines: 2, max_lines: 1 }, 'min_lines: expected at most max_lines (1)'],
    [{ min_char: 1 }, 'min_char'],
    [{ keep_stats: 'yes' }, 'keep_stats'],
  ])('rejects %j', (o, message) => {
    expect(() => parseOptions(filterLength, o)).toThrow(message);
  });
});

describeWithData('filter-length on web/dolma_cc_raw', () => {
  const file = sharedPath('web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz');

  it('drops exactly the 27 empty texts with too_few_chars at min_chars: 1', async () => {
    const docs = docsFromJsonl(file);
    expect(docs).toHaveLength(697);
    const run = await runStage(filterLength, { min_chars: 1 }, docs, { batchSize: 64 });
    expect(run.reasons).toEqual({ too_few_chars: 27 });
    expect(run.drops.every((d) => d.value === 0)).toBe(true);
    const emptyIds = docs.filter((d) => d.text === '').map((d) => d.id);
    expect(run.drops.map((d) => d.id)).toEqual(emptyIds);
    expect(run.kept).toHaveLength(670);
  });

  it('counts words and code points like split(/\\s+/) and [...text] on every document', () => {
    for (const { text } of docsFromJsonl(file)) {
      const m = measure(text);
      expect(m.words).toBe(text.split(/\s+/).filter((w) => w !== '').length);
      expect(m.chars).toBe([...text].length);
      expect(m.lines).toBe(text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0));
    }
  });

  it('applies Gopher word bounds (50..100,000) with a reason for every drop', async () => {
    const run = await runStage(filterLength, { min_words: 50, max_words: 100_000 }, docsFromJsonl(file));
    expect(run.kept.length + run.drops.length).toBe(697);
    expect(Object.keys(run.reasons).sort()).toEqual(['too_few_words']);
    expect(run.drops.every((d) => typeof d.value === 'number' && d.value < 50)).toBe(true);
  });
});

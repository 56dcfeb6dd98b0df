import { describe, expect, it } from 'vitest';
import type { Doc } from '../../src/core/doc.js';
import { analyze, TextAnalysis } from '../../src/text/analysis.js';

describe('TextAnalysis', () => {
  it('splits like the reference: words, splitlines, \\n, \\n+, \\n{2,} after strip, code points', () => {
    const a = new TextAnalysis(' Hi!\r\nyou\n\n\nthere 😀\n');
    expect(a.words).toEqual(['Hi', '!', 'you', 'there', '😀']);
    expect(a.lines).toEqual([' Hi!', 'you', '', '', 'there 😀']);
    expect(a.newlineLines).toEqual([' Hi!\r', 'you', '', '', 'there 😀', '']);
    expect(a.repetitionLines).toEqual([' Hi!\r', 'you', 'there 😀', '']);
    expect(a.paragraphs).toEqual(['Hi!\r\nyou', 'there 😀']);
    expect(a.length).toBe(20);
  });

  it('spans are [start, end) pairs of the words; wordCount counts them', () => {
    const text = ' Hi!\r\nyou\n\n\nthere 😀\n';
    const a = new TextAnalysis(text);
    expect(a.wordCount).toBe(5);
    expect([...a.spans]).toEqual([1, 3, 3, 4, 6, 9, 12, 17, 18, 20]);
    expect(
      Array.from({ length: a.wordCount }, (_, k) => text.slice(a.spans[2 * k], a.spans[2 * k + 1])),
    ).toEqual(a.words);
  });

  it('each analysis keeps its own spans (the tokenizer buffer is shared scratch)', () => {
    const a = new TextAnalysis('one two');
    const spansA = a.spans;
    const b = new TextAnalysis('x '.repeat(10_000));
    expect(b.wordCount).toBe(10_000);
    expect([...a.spans]).toEqual([0, 3, 4, 7]);
    expect(a.spans).toBe(spansA);
    expect(a.words).toEqual(['one', 'two']);
  });

  it('computes each split once and returns the same array', () => {
    const a = new TextAnalysis('a b');
    expect(a.words).toBe(a.words);
    expect(a.spans).toBe(a.spans);
    expect(a.lines).toBe(a.lines);
  });

  it('analyze caches per document and starts afresh when doc.text changes', () => {
    const doc: Doc = { id: 'd', text: 'one two', row: {} };
    const first = analyze(doc);
    expect(analyze(doc)).toBe(first);
    expect(first.words).toEqual(['one', 'two']);
    doc.text = 'three';
    const second = analyze(doc);
    expect(second).not.toBe(first);
    expect(second.words).toEqual(['three']);
    // A copy of the document carries the analysis along; it describes the text, so it stays valid.
    expect(analyze({ ...doc })).toBe(second);
    expect(analyze({ ...doc, text: 'four' })).not.toBe(second);
  });

  it('empty text: one empty paragraph and repetition line, no words or splitlines', () => {
    const a = new TextAnalysis('');
    expect([a.words, a.lines, a.paragraphs, a.repetitionLines, a.length]).toEqual([[], [], [''], [''], 0]);
    expect([a.wordCount, a.spans.length]).toEqual([0, 0]);
  });
});

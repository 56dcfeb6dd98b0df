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

  it('computes each split once and returns the same array', () => {
    const a = new TextAnalysis('a b');
    expect(a.words).toBe(a.words);
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
    expect(analyze({ ...doc })).not.toBe(second);
  });

  it('empty text: one empty paragraph and repetition line, no words or splitlines', () => {
    const a = new TextAnalysis('');
    expect([a.words, a.lines, a.paragraphs, a.repetitionLines, a.length]).toEqual([[], [], [''], [''], 0]);
  });
});

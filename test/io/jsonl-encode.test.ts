import { describe, expect, it } from 'vitest';
import { encodeLines } from '../../src/io/jsonl-encode.js';
import { stringifyRow } from '../../src/io/jsonl-stringify.js';
import { WriteBuffers } from '../../src/io/write-buffers.js';
import { rng } from '../helpers/xorshift.js';

/** What encodeLines must produce: each line's UTF-8 and a newline. */
function expected(rows: Record<string, unknown>[], given?: (string | undefined)[]): Buffer {
  return Buffer.from(rows.map((r, i) => `${given?.[i] ?? stringifyRow(r)}\n`).join(''));
}

function encoded(rows: Record<string, unknown>[], given?: (string | undefined)[], useNative = true) {
  const { shared, sizes } = encodeLines(rows, given, new WriteBuffers(), useNative);
  const total = sizes.reduce((a, b) => a + b, 0);
  return { bytes: Buffer.from(shared.buf.subarray(0, total)), sizes };
}

describe.each([
  ['native', true],
  ['strings', false],
])('encodeLines (%s)', (_path, useNative) => {
  it.each([
    ['a plain row with a long text', [{ id: 1, text: `${'word '.repeat(100)}\n"quoted"\u2028😀` }]],
    ['short strings stay in the JSON text', [{ id: 'a', text: 'short', lang: 'en', score: 0.5 }]],
    [
      'nested values and omitted ones',
      [{ text: 'x'.repeat(300), dm: { a: [1, 'b'] }, f: undefined, g: null }],
    ],
    ['a key that needs escaping', [{ 'k"ey': 'y'.repeat(400), '\n': 1 }]],
    ['a row needing conversion (BigInt)', [{ id: 2n ** 70n, text: 'z'.repeat(500) }]],
    ['no rows', []],
  ])('%s: the bytes of stringifyRow + newline', (_name, rows) => {
    const r = encoded(rows as Record<string, unknown>[], undefined, useNative);
    expect(r.bytes.equals(expected(rows as Record<string, unknown>[]))).toBe(true);
    expect(r.sizes).toEqual(
      (rows as Record<string, unknown>[]).map((row) => Buffer.byteLength(stringifyRow(row)) + 1),
    );
  });

  it('writes given source lines as they are', () => {
    const rows = [{ text: 'a' }, { text: 'b'.repeat(1000) }];
    const given = ['{"text": "a"}', undefined];
    expect(encoded(rows, given, useNative).bytes.equals(expected(rows, given))).toBe(true);
  });

  it('grows past its first buffer (a 3 MB text; rows of 1..5,000 units, seeded)', () => {
    const next = rng(5);
    const rows = Array.from({ length: 400 }, (_, i) => ({
      id: i,
      text: Array.from(
        { length: Math.floor(next() * 5000) + 1 },
        () => 'aé"\n😀 '[Math.floor(next() * 6)],
      ).join(''),
    }));
    rows.push({ id: 400, text: 'q'.repeat(3_000_000) });
    expect(encoded(rows, undefined, useNative).bytes.equals(expected(rows))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { stringifyPlainRow, stringifyRow } from '../../src/io/jsonl-stringify.js';

/** Seeded rows mixing plain text with every character class JSON escapes. */
function rows(seed: number, n: number): Record<string, unknown>[] {
  let s = seed >>> 0;
  const rand = () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
  const pieces = [
    'plain words ',
    'quote " ',
    'back\\slash ',
    'tab\t',
    'nl\n',
    '\u0001',
    'é',
    '日本',
    '🎉',
    '\ud800',
    '\udc00x',
    '\u2028',
    '\u007f',
  ];
  const str = () => {
    let t = '';
    for (let i = Math.floor(rand() * 12); i > 0; i--) t += pieces[Math.floor(rand() * pieces.length)];
    return t;
  };
  return Array.from({ length: n }, (_, i) => {
    const row: Record<string, unknown> = {
      id: `r${i}`,
      text: str(),
      n: i,
      x: rand() < 0.1 ? Number.NaN : rand(),
    };
    row[str() || 'k'] = str();
    if (rand() < 0.3) row.nested = { a: [str(), null, 1.5], b: { c: str() } };
    if (rand() < 0.2) row.skip = undefined;
    if (rand() < 0.1) row['10'] = 'integer-like key';
    return row;
  });
}

describe('stringifyPlainRow', () => {
  it.each([1, 2, 3])('equals JSON.stringify on seeded rows (seed %d)', (seed) => {
    for (const row of rows(seed, 3000)) expect(stringifyPlainRow(row)).toBe(JSON.stringify(row));
  });
  it('stringifyRow still converts values JSON cannot hold', () => {
    expect(stringifyRow({ a: 1n, t: 'x' })).toBe('{"a":1,"t":"x"}');
  });
});

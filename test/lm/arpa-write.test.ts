import { describe, expect, it } from 'vitest';
import { formatFloat32 } from '../../src/lm/arpa-write.js';
import { rng } from '../helpers/xorshift.js';

/** The reference: the first precision whose decimal reads back as the same float32. */
function shortest(v: number): string {
  for (let p = 1; p <= 9; p++) {
    const s = v.toPrecision(p);
    if (Math.fround(Number(s)) === v) return String(Number(s));
  }
  throw new Error('unreachable');
}

describe('formatFloat32 (shortest round-trip float32, as KenLM prints)', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [-99, '-99'],
    [-100, '-100'],
    [Math.log10(0.5), '-0.30103'],
    [-0.5720968246459961, '-0.5720968'],
    [-0.12407789379358292, '-0.124077894'],
    [-0.5868200659751892, '-0.58682007'],
    [1.5e-7, '1.5e-7'],
    [0.000123, '0.000123'],
    [9.9999999, '10'],
    [123456.7, '123456.7'],
  ])('%f → %s', (x, want) => {
    expect(formatFloat32(x)).toBe(want);
  });

  it('equals the shortest round trip on 200000 seeded values and reads back exactly', () => {
    const r = rng(5);
    const bad: string[] = [];
    for (let i = 0; i < 200000; i++) {
      const sign = r() < 0.8 ? -1 : 1;
      const v = Math.fround(sign * r() * 10 ** Math.floor(r() * 14 - 8));
      const s = formatFloat32(v);
      if (s !== shortest(v) || Math.fround(Number(s)) !== v) bad.push(`${v}: ${s}`);
    }
    expect(bad).toEqual([]);
  });
});

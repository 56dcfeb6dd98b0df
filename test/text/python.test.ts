import { describe, expect, it } from 'vitest';
import {
  cpLength,
  isPyAlpha,
  isPySpaceCode,
  pyIsSpace,
  pySplit,
  pyStrip,
  splitlines,
} from '../../src/text/python.js';

describe('cpLength (Python len)', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 1],
    ['e\u0301', 2],
    ['😀', 1],
    ['a😀b😀', 4],
    ['👨‍👩‍👧', 5],
    ['\ud800', 1],
    ['\udc00\ud800', 2],
    ['x\ud83d', 2],
  ])('%j → %i', (s, n) => {
    expect(cpLength(s)).toBe(n);
  });
});

describe('splitlines (Python str.splitlines)', () => {
  it.each([
    ['', []],
    ['a', ['a']],
    ['a\n', ['a']],
    ['a\n\n', ['a', '']],
    ['\n', ['']],
    ['a\r\nb', ['a', 'b']],
    ['a\n\rb', ['a', '', 'b']],
    ['a\rb', ['a', 'b']],
    ['a\vb\fc', ['a', 'b', 'c']],
    ['a\x1cb\x1dc\x1ed', ['a', 'b', 'c', 'd']],
    ['a\x1fb', ['a\x1fb']],
    ['a\x85b\u2028c\u2029d', ['a', 'b', 'c', 'd']],
    ['a\u00a0b', ['a\u00a0b']],
  ])('%j → %j', (s, lines) => {
    expect(splitlines(s)).toEqual(lines);
  });
});

describe('pyStrip / pySplit (Python whitespace)', () => {
  it.each([
    ['  a b  ', 'a b'],
    ['\x1c\x1d a \x1e\x1f', 'a'],
    ['\ufeffa\ufeff', '\ufeffa\ufeff'],
    ['\u00a0\u3000a\u2029', 'a'],
    ['\x85a\u180e', 'a\u180e'],
    ['', ''],
    [' \t\n ', ''],
  ])('strip %j → %j', (s, out) => {
    expect(pyStrip(s)).toBe(out);
  });

  it('differs from String.prototype.trim on U+FEFF and \\x1c-\\x1f', () => {
    expect('\ufeffa'.trim()).toBe('a');
    expect(pyStrip('\ufeffa')).toBe('\ufeffa');
    expect('\x1ca'.trim()).toBe('\x1ca');
    expect(pyStrip('\x1ca')).toBe('a');
  });

  it('strips a long inner whitespace run in linear time', () => {
    const s = `a${' '.repeat(200_000)}b`;
    const t0 = performance.now();
    expect(pyStrip(s)).toBe(s);
    expect(performance.now() - t0).toBeLessThan(200);
  });

  it.each([
    ['a  b\tc\n', ['a', 'b', 'c']],
    ['', []],
    ['   ', []],
    ['a\x1fb\ufeffc', ['a', 'b\ufeffc']],
  ])('split %j → %j', (s, out) => {
    expect(pySplit(s)).toEqual(out);
  });

  it('isPySpaceCode and pyIsSpace agree with the Python isspace set on every BMP unit', () => {
    const py = new Set([
      0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f,
      0x205f, 0x3000,
    ]);
    for (let c = 0x2000; c <= 0x200a; c++) py.add(c);
    for (let c = 0; c < 0x10000; c++) {
      expect(isPySpaceCode(c)).toBe(py.has(c));
      if (c < 0xd800 || c > 0xdfff) expect(pyIsSpace(String.fromCharCode(c))).toBe(py.has(c));
    }
  });
});

describe('isPyAlpha (Python str.isalpha, category L)', () => {
  it.each([
    [0x41, true],
    [0x7a, true],
    [0x40, false],
    [0x5b, false],
    [0x30, false],
    [0xe9, true],
    [0x4e2d, true],
    [0x2160, false],
    [0x0301, false],
    [0x1d400, true],
    [0x1f600, false],
  ])('U+%s → %s', (cp, v) => {
    expect(isPyAlpha(cp)).toBe(v);
  });
});

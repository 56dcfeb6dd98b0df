import { describe, expect, it } from 'vitest';
import { formatBytes, parseBytes, tryParseBytes } from '../../src/core/bytes.js';
import { isDatamillError } from '../../src/errors.js';

describe('parseBytes', () => {
  it.each([
    [1048576, 1048576],
    [0, 0],
    [1.4, 1],
    ['1048576', 1048576],
    ['256MB', 256_000_000],
    ['256mb', 256_000_000],
    ['1.5 GiB', 1_610_612_736],
    ['1.5GiB', 1_610_612_736],
    ['  64 KiB ', 65_536],
    ['1kB', 1000],
    ['1KB', 1000],
    ['2 MiB', 2_097_152],
    ['3 GB', 3e9],
    ['1 TiB', 2 ** 40],
    ['0.5 B', 1],
    ['.5 kB', 500],
    ['12 B', 12],
  ] as const)('%j → %d', (input, bytes) => {
    expect(parseBytes(input)).toBe(bytes);
  });

  it.each([
    ['256M'],
    ['1G'],
    ['12 parsecs'],
    ['MB'],
    [''],
    ['-1MB'],
    ['1e6'],
    ['1,5 MB'],
    [-1],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    ['99999999 PB'],
  ] as const)('refuses %j', (input) => {
    expect(tryParseBytes(input)).toBeUndefined();
    try {
      parseBytes(input);
      expect.unreachable();
    } catch (e) {
      expect(isDatamillError(e) && e.exitCode).toBe(2);
      expect((e as Error).message).toMatch(/^invalid byte size: expected a byte size such as 256MB.*, got /);
    }
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1000, '1 kB'],
    [1536, '1.54 kB'],
    [999_600, '1 MB'],
    [256_000_000, '256 MB'],
    [268_435_456, '268 MB'],
    [1_610_612_736, '1.61 GB'],
    [-2048, '-2.05 kB'],
    [1e18, '1000 PB'],
  ])('%d → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it.each([
    [1023, '1023 B'],
    [1024, '1 KiB'],
    [268_435_456, '256 MiB'],
    [1_610_612_736, '1.5 GiB'],
  ])('%d → %s (binary)', (bytes, text) => {
    expect(formatBytes(bytes, { binary: true })).toBe(text);
  });

  it('parses back what it prints, to three significant digits', () => {
    for (const n of [1, 999, 12_345, 987_654_321, 5e12]) {
      for (const binary of [false, true]) {
        const back = parseBytes(formatBytes(n, { binary }));
        expect(Math.abs(back - n) / n).toBeLessThan(0.005);
      }
    }
  });
});

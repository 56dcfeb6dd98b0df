import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeRuns, RunReader } from '../../src/dedup/runs.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return s / 2 ** 32;
  };
}

function writeRun(file: string, values: number[]): void {
  const buf = Buffer.alloc(values.length * 4);
  for (const [i, v] of values.entries()) buf.writeUInt32LE(v, i * 4);
  writeFileSync(file, buf);
}

describe('mergeRuns', () => {
  it.each([1, 2, 7, 40])('merges %d sorted runs into one sorted sequence (seeded)', (runs) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dm-runs-'));
    const rand = rng(runs);
    const all: number[] = [];
    const readers: RunReader[] = [];
    for (let r = 0; r < runs; r++) {
      const vals = Array.from({ length: Math.floor(rand() * 3000) }, () => Math.floor(rand() * 2 ** 32)).sort(
        (a, b) => a - b,
      );
      all.push(...vals);
      const file = path.join(dir, `r${r}.bin`);
      writeRun(file, vals);
      readers.push(new RunReader(file, 4, 16));
    }
    const got: number[] = [];
    mergeRuns(
      readers,
      (a, ai, b, bi) => a.getUint32(ai, true) < b.getUint32(bi, true),
      (v, at) => got.push(v.getUint32(at, true)),
    );
    expect(got).toEqual(all.sort((a, b) => a - b));
  });

  it('rejects a truncated run file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dm-runs-'));
    const file = path.join(dir, 'bad.bin');
    writeFileSync(file, Buffer.alloc(10));
    expect(() => new RunReader(file, 4)).toThrow(/not a whole number of 4-byte records/);
  });
});

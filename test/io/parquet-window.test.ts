import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parquetInfo, readParquetSlice } from '../../src/io/parquet-read.js';
import {
  type Chunk,
  planWindows,
  SMALL_COLUMN_BYTES,
  sliceChunks,
  WINDOW_BYTES,
} from '../../src/io/parquet-window.js';
import { createParquetWriter } from '../../src/io/parquet-write.js';
import type { RowBatch } from '../../src/io/types.js';
import { rng } from '../helpers/xorshift.js';

const MB = 1024 * 1024;

describe('planWindows', () => {
  it.each([
    ['a small group: one read', [{ name: 't', bytes: 2 * MB, flat: true }], 1000, [], 1000],
    [
      'a big flat text column is windowed; a small id column is read once',
      [
        { name: 'id', bytes: 100_000, flat: true },
        { name: 't', bytes: 4 * WINDOW_BYTES, flat: true },
      ],
      1000,
      ['t'],
      250,
    ],
    [
      'a nested column is read once even when big (its pages would be decoded per window)',
      [
        { name: 'meta', bytes: 3 * WINDOW_BYTES, flat: false },
        { name: 't', bytes: 2 * WINDOW_BYTES, flat: true },
      ],
      1000,
      ['t'],
      500,
    ],
    ['one row never splits', [{ name: 't', bytes: 10 * WINDOW_BYTES, flat: true }], 1, [], 1],
    [
      'a column just under the small size is not windowed',
      [
        { name: 't', bytes: SMALL_COLUMN_BYTES, flat: true },
        { name: 'u', bytes: WINDOW_BYTES, flat: true },
      ],
      10,
      [],
      10,
    ],
  ])('%s', (_, columns, rows, windowed, step) => {
    const plan = planWindows(columns, rows);
    expect(plan.windowed).toEqual(windowed);
    expect(plan.step).toBe(step);
    expect([...plan.whole, ...plan.windowed].sort()).toEqual(columns.map((c) => c.name).sort());
  });
});

describe('sliceChunks', () => {
  const pages: Chunk[] = [
    { data: [0, 1, 2, 3], rowStart: 100 },
    { data: [4, 5, 6], rowStart: 104 },
    { data: [7, 8, 9], rowStart: 107 },
  ];
  it.each([
    ['inside one page', 101, 2, [1, 2]],
    ['across pages', 102, 6, [2, 3, 4, 5, 6, 7]],
    ['everything', 100, 10, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]],
    ['the last row', 109, 1, [9]],
  ])('%s', (_, start, rows, expected) => {
    expect(Array.from(sliceChunks(pages, start, rows)!)).toEqual(expected);
  });
  it('a single page that is exactly the range is returned without a copy', () => {
    const page = { data: [1, 2, 3], rowStart: 5 };
    expect(sliceChunks([page], 5, 3)).toBe(page.data);
  });
  it.each([
    ['rows past the last page', 108, 5],
    ['rows before the first page', 98, 3],
    ['no pages', 0, 1],
  ])('undefined when values are missing: %s', (_, start, rows) => {
    expect(sliceChunks(start === 0 ? [] : pages, start, rows)).toBeUndefined();
  });
});

const WORDS = ['data', 'mill', 'parquet', 'window', 'row', 'group', 'page', 'text', 'émigré', '日本'];

/** Seeded text of about `n` characters, words from a small vocabulary. */
function text(seed: number, n: number): string {
  const next = rng(seed);
  const out: string[] = [];
  let len = 0;
  while (len < n) {
    const w = WORDS[Math.floor(next() * WORDS.length)]!;
    out.push(w);
    len += w.length + 1;
  }
  return out.join(' ');
}

describe('a row group larger than a window', () => {
  it('is read in windows with every row, value and byte count as written', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dm-pqwin-'));
    // ~12 MB of text in one row group (the writer's groups hold 16 MB): windowed text, an id column read
    // once, and a nested column (read once, never windowed).
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      id: `doc-${i}`,
      text: text(i + 1, 4000 + (i % 7) * 10),
      meta: { n: i, tags: [`t${i % 3}`] },
    }));
    const writer = createParquetWriter({
      dir,
      prefix: 'part-00000',
      format: 'parquet',
      compression: 'zstd',
      targetPartBytes: 1 << 30,
      rowGroupBytes: 1 << 30,
    });
    for (let i = 0; i < rows.length; i += 500) await writer.write(rows.slice(i, i + 500));
    const [file] = await writer.close();
    const info = await parquetInfo(file!);
    expect(info.rowGroups).toHaveLength(1);
    const batches: RowBatch[] = [];
    const slice = {
      path: file!,
      shard: 'big.parquet',
      format: 'parquet' as const,
      compression: 'none' as const,
      start: 0,
      end: 1,
    };
    for await (const b of readParquetSlice(slice, { batchBytes: 1 << 20, warn: () => {} })) batches.push(b);
    expect(batches.flatMap((b) => b.rows)).toEqual(rows);
    expect(batches.flatMap((b) => b.pos)).toEqual(rows.map((_, i) => i));
    // Windows share the row group's uncompressed size: more than one window of text, summed exactly.
    expect(batches.reduce((n, b) => n + b.bytes, 0)).toBeGreaterThan(WINDOW_BYTES);
  });
});

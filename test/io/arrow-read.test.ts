import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  Binary,
  Bool,
  CompressionType,
  compressionRegistry,
  type DataType,
  Dictionary,
  Field,
  Float64,
  Int32,
  Int64,
  LargeUtf8,
  List,
  RecordBatchStreamWriter,
  Struct,
  Table,
  TimestampMillisecond,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrowInfo, readArrowSlice } from '../../src/io/arrow-read.js';
import { sniffFile } from '../../src/io/sniff.js';
import type { RowBatch } from '../../src/io/types.js';
import { zstdCompressSync, zstdDecompressSync } from '../../src/io/zstd.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dm-arrow-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Expected plain rows; the Arrow columns are built from them, so reading back must give them again. */
function expectedRows(from: number, count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    return {
      text: i % 5 === 4 ? null : `doc ${i}: café 東京 🙂`,
      large: `large ${i}`,
      n: i,
      i64: BigInt(i) * 10_000_000_000n,
      f: i / 4,
      ok: i % 2 === 0,
      tags: i % 3 === 0 ? [] : ['a', `t${i}`],
      meta: { lang: i % 2 ? 'en' : 'fr', score: i / 10 },
      ts: new Date(Date.UTC(2024, 0, 1) + i * 1000),
      kind: i % 2 ? 'web' : 'book',
      bin: new Uint8Array([i & 255, 7]),
    };
  });
}

const TYPES: Record<string, DataType> = {
  text: new Utf8(),
  large: new LargeUtf8(),
  n: new Int32(),
  i64: new Int64(),
  f: new Float64(),
  ok: new Bool(),
  tags: new List(new Field('item', new Utf8(), true)),
  meta: new Struct([new Field('lang', new Utf8(), true), new Field('score', new Float64(), true)]),
  ts: new TimestampMillisecond(),
  kind: new Dictionary(new Utf8(), new Int32()),
  bin: new Binary(),
};

function tableOf(rows: Record<string, unknown>[]): Table {
  const columns = Object.fromEntries(
    Object.entries(TYPES).map(([name, type]) => [
      name,
      vectorFromArray(rows.map((r) => r[name]) as never, type),
    ]),
  );
  return new Table(columns);
}

/**
 * Three record batches of 4, 0 and 6 rows, like a datasets cache written in chunks. Slices of one batch share
 * one dictionary, which the file format requires.
 */
function batchedTable(): Table {
  const whole = tableOf(expectedRows(0, 10)).batches[0]!;
  return new Table([whole.slice(0, 4), whole.slice(4, 4), whole.slice(4, 10)]);
}

async function readAll(file: string, start: number, end: number, batchBytes = 1 << 20): Promise<RowBatch[]> {
  const out: RowBatch[] = [];
  const slice = {
    path: file,
    shard: 'cache.arrow',
    format: 'arrow' as const,
    compression: 'none' as const,
    start,
    end,
  };
  for await (const b of readArrowSlice(slice, { batchBytes, warn: () => {} })) out.push(b);
  return out;
}

describe.each(['stream', 'file'] as const)('Arrow IPC %s format', (kind) => {
  let file: string;
  beforeAll(async () => {
    file = path.join(dir, `data-${kind}.arrow`);
    await writeFile(file, tableToIPC(batchedTable(), kind));
  });

  it('is sniffed as arrow', async () => {
    expect(await sniffFile(file)).toEqual({ format: 'arrow', compression: 'none' });
  });

  it('arrowInfo counts rows and record batches', async () => {
    expect(await arrowInfo(file, 'cache.arrow')).toEqual({ numRows: 10, batches: 3 });
  });

  it('reads every row as a plain object', async () => {
    const batches = await readAll(file, 0, 3);
    expect(batches.flatMap((b) => b.rows)).toEqual(expectedRows(0, 10));
    expect(batches.flatMap((b) => b.pos)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const b of batches) expect(b.bad).toEqual([]);
  });

  it.each([
    [0, 1, [0, 1, 2, 3]],
    [1, 2, []],
    [1, 3, [4, 5, 6, 7, 8, 9]],
    [2, 3, [4, 5, 6, 7, 8, 9]],
    [2, 2, []],
  ])('batches [%i, %i) hold rows %j', async (start, end, rows) => {
    const batches = await readAll(file, start, end);
    expect(batches.flatMap((b) => b.pos)).toEqual(rows);
    expect(batches.flatMap((b) => b.rows)).toEqual(rows.map((i) => expectedRows(i, 1)[0]));
  });

  it('splits a large record batch into RowBatches of about batchBytes', async () => {
    const batches = await readAll(file, 2, 3, 1);
    expect(batches.map((b) => b.pos)).toEqual([[4], [5], [6], [7], [8], [9]]);
  });
});

describe('compressed Arrow IPC bodies', () => {
  it('reads zstd-compressed record batches (pyarrow compression="zstd")', async () => {
    compressionRegistry.set(CompressionType.ZSTD, {
      encode: (b) => zstdCompressSync(b),
      decode: zstdDecompressSync,
    });
    const writer = RecordBatchStreamWriter.writeAll(batchedTable(), {
      compressionType: CompressionType.ZSTD,
    });
    const file = path.join(dir, 'zstd-body.arrow');
    await writeFile(file, writer.toUint8Array(true));
    const batches = await readAll(file, 0, 3);
    expect(batches.flatMap((b) => b.rows)).toEqual(expectedRows(0, 10));
  });
});

describe('broken Arrow input', () => {
  it.each([
    ['a truncated stream', (b: Uint8Array) => b.subarray(0, Math.floor(b.length * 0.6)), 'stream'],
    ['a truncated file', (b: Uint8Array) => b.subarray(0, Math.floor(b.length * 0.6)), 'file'],
  ] as const)('%s is an input error naming the shard', async (_name, cut, kind) => {
    const file = path.join(dir, `broken-${kind}.arrow`);
    await writeFile(file, cut(tableToIPC(batchedTable(), kind)));
    await expect(readAll(file, 0, 3)).rejects.toMatchObject({
      code: 'input_format',
      message: expect.stringMatching(/^cache\.arrow: invalid Arrow IPC data/),
    });
  });

  it('a missing file is input_missing', async () => {
    await expect(arrowInfo(path.join(dir, 'nope.arrow'))).rejects.toMatchObject({ code: 'input_missing' });
  });
});

import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJsonlSlice } from '../../src/io/jsonl-read.js';
import { createJsonlWriter, stringifyRow } from '../../src/io/jsonl-write.js';
import type { Compression } from '../../src/io/types.js';
import { zstdDecompressSync } from '../../src/io/zstd.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';

let root: string;
let n = 0;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'dm-jsonl-write-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function freshDir(): string {
  return path.join(root, `out-${n++}`);
}

/** Seeded rows of varied size and content, including non-ASCII text. */
function makeRows(count: number, seed = 1): Record<string, unknown>[] {
  let a = seed;
  const rand = () => {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    return a / 2 ** 32;
  };
  return Array.from({ length: count }, (_, i) => ({
    id: `r${i}`,
    text: 'lorem ipsum é 東京 🙂 '.repeat(1 + Math.floor(rand() * 40)),
    meta: { score: Math.floor(rand() * 1000) / 1000, tags: ['a', 'b'].slice(0, i % 3) },
  }));
}

async function writeAll(
  dir: string,
  compression: Compression,
  rows: Record<string, unknown>[],
  batch: number,
  target = 1 << 30,
) {
  const writer = createJsonlWriter({
    dir,
    prefix: 'part-00003',
    format: 'jsonl',
    compression,
    targetPartBytes: target,
  });
  for (let i = 0; i < rows.length; i += batch) await writer.write(rows.slice(i, i + batch));
  return writer.close();
}

async function readBack(file: string, compression: Compression): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  const { size } = await stat(file);
  const slice = { path: file, shard: file, format: 'jsonl' as const, compression, start: 0, end: size };
  for await (const b of readJsonlSlice(slice, { batchBytes: 1 << 20, warn: () => {} })) {
    expect(b.bad).toEqual([]);
    rows.push(...b.rows);
  }
  return rows;
}

function plainBytes(buf: Buffer, compression: Compression): Buffer {
  if (compression === 'gzip') return gunzipSync(buf);
  if (compression === 'zstd') return Buffer.from(zstdDecompressSync(buf));
  return buf;
}

const COMPRESSIONS = [
  ['none', '.jsonl'],
  ['gzip', '.jsonl.gz'],
  ['zstd', '.jsonl.zst'],
] as const;

describe('createJsonlWriter', () => {
  it.each(COMPRESSIONS)(
    '%s: round trip through the reader, part named <prefix>-0000%s',
    async (compression, ext) => {
      const dir = freshDir();
      const rows = makeRows(500);
      const parts = await writeAll(dir, compression, rows, 64);
      expect(parts).toEqual([path.join(dir, `part-00003-0000${ext}`)]);
      expect(await readBack(parts[0]!, compression)).toEqual(rows);
      expect(await readdir(dir)).toEqual([`part-00003-0000${ext}`]);
    },
  );

  it.each(COMPRESSIONS)(
    '%s: the same rows give the same bytes however they are batched',
    async (compression) => {
      const rows = makeRows(3000);
      const outputs = [];
      for (const batch of [1, 7, 1000, 3000]) {
        const parts = await writeAll(freshDir(), compression, rows, batch, 200_000);
        // Digests, not Buffers: a deep equality over megabytes of bytes is very slow.
        outputs.push(
          await Promise.all(
            parts.map(async (p) =>
              createHash('sha256')
                .update(await readFile(p))
                .digest('hex'),
            ),
          ),
        );
      }
      expect(outputs[0]!.length).toBeGreaterThan(1);
      for (const o of outputs.slice(1)) expect(o).toEqual(outputs[0]);
    },
  );

  it.each(COMPRESSIONS)(
    '%s: two writers in one thread (sharing its output buffers) write what each writes alone',
    async (compression) => {
      const rowsA = makeRows(3000, 7);
      const rowsB = makeRows(3000, 8);
      const alone = [
        await writeAll(freshDir(), compression, rowsA, 300),
        await writeAll(freshDir(), compression, rowsB, 300),
      ];
      const open = (dir: string) =>
        createJsonlWriter({
          dir,
          prefix: 'part-00003',
          format: 'jsonl',
          compression,
          targetPartBytes: 1 << 30,
        });
      const a = open(freshDir());
      const b = open(freshDir());
      // Not awaited one by one: both writers have batches in flight while the other encodes.
      for (let i = 0; i < rowsA.length; i += 300) {
        await Promise.all([a.write(rowsA.slice(i, i + 300)), b.write(rowsB.slice(i, i + 300))]);
      }
      const together = await Promise.all([a.close(), b.close()]);
      for (const k of [0, 1]) {
        // equals(), not toEqual: a failing deep comparison of megabytes takes minutes to print.
        const same = (await readFile(together[k]![0]!)).equals(await readFile(alone[k]![0]!));
        expect(same, `writer ${k}`).toBe(true);
      }
    },
  );

  it.each(COMPRESSIONS)('%s: rotates after the row that reaches targetPartBytes', async (compression) => {
    const rows = makeRows(2000);
    const target = 100_000;
    const parts = await writeAll(freshDir(), compression, rows, 128, target);
    expect(parts.map((p) => path.basename(p))).toEqual(
      parts.map(
        (_, i) =>
          `part-00003-${String(i).padStart(4, '0')}${COMPRESSIONS.find((c) => c[0] === compression)![1]}`,
      ),
    );
    const lines = rows.map((r) => Buffer.byteLength(JSON.stringify(r)) + 1);
    let k = 0;
    for (const [i, part] of parts.entries()) {
      const bytes = plainBytes(await readFile(part), compression);
      let expected = 0;
      while (k < lines.length && expected < target) expected += lines[k++]!;
      expect(bytes.length, `part ${i}`).toBe(expected);
    }
    expect(k).toBe(rows.length);
    const back = [];
    for (const p of parts) back.push(...(await readBack(p, compression)));
    expect(back).toEqual(rows);
  });

  it('gzip output carries mtime 0 (deterministic header)', async () => {
    const [part] = await writeAll(freshDir(), 'gzip', makeRows(10), 10);
    const bytes = await readFile(part!);
    expect([...bytes.subarray(0, 3)]).toEqual([0x1f, 0x8b, 8]);
    expect(bytes.readUInt32LE(4)).toBe(0);
  });

  it('no rows: no parts, no files', async () => {
    const dir = freshDir();
    expect(await writeAll(dir, 'gzip', [], 10)).toEqual([]);
    await expect(readdir(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.each(COMPRESSIONS)('%s: abort removes the temp file and keeps no partial part', async (compression) => {
    const dir = freshDir();
    const writer = createJsonlWriter({
      dir,
      prefix: 'p',
      format: 'jsonl',
      compression,
      targetPartBytes: 1 << 30,
    });
    // Enough bytes that every compressor has flushed some output; writes are buffered (16 MB in flight), so
    // the temp file appears once the stream has opened it.
    for (let i = 0; i < 5; i++) await writer.write(makeRows(1000, i));
    const temps = async () => (await readdir(dir)).filter((f) => f.endsWith('.tmp'));
    for (let tries = 0; tries < 200 && (await temps()).length === 0; tries++) await sleep(10);
    expect(await temps()).toHaveLength(1);
    await writer.abort();
    expect(await readdir(dir)).toEqual([]);
  });
});

describeWithData('createJsonlWriter on a real shard', () => {
  it('re-writes the Dolma CC shard (697 rows) losslessly in every compression', async () => {
    const source = sharedPath('web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz');
    const rows = await readBack(source, 'gzip');
    expect(rows).toHaveLength(697);
    for (const [compression] of COMPRESSIONS) {
      const parts = await writeAll(freshDir(), compression, rows, 100, 1_000_000);
      expect(parts.length).toBeGreaterThan(2);
      const back = [];
      for (const p of parts) back.push(...(await readBack(p, compression)));
      expect(back).toEqual(rows);
    }
  });
});

describe('stringifyRow', () => {
  it.each([
    [
      'plain JSON values',
      { a: 'x', b: 1.5, c: [true, null], d: { e: 'f' } },
      '{"a":"x","b":1.5,"c":[true,null],"d":{"e":"f"}}',
    ],
    ['a safe BigInt becomes a number', { n: 42n }, '{"n":42}'],
    ['an unsafe BigInt becomes a string', { n: 2n ** 63n - 1n }, '{"n":"9223372036854775807"}'],
    ['a negative unsafe BigInt', { n: -(2n ** 60n) }, '{"n":"-1152921504606846976"}'],
    [
      'a Date becomes an ISO string',
      { d: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) },
      '{"d":"2024-01-02T03:04:05.000Z"}',
    ],
    ['an invalid Date becomes null', { d: new Date(Number.NaN) }, '{"d":null}'],
    ['a Uint8Array becomes base64', { b: new Uint8Array([104, 105]) }, '{"b":"aGk="}'],
    ['a Buffer becomes base64', { b: Buffer.from('hello') }, '{"b":"aGVsbG8="}'],
    [
      'a subarray view encodes only its bytes',
      { b: new Uint8Array([1, 2, 3, 4]).subarray(1, 3) },
      '{"b":"AgM="}',
    ],
    [
      'a Map becomes an object',
      {
        m: new Map<unknown, unknown>([
          ['k', 1],
          [2, 'v'],
        ]),
      },
      '{"m":{"2":"v","k":1}}',
    ],
    [
      'typed arrays become arrays',
      { f: new Float64Array([0.5, 2]), i: new Int32Array([-1]) },
      '{"f":[0.5,2],"i":[-1]}',
    ],
    ['a BigInt64Array becomes numbers', { i: new BigInt64Array([1n, -2n]) }, '{"i":[1,-2]}'],
    [
      'nested values are converted',
      { a: [{ n: 1n, b: new Uint8Array([255]) }] },
      '{"a":[{"n":1,"b":"/w=="}]}',
    ],
    [
      'a null-prototype object',
      Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 }),
      '{"a":1}',
    ],
  ])('%s', (_name, row, json) => {
    expect(stringifyRow(row)).toBe(json);
  });
});

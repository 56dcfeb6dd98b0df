import { copyFile, readFile, truncate } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { lineNumberAt, readJsonlSlice } from '../../src/io/jsonl-read.js';
import type { BadRecord, Compression, RowBatch, Slice } from '../../src/io/types.js';
import { zstdCompressSync, zstdDecompressSync } from '../../src/io/zstd.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';
import { tempFiles } from '../helpers/temp-files.js';

interface ReadAll {
  rows: Record<string, unknown>[];
  pos: number[];
  bad: BadRecord[];
  bytes: number;
  batches: RowBatch[];
}

async function readAll(
  file: string,
  compression: Compression,
  start = 0,
  end = Number.MAX_SAFE_INTEGER,
  batchBytes = 1 << 20,
): Promise<ReadAll> {
  const slice: Slice = { path: file, shard: path.basename(file), format: 'jsonl', compression, start, end };
  const out: ReadAll = { rows: [], pos: [], bad: [], bytes: 0, batches: [] };
  for await (const b of readJsonlSlice(slice, { batchBytes, warn: () => {} })) {
    out.rows.push(...b.rows);
    out.pos.push(...b.pos);
    out.bad.push(...b.bad);
    out.bytes += b.bytes;
    out.batches.push(b);
  }
  return out;
}

const files = tempFiles('jsonl-read');
const temp = files.put;

describeWithData('readJsonlSlice on real shards', () => {
  it.each([
    ['web/dolma_cc_raw/mislabeled_plain_jsonl_with_zst_extension.jsonl.zst', 'none', 697],
    ['web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz', 'gzip', 697],
    ['web/dolma_misc/provided_documents_000.json.gz', 'gzip', 10],
    ['web/dolma_misc/formats_test.jsonl', 'none', 1],
    ['web/dolma_misc/formats_test.jsonl.gz', 'gzip', 1],
    ['web/dolma_misc/formats_test.jsonl.zst', 'zstd', 1],
    ['web/gutenberg_botchan.jsonl', 'none', 1],
  ] as const)('%s (%s) has %i rows, none bad, every byte counted', async (rel, compression, rows) => {
    const file = sharedPath(rel);
    const got = await readAll(file, compression);
    expect(got.rows).toHaveLength(rows);
    expect(got.bad).toEqual([]);
    expect(got.pos[0]).toBe(0);
    const raw = await readFile(file);
    const plain =
      compression === 'gzip'
        ? gunzipSync(raw)
        : compression === 'zstd'
          ? Buffer.from(zstdDecompressSync(raw))
          : raw;
    expect(got.bytes).toBe(plain.length);
    for (const p of got.pos.slice(1)) expect(plain[p - 1]).toBe(10);
  });

  it('reads the formats_test record without a trailing newline', async () => {
    const got = await readAll(sharedPath('web/dolma_misc/formats_test.jsonl.zst'), 'zstd');
    expect(got.rows).toEqual([{ message: 'this is a test' }]);
  });

  it('the plain and gzip copies of the Dolma CC shard hold the same documents', async () => {
    const plain = await readAll(
      sharedPath('web/dolma_cc_raw/mislabeled_plain_jsonl_with_zst_extension.jsonl.zst'),
      'none',
    );
    const gz = await readAll(
      sharedPath('web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz'),
      'gzip',
    );
    expect(plain.rows.map((r) => [r.id, r.text])).toEqual(gz.rows.map((r) => [r.id, r.text]));
  });

  it('a truncated gzip throws an input error naming the file, not a hang', async () => {
    const file = path.join(files.dir(), 'truncated.jsonl.gz');
    await copyFile(sharedPath('web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz'), file);
    await truncate(file, 500_000);
    await expect(readAll(file, 'gzip')).rejects.toMatchObject({
      code: 'input_format',
      message: expect.stringMatching(
        /^truncated\.jsonl\.gz: truncated or corrupt gzip stream after \d+ decompressed bytes \(unexpected end of file\)/,
      ),
    });
  });
});

describe('readJsonlSlice line handling', () => {
  const bad = (line: number, message: RegExp) => ({
    where: `lines.jsonl:${line}`,
    message: expect.stringMatching(message),
  });
  it.each([
    ['plain lines', '{"a":1}\n{"a":2}\n', [{ a: 1 }, { a: 2 }], []],
    ['no trailing newline', '{"a":1}\n{"a":2}', [{ a: 1 }, { a: 2 }], []],
    ['CRLF', '{"a":"x"}\r\n{"a":"y"}\r\n', [{ a: 'x' }, { a: 'y' }], []],
    ['UTF-8 BOM', '\uFEFF{"a":1}\n', [{ a: 1 }], []],
    ['blank and whitespace-only lines', '\n{"a":1}\n  \t\n\r\n{"a":2}\n\n', [{ a: 1 }, { a: 2 }], []],
    ['leading whitespace', '  {"a":1}\n', [{ a: 1 }], []],
    ['a genuine U+FFFD', '{"a":"\uFFFD"}\n', [{ a: '\uFFFD' }], []],
    [
      'invalid JSON',
      '{"a":1}\n{"a":1,}\n{"a":3}\n',
      [{ a: 1 }, { a: 3 }],
      [bad(2, /^invalid JSON \(.+\), expected one JSON object per line$/)],
    ],
    ['an array', '[1,2]\n', [], [bad(1, /^expected a JSON object, got array$/)]],
    ['a string', '"x"\n', [], [bad(1, /got string$/)]],
    ['a number', '3\n', [], [bad(1, /got number$/)]],
    ['null', 'null\n', [], [bad(1, /got null$/)]],
    ['line numbers count blank lines', '\n\n{"a":1}\n{oops}\n', [{ a: 1 }], [bad(4, /^invalid JSON/)]],
  ])('%s', async (_name, text, rows, badRecords) => {
    const got = await readAll(await temp('lines.jsonl', text), 'none');
    expect(got.rows).toEqual(rows);
    expect(got.bad).toEqual(badRecords.map((b) => expect.objectContaining(b)));
    expect(got.bytes).toBe(Buffer.byteLength(text));
  });

  it('invalid UTF-8 is a bad record that says which byte', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"a":1}\n{"a"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(':1}\n{"b":2}\n'),
    ]);
    const got = await readAll(await temp('lines.jsonl', bytes), 'none');
    expect(got.rows).toEqual([{ a: 1 }, { b: 2 }]);
    expect(got.bad).toEqual([
      {
        where: 'lines.jsonl:2',
        message: 'invalid UTF-8 at byte 4 of the line, expected UTF-8 text',
        raw: '{"a"\uFFFD\uFFFD:1}',
      },
    ]);
  });

  it('keeps at most 4 KB of a bad line', async () => {
    const got = await readAll(await temp('lines.jsonl', `[${'1,'.repeat(5000)}1]\n`), 'none');
    expect(got.bad[0]?.raw).toHaveLength(4096);
  });

  it('an empty file gives no batches', async () => {
    const got = await readAll(await temp('empty.jsonl', ''), 'none');
    expect(got.batches).toEqual([]);
  });

  it('splits into batches of about batchBytes', async () => {
    const text = Array.from({ length: 100 }, (_, i) => JSON.stringify({ i, pad: 'x'.repeat(90) })).join('\n');
    const got = await readAll(await temp('many.jsonl', text), 'none', 0, Number.MAX_SAFE_INTEGER, 1000);
    expect(got.rows).toHaveLength(100);
    expect(got.batches.length).toBeGreaterThan(9);
    for (const b of got.batches.slice(0, -1)) expect(b.bytes).toBeGreaterThanOrEqual(1000);
  });

  it('a bad record in a later slice carries its line number in the whole file', async () => {
    const text = '{"a":1}\n{"a":2}\n\n{"a":3}\n{bad}\n';
    const file = await temp('lines.jsonl', text);
    const got = await readAll(file, 'none', 10);
    expect(got.rows).toEqual([{ a: 3 }]);
    expect(got.bad).toEqual([expect.objectContaining({ where: 'lines.jsonl:5' })]);
  });

  it.each([
    ['gzip', (b: Buffer) => gzipSync(b)],
    ['zstd', (b: Buffer) => Buffer.from(zstdCompressSync(b))],
  ] as const)('a corrupt or truncated %s stream throws an input error', async (compression, pack) => {
    const text = Buffer.from(
      Array.from({ length: 2000 }, (_, i) => JSON.stringify({ i, t: `row ${i * 7919}` })).join('\n'),
    );
    const packed = pack(text);
    const truncated = await temp(`cut.jsonl.${compression}`, packed.subarray(0, packed.length >> 1));
    await expect(readAll(truncated, compression)).rejects.toThrow(
      `truncated or corrupt ${compression} stream`,
    );
    const corrupt = Buffer.from(packed);
    for (let i = 20; i < 60; i++) corrupt[i] = 0x55;
    const file = await temp(`corrupt.jsonl.${compression}`, corrupt);
    await expect(readAll(file, compression)).rejects.toMatchObject({ code: 'input_format' });
  });

  it.each([
    ['gzip members', 'gzip', (b: Buffer) => gzipSync(b)],
    ['zstd frames', 'zstd', (b: Buffer) => Buffer.from(zstdCompressSync(b))],
  ] as const)('concatenated %s read as one stream (cat a.gz b.gz)', async (_name, compression, pack) => {
    const joined = Buffer.concat([pack(Buffer.from('{"a":1}\n{"a":2}')), pack(Buffer.from('\n{"a":3}\n'))]);
    const got = await readAll(await temp(`joined.${compression}`, joined), compression);
    expect(got.rows).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
    expect(got.pos).toEqual([0, 8, 16]);
  });

  it('a missing file is an input_missing error', async () => {
    await expect(readAll(path.join(files.dir(), 'nope.jsonl'), 'none')).rejects.toMatchObject({
      code: 'input_missing',
    });
  });
});

describe('lineNumberAt', () => {
  it.each([
    [0, 1],
    [3, 1],
    [4, 2],
    [5, 3],
    [9, 4],
  ])('offset %i is on line %i', async (offset, line) => {
    expect(await lineNumberAt(await temp('ln.txt', 'abc\n\nxyz\n'), offset)).toBe(line);
  });
});

/** mulberry32: a seeded generator, so a failing case can be replayed from its seed. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['word', 'é', '東京', '🙂', ' ', '"', '\\', '\u2028', 'x'.repeat(50)];

/** A JSONL text with rows of random length (one longer than two 1 MiB read chunks), blank and CRLF lines. */
function randomJsonl(
  rand: () => number,
  lines: number,
): { text: Buffer; rows: unknown[]; offsets: number[] } {
  const parts: string[] = [];
  const rows: unknown[] = [];
  const offsets: number[] = [];
  let at = 0;
  for (let i = 0; i < lines; i++) {
    let line: string;
    if (rand() < 0.05) line = rand() < 0.5 ? '' : ' \t';
    else {
      const n = rand() < 0.01 ? 30_000 + Math.floor(rand() * 20_000) : Math.floor(rand() * 200);
      let s = '';
      for (let k = 0; k < n; k++) s += PIECES[Math.floor(rand() * PIECES.length)];
      // One line longer than two 1 MiB read chunks: a chunk with no newline at all.
      if (i === lines >> 1) s += 'z'.repeat(2_200_000);
      const row = { i, s };
      rows.push(row);
      offsets.push(at);
      line = JSON.stringify(row);
    }
    const eol = i === lines - 1 && rand() < 0.5 ? '' : rand() < 0.2 ? '\r\n' : '\n';
    parts.push(line + eol);
    at += Buffer.byteLength(line + eol);
  }
  return { text: Buffer.from(parts.join('')), rows, offsets };
}

describe('byte-range slices', () => {
  it.each([1, 2, 3, 4, 5])(
    'seed %i: slices together read every row exactly once, in order, at its offset',
    async (seed) => {
      const rand = seeded(seed);
      const { text, rows, offsets } = randomJsonl(rand, 3000);
      const file = await temp(`slices-${seed}.jsonl`, text);
      const cuts = new Set<number>([0, text.length]);
      const n = 1 + Math.floor(rand() * 12);
      while (cuts.size < n + 2) cuts.add(Math.floor(rand() * text.length));
      // Cuts right at and right after a newline are the edge cases of "a line belongs to the slice of its first byte".
      const nl = text.indexOf(10, Math.floor(rand() * text.length));
      if (nl !== -1) cuts.add(nl).add(nl + 1);
      const points = [...cuts].sort((a, b) => a - b);
      const all: ReadAll = { rows: [], pos: [], bad: [], bytes: 0, batches: [] };
      for (let k = 0; k + 1 < points.length; k++) {
        const got = await readAll(file, 'none', points[k]!, points[k + 1]!, 64 * 1024);
        for (const p of got.pos) {
          expect(p).toBeGreaterThanOrEqual(points[k]!);
          expect(p).toBeLessThan(points[k + 1]!);
        }
        all.rows.push(...got.rows);
        all.pos.push(...got.pos);
        all.bytes += got.bytes;
      }
      expect(all.rows).toEqual(rows);
      expect(all.pos).toEqual(offsets);
      expect(all.bytes).toBe(text.length);
    },
  );

  it('a slice inside one long line reads nothing', async () => {
    const file = await temp('long.jsonl', `${JSON.stringify({ s: 'y'.repeat(5000) })}\n{"a":1}\n`);
    expect((await readAll(file, 'none', 10, 4000)).rows).toEqual([]);
  });
});

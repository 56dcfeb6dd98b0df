import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parquetInfo, readParquetSlice } from '../../src/io/parquet-read.js';
import { KIND } from '../../src/io/parquet-schema.js';
import { createParquetWriter, ROW_GROUP_BYTES } from '../../src/io/parquet-write.js';
import type { Compression, WriterOptions } from '../../src/io/types.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';

type Row = Record<string, unknown>;

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'datamill-pq-write-'));
}

async function readRows(file: string): Promise<Row[]> {
  const info = await parquetInfo(file);
  const rows: Row[] = [];
  const slice = { path: file, shard: file, format: 'parquet' as const, compression: 'none' as const };
  for await (const b of readParquetSlice(
    { ...slice, start: 0, end: info.rowGroups.length },
    { batchBytes: 1 << 20, warn: () => {} },
  )) {
    rows.push(...b.rows);
  }
  return rows;
}

async function writeRows(
  rows: Row[],
  opts: Partial<WriterOptions> & { dir: string },
  chunk = 1000,
): Promise<string[]> {
  const writer = createParquetWriter({
    prefix: 'part-00000',
    format: 'parquet',
    compression: 'zstd',
    targetPartBytes: 1 << 30,
    ...opts,
  });
  for (let i = 0; i < rows.length; i += chunk) await writer.write(rows.slice(i, i + chunk));
  return writer.close();
}

/** Element of a written file's schema, by column name. */
async function element(file: string, name: string): Promise<Record<string, unknown>> {
  const schema = (await parquetInfo(file)).schema as Record<string, unknown>[];
  return schema.find((e) => e.name === name)!;
}

/** Seeded xorshift32 in [0, 1), so generated rows are the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const WORDS = [
  'plain',
  'ascii',
  'naïve café',
  '東京都',
  '데이터',
  'مرحبا',
  '👩‍👩‍👧 family',
  '🙂',
  'e\u0301',
  'tab\tnew\nline',
  '"quoted"\\',
];

/** JSONL-like rows: every kind a JSON value can have, unicode text, nested objects and arrays, nulls. */
function jsonlRows(n: number, seed = 7): Row[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => ({
    id: `doc-${i}`,
    text: Array.from({ length: 1 + Math.floor(r() * 40) }, () => pick(WORDS)).join(' '),
    n_words: Math.floor(r() * 1e6) - 1000,
    big: i === 3 ? Number.MAX_SAFE_INTEGER : i,
    score: i === 5 ? 3 : r() * 100 - 50,
    huge: i === 2 ? 2 ** 60 : Math.floor(r() * 10),
    flag: r() < 0.5,
    maybe: r() < 0.3 ? null : pick(WORDS),
    always_null: null,
    meta: { lang: pick(['en', 'zh', 'ar']), spans: [[0, 3, 0.5]], nested: { ok: r() < 0.5, none: null } },
    tags: r() < 0.2 ? [] : [pick(WORDS), 'x'],
    mixed: i % 3 === 0 ? 'text' : i % 3 === 1 ? 42 : { k: 'v' },
  }));
}

describe('parquet writer: rows from JSONL', () => {
  it('reads back the same JS values (unicode, ints, floats, booleans, nulls, nested objects, arrays)', async () => {
    const rows = jsonlRows(500);
    const dir = tempDir();
    const parts = await writeRows(rows, { dir });
    expect(parts).toEqual([path.join(dir, 'part-00000-0000.parquet')]);
    expect(await readRows(parts[0]!)).toEqual(rows);
  });

  it.each([
    ['text', { type: 'BYTE_ARRAY', converted_type: 'UTF8' }],
    ['n_words', { type: 'INT64' }],
    ['big', { type: 'INT64' }],
    ['score', { type: 'DOUBLE' }],
    ['huge', { type: 'DOUBLE' }],
    ['flag', { type: 'BOOLEAN' }],
    ['maybe', { type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' }],
    ['always_null', { type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' }],
    ['meta', { type: 'BYTE_ARRAY', converted_type: 'JSON' }],
    ['tags', { type: 'BYTE_ARRAY', converted_type: 'JSON' }],
    ['mixed', { type: 'BYTE_ARRAY', converted_type: 'JSON' }],
  ])('infers column %s as %o', async (name, expected) => {
    const [file] = await writeRows(jsonlRows(50), { dir: tempDir() });
    expect(await element(file!, name)).toMatchObject(expected);
  });

  it('reads a missing field back as null', async () => {
    const [file] = await writeRows([{ a: 'x', b: 1 }, { a: 'y' }, { b: 2 }], { dir: tempDir() });
    expect(await readRows(file!)).toEqual([
      { a: 'x', b: 1 },
      { a: 'y', b: null },
      { a: null, b: 2 },
    ]);
  });

  it.each<Compression>(['none', 'gzip', 'zstd'])(
    'writes %s parts that read back equal',
    async (compression) => {
      const rows = jsonlRows(300, 11);
      const [file] = await writeRows(rows, { dir: tempDir(), compression });
      expect(await readRows(file!)).toEqual(rows);
    },
  );

  it('is deterministic: the same rows give identical bytes, however write() calls are cut', async () => {
    const rows = jsonlRows(700, 3);
    const a = await writeRows(rows, { dir: tempDir(), targetPartBytes: 20_000 }, 700);
    const b = await writeRows(rows, { dir: tempDir(), targetPartBytes: 20_000 }, 7);
    expect(a.length).toBeGreaterThan(3);
    expect(b.map((p) => path.basename(p))).toEqual(a.map((p) => path.basename(p)));
    for (let i = 0; i < a.length; i++) expect(readFileSync(b[i]!).equals(readFileSync(a[i]!))).toBe(true);
    expect(readFileSync(a[0]!).includes('datamill')).toBe(true);
  });

  it('rotates parts at about targetPartBytes; their union is the input in order', async () => {
    const rows = jsonlRows(2000, 5);
    const dir = tempDir();
    const parts = await writeRows(rows, { dir, targetPartBytes: 50_000, prefix: 'part-00003' });
    expect(parts.length).toBeGreaterThan(5);
    expect(parts.map((p) => path.basename(p))).toEqual(
      parts.map((_, i) => `part-00003-${String(i).padStart(4, '0')}.parquet`),
    );
    const back: Row[] = [];
    for (const p of parts) back.push(...(await readRows(p)));
    expect(back).toEqual(rows);
    expect(readdirSync(dir).sort()).toEqual(parts.map((p) => path.basename(p)).sort());
  });

  it('starts a new part when a later row group brings a value its schema cannot hold', async () => {
    // One row group is ~ROW_GROUP_BYTES of estimated text; the second one mixes in strings for `v`.
    const text = 'x'.repeat(100_000);
    const rows: Row[] = Array.from({ length: Math.ceil(ROW_GROUP_BYTES / 100_000) + 20 }, (_, i) => ({
      text,
      v: i,
    }));
    rows.push({ text, v: 'not a number' }, { text, v: 7, extra: true });
    const dir = tempDir();
    const parts = await writeRows(rows, { dir });
    expect(parts).toHaveLength(2);
    expect(await element(parts[0]!, 'v')).toMatchObject({ type: 'INT64' });
    expect(await element(parts[1]!, 'v')).toMatchObject({ converted_type: 'JSON' });
    const back = [...(await readRows(parts[0]!)), ...(await readRows(parts[1]!))];
    expect(back.map((r) => r.v)).toEqual(rows.map((r) => r.v));
    expect(back.at(-1)).toEqual({ text, v: 7, extra: true });
  });

  it.each([
    ['the default', undefined, Math.ceil((100 * 10_000) / ROW_GROUP_BYTES)],
    ['256 kB', 256 * 1024, Math.ceil((100 * 10_000) / (256 * 1024))],
    ['1 MB', 1 << 20, 1],
  ])('cuts row groups at rowGroupBytes (%s)', async (_name, rowGroupBytes, groups) => {
    // 100 rows of ~10 kB; a group closes once it holds rowGroupBytes or more.
    const rows: Row[] = Array.from({ length: 100 }, (_, i) => ({ text: `${i} `.padEnd(10_000, 'z') }));
    const [file] = await writeRows(rows, { dir: tempDir(), rowGroupBytes });
    expect((await parquetInfo(file!)).rowGroups).toHaveLength(groups);
    expect(await readRows(file!)).toEqual(rows);
  });

  it('writes nothing when no row came, and leaves no temp file after close or abort', async () => {
    const dir = tempDir();
    expect(await writeRows([], { dir })).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);

    const text = 'y'.repeat(100_000);
    const writer = createParquetWriter({
      dir,
      prefix: 'p',
      format: 'parquet',
      compression: 'zstd',
      targetPartBytes: 1 << 30,
    });
    await writer.write(Array.from({ length: Math.ceil(ROW_GROUP_BYTES / 100_000) + 5 }, () => ({ text })));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);
    await writer.abort();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('parquet writer: schema planning', () => {
  it('types a column that is null in every row of the first row group as a nullable string', async () => {
    const [file] = await writeRows([{ a: null }, { a: undefined }], { dir: tempDir() });
    expect(await element(file!, 'a')).toMatchObject({
      type: 'BYTE_ARRAY',
      converted_type: 'UTF8',
      repetition_type: 'OPTIONAL',
    });
    expect(await readRows(file!)).toEqual([{ a: null }, { a: null }]);
  });

  it('exposes kinds as distinct bits', () => {
    const bits = Object.values(KIND);
    expect(bits.reduce((a, b) => a | b, 0)).toBe(bits.reduce((a, b) => a + b, 0));
  });
});

const DUCKDB = 'web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.duckdb-zstd.parquet';
const APACHE = 'parquet/apache-parquet-testing/data';

/** Parquet files whose rows must survive read → write with their source schema → read unchanged. */
const ROUND_TRIPS = [
  DUCKDB,
  'parquet/datajuicer_demo-dataset.parquet',
  'web/dclm_quality_labels/majority_data.hyparquet-snappy-rg100.parquet',
  ...[
    'alltypes_plain.parquet',
    'alltypes_tiny_pages.parquet',
    'binary.parquet',
    'byte_stream_split.zstd.parquet',
    'datapage_v2.snappy.parquet',
    'datapage_v2_empty_datapage.snappy.parquet',
    'delta_binary_packed.parquet',
    'delta_byte_array.parquet',
    'delta_encoding_optional_column.parquet',
    'dict-page-offset-zero.parquet',
    'hadoop_lz4_compressed.parquet',
    'int32_with_null_pages.parquet',
    'list_columns.parquet',
    'map_no_value.parquet',
    'nested_lists.snappy.parquet',
    'nested_maps.snappy.parquet',
    'nested_structs.rust.parquet',
    'null_list.parquet',
    'nullable.impala.parquet',
    'nulls.snappy.parquet',
    'page_v2_empty_compressed.parquet',
    'rle-dict-snappy-checksum.parquet',
    'rle_boolean_encoding.parquet',
    'sort_columns.parquet',
    'unknown-logical-type.parquet',
  ].map((f) => `${APACHE}/${f}`),
];

describeWithData('parquet writer: Parquet in, Parquet out', () => {
  it.each(ROUND_TRIPS)('%s reads back equal when written with its source schema', async (shard) => {
    const source = sharedPath(shard);
    const rows = await readRows(source);
    const [file] = await writeRows(rows, {
      dir: tempDir(),
      sourceSchema: (await parquetInfo(source)).schema,
    });
    expect(await readRows(file!)).toEqual(rows);
  });

  it('keeps the source types (STRUCT, JSON, INT64 as bigint, timestamps) and infers added columns', async () => {
    const source = sharedPath(DUCKDB);
    const rows = (await readRows(source)).map((r, i) => ({
      ...r,
      dm: { len: String(r.text).length, keep: i % 2 === 0 },
    }));
    const [file] = await writeRows(rows, {
      dir: tempDir(),
      sourceSchema: (await parquetInfo(source)).schema,
    });
    expect(await readRows(file!)).toEqual(rows);
    expect(await element(file!, 'metadata')).toMatchObject({ num_children: expect.any(Number) });
    expect(await element(file!, 'attributes')).toMatchObject({
      type: 'BYTE_ARRAY',
      logical_type: { type: 'JSON' },
    });
    expect(await element(file!, 'dm')).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'JSON' });

    const alltypes = sharedPath(`${APACHE}/alltypes_plain.parquet`);
    const [typed] = await writeRows(await readRows(alltypes), {
      dir: tempDir(),
      sourceSchema: (await parquetInfo(alltypes)).schema,
    });
    const back = await readRows(typed!);
    expect(typeof back[1]!.bigint_col).toBe('bigint');
    expect(back[1]!.timestamp_col).toBeInstanceOf(Date);
    expect(await element(typed!, 'tinyint_col')).toMatchObject({ type: 'INT32' });
  });

  it('relaxes a REQUIRED source column that got nulls, and keeps numbers written into an INT64 column numbers', async () => {
    const v2 = sharedPath(`${APACHE}/datapage_v2.snappy.parquet`);
    const rows = (await readRows(v2)).map((r, i) => ({ ...r, b: i === 0 ? null : r.b }));
    const [file] = await writeRows(rows, { dir: tempDir(), sourceSchema: (await parquetInfo(v2)).schema });
    expect(await element(file!, 'b')).toMatchObject({ type: 'INT32', repetition_type: 'OPTIONAL' });
    expect(await readRows(file!)).toEqual(rows);

    const sorted = sharedPath(`${APACHE}/sort_columns.parquet`);
    const numbers = (await readRows(sorted)).map((r) => ({ ...r, a: r.a === null ? null : Number(r.a) }));
    const [out] = await writeRows(numbers, {
      dir: tempDir(),
      sourceSchema: (await parquetInfo(sorted)).schema,
    });
    expect(await element(out!, 'a')).toMatchObject({ type: 'INT64' });
    expect(await readRows(out!)).toEqual(numbers);
  });

  it('writes a legacy repeated group (no LIST annotation) as JSON, with the same values', async () => {
    const legacy = sharedPath(`${APACHE}/repeated_no_annotation.parquet`);
    const rows = await readRows(legacy);
    const [file] = await writeRows(rows, {
      dir: tempDir(),
      sourceSchema: (await parquetInfo(legacy)).schema,
    });
    expect(await element(file!, 'phoneNumbers')).toMatchObject({ converted_type: 'JSON' });
    // JSON has no bigint: 5555555555n comes back as 5555555555.
    const asJson = (r: Row) =>
      JSON.parse(JSON.stringify(r, (_, v) => (typeof v === 'bigint' ? Number(v) : (v ?? null))));
    expect((await readRows(file!)).map(asJson)).toEqual(rows.map(asJson));
  });
});

describe('values are read exactly as written', () => {
  it('keeps a leading byte-order mark (U+FEFF) in a string value', async () => {
    const { mkdtempSync } = await import('node:fs');
    const os = await import('node:os');
    const pathMod = await import('node:path');
    const { createParquetWriter } = await import('../../src/io/parquet-write.js');
    const { parquetInfo, readParquetSlice } = await import('../../src/io/parquet-read.js');
    const dir = mkdtempSync(pathMod.join(os.tmpdir(), 'dm-bom-'));
    const w = createParquetWriter({
      dir,
      prefix: 'p',
      format: 'parquet',
      compression: 'zstd',
      targetPartBytes: 1 << 30,
    });
    await w.write([{ text: '\ufeffstarts with a BOM' }, { text: 'plain' }]);
    const [file] = await w.close();
    const info = await parquetInfo(file!);
    const rows: unknown[] = [];
    const slice = {
      path: file!,
      shard: 'p',
      format: 'parquet' as const,
      compression: 'none' as const,
      start: 0,
      end: info.rowGroups.length,
    };
    for await (const b of readParquetSlice(slice, { batchBytes: 1 << 20, warn() {} })) rows.push(...b.rows);
    expect(rows).toEqual([{ text: '\ufeffstarts with a BOM' }, { text: 'plain' }]);
  });
});

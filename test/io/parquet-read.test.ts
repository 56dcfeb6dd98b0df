import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDatamillError } from '../../src/errors.js';
import { groupBatches } from '../../src/io/parquet-batch.js';
import { leafPaths, rowGroupProblem } from '../../src/io/parquet-footer.js';
import { parquetInfo, readParquetSlice } from '../../src/io/parquet-read.js';
import type { RowBatch } from '../../src/io/types.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';

const APACHE = 'parquet/apache-parquet-testing';

async function batchesOf(
  shard: string,
  start: number,
  end: number,
  batchBytes = 1 << 20,
): Promise<RowBatch[]> {
  const out: RowBatch[] = [];
  const slice = {
    path: sharedPath(shard),
    shard,
    format: 'parquet' as const,
    compression: 'none' as const,
    start,
    end,
  };
  for await (const b of readParquetSlice(slice, { batchBytes, warn: () => {} })) out.push(b);
  return out;
}

/** Every row of a shared file, through the footer then all its row groups, as the task runner reads it. */
async function readAll(shard: string): Promise<Record<string, unknown>[]> {
  const info = await parquetInfo(sharedPath(shard), shard);
  const rows = (await batchesOf(shard, 0, info.rowGroups.length)).flatMap((b) => b.rows);
  expect(rows).toHaveLength(info.numRows);
  return rows;
}

/**
 * Every Parquet file in ../shared/data → rows read, or the substring of the DatamillError (input_format) it
 * must be rejected with. Counts are SOURCES.md's; where DuckDB and hyparquet disagree the note says why.
 */
const FILES: [file: string, expected: number | string][] = [
  [`${APACHE}/data/alltypes_dictionary.parquet`, 2],
  [`${APACHE}/data/alltypes_plain.parquet`, 8],
  [`${APACHE}/data/alltypes_plain.snappy.parquet`, 2],
  [`${APACHE}/data/alltypes_tiny_pages.parquet`, 7300],
  [`${APACHE}/data/binary.parquet`, 12],
  [`${APACHE}/data/byte_stream_split.zstd.parquet`, 300],
  [`${APACHE}/data/column_chunk_key_value_metadata.parquet`, 0],
  [`${APACHE}/data/concatenated_gzip_members.parquet`, 513],
  [`${APACHE}/data/data_index_bloom_encoding_stats.parquet`, 14],
  [`${APACHE}/data/datapage_v1-corrupt-checksum.parquet`, 5120],
  [`${APACHE}/data/datapage_v2.snappy.parquet`, 5],
  // hyparquet alone fails ("invalid snappy length header"): the adapter never hands an empty page to a codec.
  [`${APACHE}/data/datapage_v2_empty_datapage.snappy.parquet`, 1],
  [`${APACHE}/data/delta_binary_packed.parquet`, 200],
  [`${APACHE}/data/delta_byte_array.parquet`, 1000],
  [`${APACHE}/data/delta_encoding_optional_column.parquet`, 100],
  [`${APACHE}/data/delta_length_byte_array.parquet`, 1000],
  [`${APACHE}/data/dict-page-offset-zero.parquet`, 39],
  [`${APACHE}/data/hadoop_lz4_compressed.parquet`, 4],
  [`${APACHE}/data/hadoop_lz4_compressed_larger.parquet`, 10000],
  [`${APACHE}/data/int32_with_null_pages.parquet`, 1000],
  // Its key chunk claims 2 GB decoded: refused from the footer, before 5 s of brotli and a V8 string error.
  [
    `${APACHE}/data/large_string_map.brotli.parquet`,
    'row group 0: column chunk arr.key_value.key decodes to 2048 MiB',
  ],
  [`${APACHE}/data/list_columns.parquet`, 3],
  [`${APACHE}/data/lz4_raw_compressed.parquet`, 4],
  [`${APACHE}/data/lz4_raw_compressed_larger.parquet`, 10000],
  // DuckDB refuses it (MAP_KEY_VALUE requires two children); hyparquet reads all 3 rows, the value-less map
  // as {key_value: [{key}]} and my_list equal to its keys, which is what the file holds: we read it.
  [`${APACHE}/data/map_no_value.parquet`, 3],
  [
    `${APACHE}/data/nation.dict-malformed.parquet`,
    'row group 0: corrupt page (Invalid typed array length: 28)',
  ],
  [`${APACHE}/data/nested_lists.snappy.parquet`, 3],
  [`${APACHE}/data/nested_maps.snappy.parquet`, 6],
  [`${APACHE}/data/nested_structs.rust.parquet`, 1],
  [`${APACHE}/data/non_hadoop_lz4_compressed.parquet`, 4],
  [`${APACHE}/data/null_list.parquet`, 1],
  [`${APACHE}/data/nullable.impala.parquet`, 7],
  [`${APACHE}/data/nulls.snappy.parquet`, 8],
  [`${APACHE}/data/page_v2_empty_compressed.parquet`, 10],
  // The footer total says 0 but the row group holds 6 rows (arrow-rs returns 0): we read the row groups.
  [`${APACHE}/data/repeated_no_annotation.parquet`, 6],
  [`${APACHE}/data/rle-dict-snappy-checksum.parquet`, 1000],
  [`${APACHE}/data/rle-dict-uncompressed-corrupt-checksum.parquet`, 1000],
  [`${APACHE}/data/rle_boolean_encoding.parquet`, 68],
  [`${APACHE}/data/sort_columns.parquet`, 6],
  [`${APACHE}/data/uniform_encryption.parquet.encrypted`, 'encrypted Parquet file ("PARE" footer)'],
  [`${APACHE}/data/unknown-logical-type.parquet`, 3],
  [
    `${APACHE}/bad_data/ARROW-GH-41317.parquet`,
    'row group 1: column chunk timestampWus_no_tz is not a column',
  ],
  [
    `${APACHE}/bad_data/ARROW-GH-41321.parquet`,
    'row group 0: corrupt page (parquet bitpack offset 9 out of range)',
  ],
  // Listed under bad_data, but RLE dictionary indices of bit width 0 are legal (every index is 0): DuckDB's
  // own test reads 21186 rows summing to 0, and so do we (checked below).
  [`${APACHE}/bad_data/ARROW-GH-43605.parquet`, 21186],
  [`${APACHE}/bad_data/ARROW-GH-45185.parquet`, 'row group 0: corrupt page ('],
  [`${APACHE}/bad_data/ARROW-GH-47662.parquet`, 'row group 0: corrupt page (Invalid typed array length: 4)'],
  [
    `${APACHE}/bad_data/ARROW-RS-GH-6229-DICTHEADER.parquet`,
    'row group 0: column chunk region_key spans bytes',
  ],
  [
    `${APACHE}/bad_data/ARROW-RS-GH-6229-LEVELS.parquet`,
    'row group 0: corrupt page (Offset is outside the bounds',
  ],
  [`${APACHE}/bad_data/PARQUET-1481.parquet`, 'malformed footer ('],
  ['parquet/datajuicer_demo-dataset.parquet', 6],
  ['web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.duckdb-zstd.parquet', 697],
  ['web/llamafactory_c4_demo.duckdb-snappy.parquet', 300],
  ['web/dclm_quality_labels/majority_data.hyparquet-snappy-rg100.parquet', 499],
  ['multilingual/lingua_sentences_75langs.hyparquet-snappy-rg10000.parquet', 74141],
];

describeWithData('parquet reader on the shared files', () => {
  it.each(FILES)('%s → %s', async (file, expected) => {
    if (typeof expected === 'number') {
      expect(await readAll(file)).toHaveLength(expected);
      return;
    }
    const err = await readAll(file).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isDatamillError(err) && err.code).toBe('input_format');
    expect((err as Error).message).toContain(`${file}`);
    expect((err as Error).message).toContain(expected);
  });

  it('leaves no unhandled rejection behind when a row group fails (ARROW-GH-41317), then reads another file', async () => {
    const stray: unknown[] = [];
    const onStray = (e: unknown) => stray.push(e);
    process.on('unhandledRejection', onStray);
    try {
      // Straight to the slice reader, past parquetInfo's footer check. Row group 1 is where plain hyparquet
      // throws after starting its column reads, one of which later rejects with nobody listening.
      const file = `${APACHE}/bad_data/ARROW-GH-41317.parquet`;
      await expect(batchesOf(file, 1, 2)).rejects.toThrow('row group 1: column chunk timestampWus_no_tz');
      await expect(batchesOf(file, 0, 1)).rejects.toThrow('row group 0: corrupt page (');
      expect(await readAll(`${APACHE}/data/alltypes_plain.parquet`)).toHaveLength(8);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(stray).toEqual([]);
    } finally {
      process.off('unhandledRejection', onStray);
    }
  });

  it('decodes delta_byte_array.parquet exactly as its golden CSV', async () => {
    // 9 columns; a quoted cell is a string (it may hold commas, never quotes here), an empty one is null.
    const cells = (line: string) =>
      [...line.matchAll(/(?:"([^"]*)"|)(?:,|$)/g)].map((m) => m[1] ?? null).slice(0, 9);
    const [header, ...lines] = readFileSync(sharedPath(`${APACHE}/data/delta_byte_array_expect.csv`), 'utf8')
      .trim()
      .split('\n')
      .map(cells);
    const expected = lines.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]])));
    expect(await readAll(`${APACHE}/data/delta_byte_array.parquet`)).toEqual(expected);
  });

  it.each([
    [`${APACHE}/data/alltypes_plain.parquet`, 0, { id: 4, bigint_col: 0n, string_col: '0', double_col: 0 }],
    [`${APACHE}/data/datapage_v2_empty_datapage.snappy.parquet`, 0, { value: null }],
    [`${APACHE}/bad_data/ARROW-GH-43605.parquet`, 21185, { min_fl: 0 }],
    [
      `${APACHE}/data/map_no_value.parquet`,
      0,
      { my_list: [1, 2, 3], my_map_no_v: { key_value: [{ key: 1 }, { key: 2 }, { key: 3 }] } },
    ],
  ])('%s row %i has %o', async (file, index, fields) => {
    expect((await readAll(file))[index]).toMatchObject(fields);
  });

  it('passes nested DuckDB columns through as JS values (STRUCT metadata, JSON attributes)', async () => {
    const rows = await readAll(
      'web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.duckdb-zstd.parquet',
    );
    const first = rows[0]!;
    expect(Object.keys(first)).toEqual([
      'id',
      'text',
      'source',
      'created',
      'added',
      'version',
      'metadata',
      'attributes',
    ]);
    expect(typeof first.text).toBe('string');
    expect(typeof first.metadata).toBe('object');
    expect(typeof first.attributes).toBe('object');
  });

  it('reads a middle slice of row groups with absolute positions, in batches of about batchBytes', async () => {
    const shard = 'multilingual/lingua_sentences_75langs.hyparquet-snappy-rg10000.parquet';
    const info = await parquetInfo(sharedPath(shard), shard);
    expect(info.rowGroups).toHaveLength(8);
    const batches = await batchesOf(shard, 3, 5, 64 * 1024);
    const pos = batches.flatMap((b) => b.pos);
    expect(pos[0]).toBe(30000);
    expect(pos).toEqual(Array.from({ length: 20000 }, (_, i) => 30000 + i));
    expect(batches.length).toBeGreaterThan(4);
    expect(batches.every((b) => b.bad.length === 0 && b.rows.length === b.pos.length)).toBe(true);
    const all = await readAll(shard);
    expect(batches.flatMap((b) => b.rows)).toEqual(all.slice(30000, 50000));
  });
});

describe('parquet reader on files that are not Parquet', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'datamill-pq-read-'));
  it.each([
    ['plain.jsonl', '{"text":"hello"}\n', 'not a Parquet file: expected "PAR1"'],
    ['empty.parquet', '', 'not a Parquet file'],
    ['tiny.parquet', 'PAR1PAR1', 'not a Parquet file'],
    ['garbage-footer.parquet', `PAR1${'x'.repeat(20)}\u0010\u0000\u0000\u0000PAR1`, 'malformed footer ('],
  ])('%s is rejected', async (name, content, expected) => {
    const file = path.join(dir, name);
    writeFileSync(file, content, 'latin1');
    await expect(parquetInfo(file, name)).rejects.toThrow(`${name}: ${expected}`);
  });

  it('reports a missing file as input_missing', async () => {
    const err = await parquetInfo(path.join(dir, 'nope.parquet'), 'nope.parquet').catch((e: unknown) => e);
    expect(isDatamillError(err) && err.code).toBe('input_missing');
  });
});

describe('footer checks', () => {
  const root = {
    element: { name: 'root' },
    children: [
      { element: { name: 'text' }, children: [] },
      { element: { name: 'meta' }, children: [{ element: { name: 'a.b' }, children: [] }] },
    ],
  };
  const leaves = leafPaths(root);
  const chunk = (pathInSchema: string[], uncompressed: bigint, start = 4n, compressed = 10n) => ({
    meta_data: {
      path_in_schema: pathInSchema,
      total_uncompressed_size: uncompressed,
      total_compressed_size: compressed,
      data_page_offset: start,
    },
  });
  it.each([
    ['readable', [chunk(['text'], 100n), chunk(['meta', 'a.b'], 100n)], undefined],
    ['a missing column', [chunk(['text'], 100n)], '1 column chunks, expected one per leaf column (2)'],
    [
      'an unknown path',
      [chunk(['text'], 1n), chunk(['meta', 'a', 'b'], 1n)],
      'column chunk meta.a.b is not a column',
    ],
    [
      'a chunk past the end',
      [chunk(['text'], 1n), chunk(['meta', 'a.b'], 1n, 995n)],
      'spans bytes 995..1005',
    ],
    [
      'an oversized chunk',
      [chunk(['text'], 3n << 20n), chunk(['meta', 'a.b'], 1n)],
      'decodes to 3 MiB, over the 2 MiB',
    ],
  ])('%s', (_, columns, problem) => {
    const found = rowGroupProblem({ num_rows: 1n, columns }, leaves, 1000, 2 << 20);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });
});

describe('row batches', () => {
  it('cuts a row group by decoded text, keeps positions absolute and shares its bytes exactly', () => {
    const text = ['aaaa', 'bb', 'cccccc', 'd', 'eeeeeeee'];
    const group = { names: ['text', 'n'], values: [text, new Int32Array([1, 2, 3, 4, 5])] };
    const batches = [...groupBatches(group, 100, 5, 20, 1001)];
    expect(batches.map((b) => b.pos)).toEqual([[100, 101], [102, 103], [104]]);
    expect(batches.flatMap((b) => b.rows)).toEqual(text.map((t, i) => ({ text: t, n: i + 1 })));
    expect(batches.reduce((n, b) => n + b.bytes, 0)).toBe(1001);
  });
});

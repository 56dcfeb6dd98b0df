import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sniffFile } from '../../src/io/sniff.js';
import { zstdCompressSync } from '../../src/io/zstd.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';
import { tempFiles } from '../helpers/temp-files.js';

const files = tempFiles('sniff');
const temp = files.put;

const jsonl = '{"text":"a"}\n{"text":"b"}\n';

describeWithData('sniffFile on real files', () => {
  it.each([
    ['web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz', 'jsonl', 'gzip'],
    ['web/dolma_misc/provided_documents_000.json.gz', 'jsonl', 'gzip'],
    ['web/dolma_misc/formats_test.jsonl', 'jsonl', 'none'],
    ['web/dolma_misc/formats_test.jsonl.gz', 'jsonl', 'gzip'],
    ['web/dolma_misc/formats_test.jsonl.zst', 'jsonl', 'zstd'],
    ['web/gutenberg_botchan.jsonl', 'jsonl', 'none'],
    ['web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.duckdb-zstd.parquet', 'parquet', 'none'],
    ['parquet/datajuicer_demo-dataset.parquet', 'parquet', 'none'],
  ])('%s is %s/%s, no warning', async (rel, format, compression) => {
    expect(await sniffFile(sharedPath(rel))).toEqual({ format, compression });
  });

  it('a .zst file that is plain JSONL is read as plain JSONL, with a warning naming the file', async () => {
    const file = sharedPath('web/dolma_cc_raw/mislabeled_plain_jsonl_with_zst_extension.jsonl.zst');
    const got = await sniffFile(file);
    expect(got).toMatchObject({ format: 'jsonl', compression: 'none' });
    expect(got.warning).toBe(
      `${file}: the name says jsonl, zstd but the first bytes say jsonl, uncompressed; reading it as jsonl, uncompressed`,
    );
  });

  it.each([
    [
      'arpa/cmusphinx/100.lm.bz2',
      /100\.lm\.bz2: bzip2 input is not supported, .*bzip2 -dc FILE \| zstd -o FILE\.zst/,
    ],
    [
      'parquet/apache-parquet-testing/data/uniform_encryption.parquet.encrypted',
      /encrypted Parquet \(PARE magic\) is not supported/,
    ],
    ['arpa/kenlm/test.arpa', /unrecognised format \(first bytes .*\), expected JSONL/],
  ])('%s is refused: %s', async (rel, message) => {
    await expect(sniffFile(sharedPath(rel))).rejects.toMatchObject({
      code: 'input_format',
      message: expect.stringMatching(message),
    });
  });
});

describe('sniffFile on generated files', () => {
  it.each([
    ['a.jsonl', Buffer.from(jsonl), 'jsonl', 'none'],
    ['bom.jsonl', Buffer.from(`\uFEFF${jsonl}`), 'jsonl', 'none'],
    ['ws.jsonl', Buffer.from(`\n\n  \r\n${jsonl}`), 'jsonl', 'none'],
    ['a.jsonl.gz', gzipSync(jsonl), 'jsonl', 'gzip'],
    ['a.jsonl.zst', Buffer.from(zstdCompressSync(Buffer.from(jsonl))), 'jsonl', 'zstd'],
    ['a.ndjson', Buffer.from(jsonl), 'jsonl', 'none'],
    ['data', Buffer.from(jsonl), 'jsonl', 'none'],
    ['data.gz', gzipSync(jsonl), 'jsonl', 'gzip'],
    ['a.parquet', Buffer.from('PAR1\0\0\0\0PAR1'), 'parquet', 'none'],
    ['a.arrow', Buffer.from('ARROW1\0\0'), 'arrow', 'none'],
    ['cache-train.arrow', Buffer.from([0xff, 0xff, 0xff, 0xff, 0x10, 0, 0, 0]), 'arrow', 'none'],
  ])('%s is %s/%s', async (name, bytes, format, compression) => {
    expect(await sniffFile(await temp(name, bytes))).toEqual({ format, compression });
  });

  it.each([
    ['empty.jsonl', Buffer.alloc(0), 'none', /empty file, read as JSONL with no rows/],
    ['blank.jsonl', Buffer.from('\n \n'), 'none', /empty file/],
    ['empty.jsonl.gz', gzipSync(''), 'gzip', /empty gzip stream/],
    ['empty.jsonl.zst', Buffer.from(zstdCompressSync(Buffer.alloc(0))), 'zstd', /empty zstd stream/],
  ])('%s is JSONL with no rows and a warning', async (name, bytes, compression, warning) => {
    const got = await sniffFile(await temp(name, bytes));
    expect(got).toMatchObject({ format: 'jsonl', compression });
    expect(got.warning).toMatch(warning);
  });

  it.each([
    [
      'a.jsonl.gz',
      Buffer.from(jsonl),
      /the name says jsonl, gzip but the first bytes say jsonl, uncompressed/,
    ],
    ['a.jsonl', gzipSync(jsonl), /the name says jsonl but the first bytes say jsonl, gzip/],
    ['a.parquet', Buffer.from(jsonl), /the name says parquet but the first bytes say jsonl, uncompressed/],
  ])('%s: the extension disagrees with the bytes', async (name, bytes, warning) => {
    expect((await sniffFile(await temp(name, bytes))).warning).toMatch(warning);
  });

  it.each([
    ['a.bz2', Buffer.from('BZh91AY&SY'), /bzip2 input is not supported/],
    ['a.xz', Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0, 0]), /xz input is not supported/],
    ['a.zip', Buffer.from('PK\x03\x04rest'), /zip input is not supported/],
    ['utf16.jsonl', Buffer.from('\uFEFF{"a":1}\n', 'utf16le'), /UTF-16 .* not supported.*iconv/],
    ['enc.parquet', Buffer.from('PARE....'), /encrypted Parquet/],
    [
      'array.json',
      Buffer.from('[{"a":1}]'),
      /unrecognised format \(first bytes 5b 7b 22 61 22 3a 31 7d = '\[\{"a":1\}'\)/,
    ],
    ['html.jsonl', Buffer.from('<!DOCTYPE html>'), /unrecognised format/],
    [
      'pq.parquet.gz',
      gzipSync(Buffer.from('PAR1\0\0\0\0PAR1')),
      /gzip stream does not hold JSONL \(decompressed first bytes 50 41 52 31/,
    ],
    [
      'bad.jsonl.gz',
      Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff]),
      /truncated or corrupt gzip stream/,
    ],
  ])('%s is refused: %s', async (name, bytes, message) => {
    await expect(sniffFile(await temp(name, bytes))).rejects.toMatchObject({
      code: 'input_format',
      message: expect.stringMatching(message),
    });
  });

  it('a missing file is input_missing', async () => {
    await expect(sniffFile(path.join(files.dir(), 'nope.jsonl'))).rejects.toMatchObject({
      code: 'input_missing',
    });
  });
});

/**
 * Writes the sample corpus with the project's own writers: `web/` and `forum/` as gzip JSONL, `wiki/` as
 * zstd Parquet, two parts per domain, then `planted.json` and `README.md`. Parts are cut where the
 * writer's own size measure passes half the domain, so the split is exact and checked after writing.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { writeFileAtomic } from '../io/atomic.js';
import { createJsonlWriter, stringifyRow } from '../io/jsonl-write.js';
import { addRow, emptyGroup } from '../io/parquet-group.js';
import { parquetInfo } from '../io/parquet-read.js';
import { createParquetWriter } from '../io/parquet-write.js';
import type { Compression, OutputFormat } from '../io/types.js';
import { DOMAINS, type DomainName } from './domains.js';
import { type Corpus, type CorpusRow, generateCorpus, SAMPLE_SPEC } from './generate.js';
import type { Planted } from './planted.js';
import { renderReadme } from './readme.js';

const LAYOUT: Record<DomainName, { format: OutputFormat; compression: Compression }> = {
  web: { format: 'jsonl', compression: 'gzip' },
  forum: { format: 'jsonl', compression: 'gzip' },
  wiki: { format: 'parquet', compression: 'zstd' },
};

/** The writer's own measure of a row: JSONL line bytes, or the Parquet writer's row estimate. */
function rowBytes(format: OutputFormat, row: CorpusRow): number {
  const r = row as unknown as Record<string, unknown>;
  return format === 'jsonl' ? Buffer.byteLength(stringifyRow(r)) + 1 : addRow(emptyGroup(), r);
}

/** First index where the running total reaches half: part 0 is rows [0, index), never smaller than part 1. */
export function halfway(sizes: readonly number[]): { index: number; bytes: number } {
  const total = sizes.reduce((a, b) => a + b, 0);
  let bytes = 0;
  for (let i = 0; i < sizes.length; i++) {
    bytes += sizes[i] as number;
    if (bytes * 2 >= total) return { index: i + 1, bytes };
  }
  return { index: sizes.length, bytes };
}

async function rowsIn(file: string, format: OutputFormat): Promise<number> {
  if (format === 'parquet') return (await parquetInfo(file)).numRows;
  const text = gunzipSync(await readFile(file)).toString('utf8');
  return text.split('\n').length - 1;
}

async function writeDomain(out: string, domain: DomainName, rows: CorpusRow[]): Promise<Planted['files']> {
  const { format, compression } = LAYOUT[domain];
  const dir = path.join(out, domain);
  await rm(dir, { recursive: true, force: true });
  // The Parquet writer expects its directory to exist (the JSONL writer creates it).
  await mkdir(dir, { recursive: true });
  const half = halfway(rows.map((r) => rowBytes(format, r)));
  const opts = { dir, prefix: 'part', format, compression, targetPartBytes: half.bytes };
  const writer = format === 'jsonl' ? createJsonlWriter(opts) : createParquetWriter(opts);
  try {
    await writer.write(rows as unknown as Record<string, unknown>[]);
  } catch (err) {
    await writer.abort();
    throw err;
  }
  const paths = await writer.close();
  const expected = [rows.slice(0, half.index), rows.slice(half.index)];
  if (paths.length !== 2)
    throw new Error(`corpus sample: ${domain}: expected 2 parts, the writer made ${paths.length}`);
  const files: NonNullable<Planted['files']> = [];
  for (let i = 0; i < 2; i++) {
    const file = paths[i] as string;
    const part = expected[i] as CorpusRow[];
    const found = await rowsIn(file, format);
    if (found !== part.length)
      throw new Error(`corpus sample: ${file}: expected ${part.length} rows, found ${found}`);
    const rel = path.relative(out, file).split(path.sep).join('/');
    files.push({
      path: rel,
      domain,
      rows: part.length,
      first_id: part[0]?.id ?? '',
      last_id: part.at(-1)?.id ?? '',
    });
  }
  return files;
}

/** Adds file paths to the planted record: the file list and the file of each exact-duplicate member. */
function withFiles(planted: Planted, corpus: Corpus, files: NonNullable<Planted['files']>): Planted {
  const fileOf = new Map<string, string>();
  for (const f of files) {
    const rows = corpus.rows[f.domain];
    const from = rows.findIndex((r) => r.id === f.first_id);
    for (let i = from; i < from + f.rows; i++) fileOf.set(rows[i]?.id ?? '', f.path);
  }
  const exact = planted.exact_duplicates.map((g) => ({
    ...g,
    files: g.ids.map((id) => fileOf.get(id) ?? ''),
  }));
  const { seed, near_duplicate_band, counts, docs_by_domain, ...lists } = planted;
  return { seed, near_duplicate_band, counts, docs_by_domain, files, ...lists, exact_duplicates: exact };
}

export interface SampleResult {
  corpus: Corpus;
  planted: Planted;
  /** Paths relative to the output directory, in write order. */
  written: string[];
}

/** Regenerates everything under `out` (the domain folders are replaced) from `seed`. */
export async function writeSampleData(out: string, seed: number): Promise<SampleResult> {
  const corpus = generateCorpus({ ...SAMPLE_SPEC, seed });
  const files: NonNullable<Planted['files']> = [];
  for (const domain of DOMAINS) files.push(...((await writeDomain(out, domain, corpus.rows[domain])) ?? []));
  const planted = withFiles(corpus.planted, corpus, files);
  await writeFileAtomic(path.join(out, 'planted.json'), `${JSON.stringify(planted, null, 2)}\n`);
  await writeFileAtomic(path.join(out, 'README.md'), renderReadme(corpus, planted));
  return { corpus, planted, written: [...files.map((f) => f.path), 'planted.json', 'README.md'] };
}

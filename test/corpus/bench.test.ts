import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BenchDocs } from '../../src/corpus/bench-docs.js';
import { writeBenchCorpus } from '../../src/corpus/bench-write.js';
import { parquetInfo } from '../../src/io/parquet-read.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BUILT = existsSync(path.join(ROOT, 'dist/corpus/bench-corpus.js'));

describe('BenchDocs', () => {
  const gen = new BenchDocs(1);

  it('makes document i from (seed, i) alone', () => {
    const other = new BenchDocs(1);
    for (const i of [0, 1, 999, 123456]) expect(other.doc(i, 2000)).toEqual(gen.doc(i, 2000));
    expect(new BenchDocs(2).doc(0, 2000).text).not.toBe(gen.doc(0, 2000).text);
  });

  it('makes ~2 KB English web pages with unique texts', () => {
    const docs = Array.from({ length: 2000 }, (_, i) => gen.doc(i, 2000));
    const mean = docs.reduce((n, d) => n + d.text.length, 0) / docs.length;
    expect(mean).toBeGreaterThan(1800);
    expect(mean).toBeLessThan(2400);
    expect(new Set(docs.map((d) => d.text)).size).toBe(docs.length);
    expect(docs.every((d) => / the /.test(d.text) && d.domain === 'web')).toBe(true);
  });

  it('generates at least 50 MB/s of text (CPU time, with JSON serialisation)', () => {
    const started = process.cpuUsage();
    let bytes = 0;
    for (let i = 0; bytes < 30_000_000; i++) bytes += JSON.stringify(gen.doc(i, 2000)).length;
    const used = process.cpuUsage(started);
    const seconds = (used.user + used.system) / 1e6;
    expect(bytes / 1e6 / seconds).toBeGreaterThan(50);
  });
});

describe('writeBenchCorpus', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'datamill-bench-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function jsonlRows(files: string[]): Promise<{ id: string; text: string }[]> {
    const rows: { id: string; text: string }[] = [];
    for (const f of files) {
      const text = await readFile(f, 'utf8');
      for (const line of text.split('\n'))
        if (line) rows.push(JSON.parse(line) as { id: string; text: string });
    }
    return rows;
  }

  it('splits the same documents over N files, with --bytes of text in all', async () => {
    const base = { bytes: 1_000_000, format: 'jsonl' as const, docBytes: 2000, seed: 3 };
    const two = await writeBenchCorpus({ ...base, out: path.join(dir, 'two'), files: 2 });
    const one = await writeBenchCorpus({ ...base, out: path.join(dir, 'one'), files: 1 });
    expect(two.files.map((f) => path.basename(f))).toEqual(['part-00000.jsonl', 'part-00001.jsonl']);
    expect(await readdir(path.join(dir, 'two'))).toHaveLength(2);
    const rows = await jsonlRows(two.files);
    expect(rows.map((r) => r.id)).toEqual((await jsonlRows(one.files)).map((r) => r.id));
    const text = rows.reduce((n, r) => n + Buffer.byteLength(r.text), 0);
    expect(text).toBe(two.textBytes);
    expect(text).toBeGreaterThanOrEqual(1_000_000);
    expect(text).toBeLessThan(1_000_000 + 8000);
  });

  it('writes Parquet and gzip JSONL', async () => {
    const base = { bytes: 300_000, docBytes: 2000, seed: 1, files: 1 };
    const pq = await writeBenchCorpus({ ...base, format: 'parquet', out: path.join(dir, 'pq') });
    expect((await parquetInfo(pq.files[0]!)).numRows).toBe(pq.docs);
    const gz = await writeBenchCorpus({ ...base, format: 'jsonl.gz', out: path.join(dir, 'gz') });
    expect(path.basename(gz.files[0]!)).toBe('part-00000.jsonl.gz');
  });
});

describe.skipIf(!BUILT)(
  `bench-corpus CLI${BUILT ? '' : ' (skipped: dist/ not built; run npx tsc -p tsconfig.json)'}`,
  () => {
    it.each([
      [
        ['--out', '/tmp/x', '--bytes', '1MB', '--format', 'csv'],
        /--format: expected one of jsonl, jsonl.gz, parquet/,
      ],
      [['--out', '/tmp/x', '--bytes', 'lots', '--format', 'jsonl'], /invalid byte size/],
      [['--bytes', '1MB', '--format', 'jsonl'], /--out DIR is required/],
      [['--out', '/tmp/x', '--bytes', '1MB', '--format', 'jsonl', '--nope'], /Unknown option '--nope'/],
    ])('exits 2 for %j', (args, message) => {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/corpus/bench-corpus.js'), ...args], {
        encoding: 'utf8',
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
    });
  },
);

/**
 * Writes the benchmark corpus: about `bytes` of document text over `files` files named
 * `part-00000.<ext>`..., through the project's writers. Document i depends only on (seed, i), and the
 * corpus is documents 0..M-1 with M the first count whose text reaches `bytes`, so the same documents
 * come out whatever the file count; only the cuts between files move.
 */
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { createJsonlWriter } from '../io/jsonl-write.js';
import { createParquetWriter } from '../io/parquet-write.js';
import type { PartWriter, WriterOptions } from '../io/types.js';
import { BenchDocs } from './bench-docs.js';
import type { CorpusRow } from './generate.js';

export type BenchFormat = 'jsonl' | 'jsonl.gz' | 'parquet';
export const BENCH_FORMATS: readonly BenchFormat[] = ['jsonl', 'jsonl.gz', 'parquet'];

export interface BenchOptions {
  out: string;
  /** Total UTF-8 bytes of `text` to write (the JSONL files are ~10% larger: other fields, escapes). */
  bytes: number;
  format: BenchFormat;
  /** Target document text size; each document aims at docBytes x U(0.5, 1.5) (about +15% in practice). */
  docBytes: number;
  seed: number;
  files: number;
}

export interface BenchResult {
  files: string[];
  docs: number;
  textBytes: number;
  /** Building the phrase pools (once per run); generating documents; the whole run (plus the writers). */
  setupMs: number;
  generateMs: number;
  wallMs: number;
}

/** ~4 MB of text per write call: large enough to amortise the writer, small enough to stream. */
const BATCH_BYTES = 4_000_000;
/**
 * Files written at once. gzip runs on libuv's threads, one stream per thread: 4 files at once took
 * 500 MB of jsonl.gz from 22 s to 17 s on 2 busy cores. Generation itself stays on the main thread.
 */
const CONCURRENT_FILES = 4;
/** Documents sampled to size the files: the mean of 4096 is within ~0.5% (one sigma) of the true one. */
const SIZING_SAMPLE = 4096;

function writerFor(o: BenchOptions, prefix: string): PartWriter {
  const opts: WriterOptions = {
    dir: o.out,
    prefix,
    format: o.format === 'parquet' ? 'parquet' : 'jsonl',
    compression: o.format === 'jsonl' ? 'none' : o.format === 'parquet' ? 'zstd' : 'gzip',
    // One part per writer: bench files are cut here, by document ranges, not by the writer.
    targetPartBytes: Number.MAX_SAFE_INTEGER,
  };
  return o.format === 'parquet' ? createParquetWriter(opts) : createJsonlWriter(opts);
}

class BenchRun {
  readonly gen: BenchDocs;
  readonly setupMs: number;
  generateMs = 0;

  constructor(readonly o: BenchOptions) {
    const t0 = performance.now();
    this.gen = new BenchDocs(o.seed);
    this.setupMs = performance.now() - t0;
  }

  /** Writes documents from `first` while `more(index, textSoFar)`; returns the file and what it holds. */
  async writeFile(f: number, first: number, more: (i: number, text: number) => boolean) {
    const name = `part-${String(f).padStart(5, '0')}`;
    const writer = writerFor(this.o, name);
    let index = first;
    let text = 0;
    try {
      while (more(index, text)) {
        const t0 = performance.now();
        const batch: CorpusRow[] = [];
        for (let b = 0; b < BATCH_BYTES && more(index, text); index++) {
          const row = this.gen.doc(index, this.o.docBytes);
          const n = Buffer.byteLength(row.text);
          batch.push(row);
          b += n;
          text += n;
        }
        this.generateMs += performance.now() - t0;
        await writer.write(batch as unknown as Record<string, unknown>[]);
      }
    } catch (err) {
      await writer.abort();
      throw err;
    }
    const [part] = await writer.close();
    const final = path.join(this.o.out, `${name}.${this.o.format}`);
    if (part !== undefined) await rename(part, final);
    return { final, docs: index - first, text };
  }
}

/** Documents per file for all but the last: 0.5% under the estimate, so the last file is rarely short. */
function docsPerFile(run: BenchRun): number {
  let sample = 0;
  for (let i = 0; i < SIZING_SAMPLE; i++) sample += Buffer.byteLength(run.gen.doc(i, run.o.docBytes).text);
  return Math.max(1, Math.floor((run.o.bytes / run.o.files / (sample / SIZING_SAMPLE)) * 0.995));
}

export async function writeBenchCorpus(
  o: BenchOptions,
  onFile?: (file: string) => void,
): Promise<BenchResult> {
  const started = performance.now();
  // The Parquet writer expects its directory to exist.
  await mkdir(o.out, { recursive: true });
  const run = new BenchRun(o);
  const per = o.files > 1 ? docsPerFile(run) : 0;
  const done: { final: string; docs: number; text: number }[] = new Array(o.files);
  let next = 0;
  const worker = async () => {
    for (let f = next++; f < o.files - 1; f = next++) {
      const file = await run.writeFile(f, f * per, (i) => i < (f + 1) * per);
      done[f] = file;
      onFile?.(file.final);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_FILES, o.files) }, worker));
  // The last file runs on until the whole corpus reaches `bytes` (at least one document).
  const before = done.slice(0, -1).reduce((n, d) => n + d.text, 0);
  const last = o.files - 1;
  const tail = await run.writeFile(
    last,
    last * per,
    (i, text) => i === last * per || before + text < o.bytes,
  );
  done[last] = tail;
  onFile?.(tail.final);
  return {
    files: done.map((d) => d.final),
    docs: done.reduce((n, d) => n + d.docs, 0),
    textBytes: done.reduce((n, d) => n + d.text, 0),
    setupMs: run.setupMs,
    generateMs: run.generateMs,
    wallMs: performance.now() - started,
  };
}

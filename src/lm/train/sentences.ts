/**
 * Training text for `lm train`: every line of every document is one sentence, as lmplz reads its input
 * (one sentence per line). Plain text files (`.txt`, `.txt.gz`) are read line by line; anything else goes
 * through `fileRows` (JSONL, Parquet, Arrow) and the text field of each row is split on newlines.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { DatamillError, inputError, usageError } from '../../errors.js';
import { fileRows } from '../../io/file-rows.js';

export interface SentenceSource {
  textField: string;
  warn(message: string): void;
}

/** Input counters for the summary (`bytes`: UTF-8 bytes of the text read). */
export interface InputStats {
  files: number;
  documents: number;
  bytes: number;
  missing_text: number;
  bad_records: number;
}

const PLAIN = /\.txt(\.gz)?$/i;

/** Lines of `files` in order; `stats` is updated as they are read. */
export async function* sentenceLines(
  files: readonly string[],
  src: SentenceSource,
  stats: InputStats,
): AsyncGenerator<string> {
  for (const file of files) {
    stats.files++;
    if (PLAIN.test(file)) {
      const raw = createReadStream(file);
      const input = file.toLowerCase().endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
      for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
        stats.documents++;
        stats.bytes += Buffer.byteLength(line, 'utf8') + 1;
        yield line;
      }
      continue;
    }
    for await (const batch of fileRows(file, src.warn)) {
      stats.bad_records += batch.bad.length;
      for (const b of batch.bad.slice(0, 3)) src.warn(`${b.where}: ${b.message} (record skipped)`);
      for (const row of batch.rows) {
        const text = row[src.textField];
        if (typeof text !== 'string') {
          stats.missing_text++;
          continue;
        }
        stats.documents++;
        stats.bytes += Buffer.byteLength(text, 'utf8');
        yield* text.split('\n');
      }
    }
  }
}

/** The data files of a run directory (`DIR/data/**`), sorted, hidden temps skipped. */
export async function runDataFiles(dir: string): Promise<string[]> {
  const data = path.join(dir, 'data');
  const st = await stat(data).catch(() => null);
  if (st === null || !st.isDirectory())
    throw inputError(
      dir,
      'not a run directory: expected a data/ folder with the run output (datamill run --out)',
    );
  const entries = await readdir(data, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  if (files.length === 0) throw inputError(data, 'no output files in the run directory');
  return files;
}

/** Rejects a missing input before any work starts. */
export async function checkInputs(files: readonly string[]): Promise<void> {
  if (files.length === 0) throw usageError('lm train: give input FILES or --from-run DIR');
  for (const f of files) {
    const st = await stat(f).catch(() => null);
    if (st === null || !st.isFile()) throw new DatamillError('input_missing', `${f}: input file not found`);
  }
}

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Doc } from '../core/doc.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { Observer, StageEnv } from '../stages/define.js';
import { pyStrip } from '../text/python.js';
import { xxh64 } from '../text/xxhash.js';
import { hashKey, LINES_RECORD_BYTES, linesPartialFile, linesSampleFile } from './lines-files.js';
import { normalizeLine } from './lines-normalize.js';

/** Texts kept per task for the report (lines repeated inside the task), and their length cap in chars. */
const SAMPLE_CAP = 20000;
const SAMPLE_CHARS = 200;
/** Sampled texts written per task and bucket: the task's most repeated lines. */
const SAMPLE_PER_BUCKET = 100;

/** Growable columns of one bucket: hi, lo, ordinal, line per record. */
class Columns {
  data = new Uint32Array(1024);
  n = 0;
  push(hi: number, lo: number, ordinal: number, line: number): void {
    if (this.n * 4 + 4 > this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const d = this.data,
      at = this.n++ * 4;
    d[at] = hi;
    d[at + 1] = lo;
    d[at + 2] = ordinal;
    d[at + 3] = line;
  }
}

/**
 * Hashes every non-blank normalized line (split on "\n") and writes one sorted run per bucket. Memory is one
 * task's records (16 bytes a line) plus a set of its distinct hashes and the texts of up to SAMPLE_CAP lines it
 * saw twice, which the reduce uses to print the most repeated lines.
 */
export class LinesObserver implements Observer {
  private cols: Columns[];
  private seen = new Set<number>();
  private texts = new Map<number, string>();
  private ordinal = 0;

  constructor(
    private readonly buckets: number,
    private readonly env: StageEnv,
  ) {
    this.cols = Array.from({ length: buckets }, () => new Columns());
  }

  observe(batch: Doc[]): void {
    for (const doc of batch) {
      const text = doc.text;
      const ord = this.ordinal++;
      let start = 0;
      for (let line = 0; start <= text.length; line++) {
        let end = text.indexOf('\n', start);
        if (end < 0) end = text.length;
        this.observeLine(text.slice(start, end), ord, line);
        start = end + 1;
      }
    }
  }

  private observeLine(raw: string, ord: number, line: number): void {
    const norm = normalizeLine(raw);
    if (norm === '') return;
    const [hi, lo] = xxh64(norm);
    this.cols[hi % this.buckets]!.push(hi, lo, ord, line);
    const key = hashKey(hi, lo);
    if (!this.seen.has(key)) this.seen.add(key);
    else if (this.texts.size < SAMPLE_CAP && !this.texts.has(key))
      this.texts.set(key, pyStrip(raw).slice(0, SAMPLE_CHARS));
  }

  async finish(): Promise<void> {
    const { workDir, taskIndex } = this.env;
    await mkdir(path.join(workDir, 'partials'), { recursive: true });
    await mkdir(path.join(workDir, 'samples'), { recursive: true });
    for (let b = 0; b < this.buckets; b++) {
      const run = this.sortedRun(b);
      await writeFileAtomic(linesPartialFile(workDir, taskIndex, b), run);
      await writeFileAtomic(linesSampleFile(workDir, taskIndex, b), JSON.stringify(this.sample(run)));
    }
  }

  private sortedRun(b: number): Buffer {
    const { data: d, n } = this.cols[b]!;
    const idx = new Uint32Array(n);
    for (let i = 0; i < n; i++) idx[i] = i * 4;
    idx.sort(
      (x, y) => d[x]! - d[y]! || d[x + 1]! - d[y + 1]! || d[x + 2]! - d[y + 2]! || d[x + 3]! - d[y + 3]!,
    );
    const buf = Buffer.alloc(n * LINES_RECORD_BYTES);
    const task = this.env.taskIndex;
    for (let k = 0; k < n; k++) {
      const i = idx[k]!,
        at = k * LINES_RECORD_BYTES;
      buf.writeUInt32LE(d[i]!, at);
      buf.writeUInt32LE(d[i + 1]!, at + 4);
      buf.writeUInt32LE(task, at + 8);
      buf.writeUInt32LE(d[i + 2]!, at + 12);
      buf.writeUInt32LE(d[i + 3]!, at + 16);
    }
    return buf;
  }

  /** The bucket's sampled texts, most repeated in this task first: [key, local count, text]. */
  private sample(run: Buffer): [number, number, string][] {
    const out: [number, number, string][] = [];
    for (let at = 0; at < run.length; ) {
      const hi = run.readUInt32LE(at),
        lo = run.readUInt32LE(at + 4);
      let end = at + LINES_RECORD_BYTES;
      while (end < run.length && run.readUInt32LE(end) === hi && run.readUInt32LE(end + 4) === lo)
        end += LINES_RECORD_BYTES;
      const key = hashKey(hi, lo);
      const text = this.texts.get(key);
      if (text !== undefined) out.push([key, (end - at) / LINES_RECORD_BYTES, text]);
      at = end;
    }
    out.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    return out.slice(0, SAMPLE_PER_BUCKET);
  }
}

import { mkdir } from 'node:fs/promises';
import { endianness } from 'node:os';
import path from 'node:path';
import type { Doc } from '../core/doc.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { Observer, StageEnv } from '../stages/define.js';
import { bandHash, makePermutations } from './minhash-core.js';
import {
  isSampledBucket,
  MINHASH_RECORD_BYTES,
  type MinhashSample,
  minhashCountFile,
  minhashPartialFile,
  minhashRankFile,
  minhashSampleFile,
  minhashSignatureFile,
  sigBase64,
} from './minhash-files.js';
import { charShingles, ShingleScanner } from './minhash-scan.js';
import { MinhashSigner } from './minhash-simd.js';
import { priorityRank } from './priority.js';

/** What the observer needs of the resolved options. */
export interface MinhashParams {
  ngram: number;
  char_ngrams?: number;
  bands: number;
  rows: number;
  seed: number;
  verify: boolean;
  /** keep: priority reads this row field (undefined: keep the first in manifest order). */
  priorityField?: string;
}

/** Growable u32 columns (hi, lo, ordinal) of one band. */
class Columns {
  data = new Uint32Array(1024);
  n = 0;
  push(hi: number, lo: number, ordinal: number): void {
    if (this.n * 3 + 3 > this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const at = this.n++ * 3;
    this.data[at] = hi;
    this.data[at + 1] = lo;
    this.data[at + 2] = ordinal;
  }
}

/**
 * Computes each document's signature and writes, per band, a sorted run of (band hash, task, ordinal); also the
 * task's document count and, with verify, all signatures. Documents without shingles (empty after
 * simplification) get no band records and so are never candidates. Memory: 12 bytes per document and band
 * (plus 4·K bytes per document with verify).
 */
export class MinhashObserver implements Observer {
  private cols: Columns[];
  private signer: MinhashSigner;
  private sig: Uint32Array;
  private sigs: Uint32Array[] = [];
  private samples: MinhashSample[] = [];
  /** The first documents of every task are all sampled: small corpora get pairs too (see SAMPLE_ALL). */
  private readonly sampleAll: number;
  private ranks: number[] = [];
  private ordinal = 0;
  private scanner: ShingleScanner;
  private charBuf: Int32Array = new Int32Array(1024);

  constructor(
    private readonly p: MinhashParams,
    private readonly env: StageEnv & { observeTasks: number },
  ) {
    this.sampleAll = Math.floor(SAMPLE_ALL / env.observeTasks);
    this.cols = Array.from({ length: p.bands }, () => new Columns());
    this.signer = new MinhashSigner(makePermutations(p.seed, p.bands * p.rows));
    this.sig = new Uint32Array(p.bands * p.rows);
    this.scanner = new ShingleScanner(p.ngram);
  }

  observe(batch: Doc[]): void {
    const { p } = this;
    for (const doc of batch) {
      const ord = this.ordinal++;
      if (p.priorityField !== undefined) this.ranks.push(priorityRank(doc.row, p.priorityField));
      let hashes: Int32Array;
      let count: number;
      if (p.char_ngrams === undefined) {
        count = this.scanner.scan(doc.text);
        hashes = this.scanner.shingles;
      } else {
        ({ hashes, count } = charShingles(doc.text, p.char_ngrams, this.charBuf));
        this.charBuf = hashes;
      }
      this.signer.sign(hashes, count, this.sig);
      if (p.verify) this.sigs.push(this.sig.slice());
      if (count === 0) continue;
      for (let b = 0; b < p.bands; b++) {
        const [hi, lo] = bandHash(this.sig, b, p.rows);
        this.cols[b]!.push(hi, lo, ord);
        if (b === 0 && (ord < this.sampleAll || isSampledBucket(hi)))
          this.samples.push({ ordinal: ord, id: doc.id, sig: sigBase64(this.sig) });
      }
    }
  }

  async finish(): Promise<void> {
    const { workDir, taskIndex } = this.env;
    await mkdir(path.join(workDir, 'partials'), { recursive: true });
    await mkdir(path.join(workDir, 'counts'), { recursive: true });
    for (let b = 0; b < this.p.bands; b++)
      await writeFileAtomic(minhashPartialFile(workDir, taskIndex, b), this.sortedRun(b));
    const count = Buffer.alloc(4);
    count.writeUInt32LE(this.ordinal, 0);
    await writeFileAtomic(minhashCountFile(workDir, taskIndex), count);
    if (this.p.priorityField !== undefined) {
      await mkdir(path.join(workDir, 'ranks'), { recursive: true });
      const ranks = Float64Array.from(this.ranks);
      await writeFileAtomic(minhashRankFile(workDir, taskIndex), Buffer.from(ranks.buffer));
    }
    await mkdir(path.join(workDir, 'samples'), { recursive: true });
    await writeFileAtomic(minhashSampleFile(workDir, taskIndex), JSON.stringify(this.samples));
    if (this.p.verify) {
      await mkdir(path.join(workDir, 'signatures'), { recursive: true });
      const all = Buffer.concat(this.sigs.map((s) => Buffer.from(s.buffer, s.byteOffset, s.byteLength)));
      await writeFileAtomic(minhashSignatureFile(workDir, taskIndex), all);
    }
  }

  private sortedRun(b: number): Buffer {
    const { data: d, n } = this.cols[b]!;
    const order = radixOrder(d, n);
    const buf = Buffer.alloc(n * MINHASH_RECORD_BYTES);
    const out = new Uint32Array(buf.buffer, buf.byteOffset, n * 4);
    const task = this.env.taskIndex;
    for (let k = 0; k < n; k++) {
      const i = order[k]! * 3;
      out[4 * k] = d[i]!;
      out[4 * k + 1] = d[i + 1]!;
      out[4 * k + 2] = task;
      out[4 * k + 3] = d[i + 2]!;
    }
    if (!LITTLE_ENDIAN) for (let k = 0; k < 4 * n; k++) buf.writeUInt32LE(out[k]!, 4 * k);
    return buf;
  }
}

/**
 * Documents sampled whatever their bucket, over all tasks (~4 MB of signatures): the 1-in-64 bucket sample
 * finds no pair in a corpus with few duplicates.
 */
const SAMPLE_ALL = 8192;

const LITTLE_ENDIAN = endianness() === 'LE';

/**
 * Record order (indices into `n` (hi, lo, ordinal) triples) by (hi, lo), then ordinal: a stable LSD radix
 * sort on four 16-bit digits; ordinals were pushed in increasing order, so stability gives the tie order.
 * 10× faster than Array.prototype.sort with a comparator (0.48 s of 4 s for 100k documents).
 */
function radixOrder(d: Uint32Array, n: number): Uint32Array {
  let from = new Uint32Array(n);
  let to = new Uint32Array(n);
  for (let i = 0; i < n; i++) from[i] = i;
  const counts = new Uint32Array(65536);
  for (const [field, shift] of DIGITS) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(d[i * 3 + field]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let v = 0; v < 65536; v++) {
      const c = counts[v]!;
      counts[v] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const r = from[i]!;
      to[counts[(d[r * 3 + field]! >>> shift) & 0xffff]!++] = r;
    }
    [from, to] = [to, from];
  }
  return from;
}

/** (field, shift) of the digits, least significant first: lo low, lo high, hi low, hi high. */
const DIGITS: readonly [number, number][] = [
  [1, 0],
  [1, 16],
  [0, 0],
  [0, 16],
];

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Doc } from '../core/doc.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { Observer, StageEnv } from '../stages/define.js';
import { bandHash, makePermutations } from './minhash-core.js';
import {
  MINHASH_RECORD_BYTES,
  minhashCountFile,
  minhashPartialFile,
  minhashSignatureFile,
} from './minhash-files.js';
import { charShingles, ShingleScanner } from './minhash-scan.js';
import { MinhashSigner } from './minhash-simd.js';

/** What the observer needs of the resolved options. */
export interface MinhashParams {
  ngram: number;
  char_ngrams?: number;
  bands: number;
  rows: number;
  seed: number;
  verify: boolean;
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
  private ordinal = 0;
  private scanner: ShingleScanner;
  private charBuf: Int32Array = new Int32Array(1024);

  constructor(
    private readonly p: MinhashParams,
    private readonly env: StageEnv,
  ) {
    this.cols = Array.from({ length: p.bands }, () => new Columns());
    this.signer = new MinhashSigner(makePermutations(p.seed, p.bands * p.rows));
    this.sig = new Uint32Array(p.bands * p.rows);
    this.scanner = new ShingleScanner(p.ngram);
  }

  observe(batch: Doc[]): void {
    const { p } = this;
    for (const doc of batch) {
      const ord = this.ordinal++;
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
    if (this.p.verify) {
      await mkdir(path.join(workDir, 'signatures'), { recursive: true });
      const k = this.p.bands * this.p.rows;
      const all = Buffer.alloc(this.sigs.length * k * 4);
      this.sigs.forEach((s, i) => {
        for (let j = 0; j < k; j++) all.writeUInt32LE(s[j]!, (i * k + j) * 4);
      });
      await writeFileAtomic(minhashSignatureFile(workDir, taskIndex), all);
    }
  }

  private sortedRun(b: number): Buffer {
    const { data: d, n } = this.cols[b]!;
    const idx = new Uint32Array(n);
    for (let i = 0; i < n; i++) idx[i] = i * 3;
    idx.sort((x, y) => d[x]! - d[y]! || d[x + 1]! - d[y + 1]! || d[x + 2]! - d[y + 2]!);
    const buf = Buffer.alloc(n * MINHASH_RECORD_BYTES);
    const task = this.env.taskIndex;
    for (let k = 0; k < n; k++) {
      const i = idx[k]!,
        at = k * MINHASH_RECORD_BYTES;
      buf.writeUInt32LE(d[i]!, at);
      buf.writeUInt32LE(d[i + 1]!, at + 4);
      buf.writeUInt32LE(task, at + 8);
      buf.writeUInt32LE(d[i + 2]!, at + 12);
    }
    return buf;
  }
}

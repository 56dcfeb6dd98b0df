/**
 * Reading sorted records back: from memory (radix-sorted records) or from run files merged k-way (a binary
 * heap over each run's current record; runs read in chunks through src/dedup/runs.ts's RunReader).
 */
import { rmSync } from 'node:fs';
import { RunReader } from '../../dedup/runs.js';
import type { RecordCompare, RecordCursor } from './order.js';

/**
 * Sorts the first `n` records of `buf` (w words each): a stable LSD radix sort, 16 bits of one key word
 * per pass (a second pass only when ids reach 65536), moving whole records so that every pass reads
 * sequentially. Returns the buffer holding the result (`buf` or a scratch buffer of the same size). A
 * comparison sort with a callback took a fifth of a 5-gram training's time; sorting indices, a tenth.
 */
export function sortRecords(buf: Uint32Array, n: number, w: number, lsd: readonly number[]): Uint32Array {
  let src = buf;
  let dst: Uint32Array | null = null;
  const count = new Uint32Array(65537);
  for (const word of lsd) {
    let max = 0;
    for (let i = 0; i < n; i++) if (src[i * w + word]! > max) max = src[i * w + word]!;
    for (let shift = 0; shift < 32 && max >>> shift > 0; shift += 16) {
      dst ??= new Uint32Array(n * w);
      count.fill(0);
      for (let i = 0; i < n; i++) count[((src[i * w + word]! >>> shift) & 0xffff) + 1]!++;
      for (let d = 1; d <= 65536; d++) count[d]! += count[d - 1]!;
      for (let i = 0, at = 0; i < n; i++, at += w) {
        const to = count[(src[at + word]! >>> shift) & 0xffff]!++ * w;
        for (let j = 0; j < w; j++) dst[to + j] = src[at + j]!;
      }
      [src, dst] = [dst, src];
    }
  }
  return src;
}

export class MemoryCursor implements RecordCursor {
  readonly rec: Uint32Array;
  private at = 0;
  private readonly end: number;
  private buf: Uint32Array;

  constructor(
    buf: Uint32Array,
    n: number,
    private readonly w: number,
    lsd: readonly number[],
  ) {
    this.rec = new Uint32Array(w);
    this.buf = sortRecords(buf, n, w, lsd);
    this.end = n * w;
    this.at = -w;
  }

  next(): boolean {
    this.at += this.w;
    if (this.at >= this.end) {
      this.close();
      return false;
    }
    for (let j = 0; j < this.w; j++) this.rec[j] = this.buf[this.at + j]!;
    return true;
  }

  close(): void {
    this.buf = new Uint32Array(0);
  }
}

/** K-way merge of run files with a binary heap over each run's current record (copied out of RunReader). */
export class MergeCursor implements RecordCursor {
  readonly rec: Uint32Array;
  private readonly readers: RunReader[];
  private readonly heads: Uint32Array[];
  private heap: number[] = [];
  private started = false;

  constructor(
    private readonly files: string[],
    private readonly w: number,
    private readonly cmp: RecordCompare,
  ) {
    this.rec = new Uint32Array(w);
    this.readers = files.map((f) => new RunReader(f, w * 4));
    this.heads = files.map(() => new Uint32Array(w));
  }

  private load(r: number): void {
    const reader = this.readers[r]!;
    const head = this.heads[r]!;
    for (let j = 0; j < this.w; j++) head[j] = reader.data.getUint32(reader.at + 4 * j, true);
  }

  private less(i: number, j: number): boolean {
    const a = this.heap[i]!;
    const b = this.heap[j]!;
    const c = this.cmp(this.heads[a]!, 0, this.heads[b]!, 0);
    return c < 0 || (c === 0 && a < b);
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      let m = i;
      if (l < h.length && this.less(l, m)) m = l;
      if (l + 1 < h.length && this.less(l + 1, m)) m = l + 1;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }

  next(): boolean {
    if (!this.started) {
      this.started = true;
      this.readers.forEach((r, i) => {
        if (!r.done) {
          this.load(i);
          this.heap.push(i);
        }
      });
      for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) this.down(i);
    } else if (this.heap.length > 0) {
      const top = this.heap[0]!;
      if (this.readers[top]!.next()) this.load(top);
      else {
        const last = this.heap.pop()!;
        if (this.heap.length > 0 && last !== top) this.heap[0] = last;
      }
      if (this.heap.length > 0) this.down(0);
    }
    if (this.heap.length === 0) {
      this.close();
      return false;
    }
    this.rec.set(this.heads[this.heap[0]!]!);
    return true;
  }

  close(): void {
    for (const r of this.readers) r.close();
    for (const f of this.files) rmSync(f, { force: true });
  }
}

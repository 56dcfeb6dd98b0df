/**
 * External sort of fixed-width records of u32 words (n-gram word ids, then a payload), the backbone of the
 * trainer: KenLM's lmplz sorts every order several times (lm/builder/pipeline.cc, util/stream/sort.hh), in
 * memory when it fits and through sorted runs on disk merged k-way when it does not. Both paths give the
 * same order, so the model does not depend on the memory budget.
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { RunReader } from '../../dedup/runs.js';

/** Three-way comparison of the records at word offsets `ai` of `a` and `bi` of `b`. */
export type RecordCompare = (a: Uint32Array, ai: number, b: Uint32Array, bi: number) => number;

/** A sort order: the comparison (for merging runs) and the key words, least significant first (for sorting). */
export interface RecordOrder {
  compare: RecordCompare;
  lsd: readonly number[];
}

/** A pull-based view of records in sorted order: `rec` holds the current record after `next()` is true. */
export interface RecordCursor {
  readonly rec: Uint32Array;
  next(): boolean;
  close(): void;
}

/** More runs than this are merged in a first pass, so open files stay few (one chunk buffer each). */
const MAX_FAN_IN = 64;
const WRITE_CHUNK_RECORDS = 8192;

let runSerial = 0;

/** Sorts records pushed one at a time within a byte budget, spilling sorted runs to `tmpDir`. */
export class RecordSorter {
  private buf: Uint32Array | null = null;
  private n = 0;
  private readonly runs: string[] = [];
  readonly capacity: number;
  /** Records spilled to disk so far (for the summary). */
  spilledRecords = 0;

  private readonly compare: RecordCompare;

  constructor(
    readonly width: number,
    readonly order: RecordOrder,
    budgetBytes: number,
    readonly tmpDir: string,
  ) {
    this.compare = order.compare;
    // 4 bytes per word plus 8 for the two radix-sort index arrays; a few records at least, so tiny budgets progress.
    this.capacity = Math.max(16, Math.floor(budgetBytes / (4 * width + 8)));
  }

  /** Copies `width` words of `src` from offset `off`. */
  push(src: ArrayLike<number>, off = 0): void {
    if (this.buf === null) this.buf = new Uint32Array(this.capacity * this.width);
    if (this.n === this.capacity) this.spill(this.buf, this.n);
    const at = this.n * this.width;
    for (let i = 0; i < this.width; i++) this.buf[at + i] = src[off + i]!;
    this.n++;
  }

  /** Sorts the first `n` records of a caller's buffer and writes them as one run (the caller reuses it). */
  spill(buf: Uint32Array, n: number): void {
    if (n === 0) return;
    const file = path.join(this.tmpDir, `run-${process.pid}-${runSerial++}.u32`);
    writeRun(file, buf, sortedIndex(buf, n, this.width, this.order.lsd), this.width);
    this.runs.push(file);
    this.spilledRecords += n;
    if (buf === this.buf) this.n = 0;
  }

  /**
   * Ends input and returns the records in order. `extra`/`extraN` are records the caller holds (the
   * counter's table): sorted in memory when nothing was spilled, else spilled as one more run.
   */
  finish(extra?: Uint32Array, extraN = 0): RecordCursor {
    let mem = this.buf;
    let memN = this.n;
    if (extra !== undefined && extraN > 0) {
      if (memN > 0 || this.runs.length > 0) this.spill(extra, extraN);
      else {
        mem = extra;
        memN = extraN;
      }
    }
    this.buf = null;
    this.n = 0;
    if (this.runs.length === 0)
      return new MemoryCursor(mem ?? new Uint32Array(0), memN, this.width, this.order.lsd);
    if (mem !== null && memN > 0 && mem !== extra) this.spill(mem, memN);
    while (this.runs.length > MAX_FAN_IN) this.mergeFirstRuns();
    return new MergeCursor(this.runs.splice(0), this.width, this.compare);
  }

  private mergeFirstRuns(): void {
    const group = this.runs.splice(0, MAX_FAN_IN);
    const file = path.join(this.tmpDir, `run-${process.pid}-${runSerial++}.u32`);
    const fd = openSync(file, 'w');
    const out = new Uint32Array(WRITE_CHUNK_RECORDS * this.width);
    let k = 0;
    const cursor = new MergeCursor(group, this.width, this.compare);
    while (cursor.next()) {
      out.set(cursor.rec, k * this.width);
      if (++k === WRITE_CHUNK_RECORDS) {
        writeSync(fd, out);
        k = 0;
      }
    }
    if (k > 0) writeSync(fd, out.subarray(0, k * this.width));
    closeSync(fd);
    this.runs.push(file);
  }
}

/**
 * Record indices in order: a stable LSD radix sort, 16 bits of one key word per pass (a second pass only
 * when ids reach 65536). A comparison sort with a callback took a fifth of a 5-gram training's time.
 */
function sortedIndex(buf: Uint32Array, n: number, w: number, lsd: readonly number[]): Uint32Array {
  let idx = new Uint32Array(n);
  let tmp = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const count = new Uint32Array(65537);
  for (const word of lsd) {
    let max = 0;
    for (let i = 0; i < n; i++) if (buf[i * w + word]! > max) max = buf[i * w + word]!;
    for (let shift = 0; shift < 32 && max >>> shift > 0; shift += 16) {
      count.fill(0);
      for (let i = 0; i < n; i++) count[((buf[idx[i]! * w + word]! >>> shift) & 0xffff) + 1]!++;
      for (let d = 1; d <= 65536; d++) count[d]! += count[d - 1]!;
      for (let i = 0; i < n; i++) {
        const r = idx[i]!;
        tmp[count[(buf[r * w + word]! >>> shift) & 0xffff]!++] = r;
      }
      [idx, tmp] = [tmp, idx];
    }
  }
  return idx;
}

function writeRun(file: string, buf: Uint32Array, idx: Uint32Array, w: number): void {
  const fd = openSync(file, 'w');
  try {
    const out = new Uint32Array(Math.min(idx.length, WRITE_CHUNK_RECORDS) * w);
    let k = 0;
    for (let i = 0; i < idx.length; i++) {
      copyWords(out, k * w, buf, idx[i]! * w, w);
      if (++k * w === out.length) {
        writeSync(fd, out);
        k = 0;
      }
    }
    if (k > 0) writeSync(fd, out.subarray(0, k * w));
  } finally {
    closeSync(fd);
  }
}

class MemoryCursor implements RecordCursor {
  readonly rec: Uint32Array;
  private i = -1;
  private readonly idx: Uint32Array;

  constructor(
    private buf: Uint32Array,
    n: number,
    private readonly w: number,
    lsd: readonly number[],
  ) {
    this.rec = new Uint32Array(w);
    this.idx = sortedIndex(buf, n, w, lsd);
  }

  next(): boolean {
    if (++this.i >= this.idx.length) {
      this.close();
      return false;
    }
    const at = this.idx[this.i]! * this.w;
    for (let j = 0; j < this.w; j++) this.rec[j] = this.buf[at + j]!;
    return true;
  }

  close(): void {
    this.buf = new Uint32Array(0);
  }
}

/** K-way merge of run files with a binary heap over each run's current record (copied out of RunReader). */
class MergeCursor implements RecordCursor {
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

/** Copies `n` words from `src[from..]` to `dst[to..]` (a loop: `subarray` would allocate a view per record). */
export function copyWords(dst: Uint32Array, to: number, src: Uint32Array, from: number, n: number): void {
  for (let i = 0; i < n; i++) dst[to + i] = src[from + i]!;
}

/** Suffix order (lmplz's SuffixOrder, lm/common/compare.hh): compare the n-gram's words last to first. */
export function suffixOrder(order: number): RecordOrder {
  return { compare: suffixCompare(order), lsd: Array.from({ length: order }, (_, i) => i) };
}

/** Context order (lmplz's ContextOrder): the context (all but the last word) last to first, then the last word. */
export function contextOrder(order: number): RecordOrder {
  return {
    compare: contextCompare(order),
    lsd: [order - 1, ...Array.from({ length: order - 1 }, (_, i) => i)],
  };
}

function suffixCompare(order: number): RecordCompare {
  return (a, ai, b, bi) => {
    for (let i = order - 1; i >= 0; i--) {
      const d = a[ai + i]! - b[bi + i]!;
      if (d !== 0) return d;
    }
    return 0;
  };
}

function contextCompare(order: number): RecordCompare {
  return (a, ai, b, bi) => {
    for (let i = order - 2; i >= 0; i--) {
      const d = a[ai + i]! - b[bi + i]!;
      if (d !== 0) return d;
    }
    return a[ai + order - 1]! - b[bi + order - 1]!;
  };
}

import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Sorted runs of fixed-size binary records, the exchange format between the observe and reduce phases
 * of dedup stages (DataTrove's design: per-task sorted files, k-way merged per bucket). Reads are
 * synchronous and chunked: a worker thread does nothing else meanwhile, and memory stays at one chunk per run.
 */
export class RunReader {
  private fd: number;
  private buf: Buffer;
  private view: DataView;
  private filled = 0;
  /** Byte offset of the current record inside the chunk. */
  at = 0;
  done = false;

  constructor(
    readonly file: string,
    readonly recordBytes: number,
    chunkRecords = 4096,
  ) {
    this.fd = openSync(file, 'r');
    this.buf = Buffer.allocUnsafe(recordBytes * chunkRecords);
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    this.refill();
  }

  get data(): DataView {
    return this.view;
  }

  /** Moves to the next record; false (and closed) at the end of the run. */
  next(): boolean {
    this.at += this.recordBytes;
    if (this.at >= this.filled) this.refill();
    return !this.done;
  }

  private refill(): void {
    const n = readSync(this.fd, this.buf, 0, this.buf.length, null);
    if (n % this.recordBytes !== 0)
      throw new Error(
        `${this.file}: ${n} bytes is not a whole number of ${this.recordBytes}-byte records (truncated run file)`,
      );
    this.filled = n;
    this.at = 0;
    if (n === 0) this.close();
  }

  close(): void {
    if (!this.done) closeSync(this.fd);
    this.done = true;
  }
}

/**
 * K-way merge of sorted runs with a binary heap. `less(a, ai, b, bi)` compares the records at byte
 * offsets `ai` of view `a` and `bi` of view `b`. Calls `visit` for every record in global order.
 */
export function mergeRuns(
  readers: RunReader[],
  less: (a: DataView, ai: number, b: DataView, bi: number) => boolean,
  visit: (v: DataView, at: number) => void,
): void {
  const heap = readers.filter((r) => !r.done);
  const lt = (i: number, j: number) => less(heap[i]!.data, heap[i]!.at, heap[j]!.data, heap[j]!.at);
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && lt(l, m)) m = l;
      if (r < heap.length && lt(r, m)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
  while (heap.length > 0) {
    const top = heap[0]!;
    visit(top.data, top.at);
    if (!top.next()) {
      const last = heap.pop()!;
      if (heap.length === 0) break;
      heap[0] = last;
    }
    down(0);
  }
}

/**
 * Merges sorted runs whose records start with a 64-bit hash (two little-endian u32: high, low) and calls
 * `onGroup` once per distinct hash, in hash order, with what `read` took from each of its records (in
 * merge order). Returns the number of records. Holds one group at a time.
 */
export function mergeHashGroups<T>(
  readers: RunReader[],
  less: (a: DataView, ai: number, b: DataView, bi: number) => boolean,
  read: (v: DataView, at: number) => T,
  onGroup: (hi: number, lo: number, items: T[]) => void,
): number {
  let group: T[] = [];
  let gh = -1;
  let gl = -1;
  let records = 0;
  mergeRuns(readers, less, (v, at) => {
    records++;
    const hi = v.getUint32(at, true);
    const lo = v.getUint32(at + 4, true);
    if (hi !== gh || lo !== gl) {
      if (group.length > 0) onGroup(gh, gl, group);
      group = [];
      gh = hi;
      gl = lo;
    }
    group.push(read(v, at));
  });
  if (group.length > 0) onGroup(gh, gl, group);
  return records;
}

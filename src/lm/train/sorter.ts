/**
 * External sort of fixed-width records of u32 words (n-gram word ids, then a payload), the backbone of the
 * trainer: KenLM's lmplz sorts every order several times (lm/builder/pipeline.cc, util/stream/sort.hh), in
 * memory when it fits and through sorted runs on disk merged k-way when it does not. Both paths give the
 * same order, so the model does not depend on the memory budget.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { MemoryCursor, MergeCursor, sortRecords } from './cursors.js';
import type { RecordCompare, RecordCursor, RecordOrder } from './order.js';

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
    // 4 bytes per word, twice (the radix sort's scratch copy); a few records at least, so tiny budgets progress.
    this.capacity = Math.max(16, Math.floor(budgetBytes / (8 * width)));
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
    writeRun(file, sortRecords(buf, n, this.width, this.order.lsd), n * this.width);
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

function writeRun(file: string, sorted: Uint32Array, words: number): void {
  const fd = openSync(file, 'w');
  try {
    // In slices: writeSync of a huge view would need one contiguous kernel copy; 8192 records at a time.
    const step = WRITE_CHUNK_RECORDS * 64;
    for (let at = 0; at < words; at += step) writeSync(fd, sorted.subarray(at, Math.min(words, at + step)));
  } finally {
    closeSync(fd);
  }
}

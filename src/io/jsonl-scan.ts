/**
 * The JSONL hot loop: splits Buffers on 0x0A (which never occurs inside a UTF-8 multi-byte sequence), parses
 * each line and fills batches. Plain synchronous code over Buffers, so the generator around it stays thin;
 * measured ~3x faster than readline (research/packages.md section 7).
 */
import { isBlank, parseJsonLine, rawLine } from './jsonl-parse.js';

/** Receives each parsed line's text (one holder, no allocation per line). */
const lineText = { text: '' };

import type { RowBatch } from './types.js';

/** A full batch, with the 0-based index (among the slice's lines) of each bad record's line. */
export interface ScannedBatch {
  batch: RowBatch;
  badLines: number[];
}

export interface ScanState {
  readonly batchBytes: number;
  /** Lines whose first byte is at or after this offset belong to the next slice. */
  readonly limit: number;
  /** Absolute offset of the next byte to arrive. */
  offset: number;
  /** Still inside the line that belongs to the previous slice. */
  skipping: boolean;
  /** A UTF-8 BOM may still be at the start of the next line (only at offset 0 of the file). */
  atFileStart: boolean;
  /** Absolute offset of this slice's first line, once known. */
  firstLineStart: number;
  /** Partial last line, copied out of the chunks (which are reused) and joined once its newline arrives. */
  carry: Buffer[];
  carryStart: number;
  /** Lines of this slice seen so far, blank ones included (for line numbers). */
  lineIndex: number;
  /** A line at or past `limit` was reached: stop reading. */
  done: boolean;
  current: ScannedBatch;
  ready: ScannedBatch[];
  /** Keep each record's decoded source line in `batch.raw`. */
  readonly keepRaw: boolean;
}

/** Scanner for a stream starting at absolute offset `offset`; `skipFirst` when that is inside a prior line. */
export function createScan(
  batchBytes: number,
  limit: number,
  offset: number,
  skipFirst: boolean,
  keepRaw = true,
): ScanState {
  return {
    batchBytes,
    limit,
    offset,
    skipping: skipFirst,
    atFileStart: offset === 0 && !skipFirst,
    firstLineStart: skipFirst ? -1 : offset,
    carry: [],
    carryStart: 0,
    lineIndex: 0,
    done: offset >= limit && !skipFirst,
    current: emptyBatch(keepRaw),
    ready: [],
    keepRaw,
  };
}

/** Consumes one chunk; full batches land in `state.ready`. */
export function scanChunk(st: ScanState, chunk: Buffer): void {
  const base = st.offset;
  st.offset += chunk.length;
  let s = 0;
  if (st.skipping) {
    const nl = chunk.indexOf(10);
    if (nl === -1) return;
    st.skipping = false;
    s = nl + 1;
    st.firstLineStart = base + s;
  }
  if (st.carry.length > 0) {
    const nl = chunk.indexOf(10, s);
    if (nl === -1) {
      st.carry.push(Buffer.from(chunk.subarray(s)));
      return;
    }
    st.carry.push(chunk.subarray(s, nl));
    const line = Buffer.concat(st.carry);
    st.carry.length = 0;
    scanLine(st, line, 0, line.length, st.carryStart, line.length + 1);
    s = nl + 1;
  }
  let nl = chunk.indexOf(10, s);
  while (nl !== -1 && !st.done) {
    scanLine(st, chunk, s, nl, base + s, nl + 1 - s);
    s = nl + 1;
    nl = chunk.indexOf(10, s);
  }
  if (s < chunk.length && !st.done) {
    // A copy: the reader reuses the chunk's memory for the next read.
    st.carry.push(Buffer.from(chunk.subarray(s)));
    st.carryStart = base + s;
  }
  if (base + s >= st.limit) st.done = true;
}

/** End of input: a last line without a newline is still a record. Flushes the partial batch. */
export function finishScan(st: ScanState): void {
  if (st.carry.length > 0 && !st.done) {
    const line = Buffer.concat(st.carry);
    st.carry.length = 0;
    scanLine(st, line, 0, line.length, st.carryStart, line.length);
  }
  const { batch } = st.current;
  if (batch.rows.length > 0 || batch.bad.length > 0 || batch.bytes > 0) st.ready.push(st.current);
  st.current = emptyBatch(st.keepRaw);
}

function scanLine(st: ScanState, buf: Buffer, s: number, e: number, pos: number, lineBytes: number): void {
  if (pos >= st.limit) {
    st.done = true;
    return;
  }
  const lineIndex = st.lineIndex++;
  const cur = st.current;
  cur.batch.bytes += lineBytes;
  if (st.atFileStart) {
    st.atFileStart = false;
    if (e - s >= 3 && buf[s] === 0xef && buf[s + 1] === 0xbb && buf[s + 2] === 0xbf) s += 3;
  }
  if (e > s && buf[e - 1] === 13) e--;
  if (e > s && (buf[s] === 0x7b || !isBlank(buf, s, e))) {
    const row = parseJsonLine(buf, s, e, st.keepRaw ? lineText : undefined);
    if (typeof row === 'string') {
      cur.batch.bad.push({ where: '', message: row, raw: rawLine(buf, s, e) });
      cur.badLines.push(lineIndex);
    } else {
      cur.batch.rows.push(row);
      cur.batch.pos.push(pos);
      cur.batch.raw?.push(lineText.text);
    }
  }
  if (cur.batch.bytes >= st.batchBytes) {
    st.ready.push(cur);
    st.current = emptyBatch(st.keepRaw);
  }
}

function emptyBatch(keepRaw: boolean): ScannedBatch {
  return { batch: { rows: [], pos: [], raw: keepRaw ? [] : undefined, bad: [], bytes: 0 }, badLines: [] };
}

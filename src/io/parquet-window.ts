/**
 * Reading a row group in windows of rows, so a worker's memory follows the window and not the writer's
 * row-group size (pyarrow's default row group is 1M rows: gigabytes of web text). Pure: the adapter in
 * parquet-read.ts does the reads; this decides what to read and trims what hyparquet hands back.
 */

/**
 * Uncompressed bytes of the windowed columns decoded at a time. With 4 MB (and 4 MB output row groups) two
 * workers converting the bench's 2 GB of Parquet peak at ~460 MB RSS (8 MB: ~500–530), at the same speed.
 */
export const WINDOW_BYTES = 4 * 1024 * 1024;
/**
 * Columns smaller than this are read once per row group: they often hold a single page, which hyparquet
 * would decode again for every window (measured: +50% read CPU when ids were decoded per window).
 */
export const SMALL_COLUMN_BYTES = 1024 * 1024;

export interface ColumnSize {
  name: string;
  /** Uncompressed bytes of the column's chunk(s) in the row group. */
  bytes: number;
  /** A leaf column that is not repeated: hyparquet skips its pages before a window without decoding. */
  flat: boolean;
}

export interface WindowPlan {
  /** Columns read once for the whole row group. */
  whole: string[];
  /** Columns read window by window (empty: one read of everything). */
  windowed: string[];
  /** Rows per window. */
  step: number;
}

/** Which columns to read per window and how many rows a window holds. */
export function planWindows(columns: ColumnSize[], rows: number): WindowPlan {
  const big = columns.filter((c) => c.flat && c.bytes > SMALL_COLUMN_BYTES);
  const bigBytes = big.reduce((n, c) => n + c.bytes, 0);
  if (bigBytes <= WINDOW_BYTES || rows <= 1)
    return { whole: columns.map((c) => c.name), windowed: [], step: rows };
  const step = Math.max(1, Math.ceil((rows * WINDOW_BYTES) / bigBytes));
  const windowed = new Set(big.map((c) => c.name));
  return {
    whole: columns.filter((c) => !windowed.has(c.name)).map((c) => c.name),
    windowed: [...windowed],
    step,
  };
}

/** Decoded values from the reader: whole pages, each with the file row index of its first value. */
export interface Chunk {
  data: ArrayLike<unknown>;
  rowStart: number;
}

/** The values of rows [start, start + rows) from page chunks in row order; undefined when some are missing. */
export function sliceChunks(list: Chunk[], start: number, rows: number): ArrayLike<unknown> | undefined {
  const only = list.length === 1 ? list[0]! : undefined;
  if (only && only.rowStart === start && only.data.length === rows) return only.data;
  const end = start + rows;
  const covered = list.filter((c) => c.rowStart < end && c.rowStart + c.data.length > start);
  let total = 0;
  for (const c of covered) total += Math.min(c.rowStart + c.data.length, end) - Math.max(c.rowStart, start);
  if (total !== rows) return undefined;
  const out = new Array<unknown>(rows);
  let at = 0;
  for (const c of covered) {
    const to = Math.min(c.rowStart + c.data.length, end) - c.rowStart;
    for (let i = Math.max(start - c.rowStart, 0); i < to; i++) out[at++] = c.data[i];
  }
  return out;
}

/** Rows [from, from + rows) of a column already read for a longer range starting at `start`. */
export function subRange(values: ArrayLike<unknown>, offset: number, rows: number): ArrayLike<unknown> {
  if (offset === 0 && values.length === rows) return values;
  return Array.prototype.slice.call(values, offset, offset + rows);
}

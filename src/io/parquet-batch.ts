/**
 * Turning one decoded row group (one array per top-level column) into row batches of bounded size. Pure:
 * no file and no Parquet library, so the transposition is testable on plain arrays.
 */
import type { RowBatch } from './types.js';

/** A decoded row group: top-level column names in schema order and one value array per column. */
export interface GroupColumns {
  names: string[];
  values: ArrayLike<unknown>[];
}

/** Bytes counted for a value that is not a string (numbers, booleans, nested values) when sizing batches. */
const NON_STRING_BYTES = 8;

/**
 * Yields the rows of a row group as batches of about `batchBytes` decoded text (string lengths, plus 8 per
 * other value; a batch holds at least one row); absent values are null. `pos` is `groupStart + i`; `bytes` shares `groupBytes`
 * among the batches in proportion to rows, so a row group's batches sum to exactly `groupBytes`.
 */
export function* groupBatches(
  group: GroupColumns,
  groupStart: number,
  groupRows: number,
  batchBytes: number,
  groupBytes: number,
): Generator<RowBatch> {
  const { names, values } = group;
  const width = names.length;
  let start = 0;
  while (start < groupRows) {
    const rows: Record<string, unknown>[] = [];
    const pos: number[] = [];
    let size = 0;
    let i = start;
    while (i < groupRows && (size < batchBytes || i === start)) {
      const row: Record<string, unknown> = {};
      for (let c = 0; c < width; c++) {
        // hyparquet leaves some null structs undefined; rows always hold every column, null when absent.
        const v = values[c]![i] ?? null;
        row[names[c]!] = v;
        size += typeof v === 'string' ? v.length : NON_STRING_BYTES;
      }
      rows.push(row);
      pos.push(groupStart + i);
      i++;
    }
    const bytes = Math.round((groupBytes * i) / groupRows) - Math.round((groupBytes * start) / groupRows);
    yield { rows, pos, bad: [], bytes };
    start = i;
  }
}

/** Replaces bigint values by numbers (columns datamill wrote from JS numbers; all are safe integers). */
export function bigintsToNumbers(values: ArrayLike<unknown>): unknown[] {
  const out = new Array<unknown>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = typeof v === 'bigint' ? Number(v) : v;
  }
  return out;
}

/**
 * The rows of the row group being filled: the rows themselves, the kinds of value seen per column (in
 * first-seen order), and an estimate of their size. Pure; the writer decides when to flush.
 */
import { type ColumnPlan, KIND, kindOf } from './parquet-schema.js';

/** Bytes estimated for a number, boolean, null or other fixed-size value; strings count their length. */
const SCALAR_BYTES = 8;
/** Nested values are walked to this depth for the estimate; deeper parts count as one scalar. */
const MAX_DEPTH = 4;

export interface GroupBuffer {
  rows: Record<string, unknown>[];
  /** Estimated uncompressed bytes of `rows`. */
  bytes: number;
  /** Column name → OR of the kinds seen (a row without the field adds KIND.null at flush). */
  kinds: Map<string, number>;
  /** Column name → rows where the field holds a value (not null, not undefined). */
  present: Map<string, number>;
}

export function emptyGroup(): GroupBuffer {
  return { rows: [], bytes: 0, kinds: new Map(), present: new Map() };
}

/** Rough size of a value: string length, 8 per scalar, nested values summed to MAX_DEPTH. */
export function estimateBytes(v: unknown, depth = 0): number {
  if (typeof v === 'string') return v.length;
  if (typeof v !== 'object' || v === null || depth >= MAX_DEPTH) return SCALAR_BYTES;
  if (v instanceof Uint8Array) return v.length;
  let n = SCALAR_BYTES;
  if (Array.isArray(v)) {
    for (const x of v) n += estimateBytes(x, depth + 1);
  } else {
    for (const k in v) n += k.length + estimateBytes((v as Record<string, unknown>)[k], depth + 1);
  }
  return n;
}

/** Adds one row; returns its estimated bytes. */
export function addRow(group: GroupBuffer, row: Record<string, unknown>): number {
  let bytes = SCALAR_BYTES;
  for (const key in row) {
    const v = row[key];
    const kind = kindOf(v);
    group.kinds.set(key, (group.kinds.get(key) ?? 0) | kind);
    if (kind !== KIND.null) group.present.set(key, (group.present.get(key) ?? 0) + 1);
    bytes += estimateBytes(v);
  }
  group.rows.push(row);
  group.bytes += bytes;
  return bytes;
}

/** Kinds seen per column, with KIND.null added where some row lacks the field, in first-seen order. */
export function seenKinds(group: GroupBuffer): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, kinds] of group.kinds) {
    const missing = (group.present.get(name) ?? 0) < group.rows.length;
    out.set(name, missing ? kinds | KIND.null : kinds);
  }
  return out;
}

/** True when a part planned as `plan` can take a row group with these kinds (no new column, no misfit). */
export function fitsPlan(plan: ColumnPlan[], seen: Map<string, number>): boolean {
  let matched = 0;
  for (const column of plan) {
    const kinds = seen.get(column.name);
    if (kinds === undefined) {
      if (!(column.accepts & KIND.null)) return false;
      continue;
    }
    if ((kinds & column.accepts) !== kinds) return false;
    matched++;
  }
  return matched === seen.size;
}

/** A column's values in row order, converted as its plan says (missing fields become null). */
export function columnValues(rows: Record<string, unknown>[], column: ColumnPlan): unknown[] {
  const out = new Array<unknown>(rows.length);
  const name = column.name;
  const toBigint = column.prepare === 'bigint';
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i]![name] ?? null;
    out[i] = toBigint && typeof v === 'number' ? BigInt(v) : v;
  }
  return out;
}

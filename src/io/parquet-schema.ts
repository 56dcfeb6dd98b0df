/**
 * Output schema for the Parquet writer: the kinds of JS value a column has seen, and the element inferred
 * for a column without a source schema. Pure (no Parquet library): the element shape mirrors the footer's
 * SchemaElement, which is all the writer needs.
 */

/** A Parquet schema element as the footer holds it (the fields datamill reads or sets). */
export interface SchemaElement {
  name: string;
  type?: string;
  type_length?: number;
  repetition_type?: string;
  num_children?: number;
  converted_type?: string;
  logical_type?: { type: string; [key: string]: unknown };
  scale?: number;
  precision?: number;
  field_id?: number;
}

/** Kinds of JS value, as bits, so a column's history is one OR and a fit check is one AND. */
export const KIND = {
  null: 1,
  boolean: 2,
  /** A number that is a safe integer. */
  int: 4,
  /** Any other number (fractions, NaN, infinities). */
  float: 8,
  string: 16,
  bigint: 32,
  date: 64,
  bytes: 128,
  /** Arrays and plain objects (and Maps). */
  nested: 256,
} as const;

/** Every kind: what a JSON column holds. */
export const ANY_KIND = 511;
export const NUMBER_KIND = KIND.int | KIND.float;

/** The kind bit of one value; undefined counts as null (a missing field). */
export function kindOf(v: unknown): number {
  switch (typeof v) {
    case 'string':
      return KIND.string;
    case 'number':
      return Number.isSafeInteger(v) ? KIND.int : KIND.float;
    case 'boolean':
      return KIND.boolean;
    case 'bigint':
      return KIND.bigint;
    case 'undefined':
      return KIND.null;
    default:
      if (v === null) return KIND.null;
      if (v instanceof Date) return KIND.date;
      if (v instanceof Uint8Array) return KIND.bytes;
      return KIND.nested;
  }
}

/** How values are changed before the Parquet library sees them. */
export type Prepare = 'none' | 'bigint';

/** One output column as fixed by the first row group of a part. */
export interface ColumnPlan {
  name: string;
  /** The column's element followed by its subtree, in footer (preorder) order. */
  elements: SchemaElement[];
  /** Kinds this column can hold; includes KIND.null when it is nullable. */
  accepts: number;
  prepare: Prepare;
}

/**
 * Infers a nullable column from the kinds seen: strings, booleans, integers (INT64), numbers (DOUBLE),
 * bigints (INT64), dates (timestamp, ms), bytes (BYTE_ARRAY, read back as UTF-8 text); nested values and
 * mixed kinds become JSON text so that they read back as the same JS values. Only nulls: a nullable string.
 */
export function inferPlan(name: string, seen: number): ColumnPlan {
  const values = seen & ~KIND.null;
  const opt = { name, repetition_type: 'OPTIONAL' };
  const plan = (element: SchemaElement, accepts: number, prepare: Prepare = 'none'): ColumnPlan => ({
    name,
    elements: [element],
    accepts: accepts | KIND.null,
    prepare,
  });
  if (values === 0 || values === KIND.string) {
    return plan({ ...opt, type: 'BYTE_ARRAY', converted_type: 'UTF8' }, KIND.string);
  }
  if (values === KIND.boolean) return plan({ ...opt, type: 'BOOLEAN' }, KIND.boolean);
  if (values === KIND.int) return plan({ ...opt, type: 'INT64' }, KIND.int, 'bigint');
  if ((values & NUMBER_KIND) === values) return plan({ ...opt, type: 'DOUBLE' }, NUMBER_KIND);
  if (values === KIND.bigint) return plan({ ...opt, type: 'INT64' }, KIND.bigint);
  if (values === KIND.date) {
    const timestamp = { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' };
    return plan(
      { ...opt, type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', logical_type: timestamp },
      KIND.date,
    );
  }
  if (values === KIND.bytes) return plan({ ...opt, type: 'BYTE_ARRAY' }, KIND.bytes);
  return plan({ ...opt, type: 'BYTE_ARRAY', converted_type: 'JSON' }, ANY_KIND);
}

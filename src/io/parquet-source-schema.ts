/**
 * Keeping a source file's schema in the output: which source subtrees hyparquet-writer can write back from
 * the values hyparquet read, and the column plan for them. Pure, like parquet-schema.ts.
 */
import {
  ANY_KIND,
  type ColumnPlan,
  KIND,
  NUMBER_KIND,
  type Prepare,
  type SchemaElement,
} from './parquet-schema.js';

/** Kinds a kept source element holds, as the reader decodes it; 0 when the writer cannot write it back. */
function leafAccepts(e: SchemaElement): number {
  const c = e.converted_type;
  const l = e.logical_type?.type;
  if (c === 'DECIMAL' || l === 'DECIMAL' || l === 'FLOAT16') return NUMBER_KIND;
  if (c === 'JSON' || l === 'JSON') return ANY_KIND;
  switch (e.type) {
    case 'BOOLEAN':
      return KIND.boolean;
    case 'INT32':
      return c === 'DATE' || l === 'DATE' ? KIND.date : c === 'TIME_MILLIS' || l === 'TIME' ? 0 : KIND.int;
    case 'INT64':
      if (c === 'TIMESTAMP_MILLIS' || c === 'TIMESTAMP_MICROS' || l === 'TIMESTAMP') return KIND.date;
      return c === 'TIME_MICROS' || l === 'TIME' ? 0 : KIND.bigint | KIND.int;
    case 'FLOAT':
    case 'DOUBLE':
      return NUMBER_KIND;
    case 'BYTE_ARRAY':
      if (c === 'BSON' || l === 'BSON' || l === 'VARIANT') return 0;
      if (l === 'GEOMETRY' || l === 'GEOGRAPHY') return KIND.nested;
      // Unannotated bytes are decoded as UTF-8 text; hyparquet-writer encodes strings back to the same bytes.
      return c || l ? KIND.string : KIND.string | KIND.bytes;
    case 'FIXED_LEN_BYTE_ARRAY':
      if (c === 'INTERVAL') return 0;
      return l === 'UUID' ? KIND.string : KIND.bytes;
    default:
      // INT96 (legacy timestamps): hyparquet-writer cannot write it, so the column is inferred instead.
      return 0;
  }
}

const isList = (e: SchemaElement) => e.converted_type === 'LIST' || e.logical_type?.type === 'LIST';
/** The MAP wrapper group (legacy writers also annotate it MAP_KEY_VALUE; the repeated entry is not one). */
const isMap = (e: SchemaElement) =>
  e.converted_type === 'MAP' ||
  e.logical_type?.type === 'MAP' ||
  (e.converted_type === 'MAP_KEY_VALUE' && e.repetition_type !== 'REPEATED');

/**
 * True when hyparquet-writer can write back what the reader made of this subtree: structs, standard LISTs,
 * and MAPs with string keys (the reader turns a map into an object, so other keys come back as strings).
 * Legacy repeated fields without a LIST annotation, and leaves the writer cannot encode, are not kept.
 */
export function keepable(subtree: SchemaElement[]): boolean {
  let at = 0;
  const walk = (inList: boolean): boolean => {
    const e = subtree[at++];
    if (e === undefined) return false;
    const n = e.num_children ?? 0;
    if (e.repetition_type === 'REPEATED' && !inList) return false;
    if (n === 0) return leafAccepts(e) !== 0;
    if (isMap(e)) {
      const entry = subtree[at];
      const key = subtree[at + 1];
      if (n !== 1 || entry?.num_children !== 2 || key?.type !== 'BYTE_ARRAY') return false;
    } else if (isList(e) && n !== 1) {
      return false;
    }
    const childrenInList = isList(e) || isMap(e);
    for (let i = 0; i < n; i++) {
      // Only the repeated wrapper right under a LIST/MAP may repeat; its own children may not.
      if (!walk(childrenInList && subtree[at]?.repetition_type === 'REPEATED')) return false;
    }
    return true;
  };
  return walk(false) && at === subtree.length;
}

/**
 * Plans a column from a kept source subtree when every kind seen fits it, else undefined. A top-level
 * REQUIRED column that has nulls is relaxed to OPTIONAL; an INT64 column holds bigints or numbers, whichever
 * the first row group has (numbers are written as INT64 and read back as numbers, see NUMBER_COLUMNS_KEY).
 */
export function planFromSource(subtree: SchemaElement[], seen: number): ColumnPlan | undefined {
  const top = subtree[0]!;
  if (!keepable(subtree)) return undefined;
  const group = subtree.length > 1;
  let accepts = group ? KIND.nested : leafAccepts(top);
  if (top.type === 'INT64' && accepts === (KIND.bigint | KIND.int)) {
    accepts = seen & KIND.int ? KIND.int : KIND.bigint;
  }
  const values = seen & ~KIND.null;
  if (accepts === 0 || (values & accepts) !== values) return undefined;
  const relax = seen & KIND.null && top.repetition_type === 'REQUIRED';
  const elements = relax ? [{ ...top, repetition_type: 'OPTIONAL' }, ...subtree.slice(1)] : subtree;
  if (elements[0]!.repetition_type === 'OPTIONAL') accepts |= KIND.null;
  const prepare: Prepare = top.type === 'INT64' && accepts & KIND.int ? 'bigint' : 'none';
  return { name: top.name, elements, accepts, prepare };
}

/**
 * The top-level columns of a source schema (hyparquet's SchemaElement[], root first, preorder), each with
 * its subtree. Throws on anything else: the schema comes from parquetInfo, so a bad one is a bug.
 */
export function sourceColumns(schema: unknown): Map<string, SchemaElement[]> {
  const out = new Map<string, SchemaElement[]>();
  if (schema === undefined) return out;
  if (!Array.isArray(schema) || schema.length === 0)
    throw new Error('sourceSchema: expected SchemaElement[]');
  const elements = schema as SchemaElement[];
  let at = 1;
  const skip = (): void => {
    const e = elements[at++];
    if (e === undefined || typeof e.name !== 'string') throw new Error('sourceSchema: truncated schema tree');
    for (let i = 0; i < (e.num_children ?? 0); i++) skip();
  };
  for (let i = 0; i < (elements[0]!.num_children ?? 0); i++) {
    const begin = at;
    skip();
    out.set(elements[begin]!.name, elements.slice(begin, at));
  }
  return out;
}

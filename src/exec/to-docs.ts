import type { Doc } from '../core/doc.js';
import type { BadRecord, RowBatch, Slice } from '../io/types.js';

/** How rows of one input become documents. */
export interface DocSpec {
  textField: string;
  idField: string;
}

/** `file@byte` for JSONL positions, `file#row` for Parquet/Arrow rows: the generated id and error location. */
export function positionOf(slice: Slice, pos: number): string {
  return slice.format === 'jsonl' ? `${slice.shard}@${pos}` : `${slice.shard}#${pos}`;
}

/**
 * Turns decoded rows into documents. A row whose text field is missing or not a string becomes a bad
 * record (appended to `bad`), since every later stage relies on `doc.text` being a string.
 */
export function toDocs(batch: RowBatch, slice: Slice, spec: DocSpec, bad: BadRecord[]): Doc[] {
  const docs: Doc[] = [];
  const { rows, pos, raw } = batch;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const text = row[spec.textField];
    if (typeof text !== 'string') {
      bad.push(badText(row, text, positionOf(slice, pos[i]!), spec.textField));
      continue;
    }
    const rawId = row[spec.idField];
    const id =
      typeof rawId === 'string' || typeof rawId === 'number' || typeof rawId === 'bigint'
        ? String(rawId)
        : positionOf(slice, pos[i]!);
    const doc: Doc = { id, text, row };
    if (raw !== undefined) doc.raw = raw[i];
    docs.push(doc);
  }
  return docs;
}

function badText(row: Record<string, unknown>, text: unknown, where: string, field: string): BadRecord {
  const got = text === undefined ? 'no such field' : text === null ? 'null' : typeof text;
  const keys = Object.keys(row).slice(0, 8).join(', ');
  const hint = text === undefined ? ` (fields: ${keys}; set text_field on the input)` : '';
  let raw: string;
  try {
    raw = JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? String(v) : v)).slice(0, 4096);
  } catch {
    raw = keys;
  }
  return { where, message: `text field "${field}": expected a string, got ${got}${hint}`, raw };
}

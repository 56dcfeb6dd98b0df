import type { Doc } from '../core/doc.js';

/** Where a document's text and id go when it is written out. */
export interface RowSpec {
  /** Input text field (holds the text as read; may be stale after a rewrite). */
  inText: string;
  /** Output text field. */
  outText: string;
  inId: string;
  /** Field that receives generated ids for documents whose input had none. */
  outId: string;
}

/** The row to write for a document: its input row with the current text, and its id when generated. */
export function docToRow(doc: Doc, spec: RowSpec): Record<string, unknown> {
  const row = doc.row;
  if (spec.outText !== spec.inText) delete row[spec.inText];
  row[spec.outText] = doc.text;
  const id = row[spec.inId];
  if (id === undefined || id === null) row[spec.outId] = doc.id;
  return row;
}

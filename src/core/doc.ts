/**
 * A document as it flows through stages. `row` is the input record, passed through untouched except
 * that its text field is rewritten from `text` on output; stages add fields under `row.dm`.
 */
export interface Doc {
  /** From the input's id field, or `<shard>@<byte offset>` (JSONL) / `<shard>#<row>` (Parquet, Arrow). */
  id: string;
  text: string;
  row: Record<string, unknown>;
  /**
   * JSONL input only: the source line. The writer reuses it verbatim when nothing changed the document
   * (text as read, no `dm` fields, no generated id) and every stage of the phase preserves rows.
   */
  raw?: string;
}

/** The namespace object for fields added by stages (`dm.<stage>.<field>`), created on first use. */
export function dmOf(doc: Doc): Record<string, unknown> {
  let dm = doc.row.dm as Record<string, unknown> | undefined;
  if (dm === undefined || typeof dm !== 'object' || dm === null) {
    dm = {};
    doc.row.dm = dm;
  }
  return dm;
}

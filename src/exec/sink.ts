import { mkdir } from 'node:fs/promises';
import type { Doc } from '../core/doc.js';
import { createJsonlWriter } from '../io/jsonl-write.js';
import { parquetInfo } from '../io/parquet-read.js';
import { createParquetWriter } from '../io/parquet-write.js';
import type { PartWriter } from '../io/types.js';
import type { Plan } from '../plan/plan.js';
import type { DomainStats } from '../run/stats.js';
import { unitHash } from '../text/hash.js';
import { loadTokenizer } from '../text/tokens.js';
import { docToRow, type RowSpec } from './rows.js';
import { createSpillWriter } from './spill.js';

/** Where a map phase's surviving documents go: the final output, or a spill for the next global stage. */
export interface Sink {
  write(docs: Doc[]): Promise<void>;
  close(): Promise<string[]>;
  abort(): Promise<void>;
}

/**
 * `verbatim`: the phase's stages all preserve rows and the output is JSONL under the input's text field,
 * so a document whose text is as read, with no `dm` fields and an id of its own, is written as its source line.
 */
export async function outputSink(
  plan: Plan,
  task: number,
  dir: string,
  prefix: string,
  rowSpec: RowSpec,
  verbatim: boolean,
): Promise<Sink> {
  const { output } = plan.recipe;
  await mkdir(dir, { recursive: true });
  const slice = plan.sourceTasks[task]!.slice;
  // Parquet → Parquet keeps the input's column types (INT64, timestamps, nested groups).
  const sourceSchema =
    output.format === 'parquet' && slice.format === 'parquet'
      ? (await parquetInfo(slice.path, slice.shard)).schema
      : undefined;
  const opts = {
    dir,
    prefix,
    format: output.format,
    compression: output.compression,
    targetPartBytes: output.target_part_bytes,
    rowGroupBytes: output.row_group_bytes,
    sourceSchema,
  };
  const writer: PartWriter =
    output.format === 'parquet' ? createParquetWriter(opts) : createJsonlWriter(opts);
  return {
    write: (docs) => {
      if (!verbatim) return writer.write(docs.map((d) => docToRow(d, rowSpec)));
      const rows = new Array<Record<string, unknown>>(docs.length);
      const lines = new Array<string | undefined>(docs.length);
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        const row = d.row;
        if (
          d.raw !== undefined &&
          d.text === row[rowSpec.inText] &&
          row.dm === undefined &&
          row[rowSpec.inId] != null
        ) {
          lines[i] = d.raw;
          rows[i] = row;
        } else rows[i] = docToRow(d, rowSpec);
      }
      return writer.write(rows, lines);
    },
    close: () => writer.close(),
    abort: () => writer.abort(),
  };
}

export async function spillSink(file: string): Promise<Sink> {
  const w = await createSpillWriter(file);
  return {
    write: (docs) => w.write(docs),
    close: async () => {
      await w.close();
      return [];
    },
    abort: () => w.abort(),
  };
}

/** Salt so the token sample is independent of any `sample` stage using the same seed. */
const TOKEN_SALT = 0x746f6b;

/**
 * Every task counts its first TOKEN_MIN_DOCS output documents, so a small run still gets an estimate from a
 * few hundred documents; beyond them the seeded sample decides.
 */
const TOKEN_MIN_DOCS = 32;

/**
 * Counts one task's output documents, characters and tokens (exactly, or on a seeded sample) into a
 * domain's stats.
 */
export async function tokenCounter(plan: Plan): Promise<(docs: Doc[], into: DomainStats) => void> {
  const { token_count, token_sample_rate, tokenizer, seed } = plan.recipe.runtime;
  const count = token_count === 'off' ? undefined : await loadTokenizer(tokenizer);
  const rate = token_count === 'exact' ? 1 : token_sample_rate;
  let seen = 0;
  return (docs, into) => {
    for (const d of docs) {
      // Characters (UTF-16 units), not UTF-8 bytes: free to count, and as good a base for the token estimate.
      const chars = d.text.length;
      into.docs_out++;
      into.chars_out += chars;
      if (count && (rate >= 1 || seen++ < TOKEN_MIN_DOCS || unitHash(seed ^ TOKEN_SALT, d.id) < rate)) {
        into.token_docs++;
        into.token_chars += chars;
        into.tokens += count(d.text);
      }
    }
  };
}

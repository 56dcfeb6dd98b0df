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

export async function outputSink(
  plan: Plan,
  task: number,
  dir: string,
  prefix: string,
  rowSpec: RowSpec,
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
    sourceSchema,
  };
  const writer: PartWriter =
    output.format === 'parquet' ? createParquetWriter(opts) : createJsonlWriter(opts);
  return {
    write: (docs) => writer.write(docs.map((d) => docToRow(d, rowSpec))),
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

/** Counts output documents, bytes and tokens (exactly, or on a seeded sample) into a domain's stats. */
export async function tokenCounter(plan: Plan): Promise<(docs: Doc[], into: DomainStats) => void> {
  const { token_count, token_sample_rate, tokenizer, seed } = plan.recipe.runtime;
  const count = token_count === 'off' ? undefined : await loadTokenizer(tokenizer);
  const rate = token_count === 'exact' ? 1 : token_sample_rate;
  return (docs, into) => {
    for (const d of docs) {
      const bytes = Buffer.byteLength(d.text, 'utf8');
      into.docs_out++;
      into.bytes_out += bytes;
      if (count && (rate >= 1 || unitHash(seed ^ TOKEN_SALT, d.id) < rate)) {
        into.token_docs++;
        into.token_bytes += bytes;
        into.tokens += count(d.text);
      }
    }
  };
}

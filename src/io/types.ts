/** Contracts between readers, writers and the task runner. Readers know formats; they know nothing of stages. */

export type InputFormat = 'jsonl' | 'parquet' | 'arrow';
export type Compression = 'none' | 'gzip' | 'zstd';

/** One task's slice of one input file. Units: bytes for JSONL, row groups for Parquet, record batches for Arrow. */
export interface Slice {
  path: string;
  /** Path as shown to users and used in generated ids (relative to the recipe's directory). */
  shard: string;
  format: InputFormat;
  compression: Compression;
  start: number;
  /** Exclusive. For compressed JSONL the whole file is one slice: `end` is the file size. */
  end: number;
}

/** A record the reader could not turn into a row (bad JSON, bad UTF-8, not an object). */
export interface BadRecord {
  /** `file:line` (JSONL) or `file#row` (Parquet). */
  where: string;
  message: string;
  /** The raw line, truncated to a few KB, for `quarantine/`. */
  raw: string;
}

/** Rows decoded from a slice, in input order. `pos[i]` is the byte offset (JSONL) or row index (Parquet). */
export interface RowBatch {
  rows: Record<string, unknown>[];
  pos: number[];
  /** JSONL only: each row's source line (no newline), so unchanged documents can be written back verbatim. */
  raw?: string[];
  bad: BadRecord[];
  /** Bytes of input consumed by this batch (decompressed for JSONL), for throughput. */
  bytes: number;
}

export interface ReadOptions {
  /** Approximate decoded bytes per batch. */
  batchBytes: number;
  /** Warn callback (e.g. a `.zst` file that is plain JSONL). */
  warn: (message: string) => void;
  /** Keep each record's source line (`RowBatch.raw`) for verbatim output or a spill; default true. */
  keepRaw?: boolean;
}

export type OutputFormat = 'jsonl' | 'parquet';

export interface WriterOptions {
  /** Directory that receives the parts. */
  dir: string;
  /** File name stem, e.g. `part-00003`; parts are `<prefix>-0000.<ext>`, `<prefix>-0001.<ext>`... */
  prefix: string;
  format: OutputFormat;
  compression: Compression;
  /** Rotate to a new part once a part holds about this many bytes (before compression). */
  targetPartBytes: number;
  /** Parquet only: estimated bytes of rows per row group (default ROW_GROUP_BYTES). */
  rowGroupBytes?: number;
  /** Parquet schema of the input (opaque, from the Parquet reader), kept for output columns it names. */
  sourceSchema?: unknown;
}

/** Writes rows into rotated part files, each written to a temp name and renamed when closed. */
export interface PartWriter {
  /** `lines[i]`, when given and defined, is row i already serialized as a JSONL line (JSONL writers only). */
  write(rows: Record<string, unknown>[], lines?: (string | undefined)[]): Promise<void>;
  /** Finishes the current part; returns the final paths of all parts written, in order. */
  close(): Promise<string[]>;
  /** Removes temp files after a failure. */
  abort(): Promise<void>;
}

/**
 * Checks on a Parquet footer made before any page is decoded, so a malformed or oversized row group fails
 * with a message naming the column, not with whatever the decoder trips over (or an out-of-memory kill).
 * Pure functions over the footer's shape; the Parquet library stays in parquet-read.ts.
 */

/**
 * Largest column chunk (decoded bytes) read into memory. A chunk is decoded whole, so this bounds memory per
 * column; it also keeps every value under V8's 512 MiB string limit (large_string_map.brotli.parquet holds
 * one 2 GB chunk, which otherwise costs 5 s of brotli before failing).
 */
export const MAX_COLUMN_CHUNK_BYTES = 256 * 1024 * 1024;

/** Key-value metadata naming the INT64 columns that datamill wrote from JS numbers (JSON array of names). */
export const NUMBER_COLUMNS_KEY = 'datamill.number_columns';

/** The parts of a column chunk's footer entry that the checks read. */
export interface FooterChunk {
  file_path?: string;
  meta_data?: {
    path_in_schema: string[];
    total_uncompressed_size: bigint;
    total_compressed_size: bigint;
    data_page_offset: bigint;
    dictionary_page_offset?: bigint;
  };
}

export interface FooterRowGroup {
  num_rows: bigint;
  columns: FooterChunk[];
}

/** A node of the schema tree: its element's name and its children. */
export interface FooterSchemaNode {
  element: { name: string };
  children: FooterSchemaNode[];
}

/** Paths of every leaf column, joined with NUL (names may contain dots). */
export function leafPaths(root: FooterSchemaNode): Set<string> {
  const out = new Set<string>();
  const walk = (node: FooterSchemaNode, prefix: string[]): void => {
    for (const child of node.children) {
      const path = [...prefix, child.element.name];
      if (child.children.length === 0) out.add(path.join('\0'));
      else walk(child, path);
    }
  };
  walk(root, []);
  return out;
}

/**
 * The first problem in a row group's footer entry, or undefined when it is readable: every chunk belongs to
 * a leaf of the schema, lies inside the file, and decodes to at most `maxChunkBytes`.
 */
export function rowGroupProblem(
  group: FooterRowGroup,
  leaves: Set<string>,
  fileBytes: number,
  maxChunkBytes: number,
): string | undefined {
  if (group.num_rows < 0n) return `negative row count ${group.num_rows}`;
  if (group.columns.length !== leaves.size) {
    return `${group.columns.length} column chunks, expected one per leaf column (${leaves.size})`;
  }
  for (const chunk of group.columns) {
    const meta = chunk.meta_data;
    if (chunk.file_path) return `column chunk stored in another file (${chunk.file_path}) is not supported`;
    if (meta === undefined) return 'column chunk without metadata';
    const name = meta.path_in_schema.join('.');
    if (!leaves.has(meta.path_in_schema.join('\0')))
      return `column chunk ${name} is not a column of the schema`;
    const start = meta.dictionary_page_offset || meta.data_page_offset;
    const end = start + meta.total_compressed_size;
    if (start < 0n || meta.total_compressed_size < 0n || end > BigInt(fileBytes)) {
      return `column chunk ${name} spans bytes ${start}..${end}, outside the file (${fileBytes} bytes)`;
    }
    if (meta.total_uncompressed_size > BigInt(maxChunkBytes)) {
      const mib = (n: bigint | number) => Math.round(Number(n) / 1048576);
      return (
        `column chunk ${name} decodes to ${mib(meta.total_uncompressed_size)} MiB, over the ` +
        `${mib(maxChunkBytes)} MiB limit per column chunk (rewrite the file with smaller row groups)`
      );
    }
  }
  return undefined;
}

/** Sum over a row group's column chunks of their compressed or decoded (uncompressed) sizes, in bytes. */
export function groupBytes(group: FooterRowGroup, which: 'compressed' | 'uncompressed'): number {
  let n = 0;
  for (const c of group.columns) {
    const meta = c.meta_data;
    if (meta) n += Number(which === 'compressed' ? meta.total_compressed_size : meta.total_uncompressed_size);
  }
  return n;
}

/** Names listed under NUMBER_COLUMNS_KEY, or an empty set when the file was not written by datamill. */
export function numberColumns(kv: { key: string; value?: string }[] | undefined): Set<string> {
  const entry = kv?.find((e) => e.key === NUMBER_COLUMNS_KEY);
  if (entry?.value === undefined) return new Set();
  try {
    const names: unknown = JSON.parse(entry.value);
    return new Set(Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : []);
  } catch {
    return new Set();
  }
}

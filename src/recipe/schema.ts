/**
 * The recipe document: every key, its default and why. Stage options are checked afterwards by each
 * stage's own schema (load.ts), so here `options` is any mapping.
 */
import { availableParallelism } from 'node:os';
import { BYTE_SIZE_HINT, BYTE_SIZE_PATTERN, tryParseBytes } from '../core/bytes.js';
import { z } from '../core/schema.js';
import type { StageDef } from '../stages/define.js';
import { checksSchema } from './checks.js';

const bytesMessage = `expected ${BYTE_SIZE_HINT}`;

/** A positive byte size written as a number of bytes or a string like '256MB'; parsed to a number. */
function byteSize(fallback: string, description: string) {
  return z
    .union([z.number().positive(bytesMessage), z.string().regex(BYTE_SIZE_PATTERN, bytesMessage)], {
      error: bytesMessage,
    })
    .transform((v, ctx) => {
      const bytes = tryParseBytes(v);
      if (bytes === undefined || bytes <= 0) {
        ctx.addIssue({ code: 'custom', message: bytesMessage, input: v });
        return z.NEVER;
      }
      return bytes;
    })
    .prefault(fallback)
    .describe(`${description} (default ${fallback}; kB, MB, GB are powers of 1000, KiB, MiB, GiB of 1024)`);
}

const fieldName = z.string().min(1);

/** Stage ids name directories (`work/<id>/`, `rejected/<id>/`), so they stay filename-safe. */
export const STAGE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export const inputSchema = z.strictObject({
  path: z
    .string()
    .min(1)
    .describe('A file, a directory (every file below it, sorted) or a glob; relative to the recipe file'),
  format: z
    .enum(['jsonl', 'parquet', 'arrow'])
    .optional()
    .describe('Input format; sniffed from the magic bytes when omitted'),
  text_field: fieldName.default('text').describe('Field holding the document text'),
  id_field: fieldName
    .default('id')
    .describe('Field holding the document id; documents without it get a generated id'),
  domain: z.string().min(1).optional().describe('Label for per-domain tables and mixing'),
});

export const outputSchema = z.strictObject({
  dir: z.string().min(1).describe('The run directory, relative to the recipe file'),
  format: z.enum(['jsonl', 'parquet']).default('parquet').describe('Output format'),
  compression: z.enum(['zstd', 'gzip', 'none']).default('zstd').describe('Output compression'),
  target_part_bytes: byteSize('256MB', 'Rotate output parts at about this size'),
  row_group_bytes: byteSize(
    '4MiB',
    'Parquet output: rows buffered per row group (estimated text bytes). The default keeps two workers under ' +
      "500 MB RSS and is close to DataTrove's ParquetWriter (1,000 documents per row group); larger groups " +
      'compress a little better and cost memory while they are encoded',
  ),
  text_field: fieldName.optional().describe("Name of the text field in the output (default: the input's)"),
  id_field: fieldName.default('id').describe('Name of the id field written for generated ids'),
  keep_rejected: z
    .boolean()
    .default(false)
    .describe('Write dropped documents to rejected/<stage id>/ with their reason'),
});

export const runtimeSchema = z.strictObject({
  workers: z
    .number()
    .int()
    .min(1)
    .default(() => availableParallelism())
    .describe('Worker threads (default: the number of cores); the output is the same for any count'),
  worker_heap_mb: z
    .number()
    .int()
    .min(64)
    .optional()
    .describe(
      "Memory budget of each worker thread: V8's old-generation limit in MB (default: none, V8's own). A limit " +
        'also makes V8 collect garbage earlier: Parquet → JSONL with 2 workers on 31 MB row groups peaks at ' +
        '408 MB RSS with 1024 against 590 MB without, while JSONL passthrough gets ~15% slower. A task that ' +
        'outgrows it fails with a message to raise it (a single allocation far over the limit, e.g. a ' +
        'document of hundreds of MB, can abort the process instead: a V8 limit). Never changes the output',
    ),
  // Seeds are reduced to 32 bits by the hash (src/text/hash.ts); a larger seed would alias a smaller one.
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(0)
    .describe('Seed of every sampling decision'),
  on_bad_record: z
    .enum(['fail', 'quarantine'])
    .default('fail')
    .describe('fail: stop at the first bad record; quarantine: set it aside in quarantine/ and count it'),
  batch_bytes: byteSize('1MB', 'Decoded bytes per batch handed to stages'),
  task_bytes: byteSize(
    '128MB',
    'Split large uncompressed JSONL files and Parquet row groups into tasks of this size',
  ),
  token_count: z
    .enum(['off', 'sample', 'exact'])
    .default('sample')
    .describe('sample: exact counts on a seeded sample of documents, extrapolated by bytes'),
  token_sample_rate: z
    .number()
    .gt(0)
    .max(1)
    .default(0.005)
    .describe(
      'Share of documents tokenized when token_count is sample (plus the first 32 of each task). 0.5%: gpt-tokenizer counts ~6 MB/s, so 2% cost 14% of a dedup-minhash run; 500 sampled documents already put the tokens/characters ratio within ~1%',
    ),
  tokenizer: z
    .enum(['cl100k_base', 'o200k_base'])
    .default('cl100k_base')
    .describe('Tokenizer used for token counts'),
});

/** One `stages:` entry before its options are checked by the stage's own schema. */
export const stageEntrySchema = z.strictObject({
  stage: z.string().min(1).describe('A registered stage name (datamill stages lists them)'),
  id: z
    .string()
    .regex(STAGE_ID_PATTERN, 'expected an id of letters, digits, - and _ (starting with a letter or digit)')
    .optional()
    .describe('Unique id of this step (default: the stage name); needed when a stage is used twice'),
  options: z.record(z.string(), z.unknown()).optional().describe("The stage's options"),
});

export const recipeSchema = z.strictObject({
  inputs: z.array(inputSchema).min(1).describe('Input files, directories or globs, read in this order'),
  output: outputSchema,
  runtime: runtimeSchema
    .prefault({})
    .describe('How the run executes; only workers and worker_heap_mb leave the output unchanged'),
  stages: z.array(stageEntrySchema).describe('Stages in order; an empty list converts the inputs'),
  checks: checksSchema,
});

/** A recipe after parsing, before stage options are checked and paths resolved. */
export type RecipeDocument = z.output<typeof recipeSchema>;

/** A stage step after its options were parsed by the stage's own schema (defaults applied). */
export interface RecipeStage {
  stage: string;
  /** Unique within the recipe; the stage name unless `id:` was given. */
  id: string;
  options: Record<string, unknown>;
}

/**
 * A parsed recipe: defaults applied, byte sizes as numbers of bytes, `inputs[].path` and `output.dir`
 * absolute (globs not expanded).
 */
export type Recipe = Omit<RecipeDocument, 'stages'> & { stages: RecipeStage[] };

/** Where stage definitions come from: src/stages/registry.ts, or a few fakes in tests. */
export interface StageRegistry {
  getStage(name: string): StageDef | undefined;
  stageNames(): string[];
}

/**
 * The quality model file: one small binary file, little-endian.
 *   0  "DMQC"            magic
 *   4  u32 version       (1)
 *   8  u32 header bytes  h
 *  12  header            UTF-8 JSON {config, bias, training, weights: count}, space-padded to 4 bytes
 *   …  i32[count]        bucket indices of the non-zero weights, ascending
 *   …  f32[count]        their weights
 * Only non-zero weights are stored: a model trained on a few thousand documents touches a small share of
 * its 2^20 buckets. Written atomically; the same model always serialises to the same bytes.
 */
import { readFile } from 'node:fs/promises';
import { DatamillError, inputError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { MAX_WORD_NGRAMS } from './features.js';
import type { ModelConfig, QualityModel, TrainingInfo } from './model.js';

const MAGIC = 'DMQC';
export const MODEL_VERSION = 1;

interface Header {
  config: ModelConfig;
  bias: number;
  training: TrainingInfo;
  weights: number;
}

/** What is wrong with a header's config, or undefined. */
function configProblem(c: ModelConfig | undefined): string | undefined {
  if (typeof c !== 'object' || c === null) return 'no config in the header';
  if (!Number.isInteger(c.bucket_bits) || c.bucket_bits < 1 || c.bucket_bits > 28)
    return `bucket_bits ${String(c.bucket_bits)}, expected 1..28`;
  if (!Number.isInteger(c.word_ngrams) || c.word_ngrams < 1 || c.word_ngrams > MAX_WORD_NGRAMS)
    return `word_ngrams ${String(c.word_ngrams)}, expected 1..${MAX_WORD_NGRAMS}`;
  if (!['words', 'punct', 'whitespace'].includes(c.tokens)) return `tokens ${String(c.tokens)}`;
  if (!['mean', 'sqrt', 'sum'].includes(c.norm)) return `norm ${String(c.norm)}`;
  return undefined;
}

/** The file's bytes for `model`. */
export function encodeModel(model: QualityModel): Uint8Array {
  const w = model.weights;
  let count = 0;
  for (let i = 0; i < w.length; i++) if (w[i] !== 0) count++;
  const header: Header = { config: model.config, bias: model.bias, training: model.training, weights: count };
  let json = JSON.stringify(header);
  json += ' '.repeat((4 - (Buffer.byteLength(json) % 4)) % 4);
  const head = Buffer.from(json, 'utf8');
  const out = Buffer.alloc(12 + head.length + 8 * count);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(MODEL_VERSION, 4);
  out.writeUInt32LE(head.length, 8);
  head.copy(out, 12);
  let at = 12 + head.length;
  let v = at + 4 * count;
  for (let i = 0; i < w.length; i++) {
    if (w[i] === 0) continue;
    out.writeInt32LE(i, at);
    out.writeFloatLE(w[i]!, v);
    at += 4;
    v += 4;
  }
  return out;
}

/** Parses a model file's bytes; errors name `file` and what was expected. */
export function decodeModel(bytes: Uint8Array, file: string): QualityModel {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (what: string) =>
    inputError(
      file,
      `not a valid datamill quality model: ${what} (expected a file written by datamill classifier train)`,
    );
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== MAGIC) throw fail('bad magic bytes');
  const version = buf.readUInt32LE(4);
  if (version !== MODEL_VERSION)
    throw fail(`format version ${version}, this datamill reads ${MODEL_VERSION}`);
  const headLen = buf.readUInt32LE(8);
  if (12 + headLen > buf.length) throw fail('truncated header');
  let header: Header;
  try {
    header = JSON.parse(buf.toString('utf8', 12, 12 + headLen)) as Header;
  } catch (e) {
    throw fail(`header is not JSON (${(e as Error).message})`);
  }
  const bad = configProblem(header.config);
  if (bad !== undefined) throw fail(bad);
  const bits = header.config.bucket_bits;
  const count = header.weights;
  const start = 12 + headLen;
  if (!Number.isInteger(count) || buf.length !== start + 8 * count)
    throw fail(`size ${buf.length} bytes does not match ${String(count)} weights`);
  const weights = new Float32Array(1 << bits);
  for (let k = 0; k < count; k++) {
    const i = buf.readInt32LE(start + 4 * k);
    if (i < 0 || i >= weights.length) throw fail(`weight index ${i} outside 2^${bits} buckets`);
    weights[i] = buf.readFloatLE(start + 4 * (count + k));
  }
  return { config: header.config, weights, bias: header.bias, training: header.training };
}

/** Writes the model atomically (temp file + rename). */
export async function saveModel(model: QualityModel, file: string): Promise<void> {
  await writeFileAtomic(file, encodeModel(model));
}

/** Reads and validates a model file. */
export async function loadModel(file: string): Promise<QualityModel> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new DatamillError('input_missing', `${file}: cannot read quality model (${(e as Error).message})`, {
      cause: e,
    });
  }
  return decodeModel(bytes, file);
}

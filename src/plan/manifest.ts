import { stat } from 'node:fs/promises';
import path from 'node:path';
import { DatamillError, inputError } from '../errors.js';
import { parquetInfo } from '../io/parquet-read.js';
import { sniffFile } from '../io/sniff.js';
import type { Compression, InputFormat } from '../io/types.js';
import { expandPath } from './glob.js';

/** What the planner needs of one recipe input (the recipe's input entries satisfy it). */
export interface InputSpec {
  path: string;
  format?: InputFormat;
  text_field: string;
  id_field: string;
  domain?: string;
}

/** One input file, read only as far as headers and footers. `units` are row groups or record batches. */
export interface ManifestFile {
  input: number;
  path: string;
  /** Path relative to the recipe directory: shown in messages and used in generated ids. */
  shard: string;
  format: InputFormat;
  compression: Compression;
  bytes: number;
  /** Parquet: bytes per row group; Arrow: one entry per record batch (bytes unknown: 0). */
  units?: number[];
}

/** Lists every input file in a stable order (inputs in recipe order, files sorted within an input). */
export async function buildManifest(
  inputs: InputSpec[],
  recipeDir: string,
  warn: (m: string) => void,
): Promise<ManifestFile[]> {
  const files: ManifestFile[] = [];
  for (const [i, input] of inputs.entries()) {
    const paths = await expandPath(input.path);
    const shown = path.relative(process.cwd(), input.path) || input.path;
    if (paths.length === 0) {
      throw new DatamillError(
        'input_missing',
        `inputs[${i}].path: no files match ${shown}, expected a file, directory or glob`,
      );
    }
    for (const p of paths) files.push(await describeFile(i, p, input.format, recipeDir, warn));
  }
  return files;
}

async function describeFile(
  input: number,
  p: string,
  declared: InputFormat | undefined,
  recipeDir: string,
  warn: (m: string) => void,
): Promise<ManifestFile> {
  const shard = path.relative(recipeDir, p);
  const sniffed = await sniffFile(p);
  if (sniffed.warning) warn(sniffed.warning);
  if (declared && declared !== sniffed.format) {
    throw inputError(p, `declared format ${declared}, but the file's bytes say ${sniffed.format}`);
  }
  const { size } = await stat(p);
  const file: ManifestFile = {
    input,
    path: p,
    shard,
    format: sniffed.format,
    compression: sniffed.compression,
    bytes: size,
  };
  if (sniffed.format === 'parquet') {
    const info = await parquetInfo(p, shard);
    file.units = info.rowGroups.map((g) => g.compressedBytes);
  } else if (sniffed.format === 'arrow') {
    // apache-arrow costs ~0.1 s to load; only runs with Arrow inputs pay for it.
    const { arrowInfo } = await import('../io/arrow-read.js');
    const info = await arrowInfo(p, shard);
    file.units = new Array<number>(info.batches).fill(0);
  }
  return file;
}

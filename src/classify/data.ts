/**
 * Labelled examples for `classifier train` and `eval`: rows of JSONL/Parquet/Arrow files with a label field,
 * or two lists of files of positive and negative documents (DCLM's fastText training setup). A seeded
 * hold-out split by row index lets `train` and `eval` with the same flags see complementary sets.
 */
import { DatamillError, usageError } from '../errors.js';
import { fileRows } from '../io/file-rows.js';
import { expandPath } from '../plan/glob.js';
import { unitHash } from '../text/hash.js';
import type { Example } from './train.js';

/** Where the examples come from: `files` with `label_field`, or `pos` and `neg` files. */
export interface ExampleSource {
  files: string[];
  pos: string[];
  neg: string[];
  text_field: string;
  label_field: string | null;
  /** A label equal to this (as a string) is positive, any other negative; null accepts 1/0 and true/false. */
  positive: string | null;
}

/** 1 for a positive label, 0 for a negative one, undefined for a value that needs `positive`. */
export function labelValue(v: unknown, positive: string | null): number | undefined {
  const s =
    typeof v === 'bigint' ? v.toString() : typeof v === 'number' || typeof v === 'boolean' ? String(v) : v;
  if (positive !== null) return s === positive ? 1 : 0;
  if (s === '1' || s === 'true') return 1;
  if (s === '0' || s === 'false') return 0;
  return undefined;
}

/** Every file of paths, directories and globs, in argument order (each expansion sorted). */
export async function expandInputs(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const files = await expandPath(p);
    if (files.length === 0)
      throw new DatamillError('input_missing', `${p}: no such file, directory or glob match`);
    out.push(...files);
  }
  return out;
}

/** Reads every example of `src`, in file order then row order (the order the hold-out split indexes). */
export async function loadExamples(src: ExampleSource, warn: (m: string) => void): Promise<Example[]> {
  const posNeg = src.pos.length + src.neg.length > 0;
  if (posNeg && src.files.length > 0) throw usageError('give either labelled FILES or --pos/--neg, not both');
  if (posNeg && (src.pos.length === 0 || src.neg.length === 0))
    throw usageError('--pos and --neg go together: give both positive and negative examples');
  if (!posNeg && src.files.length === 0)
    throw usageError('no examples: give labelled FILES or --pos and --neg');
  if (!posNeg && src.label_field === null) throw usageError('labelled FILES need --label-field');
  const out: Example[] = [];
  let skipped = 0;
  const bad: string[] = [];
  const read = async (file: string, fixed: number | undefined) => {
    let row = 0;
    for await (const batch of fileRows(file, warn)) {
      for (const b of batch.bad) bad.push(`${b.where}: ${b.message}`);
      for (const r of batch.rows) {
        const text = r[src.text_field];
        const y = fixed ?? labelOf(r, src, file, row);
        row++;
        if (typeof text !== 'string') skipped++;
        else out.push({ text, y });
      }
    }
  };
  if (posNeg) {
    for (const f of await expandInputs(src.pos)) await read(f, 1);
    for (const f of await expandInputs(src.neg)) await read(f, 0);
  } else {
    for (const f of await expandInputs(src.files)) await read(f, undefined);
  }
  if (bad.length > 0) warn(`classifier: skipped ${bad.length} bad records, the first: ${bad[0]}`);
  if (skipped > 0) warn(`classifier: skipped ${skipped} rows without a string field "${src.text_field}"`);
  return out;
}

function labelOf(r: Record<string, unknown>, src: ExampleSource, file: string, row: number): number {
  const field = src.label_field as string;
  const y = labelValue(r[field], src.positive);
  if (y === undefined)
    throw new DatamillError(
      'input_format',
      `${file}#${row}: label field "${field}" is ${JSON.stringify(r[field]) ?? 'missing'}, expected 1/0 or true/false ` +
        '(give --positive VALUE for other labels)',
    );
  return y;
}

/**
 * The hold-out side of example `i`: true when `unitHash(seed, "holdout/<i>") < holdout`. `train` keeps the
 * other side, so train and eval with the same seed and share never share an example.
 */
export function inHoldout(i: number, holdout: number, seed: number): boolean {
  return holdout > 0 && unitHash(seed, `holdout/${i}`) < holdout;
}

/** The training side (`side` 'train') or the hold-out side ('holdout') of the split; holdout 0 = all. */
export function splitSide<T>(
  items: readonly T[],
  holdout: number,
  seed: number,
  side: 'train' | 'holdout',
): T[] {
  if (holdout === 0) return items.slice();
  return items.filter((_, i) => inHoldout(i, holdout, seed) === (side === 'holdout'));
}

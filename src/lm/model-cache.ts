/** Models loaded in this thread, keyed by absolute path, mtime and size: tasks of a run load a model once. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { DatamillError } from '../errors.js';
import { loadArpa } from './arpa-read.js';
import type { NgramModel } from './model.js';

const cache = new Map<string, Promise<NgramModel>>();

/**
 * The model at `file` (relative paths resolve from the working directory), loading it on first use in this
 * thread. A changed file (mtime or size) is loaded again; a failed load is not cached.
 */
export async function cachedModel(file: string, warn: (m: string) => void): Promise<NgramModel> {
  const abs = path.resolve(file);
  let st: { mtimeMs: number; size: number };
  try {
    st = await stat(abs);
  } catch (err) {
    throw new DatamillError(
      'input_missing',
      `${file}: model file not found (${abs}), expected an ARPA file`,
      {
        cause: err,
      },
    );
  }
  const key = `${abs}\u0000${st.mtimeMs}\u0000${st.size}`;
  let p = cache.get(key);
  if (p === undefined) {
    p = loadArpa(abs, { warn });
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

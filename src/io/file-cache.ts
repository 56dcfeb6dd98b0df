/**
 * Per-thread cache of what is loaded from files (language models, classifiers), keyed by absolute path,
 * mtime, size and a variant: the tasks of a run running in one worker thread load a file once; a changed
 * file is loaded again; a failed load is not cached.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { DatamillError } from '../errors.js';

const cache = new Map<string, Promise<unknown>>();

/**
 * `load(absolutePath)` once per file version and `variant`; relative paths resolve from the working
 * directory. `expected` completes the error when the file is missing ("expected an ARPA file").
 */
export async function cachedLoad<T>(
  file: string,
  expected: string,
  load: (abs: string) => Promise<T>,
  variant = '',
): Promise<T> {
  const abs = path.resolve(file);
  let key: string;
  try {
    const st = await stat(abs);
    key = `${abs}\0${st.mtimeMs}\0${st.size}\0${variant}`;
  } catch (err) {
    throw new DatamillError('input_missing', `${file}: not found (${abs}), ${expected}`, { cause: err });
  }
  let p = cache.get(key) as Promise<T> | undefined;
  if (p === undefined) {
    p = load(abs);
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

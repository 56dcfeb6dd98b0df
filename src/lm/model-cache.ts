/** Models loaded in this thread (src/io/file-cache.ts): tasks of a run load a model once. */
import { cachedLoad } from '../io/file-cache.js';
import { type ArpaLoadOptions, loadArpa } from './arpa-read.js';
import type { NgramModel } from './model.js';

/** The model at `file` (relative paths resolve from the working directory), loaded on first use. */
export function cachedModel(file: string, options: ArpaLoadOptions): Promise<NgramModel> {
  return cachedLoad(
    file,
    'expected an ARPA file',
    (abs) => loadArpa(abs, options),
    options.missingMarkers ?? 'error',
  );
}

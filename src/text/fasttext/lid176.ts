/**
 * The lid.176 language-ID model (fastText, CC BY-SA 3.0, Joulin et al. 2016) as shipped inside the
 * fasttext.wasm.js package, run by the TypeScript predictor instead of the WebAssembly binding.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FastTextClassifier } from './predict.js';

/** Path of lid.176.ftz inside the installed fasttext.wasm.js (its exports map allows `./*`). */
export function lid176Path(): string {
  return createRequire(import.meta.url).resolve(
    'fasttext.wasm.js/dist/models/language-identification/assets/lid.176.ftz',
  );
}

let model: FastTextClassifier | undefined;

/**
 * The model, read and parsed on first call and shared by later calls on this thread. Labels come without
 * `__label__`; newlines are ordinary separators (the whole text is classified, as lid.ts wants).
 */
export function loadLid176(): FastTextClassifier {
  model ??= FastTextClassifier.fromBytes(readFileSync(lid176Path()), {
    labelPrefix: '__label__',
    joinLines: true,
  });
  return model;
}

/**
 * The native twin of `FastTextClassifier.computeHidden` (src/native/fasttext_hidden.cc): same tokens, same
 * rows, same float32/float64 rounding, so the vectors are bit-identical (test/native/fasttext-hidden.test.ts);
 * ~2x faster on web text with a warm token cache, 3x cold (`npm run bench -- --suite lid`).
 */
import { nativeAddon } from '../../native/addon.js';
import { nativeText } from '../../native/loaded-text.js';
import { ENTRY_LABEL, type FastTextModelData } from './model-file.js';

/** Fills `out` with the hidden vector of `text`; returns the rows averaged (0 = none, `out` untouched). */
export type HiddenOf = (text: string, out: Float32Array) => number;

/**
 * A native hidden-layer function for `model` (its dequantized input matrix `input`), or undefined when the
 * addon is not available or the model uses word n-grams (not implemented natively).
 */
export function nativeHidden(
  model: FastTextModelData,
  input: Float32Array,
  joinLines: boolean,
  cacheEntries: number,
): HiddenOf | undefined {
  const addon = nativeAddon();
  if (addon === undefined || model.args.wordNgrams > 1) return undefined;
  const { args, dict } = model;
  const total = dict.words.reduce((n, w) => n + w.length, 0);
  const words = new Uint8Array(total);
  const wordEnds = new Int32Array(dict.size);
  let at = 0;
  for (let i = 0; i < dict.size; i++) {
    words.set(dict.words[i]!, at);
    at += dict.words[i]!.length;
    wordEnds[i] = at;
  }
  const labels = Uint8Array.from(dict.types, (t) => (t === ENTRY_LABEL ? 1 : 0));
  const shape = {
    dim: args.dim,
    nwords: dict.nwords,
    minn: args.minn,
    maxn: args.maxn,
    bucket: args.bucket,
    pruneSize: dict.pruneidxSize,
    joinLines,
  };
  const handle = addon.fastTextHidden(shape, input, dict.pruneidx, words, wordEnds, labels, cacheEntries);
  return (text, out) => addon.fastTextHiddenOf(handle, nativeText(addon, text), out);
}

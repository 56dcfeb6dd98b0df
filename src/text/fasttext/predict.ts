/**
 * fastText supervised-model inference (`FastText::predictLine`) in TypeScript, for `.bin` and quantized
 * `.ftz` models, written from the behaviour of facebookresearch/fastText (MIT): model.cc `computeHidden`,
 * loss.cc (output-layer.ts), productquantizer.cc (matrices.ts), dictionary.cc (dictionary.ts).
 *
 * Line semantics are those of the Python / WebAssembly bindings, which feed `text + "\n"`: tokens split on
 * ' ' \n \t \v \f \r \0, the first line only (unless `joinLines`), then `</s>`. The text is scanned as
 * UTF-16; a token is encoded to UTF-8 only on a cache miss (token-rows.ts).
 *
 * Numerics: each token's input rows are summed in float32 in fastText's order (token-rows.ts), token sums are
 * added in token order in float64 and the total rounded to float32, where fastText goes on summing the line's
 * rows in float32; everything after the hidden layer is emulated in float32 (Math.fround). Scores differ from
 * fastText's by ~1e-7.
 */
import { EOS_BYTES, FNV_OFFSET, fastTextHash } from './dictionary.js';
import { addEntries } from './hidden-sum.js';
import { dequantize, outputRows } from './matrices.js';
import { ENTRY_LABEL, type FastTextModelData, MODEL, parseFastTextModel } from './model-file.js';
import { type HiddenOf, nativeHidden } from './native-hidden.js';
import { type FastTextPrediction, OutputLayer } from './output-layer.js';
import { MAX_KEY, ROWS, TokenCache, WORD_HASH } from './token-cache.js';
import { LABEL_LIKE, TokenRows } from './token-rows.js';

const f32 = Math.fround;
const FNV_PRIME = 16777619;
const GOLDEN = 0x9e3779b1;

export type { FastTextPrediction };

export interface FastTextOptions {
  /** Strip this prefix from label names (e.g. `__label__`); labels without it are kept whole. */
  labelPrefix?: string;
  /** Treat '\n' as a plain separator (predict on the whole text) instead of ending the line there. */
  joinLines?: boolean;
  /**
   * Out-of-vocabulary tokens to cache (default 200,000, ~150 B each: ~30 MB; room for the ~157k distinct ones
   * of the bench's English web text). 0 computes every such token afresh (the reference path the
   * tests compare the cache with).
   */
  cacheSize?: number;
  /**
   * Compute the hidden layer with the native addon when it is built (default true; bit-identical to this
   * class's TypeScript path, which `false` forces).
   */
  native?: boolean;
}

export class FastTextClassifier {
  readonly dim: number;
  readonly nlabels: number;
  /** Label names in the model's order (prefix stripped when `labelPrefix` was given). */
  readonly labels: readonly string[];
  readonly args: FastTextModelData['args'];

  private readonly rows: TokenRows;
  private readonly cache: TokenCache;
  private readonly layer: OutputLayer;
  private readonly joinLines: boolean;
  private readonly cacheTokens: boolean;
  /** Cache entry of `</s>` (pinned; 0 rows when the dictionary lacks it). */
  private readonly eos: number;
  private readonly ngrams: boolean;
  /** The native hidden layer, when in use (then the TypeScript token cache stays empty). */
  private readonly nativeHidden: HiddenOf | undefined;

  // Scratch, reused across calls: pending entries (summed in order by `flush`), word hashes for word n-grams.
  private ids = new Int32Array(1024);
  private tokStart = new Int32Array(1024);
  private tokEnd = new Int32Array(1024);
  private tokHash = new Int32Array(1024);
  private touched = 0;
  private hashes = new Int32Array(256);
  private nhashes = 0;
  private readonly sum: Float64Array;
  private readonly tokenSum: Float32Array;
  private readonly hidden: Float32Array;

  static fromBytes(bytes: Uint8Array, options: FastTextOptions = {}): FastTextClassifier {
    return new FastTextClassifier(parseFastTextModel(bytes), options);
  }

  constructor(model: FastTextModelData, options: FastTextOptions = {}) {
    const { args, dict } = model;
    if (args.model !== MODEL.sup) throw new Error('fastText: only supervised models can predict');
    if (model.input.m !== dict.nwords + (dict.pruneidxSize >= 0 ? dict.pruneidxSize : args.bucket)) {
      throw new Error(`fastText: input matrix has ${model.input.m} rows for ${dict.nwords} words + buckets`);
    }
    this.args = args;
    this.dim = args.dim;
    this.nlabels = dict.nlabels;
    this.joinLines = options.joinLines ?? false;
    this.ngrams = args.wordNgrams > 1;
    const input = dequantize(model.input);
    this.rows = new TokenRows(args, dict, input, this.dim);

    const decoder = new TextDecoder();
    const prefix = options.labelPrefix;
    const labels: string[] = [];
    const counts: number[] = [];
    for (let i = dict.nwords; i < dict.size; i++) {
      const name = decoder.decode(dict.words[i]!);
      labels.push(prefix !== undefined && name.startsWith(prefix) ? name.slice(prefix.length) : name);
      counts.push(dict.counts[i]!);
    }
    this.labels = labels;
    this.layer = new OutputLayer(outputRows(model.output), args.loss, labels, counts, this.dim);
    this.sum = new Float64Array(this.dim);
    this.tokenSum = new Float32Array(this.dim);
    this.hidden = new Float32Array(this.dim);

    const cacheSize = Math.max(0, Math.floor(options.cacheSize ?? 200_000));
    this.nativeHidden =
      options.native === false ? undefined : nativeHidden(model, input, this.joinLines, cacheSize);
    this.cacheTokens = this.nativeHidden === undefined && cacheSize > 0;
    if (this.nativeHidden === undefined) {
      const words = dict.words.map((w) => decoder.decode(w));
      const units = words.reduce((n, w) => n + w.length, 4);
      this.cache = new TokenCache(this.dim, dict.size + 1, units, cacheSize);
      this.eos = this.pinDictionary(model, words);
    } else {
      // The native side pins its own dictionary: this path's cache is never read (a third of the load time).
      this.cache = new TokenCache(this.dim, 0, 0, 0);
      this.eos = 0;
    }
  }

  /**
   * `predict(text, k, threshold)` of the fastText bindings: the top `k` labels (-1 = all) with probability
   * ≥ threshold, best first. An empty row set (no `</s>` in the model and no known token) gives [].
   */
  predict(text: string, k = 1, threshold = 0): FastTextPrediction[] {
    if (this.computeHidden(text) === 0) return [];
    return this.layer.predict(this.hidden, k, threshold);
  }

  /** The float32 hidden vector of `text` (average of its input rows) — for tests; a view reused per call. */
  hiddenOf(text: string): Float32Array | undefined {
    return this.computeHidden(text) === 0 ? undefined : this.hidden;
  }

  /**
   * Fills `this.hidden`; returns the number of input rows averaged (0 = fastText predicts nothing). In passes,
   * so the memory latency of a text's rarer tokens overlaps: (1) split and hash, touching each token's slot;
   * (2) read each token's slot, touching the entry it names; (3) check the entries' keys (or compute and add
   * the token) and sum their vectors.
   */
  private computeHidden(text: string): number {
    if (this.nativeHidden !== undefined) return this.nativeHidden(text, this.hidden);
    const ntok = this.split(text);
    const { tokStart, tokEnd, tokHash, ids, cache } = this;
    const free = cache.capacity - cache.pinned;
    // Compact between texts only (it renumbers entries), when more than half full and this text may not fit.
    if (this.cacheTokens && cache.size + Math.min(ntok, free >> 1) > cache.capacity) cache.compact();
    this.probe(ntok);
    const eos = this.eos;
    this.sum.fill(0);
    this.nhashes = 0;
    let rows = 0;
    let n = 0;
    let t = 0;
    let added = false;
    for (; t < ntok; t++) {
      const start = tokStart[t]!;
      const end = tokEnd[t]!;
      let e = ids[t]!;
      // Pass 2 saw the cache before this pass added the text's new tokens (a second "foo" must find the first).
      if (e < 0 ? added : !cache.matches(e, text, start, end)) e = cache.find(text, start, end, tokHash[t]!);
      if (e >= 0) cache.hit(e);
      else if (this.cacheTokens && end - start <= MAX_KEY && cache.hasRoom(end - start)) {
        e = cache.add(text, start, end, tokHash[t]!);
        added = true;
        const m = e * cache.stride + this.dim;
        cache.ints[m + ROWS] = this.rows.oov(text, start, end, cache.vecs, e * cache.stride);
        cache.ints[m + WORD_HASH] = this.rows.hash;
      } else {
        rows += this.flush(n) + this.addUncached(text, start, end);
        n = 0;
        continue;
      }
      ids[n++] = e; // n ≤ t: pass 3 overwrites only slots it has read
      if (e === eos) break; // a literal `</s>` ends the line, as in fastText
    }
    if (t === ntok) ids[n++] = eos;
    rows += this.flush(n);
    if (this.ngrams) rows += this.addWordNgrams();
    if (rows === 0) return 0;
    const scale = f32(1 / rows);
    for (let d = 0; d < this.dim; d++) this.hidden[d] = f32(this.sum[d]!) * scale;
    return rows;
  }

  /**
   * `readWord` over a text: tokens split on ' ' \n \t \v \f \r \0, up to the first '\n' unless joinLines,
   * into tokStart/tokEnd/tokHash (probe hash: FNV-1a over code units); touches each token's first slot.
   */
  private split(text: string): number {
    const len = text.length;
    if (this.ids.length < (len >> 1) + 2) this.grow((len >> 1) + 2);
    const { tokStart, tokEnd, tokHash, joinLines } = this;
    const slots = this.cache.slots;
    const shift = this.cache.shift;
    let touch = 0;
    let ntok = 0;
    let i = 0;
    for (;;) {
      let c = 0;
      for (; i < len; i++) {
        c = text.charCodeAt(i);
        if (c > 0x20 || (c !== 0x20 && (c < 0x09 || c > 0x0d) && c !== 0)) break;
        if (c === 0x0a && !joinLines) {
          this.touched = touch;
          return ntok;
        }
      }
      if (i >= len) break;
      const start = i;
      let h = FNV_OFFSET;
      for (; i < len; i++) {
        c = text.charCodeAt(i);
        if (c <= 0x20 && (c === 0x20 || (c <= 0x0d && (c >= 0x09 || c === 0)))) break;
        h = Math.imul(h ^ c, FNV_PRIME);
      }
      touch ^= slots[Math.imul(h, GOLDEN) >>> shift]!;
      tokStart[ntok] = start;
      tokEnd[ntok] = i;
      tokHash[ntok++] = h;
    }
    this.touched = touch;
    return ntok;
  }

  /**
   * ids[t] = the entry named by the first slot of token t whose tag matches its hash (its key still unchecked),
   * or -1 when an empty slot comes first (not cached); touches each such entry (both lines of dim 16).
   */
  private probe(ntok: number): void {
    const { tokHash, ids, cache } = this;
    const { slots, shift, emask, ints, stride } = cache;
    const mask = slots.length - 1;
    const keyAt = this.dim + 2;
    let touch = 0;
    for (let t = 0; t < ntok; t++) {
      const h = tokHash[t]!;
      const tag = h & ~emask;
      let e = -1;
      for (let p = Math.imul(h, GOLDEN) >>> shift; ; p = (p + 1) & mask) {
        const s = slots[p]!;
        if (s === 0) break;
        if ((s & ~emask) === tag) {
          e = (s & emask) - 1;
          touch ^= ints[e * stride + keyAt]! ^ ints[e * stride]!; // the key's line and the vector's
          break;
        }
      }
      ids[t] = e;
    }
    this.touched ^= touch;
  }

  private grow(n: number): void {
    const cap = Math.max(n, this.ids.length * 2);
    this.ids = new Int32Array(cap);
    this.tokStart = new Int32Array(cap);
    this.tokEnd = new Int32Array(cap);
    this.tokHash = new Int32Array(cap);
  }

  /** Adds entries ids[0..n) to the sum (and their word hashes, for word n-grams); returns their rows. */
  private flush(n: number): number {
    const { ints, vecs, stride } = this.cache;
    const dim = this.dim;
    if (this.ngrams)
      for (let t = 0; t < n; t++) {
        const m = this.ids[t]! * stride + dim;
        this.pushHash(ints[m + WORD_HASH]!, ints[m + ROWS]!);
      }
    return addEntries(this.sum, vecs, ints, stride, this.ids, n, dim);
  }

  /** `Dictionary::addWordNgrams`: adds the rows of the line's word n-grams to the sum; returns their count. */
  private addWordNgrams(): number {
    const { sum, dim } = this;
    const input = this.rows.input;
    let rows = 0;
    this.rows.sub.wordNgramRows(this.hashes, this.nhashes, (row) => {
      for (let d = 0; d < dim; d++) sum[d] = sum[d]! + input[row * dim + d]!;
      rows++;
    });
    return rows;
  }

  /** Adds a token that is not cached (too long, or no room) to the sum; returns its rows. */
  private addUncached(text: string, start: number, end: number): number {
    const r = this.rows.oov(text, start, end, this.tokenSum, 0);
    if (this.ngrams) this.pushHash(this.rows.hash, r);
    if (r <= 0) return 0;
    for (let d = 0; d < this.dim; d++) this.sum[d] = this.sum[d]! + this.tokenSum[d]!;
    return r;
  }

  /** Word hashes (label-like tokens are not words) for `addWordNgrams`. */
  private pushHash(hash: number, rows: number): void {
    if (rows === LABEL_LIKE) return;
    if (this.nhashes === this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[this.nhashes++] = hash;
  }

  /** Pins the dictionary (and `</s>`, even when the dictionary lacks it); returns the entry of `</s>`. */
  private pinDictionary(model: FastTextModelData, words: string[]): number {
    const { dict } = model;
    const cache = this.cache;
    const encoder = new TextEncoder();
    const eosWord = '</s>';
    const key = (w: string) => {
      let h = FNV_OFFSET;
      for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), FNV_PRIME);
      return h;
    };
    for (let i = 0; i < dict.size; i++) {
      const w = words[i]!;
      // A word whose bytes are not valid UTF-8 never equals a token of a JS string: leave it out.
      if (cache.find(w, 0, w.length, key(w)) >= 0 || !equalBytes(encoder.encode(w), dict.words[i]!)) continue;
      const e = cache.add(w, 0, w.length, key(w));
      const m = e * cache.stride + this.dim;
      cache.ints[m + ROWS] =
        dict.types[i] === ENTRY_LABEL
          ? LABEL_LIKE
          : this.rows.word(dict.words[i]!, i, w === eosWord, cache.vecs, e * cache.stride);
      cache.ints[m + WORD_HASH] = fastTextHash(dict.words[i]!);
    }
    let eos = cache.find(eosWord, 0, eosWord.length, key(eosWord));
    if (eos < 0) {
      eos = cache.add(eosWord, 0, eosWord.length, key(eosWord));
      const m = eos * cache.stride + this.dim;
      cache.ints[m + ROWS] = 0;
      cache.ints[m + WORD_HASH] = fastTextHash(EOS_BYTES);
    }
    cache.pin();
    return eos;
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

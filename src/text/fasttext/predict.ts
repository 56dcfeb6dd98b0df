/**
 * fastText supervised-model inference (`FastText::predictLine`) in TypeScript, for `.bin` and quantized
 * `.ftz` models, written from the behaviour of facebookresearch/fastText (MIT): model.cc `computeHidden`,
 * loss.cc (hierarchical softmax DFS, softmax, one-vs-all / negative sampling), productquantizer.cc.
 *
 * Line semantics are those of the Python / WebAssembly bindings, which feed `text + "\n"`: tokens split on
 * ' ' \n \t \v \f \r \0 (bytes of the UTF-8 text), the first line only (unless `joinLines`), then `</s>`.
 *
 * Numerics: each token's summed input rows are cached as float64 (in-vocabulary words at load, other tokens
 * on first sight, per instance), so the hidden layer is a float64 sum rounded to float32, where fastText sums
 * in float32 row by row; everything after the hidden layer (dot products, sigmoid, logs) is emulated in
 * float32 with Math.fround. Scores therefore differ from fastText's by float rounding only (~1e-7).
 */
import {
  EOS_BYTES,
  FNV_OFFSET,
  fastTextHash,
  LABEL_PREFIX_BYTES,
  SubwordIds,
  startsWithBytes,
} from './dictionary.js';
import { dequantize, type OutputRows, outputRows } from './matrices.js';
import { ENTRY_LABEL, type FastTextModelData, MODEL, parseFastTextModel } from './model-file.js';
import { type FastTextPrediction, OutputLayer } from './output-layer.js';

const f32 = Math.fround;
const FNV_PRIME = 16777619;

export type { FastTextPrediction };

export interface FastTextOptions {
  /** Strip this prefix from label names (e.g. `__label__`); labels without it are kept whole. */
  labelPrefix?: string;
  /** Treat '\n' as a plain separator (predict on the whole text) instead of ending the line there. */
  joinLines?: boolean;
  /** How many distinct out-of-vocabulary tokens to cache before the cache is cleared (default 65,536). */
  cacheSize?: number;
}

/**
 * Token cache geometry: WAYS slots per set; a slot is one record of 64 bytes + its vector (dim float64s),
 * rounded up to 64 bytes: int32 hash, byte length (-1 = empty), input-row count (-1 = label-like, ignored),
 * pool offset of the key (-1 = inline), then up to INLINE key bytes, then the vector — one contiguous run of
 * cache lines (and one page) per token. Longer unpinned tokens go uncached.
 */
const WAYS = 4;
const INLINE = 48;

export class FastTextClassifier {
  readonly dim: number;
  readonly nlabels: number;
  /** Label names in the model's order (prefix stripped when `labelPrefix` was given). */
  readonly labels: readonly string[];
  readonly args: FastTextModelData['args'];

  private readonly sub: SubwordIds;
  private readonly inputRows: Float32Array;
  private readonly out: OutputRows;
  private readonly layer: OutputLayer;
  private readonly joinLines: boolean;

  // Huffman tree (hierarchical softmax): children of node i (≥ nlabels) at left[i], right[i]; -1 for leaves.

  // Token cache: set-associative on fastText's word hash, keys compared bytewise. It persists across calls
  // and is never wiped: the dictionary's words are pinned; an out-of-vocabulary token replaces another one
  // of its set (round robin), so frequent tokens (Zipf) stay. Slot s's record starts at meta[rec*s] (see
  // WAYS); metaBytes and vec view the same memory; vec[rec*s/2 + 8 ..) = the float64 sum of its input rows.
  private readonly meta: Int32Array;
  private readonly metaBytes: Uint8Array;
  private readonly pinned: Uint8Array;
  /** Keys of pinned words longer than INLINE bytes. */
  private readonly pool: Uint8Array;
  private readonly vec: Float64Array;
  /** Int32s per cache record. */
  private readonly rec: number;
  private readonly setShift: number;
  /** Slot used for a token that could not be cached (vector computed afresh each time). */
  private readonly scratchSlot: number;
  private victim = 0;
  /** Per slot: the computeHidden call (epoch) that last used it; such a slot is not evicted in that call. */
  private stamp: Int32Array = new Int32Array(0);
  private epoch = 0;
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: a sink, so pass (2)'s loads are not dead code
  private touched = 0;
  private scratchRows = 0;
  private tokStart = new Int32Array(256);
  private tokEnd = new Int32Array(256);
  private tokHash = new Int32Array(256);
  private tokSlot = new Int32Array(256);
  private eosSlot = -1;

  // Scratch, reused across calls.
  private text = new Uint8Array(1 << 16);
  private word = new Uint8Array(256);
  private rowIds = new Int32Array(1024);
  private wordHashes = new Int32Array(256);
  private readonly sum: Float64Array;
  private readonly hidden: Float32Array;
  private readonly encoder = new TextEncoder();

  static fromBytes(bytes: Uint8Array, options: FastTextOptions = {}): FastTextClassifier {
    return new FastTextClassifier(parseFastTextModel(bytes), options);
  }

  constructor(model: FastTextModelData, options: FastTextOptions = {}) {
    const { args, dict } = model;
    if (args.model !== MODEL.sup) throw new Error('fastText: only supervised models can predict');
    this.args = args;
    this.dim = args.dim;
    this.nlabels = dict.nlabels;
    this.joinLines = options.joinLines ?? false;
    this.sub = new SubwordIds(args, dict);
    this.inputRows = dequantize(model.input);
    this.out = outputRows(model.output);
    if (model.input.m !== dict.nwords + (dict.pruneidxSize >= 0 ? dict.pruneidxSize : args.bucket)) {
      throw new Error(`fastText: input matrix has ${model.input.m} rows for ${dict.nwords} words + buckets`);
    }

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

    this.layer = new OutputLayer(this.out, args.loss, labels, counts, this.dim);

    this.sum = new Float64Array(this.dim);
    this.hidden = new Float32Array(this.dim);

    // Token cache, pre-filled (pinned) with the dictionary and `</s>` (even when the dictionary lacks it).
    const want = dict.size + 1 + Math.max(1024, options.cacheSize ?? 65_536);
    let sets = 16;
    while (sets * WAYS < want * 1.5) sets <<= 1;
    for (;;) {
      // A set with more than WAYS dictionary words: double the table (practically never).
      const bins = new Uint8Array(sets);
      const shift = Math.clz32(sets) + 1;
      let ok = ++bins[Math.imul(fastTextHash(EOS_BYTES), 0x9e3779b1) >>> shift]! <= WAYS;
      for (let i = 0; i < dict.size && ok; i++)
        ok = ++bins[Math.imul(fastTextHash(dict.words[i]!), 0x9e3779b1) >>> shift]! <= WAYS;
      if (ok || sets >= 1 << 24) break;
      sets <<= 1;
    }
    const slots = sets * WAYS;
    this.setShift = Math.clz32(sets) + 1;
    this.scratchSlot = slots;
    this.rec = 16 * Math.ceil((64 + 8 * this.dim) / 64);
    const records = new ArrayBuffer((slots + 1) * this.rec * 4);
    this.meta = new Int32Array(records);
    this.metaBytes = new Uint8Array(records);
    this.vec = new Float64Array(records);
    for (let s = 0; s <= slots; s++) this.meta[this.rec * s + 1] = -1;
    this.pinned = new Uint8Array(slots);
    this.stamp = new Int32Array(slots + 1);
    let poolLen = 0;
    for (let i = 0; i < dict.size; i++) if (dict.words[i]!.length > INLINE) poolLen += dict.words[i]!.length;
    this.pool = new Uint8Array(poolLen);
    let pool = 0;
    const pin = (w: Uint8Array, h: number): number => {
      const base = (Math.imul(h, 0x9e3779b1) >>> this.setShift) * WAYS;
      let s = base;
      while (this.meta[this.rec * s + 1]! >= 0) s++;
      if (s >= base + WAYS) throw new Error('fastText: token cache set overflow');
      this.meta[this.rec * s] = h;
      this.meta[this.rec * s + 1] = w.length;
      if (w.length > INLINE) {
        this.pool.set(w, pool);
        this.meta[this.rec * s + 3] = pool;
        pool += w.length;
      } else {
        this.metaBytes.set(w, (this.rec * s + 4) * 4);
        this.meta[this.rec * s + 3] = -1;
      }
      this.pinned[s] = 1;
      return s;
    };
    for (let i = 0; i < dict.size; i++) {
      const w = dict.words[i]!;
      const s = pin(w, fastTextHash(w));
      if (dict.types[i] === ENTRY_LABEL) {
        this.meta[this.rec * s + 2] = -1;
        continue;
      }
      const eos = equalBytes(w, EOS_BYTES);
      // initNgrams: the word's own row, then its char n-grams (none for `</s>`), unless maxn ≤ 0.
      let n = 0;
      this.rowIds[n++] = i;
      if (!eos && args.maxn > 0) n = this.bracketedSubwords(w, 0, w.length, n);
      this.accumulate(s, n);
      if (eos) this.eosSlot = s;
    }
    if (this.eosSlot < 0) this.eosSlot = pin(EOS_BYTES, fastTextHash(EOS_BYTES)); // 0 rows
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
   * Fills `this.hidden`; returns the number of input rows averaged (0 = fastText predicts nothing).
   *
   * In passes, so the cache misses of a text's tokens overlap instead of queuing behind the byte loop's
   * branches: (1) split and hash every token; (2) touch each token's cache set; (3) find or add each token's
   * slot; (4) sum the slots' vectors (a branch-free loop, whose loads the CPU issues ahead).
   */
  private computeHidden(text: string): number {
    if (this.text.length < text.length * 3)
      this.text = new Uint8Array(Math.max(text.length * 3, this.text.length * 2));
    const buf = this.text;
    const len = this.encoder.encodeInto(text, buf).written;
    if (this.tokStart.length < (len >> 1) + 2) {
      const cap = Math.max((len >> 1) + 2, this.tokStart.length * 2);
      this.tokStart = new Int32Array(cap);
      this.tokEnd = new Int32Array(cap);
      this.tokHash = new Int32Array(cap);
      this.tokSlot = new Int32Array(cap);
    }
    const tokStart = this.tokStart;
    const tokEnd = this.tokEnd;
    const tokHash = this.tokHash;
    const tokSlot = this.tokSlot;
    const joinLines = this.joinLines;
    this.sum.fill(0);
    this.scratchRows = 0;
    const epoch = ++this.epoch;
    const stamp = this.stamp;

    // (1) readWord: skip separators; '\n' ends the line (unless joinLines); `</s>` is appended after.
    let ntok = 0;
    let i = 0;
    for (;;) {
      let c = 0;
      while (i < len) {
        c = buf[i]!;
        if (c === 0x20 || (c <= 0x0d && (c >= 0x09 || c === 0))) {
          if (c === 0x0a && !joinLines) break;
          i++;
        } else break;
      }
      if (i >= len || (c === 0x0a && !joinLines)) break;
      const start = i;
      let h = FNV_OFFSET;
      for (; i < len; i++) {
        c = buf[i]!;
        if (c === 0x20 || (c <= 0x0d && (c >= 0x09 || c === 0))) break;
        h = Math.imul(h ^ ((c << 24) >> 24), FNV_PRIME);
      }
      tokStart[ntok] = start;
      tokEnd[ntok] = i;
      tokHash[ntok++] = h;
    }

    // (2) Touch each token's set (its first record) so the misses are in flight together.
    const meta = this.meta;
    const rec = this.rec;
    const setShift = this.setShift;
    let touch = 0;
    for (let t = 0; t < ntok; t++)
      touch ^= meta[(Math.imul(tokHash[t]!, 0x9e3779b1) >>> setShift) * WAYS * rec]!;
    this.touched = touch;

    // (3) Slots. A literal `</s>` token ends the line, as in fastText.
    const keys = this.metaBytes;
    const eosSlot = this.eosSlot;
    let used = 0;
    for (; used < ntok; used++) {
      const start = tokStart[used]!;
      const end = tokEnd[used]!;
      const h = tokHash[used]!;
      const n = end - start;
      const base = (Math.imul(h, 0x9e3779b1) >>> setShift) * WAYS;
      let s = -1;
      for (let w = base; w < base + WAYS; w++) {
        const m = rec * w;
        if (meta[m] === h && meta[m + 1] === n) {
          if (meta[m + 3]! >= 0) {
            if (this.poolEquals(meta[m + 3]!, buf, start, end)) {
              s = w;
              break;
            }
            continue;
          }
          let p = 4 * m + 16;
          let j = start;
          while (j < end && keys[p] === buf[j]) {
            p++;
            j++;
          }
          if (j === end) {
            s = w;
            break;
          }
        }
      }
      if (s < 0) {
        s = this.addToken(buf, start, end, h, base);
        if (s === this.scratchSlot) {
          // Uncacheable: its vector lives in the scratch slot only until the next such token, so sum now.
          this.scratchRows += this.addSlot(s);
          tokSlot[used] = -1;
          continue;
        }
      }
      tokSlot[used] = s;
      stamp[s] = epoch; // not to be evicted before pass (4) has read it
      if (s === eosSlot) break;
    }
    if (used === ntok) {
      tokSlot[ntok] = eosSlot;
      tokHash[ntok] = meta[rec * eosSlot]!;
      used = ntok;
    }
    const count = used + 1;

    // (4) Sum, in token order (float64, so the order only matters below float32 resolution).
    const sum = this.sum;
    const vecs = this.vec;
    const dim = this.dim;
    let rows = this.scratchRows;
    this.scratchRows = 0;
    const ngrams = this.sub.wordNgrams > 1;
    let nwordHashes = 0;
    if (dim === 16) {
      let s0 = sum[0]!,
        s1 = sum[1]!,
        s2 = sum[2]!,
        s3 = sum[3]!,
        s4 = sum[4]!,
        s5 = sum[5]!,
        s6 = sum[6]!,
        s7 = sum[7]!;
      let s8 = sum[8]!,
        s9 = sum[9]!,
        s10 = sum[10]!,
        s11 = sum[11]!,
        s12 = sum[12]!,
        s13 = sum[13]!,
        s14 = sum[14]!,
        s15 = sum[15]!;
      for (let t = 0; t < count; t++) {
        const s = tokSlot[t]!;
        if (s < 0) continue;
        const r = meta[rec * s + 2]!;
        if (r <= 0) continue;
        rows += r;
        const o = ((rec * s) >> 1) + 8;
        s0 += vecs[o]!;
        s1 += vecs[o + 1]!;
        s2 += vecs[o + 2]!;
        s3 += vecs[o + 3]!;
        s4 += vecs[o + 4]!;
        s5 += vecs[o + 5]!;
        s6 += vecs[o + 6]!;
        s7 += vecs[o + 7]!;
        s8 += vecs[o + 8]!;
        s9 += vecs[o + 9]!;
        s10 += vecs[o + 10]!;
        s11 += vecs[o + 11]!;
        s12 += vecs[o + 12]!;
        s13 += vecs[o + 13]!;
        s14 += vecs[o + 14]!;
        s15 += vecs[o + 15]!;
      }
      sum[0] = s0;
      sum[1] = s1;
      sum[2] = s2;
      sum[3] = s3;
      sum[4] = s4;
      sum[5] = s5;
      sum[6] = s6;
      sum[7] = s7;
      sum[8] = s8;
      sum[9] = s9;
      sum[10] = s10;
      sum[11] = s11;
      sum[12] = s12;
      sum[13] = s13;
      sum[14] = s14;
      sum[15] = s15;
    } else {
      for (let t = 0; t < count; t++) {
        const s = tokSlot[t]!;
        if (s < 0) continue;
        const r = meta[rec * s + 2]!;
        if (r <= 0) continue;
        rows += r;
        const off = ((rec * s) >> 1) + 8;
        for (let d = 0; d < dim; d++) sum[d] = sum[d]! + vecs[off + d]!;
      }
    }
    if (ngrams) {
      if (this.wordHashes.length < count) this.wordHashes = new Int32Array(count * 2);
      for (let t = 0; t < count; t++) {
        const s = tokSlot[t]!;
        // Label-like tokens are not words; an uncached token (s = -1) is one (labels are always cached).
        if (s >= 0 && meta[rec * s + 2]! < 0) continue;
        this.wordHashes[nwordHashes++] = tokHash[t]!;
      }
      const input = this.inputRows;
      this.sub.wordNgramRows(this.wordHashes, nwordHashes, (row) => {
        for (let d = 0; d < dim; d++) sum[d] = sum[d]! + input[row * dim + d]!;
        rows++;
      });
    }
    if (rows === 0) return 0;
    const scale = f32(1 / rows);
    for (let d = 0; d < dim; d++) this.hidden[d] = f32(sum[d]!) * scale;
    return rows;
  }

  /** Adds slot s's vector to `sum` now; returns its row count (labels: 0). */
  private addSlot(s: number): number {
    const r = this.meta[this.rec * s + 2]!;
    if (r <= 0) return 0;
    const dim = this.dim;
    const off = ((this.rec * s) >> 1) + 8;
    for (let d = 0; d < dim; d++) this.sum[d] = this.sum[d]! + this.vec[off + d]!;
    return r;
  }

  /**
   * First sight (or sight since eviction) of an out-of-vocabulary token bytes[start..end) with hash h, whose
   * cache set starts at slot `base`: label-like (ignored) or its char n-gram rows. Returns its slot.
   */
  private addToken(bytes: Uint8Array, start: number, end: number, h: number, base: number): number {
    const len = end - start;
    let s = this.scratchSlot;
    if (len <= INLINE) {
      for (let w = base; w < base + WAYS; w++) {
        if (this.meta[this.rec * w + 1]! < 0) {
          s = w;
          break;
        }
      }
      if (s === this.scratchSlot) {
        for (let t = 0; t < WAYS; t++) {
          const w = base + ((this.victim + t) & (WAYS - 1));
          if (this.pinned[w] === 0 && this.stamp[w] !== this.epoch) {
            s = w;
            break;
          }
        }
        this.victim++;
      }
    }
    const m = this.rec * s;
    if (s !== this.scratchSlot) {
      this.metaBytes.set(bytes.subarray(start, end), 4 * m + 16);
      this.meta[m] = h;
      this.meta[m + 1] = len;
      this.meta[m + 3] = -1;
    }
    if (startsWithBytes(bytes, start, end, LABEL_PREFIX_BYTES)) {
      this.meta[m + 2] = -1;
      return s;
    }
    // Not `</s>`: that one is pinned, so found by the lookup.
    this.accumulate(s, this.bracketedSubwords(bytes, start, end, 0));
    return s;
  }

  /** Appends the subword rows of `<` + bytes[start..end) + `>` to rowIds from `at`; returns the new end. */
  private bracketedSubwords(bytes: Uint8Array, start: number, end: number, at: number): number {
    const len = end - start + 2;
    if (this.word.length < len) this.word = new Uint8Array(len * 2);
    const w = this.word;
    w[0] = 0x3c;
    w.set(bytes.subarray(start, end), 1);
    w[len - 1] = 0x3e;
    const need = at + len * Math.max(1, this.sub.maxn);
    if (this.rowIds.length < need) {
      const grown = new Int32Array(need * 2);
      grown.set(this.rowIds.subarray(0, at));
      this.rowIds = grown;
    }
    return this.sub.subwordRows(w, len, this.rowIds, at);
  }

  /** Slot e's vector = float64 sum of input rows rowIds[0..n) (each element as addRow makes it, float32). */
  private accumulate(e: number, n: number): void {
    const dim = this.dim;
    const vec = this.vec;
    const off = ((this.rec * e) >> 1) + 8;
    for (let d = 0; d < dim; d++) vec[off + d] = 0;
    const input = this.inputRows;
    for (let r = 0; r < n; r++) {
      const row = this.rowIds[r]! * dim;
      for (let d = 0; d < dim; d++) vec[off + d] = vec[off + d]! + input[row + d]!;
    }
    this.meta[this.rec * e + 2] = n;
  }

  /** True when pool[p..p+end-start) equals bytes[start..end). */
  private poolEquals(p: number, bytes: Uint8Array, start: number, end: number): boolean {
    const pool = this.pool;
    for (let j = start; j < end; j++) if (pool[p++] !== bytes[j]) return false;
    return true;
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

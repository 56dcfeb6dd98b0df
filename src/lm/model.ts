/**
 * In-memory n-gram back-off model: unigrams in arrays indexed by word id, higher orders in hashed
 * probing tables (query.ts). Built through `NgramModelBuilder` by the ARPA reader and the trainer.
 */
import { HashedModel } from './hashed-model.js';
import { BLANK_PROB, extendHi, extendLo, fixLo, NgramTable, startHi, startLo } from './query.js';
import { Vocab } from './vocab.js';

/**
 * KenLM's loader gives a model without `<unk>` an `<unk>` of log10 prob -100 (lm/config.cc:
 * `unknown_missing_logprob = -100.0`, used by lm/read_arpa.cc `MissingUnknown` when `unknown_missing`
 * is not THROW_UP); we do the same.
 */
export const UNKNOWN_MISSING_LOG10 = -100;

/** One scored word, as KenLM's `query` prints it (`word=id ngram_length log10prob`). */
export interface WordScore {
  word: string;
  id: number;
  log10Prob: number;
  ngramLength: number;
}

export interface NgramModel {
  readonly order: number;
  /** Entries per order, 1-based order at index order-1. */
  readonly counts: number[];
  readonly hasUnk: boolean;
  /** log10 P of a sentence exactly as KenLM's `query` does with sentence context: <s> context, each word, then </s>. */
  scoreSentence(words: readonly string[]): { log10Prob: number; oov: number };
  /** Approximate bytes held by the typed arrays. */
  readonly bytes: number;
  /**
   * Per-word scores, as `query` prints them: with `bos` the context starts at `<s>` (else KenLM's null
   * context), with `eos` `</s>` is scored last. Both default to true.
   */
  scoreWords(words: readonly string[], context?: { bos?: boolean; eos?: boolean }): WordScore[];
  /** Id of a word (0 = `<unk>` for unknown words). */
  wordId(word: string): number;
  /** Id of `text.slice(start, end)` without making the substring (0 = `<unk>`). */
  wordIdSpan(text: string, start: number, end: number): number;
  /** Id of a word from its unfinished hash lanes (vocab.ts WORD_*; 0 = `<unk>`). */
  wordIdHash(h1: number, h2: number, length: number): number;
  /** log10 P of the sentence of word ids `ids[0..count)` with `<s>`/`</s>`; no allocation. */
  scoreIds(ids: ArrayLike<number>, count: number): number;
}

/** Collects entries in any order and builds an `NgramModel`. */
export class NgramModelBuilder {
  readonly order: number;
  private readonly vocab = new Vocab();
  private uniProb: Float32Array<ArrayBuffer> = new Float32Array(64);
  private uniBo: Float32Array<ArrayBuffer> = new Float32Array(64);
  private uniSeen = new Uint8Array(64);
  private unigrams = 0;
  private readonly tables: NgramTable[] = [];
  private readonly ids: number[] = [];
  /** Entries added again for an n-gram already present (the last value wins). */
  duplicates = 0;

  constructor(order: number) {
    if (!Number.isInteger(order) || order < 1) throw new RangeError(`lm: order must be >= 1, got ${order}`);
    this.order = order;
    for (let n = 2; n <= order; n++) this.tables[n] = new NgramTable(8, n < order);
  }

  /** Pre-sizes the table of order `n` for `count` entries (e.g. from an ARPA header); optional. */
  expect(n: number, count: number): void {
    const t = this.tables[n];
    if (t && t.size === 0) t.resize(count);
  }

  /** Adds one entry; words in natural order (context first); log10 values as in ARPA; backoff 0 when absent. */
  add(words: readonly string[], log10Prob: number, log10Backoff = 0): void {
    const n = words.length;
    if (n < 1 || n > this.order) throw new RangeError(`lm: ${n}-gram in an order-${this.order} model`);
    if (!(log10Prob <= 0)) throw new RangeError(`lm: log10 probability must be <= 0, got ${log10Prob}`);
    const ids = this.ids;
    for (let i = 0; i < n; i++) ids[i] = this.vocab.intern(words[i] as string);
    this.addIds(ids, n, log10Prob, log10Backoff);
  }

  /** Id of a word seen in any entry so far (`<unk>` is always 0), else -1. */
  wordIndex(word: string): number {
    return this.vocab.find(word);
  }

  /** Id of the word, assigning one on first sight. */
  intern(word: string): number {
    return this.vocab.intern(word);
  }

  /** `add` with word ids from `intern`/`wordIndex` (the ARPA reader's path: one hash per word). */
  addIds(ids: ArrayLike<number>, n: number, log10Prob: number, log10Backoff = 0): void {
    if (n < 1 || n > this.order) throw new RangeError(`lm: ${n}-gram in an order-${this.order} model`);
    if (!(log10Prob <= 0)) throw new RangeError(`lm: log10 probability must be <= 0, got ${log10Prob}`);
    if (n === 1) {
      this.addUnigram(ids[0] as number, log10Prob, log10Backoff);
      return;
    }
    let hi = startHi(ids[n - 1] as number);
    let lo = fixLo(startLo(ids[n - 1] as number));
    for (let m = 2; m <= n; m++) {
      const w = ids[n - m] as number;
      hi = extendHi(hi, w);
      lo = fixLo(extendLo(lo, w));
      const table = this.tables[m] as NgramTable;
      const { at, fresh } = table.entryFor(hi, lo);
      if (m < n) {
        // A missing suffix gets a blank so leftward lookups extend through it (KenLM FixSRI).
        if (fresh) table.f[at + 2] = BLANK_PROB;
        continue;
      }
      if (fresh || table.f[at + 2] === BLANK_PROB) table.real++;
      else this.duplicates++;
      table.f[at + 2] = log10Prob;
      if (table.stride === 4) table.f[at + 3] = log10Backoff;
    }
  }

  private addUnigram(id: number, prob: number, backoff: number): void {
    if (id >= this.uniProb.length) {
      const cap = Math.max(id + 1, this.uniProb.length * 2);
      this.uniProb = grow(this.uniProb, cap);
      this.uniBo = grow(this.uniBo, cap);
      const seen = new Uint8Array(cap);
      seen.set(this.uniSeen);
      this.uniSeen = seen;
    }
    if (this.uniSeen[id] === 0) this.unigrams++;
    else this.duplicates++;
    this.uniSeen[id] = 1;
    this.uniProb[id] = prob;
    this.uniBo[id] = backoff;
  }

  /** True when the word has a 1-gram entry. */
  hasUnigram(word: string): boolean {
    const id = this.vocab.find(word);
    return id >= 0 && this.uniSeen[id] === 1;
  }

  /** Words used in higher orders without a unigram entry (an invalid model); empty when valid. */
  missingUnigrams(limit = 5): string[] {
    const out: string[] = [];
    for (let id = 1; id < this.vocab.size && out.length < limit; id++) {
      if ((this.uniSeen[id] ?? 0) === 0) out.push(this.vocab.word(id));
    }
    return out;
  }

  build(): NgramModel {
    const missing = this.missingUnigrams(1);
    if (missing.length > 0) throw new RangeError(`lm: word "${missing[0]}" has no unigram entry`);
    const hasUnk = this.uniSeen[0] === 1;
    const size = this.vocab.size;
    const uniProb = grow(this.uniProb, size).subarray(0, size).slice();
    const uniBo = grow(this.uniBo, size).subarray(0, size).slice();
    if (!hasUnk) uniProb[0] = UNKNOWN_MISSING_LOG10;
    const counts = [this.unigrams];
    for (let n = 2; n <= this.order; n++) {
      const t = this.tables[n] as NgramTable;
      if (t.capacity > Math.ceil(t.size * 1.5) + 64) t.resize(t.size);
      counts.push(t.real);
    }
    return new HashedModel(this.order, counts, hasUnk, this.vocab, uniProb, uniBo, this.tables);
  }
}

function grow(a: Float32Array<ArrayBuffer>, cap: number): Float32Array<ArrayBuffer> {
  if (a.length >= cap) return a;
  const b = new Float32Array(cap);
  b.set(a);
  return b;
}

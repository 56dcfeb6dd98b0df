/**
 * Which tokens can start an n-gram that occurs twice, for the Gopher repetition statistics (ngrams.ts).
 * Words (hash of their units, mixed with their length) and KEY-unit prefixes of the concatenation are
 * counted by their 32-bit hashes, unverified: a collision only merges counts upward, which keeps every
 * prune sound (it can only visit more n-grams, never skip a repeated one). One linear-probing table per
 * key kind at load ≤ 1/2, slots [key, count] interleaved so a probe touches one cache line, cleared over
 * the slots the document uses and read back in a second pass. Replaces two verified tables (countWords,
 * prepareCandidates): 0.40 → 0.21 CPU s on 50 MB of the filter-stages corpus (loaded 2-CPU host, Node 20).
 */
import { nativeAddon } from '../native/addon.js';
import { grow, KEY } from './ngram-hash.js';

/** Per-document outputs and reusable tables; arrays grow to the largest document. */
export class RepeatMarks {
  /** run[i]: how many consecutive tokens from i on have a word that occurs (by hash) more than once. */
  run = new Int32Array(1024);
  /** cand[i] = 1 when token i's KEY-unit prefix occurs (by hash) at another token start; 0 near the end. */
  cand = new Uint8Array(1024);
  /** An upper bound of `(units(w) + 1) · count(w)` over the document's words w. */
  maxWordWeight = 0;
  /** Slots [word key, count]; count 0: empty. */
  private words = new Int32Array(4096);
  /** Slots [prefix key, seen]: seen 0 empty, 1 once, 3 more than once. */
  private prefixes = new Int32Array(4096);
  /** Word slot (index of its key) of token i. */
  private wordSlot = new Int32Array(1024);
  /** Prefix slot (index of its key) of token i, -1 when fewer than KEY units follow its start. */
  private prefixSlot = new Int32Array(1024);

  /**
   * Marks the document whose concatenation prefix hashes are `H` (H[k]: the first k code units) and whose
   * token i spans units `[U[i], U[i + 1])`; `pow` = BASE powers.
   */
  mark(H: Int32Array, U: Int32Array, count: number, pow: Int32Array, useNative = true): void {
    if (this.run.length < count + 1) {
      const size = grow(count + 1);
      this.run = new Int32Array(size);
      this.cand = new Uint8Array(size);
      this.wordSlot = new Int32Array(size);
      this.prefixSlot = new Int32Array(size);
    }
    const size = grow(2 * count, 64);
    if (this.words.length < 2 * size) {
      this.words = new Int32Array(2 * size);
      this.prefixes = new Int32Array(2 * size);
    }
    const { words, prefixes, wordSlot, prefixSlot } = this;
    // The native twin (src/native/repeat_marks.cc) when built: same arithmetic, same probes, same outputs.
    const addon = useNative ? nativeAddon() : undefined;
    if (addon !== undefined) {
      const best = addon.repeatMarks(
        H,
        U,
        count,
        pow,
        size,
        words,
        prefixes,
        wordSlot,
        prefixSlot,
        this.run,
        this.cand,
      );
      if (best >= 0) {
        this.maxWordWeight = best;
        return;
      }
    }
    words.fill(0, 0, 2 * size);
    prefixes.fill(0, 0, 2 * size);
    const mask = 2 * size - 2;
    // Fibonacci hashing: the top bits of key · golden ratio, one multiply (fmix32 took two and shifts).
    const shift = 32 - Math.log2(size);
    const total = U[count]!;
    const powKey = pow[KEY]!;
    for (let i = 0; i < count; i++) {
      const a = U[i]!;
      const len = U[i + 1]! - a;
      const word = (H[a + len]! - Math.imul(H[a]!, pow[len]!) + Math.imul(len, 0x85ebca6b)) | 0;
      let s = (Math.imul(word, 0x9e3779b1) >>> shift) << 1;
      // Branch-free hit-or-empty test (most probes): a data-dependent branch here mispredicted often.
      let c = words[s + 1]!;
      if (((words[s]! ^ word) & ((c | -c) >> 31)) !== 0) {
        do s = (s + 2) & mask;
        while (words[s + 1] !== 0 && words[s] !== word);
        c = words[s + 1]!;
      }
      words[s] = word;
      words[s + 1] = c + 1;
      wordSlot[i] = s;
      if (total - a < KEY) {
        prefixSlot[i] = -1;
        continue;
      }
      const key = (H[a + KEY]! - Math.imul(H[a]!, powKey)) | 0;
      s = (Math.imul(key, 0x9e3779b1) >>> shift) << 1;
      let seen = prefixes[s + 1]!;
      if (((prefixes[s]! ^ key) & ((seen | -seen) >> 31)) !== 0) {
        do s = (s + 2) & mask;
        while (prefixes[s + 1] !== 0 && prefixes[s] !== key);
        seen = prefixes[s + 1]!;
      }
      prefixes[s] = key;
      // 0 → 1 (once) → 3 (more than once).
      prefixes[s + 1] = ((seen << 1) | 1) & 3;
      prefixSlot[i] = s;
    }
    this.readBack(U, count);
  }

  /** Second pass: run lengths, candidates and the word weight bound from the counts. */
  private readBack(U: Int32Array, count: number): void {
    const { run, cand, words, prefixes, wordSlot, prefixSlot } = this;
    let best = 0;
    run[count] = 0;
    for (let i = count - 1; i >= 0; i--) {
      const c = words[wordSlot[i]! + 1]!;
      const weight = (U[i + 1]! - U[i]! + 1) * c;
      if (weight > best) best = weight;
      run[i] = c > 1 ? run[i + 1]! + 1 : 0;
      const k = prefixSlot[i]!;
      cand[i] = k < 0 ? 0 : prefixes[k + 1]! >>> 1;
    }
    this.maxWordWeight = best;
  }
}

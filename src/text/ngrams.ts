import { fmix32 } from './hash.js';

/**
 * Word n-gram statistics of Gopher repetition (SPEC-filters.md (b2)), exact to the reference's string
 * semantics without building one string per n-gram:
 * - top n-grams compare `" ".join(words)`: tokens never contain U+0020 and are never empty, so two
 *   n-grams join to the same string exactly when their word sequences are equal (compared word by word);
 * - duplicated n-grams compare `"".join(words)`, where `["ab","c"]` equals `["a","bc"]`: n-grams are
 *   hashed as the polynomial hash of their concatenated characters and hash matches are verified by
 *   comparing those characters, so equality is string equality.
 * Fast path: n-grams that occur once cannot change any statistic (a duplicated-n-gram scan neither finds
 * nor is later found by them; a top n-gram is one of them only when all occur once), so the passes only
 * visit tokens where a repeat is possible: the concatenation's first KEY = 16 code units from the token
 * are shared with another token start (sound for both joins: equal n-grams have equal concatenations,
 * and an n-gram under 16 units is always visited), and for top n-grams n repeated words follow.
 * Typically 6% of web tokens pass the 16-unit test. Without keep_stats the filter also skips a top
 * n-gram rule when topNgramBound (word counts) shows it cannot fire.
 * Whole filter on 20 MB of ../shared/data/web (`node /tmp/gbench/bench.mjs <dist> 20`, best of 5, Node 20,
 * loaded 2-CPU host): 20.3 MB/s before (0.98 s), 34 MB/s with these n-gram changes (0.57-0.61 s),
 * 35-40 MB/s with the in-place line/paragraph scan of filter-gopher-repetition; tokenizing
 * (TextAnalysis.spans) is ~0.14 s of it.
 * One instance per processor: its typed arrays grow to the largest document and are reused.
 */
export class NgramStats {
  private text = '';
  /** Token k is `text[S[2k], S[2k + 1])`. */
  private S: Int32Array = new Int32Array(0);
  private count = 0;
  /**
   * H: polynomial hash of the first k code units of the concatenated tokens (index k, char level);
   * over tokens, index i = tokens [0, i): U code units, C code points. The hash of tokens [i, j) is
   * H[U[j]] - H[U[i]]·BASE^(U[j] - U[i]) (POW, shared by all instances).
   */
  private H = new Int32Array(4096);
  private C = new Int32Array(1024);
  private U = new Int32Array(1024);
  /** Open-addressing table, interleaved [generation, hash, ref] so a probe touches one cache line. */
  private table = new Int32Array(3 * 2048);
  private gen = 0;
  /** Distinct n-grams in first-insertion order (top n-grams): start token, occurrences. */
  private dStart = new Int32Array(1024);
  private dCount = new Int32Array(1024);
  /**
   * cand[i] = 0 when no other token starts with the same KEY code units of the concatenation as token
   * i: then no n-gram starting at i whose concatenation has ≥ KEY units equals another n-gram (neither
   * `" ".join` nor `"".join`: both imply equal concatenations), so the passes can skip it.
   */
  private cand = new Uint8Array(1024);
  private candReady = false;
  /** Tokens that can start a LIST_N-gram occurring twice (listTokens), ascending. */
  private list = new Int32Array(1024);
  private listLength = 0;
  /** Word table of countWords and its generation. */
  private words = new Int32Array(5 * 1024);
  private wordsGen = 0;
  /** run[i]: tokens from i on whose word occurs more than once (see countWords). */
  private run = new Int32Array(1024);
  /** Upper bound of `(units(w) + 1) · count(w)` over words w (-1: not computed for this document). */
  private maxWordWeight = -1;

  /** Loads a token list (tests, callers without spans): joined with spaces and read through spans. */
  load(words: readonly string[]): void {
    const spans = new Int32Array(2 * words.length);
    let at = 0;
    for (let k = 0; k < words.length; k++) {
      spans[2 * k] = at;
      at += words[k]!.length;
      spans[2 * k + 1] = at++;
    }
    this.loadSpans(words.join(' '), spans, words.length);
  }

  /**
   * Loads one document's tokens as `[start, end)` pairs into `text` (TextAnalysis.spans); the statistics
   * below read them until the next load. Reading the text through spans instead of one string per token:
   * the nine rules on ../shared/data/web (20 MB, Node 20) went from 13.3 to 20.0 MB/s with tokenization (the whole filter).
   * `meta` (TextAnalysis.tokenMeta) gives each token's code points, so the loop only hashes.
   */
  loadSpans(text: string, spans: Int32Array, count: number, meta?: Int32Array): void {
    this.text = text;
    this.S = spans;
    this.count = count;
    this.candReady = false;
    this.maxWordWeight = -1;
    if (this.U.length < count + 1) {
      const size = grow(count + 1);
      this.C = new Int32Array(size);
      this.U = new Int32Array(size);
      this.dStart = new Int32Array(size);
      this.dCount = new Int32Array(size);
      this.cand = new Uint8Array(size);
      this.run = new Int32Array(size);
      this.list = new Int32Array(size);
    }
    // Tokens are disjoint ranges of the text: the concatenation has at most text.length units.
    if (this.H.length < text.length + 1) this.H = new Int32Array(grow(text.length + 1));
    ensurePow(text.length + 1);
    const { H, C, U } = this;
    let h = 0;
    let c = 0;
    let u = 0;
    for (let i = 0; i < count; i++) {
      const start = spans[2 * i]!;
      const end = spans[2 * i + 1]!;
      if (meta !== undefined) {
        // Code points from the token scan (token-scan.ts): the loop only hashes.
        for (let k = start; k < end; k++) H[++u] = h = (Math.imul(h, BASE) + text.charCodeAt(k)) | 0;
        c += meta[i]! >>> 2;
      } else {
        let prev = 0;
        for (let k = start; k < end; k++) {
          const unit = text.charCodeAt(k);
          h = (Math.imul(h, BASE) + unit) | 0;
          H[++u] = h;
          // A low surrogate after a high one (in the same token) ends a code point already counted (Python len).
          if ((unit & 0xfc00) !== 0xdc00 || (prev & 0xfc00) !== 0xd800) c++;
          prev = unit;
        }
      }
      C[i + 1] = c;
      U[i + 1] = u;
    }
  }

  /**
   * An upper bound of `topNgramChars(n)` from word counts alone: the top n-gram g occurs at most as often
   * as each of its words w_k, so len(g)·count(g) ≤ Σ_k (len(w_k) + 1)·count(w_k) ≤ n · max_w (len(w) + 1)·count(w).
   * Words are counted by (hash, length) without verification: a collision only merges counts upward.
   */
  topNgramBound(n: number): number {
    if (this.maxWordWeight < 0) this.countWords();
    return n * this.maxWordWeight;
  }

  /**
   * `len(g) * count(g)` for the most frequent `" ".join` n-gram `g` (ties: first inserted), in code
   * points; -1 when the document has fewer than `n` tokens (the reference then skips the rule).
   */
  topNgramChars(n: number): number {
    const grams = this.count - n + 1;
    if (grams <= 0) return -1;
    if (this.maxWordWeight < 0) this.countWords();
    this.prepareCandidates();
    const mask = this.prepareTable(grams);
    const { table: t, gen, U, cand, run, dStart, dCount } = this;
    let distinct = 0;
    for (let i = 0; i < grams; i++) {
      // Skips n-grams that occur once (see cand, run): they cannot be the most common unless all occur once.
      if (run[i]! < n || (cand[i] === 0 && U[i + n]! - U[i]! >= KEY)) continue;
      const h = this.gramHash(i, n);
      let s = fmix32(h) & mask;
      for (;;) {
        const at = 3 * s;
        if (t[at] !== gen) {
          t[at] = gen;
          t[at + 1] = h;
          t[at + 2] = distinct;
          dStart[distinct] = i;
          dCount[distinct++] = 1;
          break;
        }
        const d = t[at + 2]!;
        if (t[at + 1] === h && this.sameWords(dStart[d]!, i, n)) {
          dCount[d]!++;
          break;
        }
        s = (s + 1) & mask;
      }
    }
    let best = 0;
    for (let d = 1; d < distinct; d++) if (dCount[d]! > dCount[best]!) best = d;
    // Every n-gram occurs once: the first one (token 0) wins the tie, whether or not it was visited.
    if (distinct === 0 || dCount[best] === 1) return this.C[n]! + n - 1;
    const start = dStart[best]!;
    return (this.C[start + n]! - this.C[start]! + n - 1) * dCount[best]!;
  }

  /**
   * Characters (code points) in repeated `"".join` n-grams, scanning left to right and jumping past each
   * repeat (DataTrove `find_all_duplicate`); 0 when there are fewer than `n` tokens.
   */
  duplicatedNgramChars(n: number): number {
    const grams = this.count - n + 1;
    if (grams <= 0) return 0;
    this.prepareCandidates();
    // Only visited tokens are inserted: from LIST_N on, the listed ones.
    const mask = this.prepareTable(n >= LIST_N ? this.listLength : grams);
    const { table: t, gen, U, cand, list } = this;
    // From n = LIST_N on, only the listed tokens can start an n-gram that occurs twice.
    const listed = n >= LIST_N;
    const visits = listed ? this.listLength : grams;
    let repeated = 0;
    let i = 0;
    for (let v = 0; v < visits; v++) {
      const at = listed ? list[v]! : v;
      if (at < i) continue;
      if (at >= grams) break;
      // An n-gram that occurs once is neither found here nor found later: inserting it changes nothing.
      if (cand[at] === 0 && U[at + n]! - U[at]! >= KEY) continue;
      i = at;
      const h = this.gramHash(i, n);
      let s = fmix32(h) & mask;
      let found = false;
      while (t[3 * s] === gen) {
        if (t[3 * s + 1] === h && this.sameChars(t[3 * s + 2]!, i, n)) {
          found = true;
          break;
        }
        s = (s + 1) & mask;
      }
      if (found) {
        repeated += this.C[i + n]! - this.C[i]!;
        i += n;
      } else {
        t[3 * s] = gen;
        t[3 * s + 1] = h;
        t[3 * s + 2] = i;
        i++;
      }
    }
    return repeated;
  }

  /**
   * Marks cand[i] = 1 for tokens i whose KEY-unit prefix of the concatenation from i (hashed, unverified:
   * a collision only adds candidates) is shared with another token start. Tokens with fewer than KEY
   * units left stay 0: the passes then test the n-gram's own length against KEY.
   */
  private prepareCandidates(): void {
    if (this.candReady) return;
    this.candReady = true;
    const { H, U, cand, count } = this;
    cand.fill(0, 0, count);
    this.listLength = 0;
    const total = U[count]!;
    let keyed = 0;
    while (keyed < count && total - U[keyed]! >= KEY) keyed++;
    if (keyed < 2) {
      this.listTokens();
      return;
    }
    const mask = this.prepareTable(keyed);
    const t = this.table;
    const gen = this.gen;
    const powKey = POW[KEY]!;
    for (let i = 0; i < keyed; i++) {
      const u = U[i]!;
      const key = (H[u + KEY]! - Math.imul(H[u]!, powKey)) | 0;
      let s = fmix32(key) & mask;
      for (;;) {
        const at = 3 * s;
        if (t[at] !== gen) {
          t[at] = gen;
          t[at + 1] = key;
          t[at + 2] = i;
          break;
        }
        if (t[at + 1] === key) {
          cand[i] = 1;
          cand[t[at + 2]!] = 1;
          break;
        }
        s = (s + 1) & mask;
      }
    }
    this.listTokens();
  }

  /** Lists the tokens i that can start a LIST_N-gram occurring twice: cand[i], or fewer than KEY units. */
  private listTokens(): void {
    const { U, cand, count, list } = this;
    let m = 0;
    for (let i = 0; i + LIST_N <= count; i++)
      if (cand[i] !== 0 || U[i + LIST_N]! - U[i]! < KEY) list[m++] = i;
    this.listLength = m;
  }

  /**
   * Counts words by (hash, units) without verification (a collision only merges counts upward): sets
   * maxWordWeight = max (units + 1) · count, and run[i] = how many tokens from i on occur more than once.
   * An n-gram that occurs twice word by word has all its n words occurring twice: run[i] ≥ n.
   */
  private countWords(): void {
    const { H, U, count } = this;
    if (this.run.length < count + 1) this.run = new Int32Array(this.U.length);
    const run = this.run;
    run.fill(0, 0, count + 1);
    this.maxWordWeight = 0;
    if (count === 0) return;
    // Slots [gen, hash, units, count, first token], in a table of their own (stride 5).
    const size = grow(count * 2, 64);
    if (this.words.length < 5 * size) this.words = new Int32Array(5 * grow(count * 2));
    const t = this.words;
    if (++this.wordsGen === 0x40000000) {
      t.fill(0);
      this.wordsGen = 1;
    }
    const gen = this.wordsGen;
    const mask = size - 1;
    let best = 0;
    for (let i = 0; i < count; i++) {
      const a = U[i]!;
      const len = U[i + 1]! - a;
      const key = (H[a + len]! - Math.imul(H[a]!, POW[len]!)) | 0;
      let s = (fmix32(key) + len) & mask;
      for (;;) {
        const at = 5 * s;
        if (t[at] !== gen) {
          t[at] = gen;
          t[at + 1] = key;
          t[at + 2] = len;
          t[at + 3] = 1;
          t[at + 4] = i;
          if (len + 1 > best) best = len + 1;
          break;
        }
        if (t[at + 1] === key && t[at + 2] === len) {
          const c = ++t[at + 3]!;
          if ((len + 1) * c > best) best = (len + 1) * c;
          run[i] = 1;
          run[t[at + 4]!] = 1;
          break;
        }
        s = (s + 1) & mask;
      }
    }
    for (let i = count - 1; i >= 0; i--) if (run[i] !== 0) run[i] = run[i + 1]! + 1;
    this.maxWordWeight = best;
  }

  /** Polynomial hash (mod 2^32) of the concatenated code units of tokens `[i, i + n)`. */
  private gramHash(i: number, n: number): number {
    const a = this.U[i]!;
    const b = this.U[i + n]!;
    return (this.H[b]! - Math.imul(this.H[a]!, POW[b - a]!)) | 0;
  }

  /** True when tokens `[a, a + n)` and `[b, b + n)` are equal word by word. */
  private sameWords(a: number, b: number, n: number): boolean {
    const { S, text } = this;
    for (let k = 0; k < n; k++) {
      const sa = S[2 * (a + k)]!;
      const sb = S[2 * (b + k)]!;
      const len = S[2 * (a + k) + 1]! - sa;
      if (len !== S[2 * (b + k) + 1]! - sb) return false;
      for (let j = 0; j < len; j++) if (text.charCodeAt(sa + j) !== text.charCodeAt(sb + j)) return false;
    }
    return true;
  }

  /** True when tokens `[a, a + n)` and `[b, b + n)` concatenate to the same string. */
  private sameChars(a: number, b: number, n: number): boolean {
    const len = this.U[a + n]! - this.U[a]!;
    if (len !== this.U[b + n]! - this.U[b]!) return false;
    const { S, text } = this;
    // Cursors (position, end of its token) walk both concatenations; tokens are never empty.
    let wa = 2 * a;
    let wb = 2 * b;
    let pa = S[wa]!;
    let ea = S[wa + 1]!;
    let pb = S[wb]!;
    let eb = S[wb + 1]!;
    for (let left = len; left > 0; left--) {
      if (pa === ea) {
        wa += 2;
        pa = S[wa]!;
        ea = S[wa + 1]!;
      }
      if (pb === eb) {
        wb += 2;
        pb = S[wb]!;
        eb = S[wb + 1]!;
      }
      if (text.charCodeAt(pa++) !== text.charCodeAt(pb++)) return false;
    }
    return true;
  }

  /**
   * Empties the table (by generation) and returns the index mask of its first slots with room for
   * `entries` at load ≤ 1/2. Every pass uses only the slots its document needs: indexing the whole table,
   * grown for the longest document so far, made each probe a cache miss (the filter spent ~40% of its
   * time there on the bench corpus).
   */
  private prepareTable(entries: number): number {
    const size = grow(entries * 2, 64);
    if (this.table.length < 3 * size) {
      this.table = new Int32Array(3 * size);
      this.gen = 0;
    }
    // Generations tell the current entries apart; long before they wrap, the table restarts clean.
    if (++this.gen === 0x40000000) {
      this.table.fill(0);
      this.gen = 1;
    }
    return size - 1;
  }
}

/** An odd multiplier for the character polynomial (the 32-bit golden ratio). */
const BASE = 0x9e3779b1 | 0;

/** Words are keyed by their first KEY code units (with the rest of the text) for candidate pruning. */
const KEY = 16;
/** Duplicated n-gram passes from this n on walk the list of tokens (the SPEC's rules start at 5). */
const LIST_N = 5;

/** POW[k] = BASE^k mod 2^32, grown on demand and shared by every instance. */
let POW = new Int32Array(0);
function ensurePow(size: number): void {
  if (POW.length >= size) return;
  const next = new Int32Array(grow(Math.max(size, KEY + 1)));
  next.set(POW);
  let k = Math.max(POW.length, 1);
  next[0] = 1;
  for (; k < next.length; k++) next[k] = Math.imul(next[k - 1]!, BASE);
  POW = next;
}

/** The next power of two ≥ `n`. */
function grow(n: number, min = 1024): number {
  let size = min;
  while (size < n) size *= 2;
  return size;
}

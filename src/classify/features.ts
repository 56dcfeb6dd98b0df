/**
 * Hashed word n-gram features of the quality classifier (fastText `-wordNgrams 2 -bucket N` style): the
 * text is lowercased and cut into tokens, each token is hashed once (FNV-1a over UTF-16 code units,
 * finalised with murmur3's fmix32), and unigram and bigram hashes land in one table of 2^bucket_bits slots.
 * Nothing is allocated per token: character classes and lowercase forms come from two 64 KiB tables.
 */
import { fmix32 } from '../text/hash.js';

/**
 * How tokens are cut. `words`: runs of letters, digits and marks; punctuation and symbols separate words and
 * are dropped. `punct`: as `words`, and each punctuation or symbol character is a token of its own.
 * `whitespace`: fastText's own rule, runs of non-space characters (punctuation stays attached).
 */
export type TokenMode = 'words' | 'punct' | 'whitespace';

/** Everything that decides which features a text has; stored in the model file. */
export interface FeatureConfig {
  tokens: TokenMode;
  /** Longest word n-gram: 1 = unigrams, 2 = unigrams and bigrams (fastText -wordNgrams), 3 adds trigrams. */
  word_ngrams: number;
  /** log2 of the number of hash buckets (fastText -bucket 2000000 ≈ 2^21). */
  bucket_bits: number;
  /** Emit a token for each line break (fastText reads `\n` as its end-of-sentence token `</s>`). */
  newline_token: boolean;
}

const SEP = 0;
const WORD = 1;
const PUNCT = 2;
const NEWLINE = 3;

let classTable: Uint8Array | undefined;
let lowerTable: Uint16Array | undefined;

/** Per UTF-16 code unit: separator, word character, punctuation/symbol or line break; built once per thread. */
function classes(): Uint8Array {
  if (classTable !== undefined) return classTable;
  const t = new Uint8Array(0x10000);
  const word = /[\p{L}\p{N}\p{M}]/u;
  const punct = /[\p{P}\p{S}]/u;
  for (let c = 0; c < 0x10000; c++) {
    // Surrogates: astral characters are almost all letters or symbols of scripts that do not use spaces.
    if (c >= 0xd800 && c <= 0xdfff) t[c] = WORD;
    else {
      const ch = String.fromCharCode(c);
      t[c] = word.test(ch) ? WORD : punct.test(ch) ? PUNCT : SEP;
    }
  }
  t[0x0a] = NEWLINE;
  classTable = t;
  return t;
}

/** Per UTF-16 code unit, its lowercase form when that is one code unit (else itself). */
function lowers(): Uint16Array {
  if (lowerTable !== undefined) return lowerTable;
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const l = c >= 0xd800 && c <= 0xdfff ? '' : String.fromCharCode(c).toLowerCase();
    t[c] = l.length === 1 ? l.charCodeAt(0) : c;
  }
  lowerTable = t;
  return t;
}

/** Longest word n-gram: the chaining ring holds the last 8 token hashes. */
export const MAX_WORD_NGRAMS = 5;

/** Multiplier fastText uses to chain word hashes into n-gram hashes (src/dictionary.cc addWordNgrams). */
const NGRAM_MUL = 116049371;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const NEWLINE_HASH = fmix32(0x2f733e); // any fixed value that differs from word hashes in practice

/** A growable Int32Array of feature indices; reused across documents so extraction allocates nothing. */
export class FeatureBuffer {
  ids = new Int32Array(1024);
  /** Hashes of the last `word_ngrams - 1` tokens (a ring), for n-gram chaining. */
  readonly recent = new Int32Array(8);

  grow(): void {
    const next = new Int32Array(this.ids.length * 2);
    next.set(this.ids);
    this.ids = next;
  }
}

/**
 * Writes the bucket index of every feature of `text` into `buf.ids` (unigrams and n-grams in token order,
 * repeats kept, as fastText does) and returns how many there are.
 */
export function extractFeatures(text: string, cfg: FeatureConfig, buf: FeatureBuffer): number {
  const cls = classes();
  const low = lowers();
  const mask = (1 << cfg.bucket_bits) - 1;
  const maxN = cfg.word_ngrams;
  const recent = buf.recent;
  const glue = cfg.tokens === 'whitespace' ? PUNCT : -1; // class that continues a word
  const punctTokens = cfg.tokens === 'punct';
  let ids = buf.ids;
  let n = 0;
  let seen = 0; // tokens so far
  const len = text.length;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    const k = cls[c]!;
    let h: number;
    if (k === WORD || k === glue) {
      let x = FNV_OFFSET;
      let j = i;
      for (; j < len; j++) {
        const d = text.charCodeAt(j);
        const kd = cls[d]!;
        if (kd !== WORD && kd !== glue) break;
        x = Math.imul(x ^ low[d]!, FNV_PRIME);
      }
      i = j;
      h = fmix32(x) | 0;
    } else if (k === PUNCT && punctTokens) {
      h = fmix32(Math.imul(FNV_OFFSET ^ c, FNV_PRIME)) | 0;
      i++;
    } else if (k === NEWLINE && cfg.newline_token) {
      h = NEWLINE_HASH | 0;
      i++;
    } else {
      i++;
      continue;
    }
    if (n + maxN > ids.length) {
      buf.grow();
      ids = buf.ids;
    }
    ids[n++] = h & mask;
    // n-grams ending at this token: chain backwards over the previous tokens' hashes.
    let g = h;
    for (let m = 1; m < maxN && m <= seen; m++) {
      g = (Math.imul(g, NGRAM_MUL) + recent[(seen - m) & 7]!) | 0;
      ids[n++] = fmix32(g ^ m) & mask;
    }
    recent[seen & 7] = h;
    seen++;
  }
  return n;
}

/**
 * One pass over a document's text that yields the SPEC word tokens (the same spans as `wordSpans`) and,
 * per token, what Gopher quality measures of it: its length in code points, whether it contains a letter
 * (Python `isalpha`) and whether it contains a character outside DataTrove's PUNCTUATION_SET. Statistics
 * then loop over tokens instead of re-reading every character.
 */
import { type NativeAddon, nativeAddon } from '../native/addon.js';
import { nativeText } from '../native/loaded-text.js';
import { isPunctuationCode } from './charsets.js';
import { BASE } from './ngram-hash.js';
import { isPyAlpha, isUnicodeWhiteSpace } from './python.js';
import { isPunctOrSymbol, lastCodePoint } from './words.js';

/** Token meta bits: bit 0 has a letter, bit 1 has a non-PUNCTUATION_SET character; `meta >>> 2` = code points. */
export const META_ALPHA = 1;
export const META_NON_PUNCT = 2;

/**
 * Per BMP code unit, filled on first sight (bit KNOWN): White_Space, P/S (tokenizer), PUNCTUATION_SET,
 * letter, surrogate. One typed-array read per character; 64 KiB, of which web text touches little.
 */
const WS = 1;
const PS = 2;
const PUNCT = 4;
const ALPHA = 8;
const SURROGATE = 16;
const KNOWN = 32;
const CLASS = new Uint8Array(0x10000);

function classify(c: number): number {
  let f = KNOWN;
  if (c >= 0xd800 && c <= 0xdfff) f |= SURROGATE;
  else {
    if (isUnicodeWhiteSpace(c)) f |= WS;
    if (isPunctOrSymbol(c)) f |= PS;
    if (isPunctuationCode(c)) f |= PUNCT;
    if (isPyAlpha(c)) f |= ALPHA;
  }
  CLASS[c] = f;
  return f;
}
for (let c = 0; c < 0x80; c++) classify(c);

/** Tokens of one text: token k is `text.slice(spans[2k], spans[2k + 1])`, with `meta[k]`. Buffers are reused. */
export interface TokenScan {
  spans: Int32Array;
  meta: Int32Array;
  count: number;
  /** Python `len(text)`: code points of the whole text. */
  length: number;
}

/** An empty scan with room for `tokens` tokens; pass it to `scanTokens` again to reuse its buffers. */
export function tokenScan(tokens = 1024): TokenScan {
  return { spans: new Int32Array(2 * tokens), meta: new Int32Array(tokens), count: 0, length: 0 };
}

let native: NativeAddon | undefined | null = null;

/**
 * The native scanner (src/native/token_scan.cc: scanTokens, countWords), given the full class table on
 * first use; or undefined.
 */
export function nativeScanner(): NativeAddon | undefined {
  if (native === null) {
    native = nativeAddon();
    if (native !== undefined) {
      for (let c = 0; c < 0x10000; c++) if (CLASS[c] === 0) classify(c);
      native.setTokenClasses(CLASS);
    }
  }
  return native;
}

/**
 * Fills `out` with the tokens of `splitIntoWords(text)` and their meta, growing its buffers by doubling.
 * With `prefix` (at least `text.length + 1` long) also fills prefix[k] = the polynomial hash (ngram-hash.ts
 * BASE) of the first k units of the concatenated tokens (every non-whitespace unit belongs to a token, in
 * order): filter-gopher-repetition's n-gram hashes, without a second pass over the characters.
 * A text without surrogates goes to the native scanner when the addon is built (`useNative` false: never);
 * this function's own loop is the reference it is tested against.
 */
export function scanTokens(text: string, out: TokenScan, prefix?: Int32Array, useNative = true): TokenScan {
  const len = text.length;
  // Without a caller's array the hashes go to a scratch one: one loop serves both (+0.04 CPU s on 50 MB).
  const H = prefix ?? scratchPrefix(len + 1);
  const addon = useNative ? nativeScanner() : undefined;
  if (addon !== undefined) {
    // The native scan writes without bounds checks: room for the most tokens a text can have.
    if (out.meta.length < len + 3) grow(out, 0, len + 3);
    const n = addon.scanTokens(nativeText(addon, text), out.spans, out.meta, H);
    if (n >= 0) {
      out.count = n;
      out.length = len; // no surrogates: every code unit is a code point
      return out;
    }
  }
  let h = 0;
  let u = 0;
  let n = 0;
  let pairs = 0;
  let i = 0;
  let spans = out.spans;
  let meta = out.meta;
  while (i < len) {
    let c = text.charCodeAt(i);
    let f = CLASS[c]!;
    if (f === 0) f = classify(c);
    if ((f & WS) !== 0) {
      i++;
      continue;
    }
    const start = i;
    let any = f;
    let all = f;
    H[++u] = h = (Math.imul(h, BASE) + c) | 0;
    while (++i < len) {
      c = text.charCodeAt(i);
      f = CLASS[c]!;
      if (f === 0) f = classify(c);
      if ((f & WS) !== 0) break;
      any |= f;
      all &= f;
      H[++u] = h = (Math.imul(h, BASE) + c) | 0;
    }
    // A chunk yields at most 3 tokens.
    if (n + 3 > meta.length) {
      grow(out, n);
      spans = out.spans;
      meta = out.meta;
    }
    // Most chunks are one token: BMP only, no P/S character at either end ("don't", "U.S" stay whole).
    if (
      (any & SURROGATE) === 0 &&
      ((any & PS) === 0 || ((CLASS[text.charCodeAt(start)]! | CLASS[text.charCodeAt(i - 1)]!) & PS) === 0)
    ) {
      spans[2 * n] = start;
      spans[2 * n + 1] = i;
      meta[n++] = ((i - start) << 2) | (any & ALPHA ? META_ALPHA : 0) | (all & PUNCT ? 0 : META_NON_PUNCT);
    } else if ((any & SURROGATE) === 0) n = bmpChunk(text, start, i, spans, meta, n);
    else {
      const before = n;
      n = astralChunk(text, start, i, spans, meta, n);
      for (let k = before; k < n; k++) pairs += spans[2 * k + 1]! - spans[2 * k]! - (meta[k]! >>> 2);
    }
  }
  out.count = n;
  out.length = len - pairs;
  return out;
}

let scratch = new Int32Array(1 << 14);
function scratchPrefix(size: number): Int32Array {
  if (scratch.length < size) scratch = new Int32Array(2 * size);
  return scratch;
}

/** Grows `out` to at least `atLeast` tokens (and doubling), keeping its first `n`. */
function grow(out: TokenScan, n: number, atLeast = 0): void {
  const size = Math.max(2 * out.meta.length + 3, atLeast);
  const spans = new Int32Array(2 * size);
  spans.set(out.spans.subarray(0, 2 * n));
  const meta = new Int32Array(size);
  meta.set(out.meta.subarray(0, n));
  out.spans = spans;
  out.meta = meta;
}

/** Meta of `s[a, b)`, BMP only. */
function bmpMeta(s: string, a: number, b: number): number {
  let any = 0;
  let all = PUNCT;
  for (let k = a; k < b; k++) {
    const f = CLASS[s.charCodeAt(k)]!;
    any |= f;
    all &= f;
  }
  return ((b - a) << 2) | (any & ALPHA ? META_ALPHA : 0) | (all & PUNCT ? 0 : META_NON_PUNCT);
}

/** Writes token `n` = `s[a, b)` with the given meta; returns n + 1. */
function put(spans: Int32Array, meta: Int32Array, n: number, a: number, b: number, m: number): number {
  spans[2 * n] = a;
  spans[2 * n + 1] = b;
  meta[n] = m;
  return n + 1;
}

/** The tokens of a BMP chunk `s[start, end)` with a P/S character somewhere (words.ts chunkSpans). */
function bmpChunk(
  s: string,
  start: number,
  end: number,
  spans: Int32Array,
  meta: Int32Array,
  n: number,
): number {
  let a = start;
  while (a < end && (CLASS[s.charCodeAt(a)]! & PS) !== 0) a++;
  if (a === end) return put(spans, meta, n, start, end, bmpMeta(s, start, end));
  let b = end;
  while (b > a && (CLASS[s.charCodeAt(b - 1)]! & PS) !== 0) b--;
  if (a > start) n = put(spans, meta, n, start, a, bmpMeta(s, start, a));
  n = put(spans, meta, n, a, b, bmpMeta(s, a, b));
  if (b < end) n = put(spans, meta, n, b, end, bmpMeta(s, b, end));
  return n;
}

/** Meta of `s[a, b)` by code point (a surrogate pair is one code point, a lone surrogate is itself). */
function codePointMeta(s: string, a: number, b: number): number {
  let cps = 0;
  let alpha = false;
  let nonPunct = false;
  for (let k = a; k < b; k++) {
    let c = s.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdbff && k + 1 < b && (s.charCodeAt(k + 1) & 0xfc00) === 0xdc00) {
      c = ((c - 0xd800) << 10) + (s.charCodeAt(++k) - 0xdc00) + 0x10000;
    }
    cps++;
    alpha ||= isPyAlpha(c);
    nonPunct ||= !isPunctuationCode(c);
  }
  return (cps << 2) | (alpha ? META_ALPHA : 0) | (nonPunct ? META_NON_PUNCT : 0);
}

/** The tokens of a chunk with surrogates, by code point (words.ts chunkSpans). */
function astralChunk(
  s: string,
  start: number,
  end: number,
  spans: Int32Array,
  meta: Int32Array,
  n: number,
): number {
  let a = start;
  while (a < end) {
    const cp = s.codePointAt(a)!;
    if (!isPunctOrSymbol(cp)) break;
    a += cp > 0xffff ? 2 : 1;
  }
  if (a === end) return put(spans, meta, n, start, end, codePointMeta(s, start, end));
  let b = end;
  while (b > a) {
    const cp = lastCodePoint(s, b, a);
    if (!isPunctOrSymbol(cp)) break;
    b -= cp > 0xffff ? 2 : 1;
  }
  if (a > start) n = put(spans, meta, n, start, a, codePointMeta(s, start, a));
  n = put(spans, meta, n, a, b, codePointMeta(s, a, b));
  if (b < end) n = put(spans, meta, n, b, end, codePointMeta(s, b, end));
  return n;
}

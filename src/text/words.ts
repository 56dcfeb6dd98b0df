/**
 * The SPEC's word tokenizer (SPEC-filters.md, "Words"), standing in for spaCy's blank English tokenizer:
 * split on Unicode White_Space; in each chunk the leading run and the trailing run of punctuation (P) or
 * symbol (S) characters each become one token; a chunk of only such characters is one token; inner punctuation stays.
 * CJK and Thai are not segmented (a run without spaces is one token).
 */
import { isUnicodeWhiteSpace } from './python.js';

const isWhiteSpace = isUnicodeWhiteSpace;

const PS_RE = /^[\p{P}\p{S}]$/u;
/** Lazily filled per code point: 0 unknown, 1 no, 2 yes (a typed array: faster than a Map on the hot path). */
const psTable = new Uint8Array(0x110000);

/** True for code points in Unicode categories P (punctuation) or S (symbols); false for lone surrogates. */
export function isPunctOrSymbol(cp: number): boolean {
  if (cp < 0x80) {
    // ASCII: every printable non-alphanumeric except space is P* or S*.
    return (
      (cp >= 0x21 && cp <= 0x2f) ||
      (cp >= 0x3a && cp <= 0x40) ||
      (cp >= 0x5b && cp <= 0x60) ||
      (cp >= 0x7b && cp <= 0x7e)
    );
  }
  let v = psTable[cp]!;
  if (v === 0) {
    v = PS_RE.test(String.fromCodePoint(cp)) ? 2 : 1;
    psTable[cp] = v;
  }
  return v === 2;
}

/** The code point that ends at `s[end - 1]`, and its width in code units: a lone surrogate is itself. */
export function lastCodePoint(s: string, end: number, floor: number): number {
  const lo = s.charCodeAt(end - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && end - 2 >= floor) {
    const hi = s.charCodeAt(end - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return ((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
  }
  return lo;
}

/** Appends the tokens of one whitespace-free chunk `s[start, end)` to `out`. */
function chunkTokens(s: string, start: number, end: number, out: string[]): void {
  // Fast path, most chunks of Latin text: no punctuation or symbol at either end, so one token.
  const first = s.charCodeAt(start);
  const last = s.charCodeAt(end - 1);
  if (first < 0x80 && last < 0x80 && !isPunctOrSymbol(first) && !isPunctOrSymbol(last)) {
    out.push(s.slice(start, end));
    return;
  }
  let a = start;
  while (a < end) {
    const cp = s.codePointAt(a)!;
    if (!isPunctOrSymbol(cp)) break;
    a += cp > 0xffff ? 2 : 1;
  }
  if (a === end) {
    out.push(s.slice(start, end));
    return;
  }
  let b = end;
  while (b > a) {
    const cp = lastCodePoint(s, b, a);
    if (!isPunctOrSymbol(cp)) break;
    b -= cp > 0xffff ? 2 : 1;
  }
  if (a > start) out.push(s.slice(start, a));
  out.push(s.slice(a, b));
  if (b < end) out.push(s.slice(b, end));
}

/** Tokens of `text` by the SPEC's definition, in order. */
export function splitIntoWords(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c < 0x80 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : isWhiteSpace(c);
    if (space) {
      if (start >= 0) chunkTokens(text, start, i, out);
      start = -1;
    } else if (start < 0) start = i;
  }
  if (start >= 0) chunkTokens(text, start, text.length, out);
  return out;
}

/** ASCII classes for `wordSpans`: 0 word character, 1 White_Space, 2 punctuation or symbol. */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_CLASS[c] = isWhiteSpace(c) ? 1 : isPunctOrSymbol(c) ? 2 : 0;

/** Token offsets of one document: token k is `text.slice(spans[2k], spans[2k + 1])`, UTF-16 units. */
export interface WordSpans {
  /** `[start, end)` pairs, `2 * count` entries used; may be longer (a reused buffer). */
  spans: Int32Array;
  count: number;
}

/**
 * The tokens of `splitIntoWords(text)` as offsets, allocating no string: written into `out` (grown by
 * doubling when too small, so pass back the returned `spans` to reuse it). On ../shared/data/web
 * (20 MB, Node 20) 89 MB/s for splitIntoWords, 180 MB/s for this (one class-table read per ASCII char).
 */
export function wordSpans(text: string, out: Int32Array = new Int32Array(256)): WordSpans {
  let spans = out.length >= 2 ? out : new Int32Array(256);
  let n = 0;
  let start = -1;
  const len = text.length;
  for (let i = 0; i <= len; i++) {
    const c = i < len ? text.charCodeAt(i) : 0x20;
    if (c < 0x80 ? ASCII_CLASS[c] !== 1 : !isWhiteSpace(c)) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    // A chunk yields at most 3 tokens (6 entries).
    if (n + 6 > spans.length) {
      const grown = new Int32Array(spans.length * 2);
      grown.set(spans.subarray(0, n));
      spans = grown;
    }
    const first = text.charCodeAt(start);
    const last = text.charCodeAt(i - 1);
    // Fast path, most chunks of Latin text: no punctuation or symbol at either end, so one token.
    if (first < 0x80 && last < 0x80 && ASCII_CLASS[first] === 0 && ASCII_CLASS[last] === 0) {
      spans[n++] = start;
      spans[n++] = i;
    } else n = chunkSpans(text, start, i, spans, n);
    start = -1;
  }
  return { spans, count: n >> 1 };
}

/** Writes the spans of one whitespace-free chunk `s[start, end)` at `spans[n]`; returns the new `n`. */
function chunkSpans(s: string, start: number, end: number, spans: Int32Array, n: number): number {
  let a = start;
  while (a < end) {
    const cp = s.codePointAt(a)!;
    if (!isPunctOrSymbol(cp)) break;
    a += cp > 0xffff ? 2 : 1;
  }
  if (a === end) {
    spans[n] = start;
    spans[n + 1] = end;
    return n + 2;
  }
  let b = end;
  while (b > a) {
    const cp = lastCodePoint(s, b, a);
    if (!isPunctOrSymbol(cp)) break;
    b -= cp > 0xffff ? 2 : 1;
  }
  if (a > start) {
    spans[n++] = start;
    spans[n++] = a;
  }
  spans[n++] = a;
  spans[n++] = b;
  if (b < end) {
    spans[n++] = b;
    spans[n++] = end;
  }
  return n;
}

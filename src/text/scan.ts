/**
 * Non-allocating scanners for the hot loops of the C4 and FineWeb filters: Python whitespace tests,
 * `strip()`, word counts of `split()` and of the SPEC tokenizer (SPEC-filters.md, "Precise definitions"),
 * each equal to the allocating version in src/text/python.ts and src/text/words.ts (tested on real data).
 */

import { nativeText } from '../native/loaded-text.js';
import { nativeScanner } from './token-scan.js';
import { isPunctOrSymbol } from './words.js';

/** Python `str.isspace` for one code unit, and `s.strip()` (shared with src/text/python.ts). */
export { isPySpaceCode as isPySpace, pyStrip as strip } from './python.js';

import { isPySpaceCode as isPySpace, isUnicodeWhiteSpace } from './python.js';

/** True when a whitespace-separated word of `line` is longer than `max` code points. */
export function hasLongWord(line: string, max: number): boolean {
  if (line.length <= max) return false;
  let len = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (isPySpace(c)) len = 0;
    // A low surrogate after its high surrogate is the same code point.
    else if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && (line.charCodeAt(i - 1) & 0xfc00) === 0xd800)) {
      if (++len > max) return true;
    }
  }
  return false;
}

/** Number of words of Python `line.split()`, counting stops at `limit`. */
export function countWordsUpTo(line: string, limit: number): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < line.length && n < limit; i++) {
    const space = isPySpace(line.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Unicode White_Space above ASCII, the SPEC tokenizer's chunk separator (as src/text/words.ts). */
const isWideWhiteSpace = isUnicodeWhiteSpace;

/** ASCII classes for countWords: 1 = White_Space, 2 = punctuation or symbol, 0 = other. */
const ASCII_CLASS = new Uint8Array(128);
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]) ASCII_CLASS[c] = 1;
for (let c = 0x21; c < 0x7f; c++) if (isPunctOrSymbol(c)) ASCII_CLASS[c] = 2;

function isPS(cp: number): boolean {
  return cp < 0x80 ? ASCII_CLASS[cp] === 2 : isPunctOrSymbol(cp);
}

/** Tokens of one chunk `s[a, b)`: 1 if only P/S, else the word plus a leading and a trailing P/S run. */
function chunkCount(s: string, a: number, b: number): number {
  const lo = s.charCodeAt(b - 1);
  const last = isPS(b - 2 >= a && lo >= 0xdc00 && lo <= 0xdfff ? s.codePointAt(b - 2)! : lo);
  if (!isPS(s.codePointAt(a)!)) return last ? 2 : 1;
  for (let i = a; i < b; ) {
    const cp = s.codePointAt(i)!;
    if (!isPS(cp)) return last ? 3 : 2;
    i += cp > 0xffff ? 2 : 1;
  }
  return 1;
}

/**
 * `splitIntoWords(text).length` without building the tokens (FineWeb needs only the count; after
 * filter-c4 rewrites a text the shared analysis has no tokens to reuse): 5x faster on web/dolma_cc_raw.
 * A text without surrogates is counted natively when the addon is built (src/native/token_scan.cc,
 * tested equal; `useNative` false: never): this loop took 2.7% of the FineWeb chain's CPU time on one core.
 */
export function countWords(text: string, useNative = true): number {
  const addon = useNative ? nativeScanner() : undefined;
  if (addon !== undefined) {
    const n = addon.countWords(nativeText(addon, text));
    if (n >= 0) return n;
  }
  let n = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 ? ASCII_CLASS[c] === 1 : isWideWhiteSpace(c)) {
      if (start >= 0) n += chunkCount(text, start, i);
      start = -1;
    } else if (start < 0) start = i;
  }
  return start >= 0 ? n + chunkCount(text, start, text.length) : n;
}

import type { Doc } from '../core/doc.js';
import { isSpecialCp } from './dj-chars.js';

/**
 * Data-Juicer's words (`data_juicer/ops/common/helper_func.py`), which differ from the SPEC tokenizer
 * of `analysis.ts`: `split_on_whitespace(text, new_line=True, tab=True)` splits on ' ', '\n' and '\t'
 * only (a '\r' or U+00A0 stays inside a word) and drops empty pieces; `words_refinement(lower_case=True,
 * strip_chars=SPECIAL_CHARACTERS)` lowercases each word, strips special characters from both ends and
 * drops words left empty. Punctuation inside a word stays ("don't", "e-mail").
 */

function isSep(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09;
}

/** Code point at `i` (a lone surrogate as itself) and its width in code units. */
function cpAt(s: string, i: number): number {
  return s.codePointAt(i)!;
}

/** End (exclusive) of `s[start, end)` once special characters are stripped from the right. */
function trimRight(s: string, start: number, end: number): number {
  while (end > start) {
    const lo = s.charCodeAt(end - 1);
    const step =
      (lo & 0xfc00) === 0xdc00 && end - 2 >= start && (s.charCodeAt(end - 2) & 0xfc00) === 0xd800 ? 2 : 1;
    if (!isSpecialCp(cpAt(s, end - step))) break;
    end -= step;
  }
  return end;
}

/** Start of `s[start, end)` once special characters are stripped from the left. */
function trimLeft(s: string, start: number, end: number): number {
  while (start < end) {
    const cp = cpAt(s, start);
    if (!isSpecialCp(cp)) break;
    start += cp > 0xffff ? 2 : 1;
  }
  return start;
}

/** DJ refined words of `text` (lowercased, special characters stripped, empties dropped), in order. */
export function refinedWords(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  let start = 0;
  for (let i = 0; i <= n; i++) {
    if (i < n && !isSep(text.charCodeAt(i))) continue;
    if (i > start) {
      // Lowercase first, as DJ does: 'Г' is special but its lowercase 'г' is not.
      const w = text.slice(start, i).toLowerCase();
      const a = trimLeft(w, 0, w.length);
      const b = trimRight(w, a, w.length);
      if (b > a) out.push(a === 0 && b === w.length ? w : w.slice(a, b));
    }
    start = i + 1;
  }
  return out;
}

/** Word count and total length in code points of DJ `words_num` words (stripped, not lowercased). */
export interface WordCounts {
  words: number;
  chars: number;
}

/** Fills `out` in one pass over `text` without allocating: the counts `refinedWords` would give. */
export function countRefinedWords(text: string, out: WordCounts): WordCounts {
  let words = 0;
  let chars = 0;
  // Per word: code points since the first non-special one, and that count at the last non-special one.
  let sinceFirst = -1;
  let atLast = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 0x20;
    if (isSep(c)) {
      if (sinceFirst >= 0) {
        words++;
        chars += atLast;
      }
      sinceFirst = -1;
      continue;
    }
    let cp = c;
    if ((c & 0xfc00) === 0xd800 && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      cp = cpAt(text, i);
      i++;
    }
    const special = isSpecialCp(cp);
    if (sinceFirst < 0) {
      if (special) continue;
      sinceFirst = 0;
    }
    sinceFirst++;
    if (!special) atLast = sinceFirst;
  }
  out.words = words;
  out.chars = chars;
  return out;
}

interface Cached {
  text: string;
  refined: string[];
}

const cache = new WeakMap<Doc, Cached>();

/**
 * The document's DJ refined words, computed once per text and shared by the stopword, flagged-word and
 * word-repetition filters (DJ's INTER_WORDS op fusion); a stage that rewrote `doc.text` gets fresh ones.
 */
export function djRefinedWords(doc: Doc): string[] {
  const hit = cache.get(doc);
  if (hit !== undefined && hit.text === doc.text) return hit.refined;
  const refined = refinedWords(doc.text);
  cache.set(doc, { text: doc.text, refined });
  return refined;
}

/**
 * The general path of cc_net normalisation + `str.split()` + vocabulary lookup, fused like the ASCII path
 * (perplexity-ascii.ts): each code point is replaced by its cached normalisation (lower-cased alone, which
 * equals lower-casing the line except for final sigma: a line with a capital sigma is lower-cased whole
 * first by the caller) (NFD minus Mn, Nd digits -> 0, the punctuation table,
 * control characters removed: cc_net text_normalizer.normalize applied to the one character) and the result
 * is split on Python whitespace and hashed without building strings. NFD is per character except the
 * canonical reordering of combining marks, which only permutes marks that strip_accents removes.
 */
import { isPySpaceCode } from '../text/python.js';
import { type CcnetNormalizeOptions, ccnetNormalize } from './ccnet-normalize.js';
import type { NgramModel } from './model.js';
import { WORD_P1, WORD_P2, WORD_S1, WORD_S2 } from './vocab.js';

/** Per option set and lower-casing: code point -> its normalisation. */
const caches = new Map<string, Map<number, string>>();

function cacheFor(o: CcnetNormalizeOptions, lower: boolean): Map<number, string> {
  const key = `${lower}/${o.strip_accents}/${o.digits_to_zero}/${o.punctuation}`;
  let c = caches.get(key);
  if (c === undefined) {
    c = new Map();
    caches.set(key, c);
  }
  return c;
}

/** ccnetNormalize of one code point, without strip. */
function expand(cp: number, o: CcnetNormalizeOptions, lower: boolean): string {
  // C1 controls (U+0085 is Python whitespace, but normalize removes it before the split).
  if (cp >= 0x7f && cp <= 0x9f) return '';
  const s = String.fromCodePoint(cp);
  if (isPySpaceCode(cp)) return s;
  // The 'x's keep pyStrip from eating whitespace the punctuation table produces ("—" -> " - ").
  return ccnetNormalize(`x${lower ? s.toLowerCase() : s}x`, { ...o, lowercase: false }).slice(1, -1);
}

/**
 * Writes the ids of the words of `line[start, end)` normalised as cc_net does into `ids` (`lower`: lower-case
 * each code point; false when the caller lower-cased the line or lowercase is off); returns how many, or -1
 * when `ids` is too small.
 */
export function unicodeLineIds(
  model: NgramModel,
  line: string,
  start: number,
  end: number,
  o: CcnetNormalizeOptions,
  lower: boolean,
  ids: Int32Array,
): number {
  const cache = cacheFor(o, lower);
  let n = 0;
  let len = 0;
  let h1 = WORD_S1;
  let h2 = WORD_S2;
  let i = start;
  while (i < end) {
    const cp = line.codePointAt(i) as number;
    i += cp > 0xffff ? 2 : 1;
    let out: string | undefined;
    if (cp < 0x80) {
      if (cp < 0x20 || cp === 0x7f) continue;
      if (cp !== 0x20) {
        let c = o.digits_to_zero && cp >= 0x30 && cp <= 0x39 ? 0x30 : cp;
        if (lower && c >= 0x41 && c <= 0x5a) c += 0x20;
        h1 = Math.imul(h1 ^ c, WORD_P1);
        h2 = Math.imul(h2 ^ c, WORD_P2);
        len++;
        continue;
      }
      out = ' ';
    } else {
      out = cache.get(cp);
      if (out === undefined) {
        out = expand(cp, o, lower);
        cache.set(cp, out);
      }
    }
    for (let k = 0; k < out.length; k++) {
      const c = out.charCodeAt(k);
      if (isPySpaceCode(c)) {
        if (len > 0) {
          if (n === ids.length) return -1;
          ids[n++] = model.wordIdHash(h1, h2, len);
          len = 0;
          h1 = WORD_S1;
          h2 = WORD_S2;
        }
        continue;
      }
      h1 = Math.imul(h1 ^ c, WORD_P1);
      h2 = Math.imul(h2 ^ c, WORD_P2);
      len++;
    }
  }
  if (len > 0) {
    if (n === ids.length) return -1;
    ids[n++] = model.wordIdHash(h1, h2, len);
  }
  return n;
}

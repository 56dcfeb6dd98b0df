/**
 * The fast path of cc_net normalisation + `str.split()` + vocabulary lookup for an ASCII line, in one pass
 * over the document text: no normalised string, no token strings. On ASCII, cc_net's normalize reduces to
 * strip, lower (A-Z), digits -> 0 and removing control characters (\x00-\x1f, \x7f: tabs too, which
 * joins the words around them); NFD, Mn and the punctuation table touch only non-ASCII. After that, only
 * the space separates words. Measured on English web text: 2x the regex path (bench/perplexity.js).
 */
import type { NgramModel } from './model.js';
import { WORD_P1, WORD_P2, WORD_S1, WORD_S2 } from './vocab.js';

/**
 * Writes the ids of the words of `text[start, end)` normalised as cc_net does into `ids` and returns how
 * many, or -1 when the line has a non-ASCII character (the caller takes the general path) or more words
 * than `ids` holds.
 */
export function asciiLineIds(
  model: NgramModel,
  text: string,
  start: number,
  end: number,
  lowercase: boolean,
  digits: boolean,
  ids: Int32Array,
): number {
  let n = 0;
  let len = 0;
  let h1 = WORD_S1;
  let h2 = WORD_S2;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0x80) return -1;
    if (c === 0x20) {
      if (len > 0) {
        if (n === ids.length) return -1;
        ids[n++] = model.wordIdHash(h1, h2, len);
        len = 0;
        h1 = WORD_S1;
        h2 = WORD_S2;
      }
      continue;
    }
    if (c < 0x20 || c === 0x7f) continue;
    if (lowercase && c >= 0x41 && c <= 0x5a) c += 0x20;
    else if (digits && c >= 0x30 && c <= 0x39) c = 0x30;
    h1 = Math.imul(h1 ^ c, WORD_P1);
    h2 = Math.imul(h2 ^ c, WORD_P2);
    len++;
  }
  if (len > 0) {
    if (n === ids.length) return -1;
    ids[n++] = model.wordIdHash(h1, h2, len);
  }
  return n;
}

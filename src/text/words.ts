/**
 * The SPEC's word tokenizer (SPEC-filters.md, "Words"), standing in for spaCy's blank English tokenizer:
 * split on Unicode White_Space; in each chunk the leading run and the trailing run of punctuation (P) or
 * symbol (S) characters each become one token; a chunk of only such characters is one token; inner punctuation stays.
 * CJK and Thai are not segmented (a run without spaces is one token).
 */

/** Unicode White_Space (not U+FEFF, not \x1c-\x1f): the code points that separate chunks. */
function isWhiteSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000
  );
}

const PS_RE = /^[\p{P}\p{S}]$/u;
const psCache = new Map<number, boolean>();

/** True for code points in Unicode categories P (punctuation) or S (symbols). */
export function isPunctOrSymbol(cp: number): boolean {
  if (cp < 0x80) {
    // ASCII: every printable non-alphanumeric except space is P* or S*.
    return (cp >= 0x21 && cp <= 0x2f) || (cp >= 0x3a && cp <= 0x40) || (cp >= 0x5b && cp <= 0x60) || (cp >= 0x7b && cp <= 0x7e);
  }
  let v = psCache.get(cp);
  if (v === undefined) {
    v = PS_RE.test(String.fromCodePoint(cp));
    psCache.set(cp, v);
  }
  return v;
}

/** Appends the tokens of one whitespace-free chunk `s[start, end)` to `out`. */
function chunkTokens(s: string, start: number, end: number, out: string[]): void {
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
    const lo = s.charCodeAt(b - 1);
    const step = lo >= 0xdc00 && lo <= 0xdfff && b - 2 >= a ? 2 : 1;
    if (!isPunctOrSymbol(s.codePointAt(b - step)!)) break;
    b -= step;
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

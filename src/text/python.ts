/**
 * Python string semantics the reference filters depend on (SPEC-filters.md, "Precise definitions"):
 * `len` in code points, `str.isspace` whitespace, `strip()`, `split()` and `splitlines()`.
 */

/** Characters Python's `str.isspace()` accepts (Unicode White_Space plus \x1c-\x1f; not U+FEFF). */
const PY_SPACE =
  '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SPLIT_RE = new RegExp(`[${PY_SPACE}]+`);
const SPACE_RE = new RegExp(`[${PY_SPACE}]`);
/** `str.splitlines()` boundaries: \r\n as one, then each single-character line break Python knows. */
const LINES_RE = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

/** Python `len(s)`: code points, so an emoji or any astral character counts 1. */
export function cpLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Unicode White_Space (the SPEC's word separators; not U+FEFF, not \x1c-\x1f), one UTF-16 code unit. */
export function isUnicodeWhiteSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** True when the UTF-16 code unit `c` is whitespace for Python `str.isspace()`: White_Space plus \x1c-\x1f. */
export function isPySpaceCode(c: number): boolean {
  return isUnicodeWhiteSpace(c) || (c >= 0x1c && c <= 0x1f);
}

/** Python `s.strip()`. A scan, not a `[ws]+$` regex, which backtracks quadratically on long inner runs. */
export function pyStrip(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isPySpaceCode(s.charCodeAt(a))) a++;
  while (b > a && isPySpaceCode(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** Python `s.split()`: runs of whitespace separate, no empty pieces. */
export function pySplit(s: string): string[] {
  const out = s.split(SPLIT_RE);
  if (out.length > 0 && out[0] === '') out.shift();
  if (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/** True when `ch` (one character) is whitespace for Python. */
export function pyIsSpace(ch: string): boolean {
  return SPACE_RE.test(ch);
}

/** Python `s.splitlines()`: no trailing empty piece; '' gives []. */
export function splitlines(s: string): string[] {
  if (s === '') return [];
  const out = s.split(LINES_RE);
  if (out[out.length - 1] === '') out.pop();
  return out;
}

const ALPHA_RE = /^\p{L}$/u;
/** Lazily filled per code point: 0 unknown, 1 no, 2 yes. */
const alphaTable = new Uint8Array(0x110000);

/** Python `ch.isalpha()` for one code point: Unicode category L (Lu, Ll, Lt, Lm, Lo). */
export function isPyAlpha(cp: number): boolean {
  if (cp < 0x80) return (cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a;
  let v = alphaTable[cp]!;
  if (v === 0) {
    v = ALPHA_RE.test(String.fromCodePoint(cp)) ? 2 : 1;
    alphaTable[cp] = v;
  }
  return v === 2;
}

/**
 * C[i + 1] = Python len of tokens [0, i] (`text[spans[2k], spans[2k + 1])`): a low surrogate after a high
 * one in the same token ends a code point already counted.
 */
export function tokenCodePoints(text: string, spans: Int32Array, count: number, C: Int32Array): void {
  let c = 0;
  for (let i = 0; i < count; i++) {
    let prev = 0;
    const end = spans[2 * i + 1]!;
    for (let k = spans[2 * i]!; k < end; k++) {
      const unit = text.charCodeAt(k);
      if ((unit & 0xfc00) !== 0xdc00 || (prev & 0xfc00) !== 0xd800) c++;
      prev = unit;
    }
    C[i + 1] = c;
  }
}

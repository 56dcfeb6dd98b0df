/**
 * Python string semantics the reference filters depend on (SPEC-filters.md, "Precise definitions"):
 * `len` in code points, `str.isspace` whitespace, `strip()`, `split()` and `splitlines()`.
 */

/** Characters Python's `str.isspace()` accepts (Unicode White_Space plus \x1c-\x1f; not U+FEFF). */
const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const STRIP_RE = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'g');
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

/** Python `s.strip()`. */
export function pyStrip(s: string): string {
  return s.replace(STRIP_RE, '');
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

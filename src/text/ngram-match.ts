/**
 * Exact n-gram comparisons behind the hashed tables of ngrams.ts, reading tokens in place: token k is
 * `text[S[2k], S[2k + 1])` and U[k] its first unit in the concatenation of all tokens.
 */

/** True when tokens `[a, a + n)` and `[b, b + n)` are equal word by word (`" ".join` equality). */
export function sameWords(text: string, S: Int32Array, a: number, b: number, n: number): boolean {
  for (let k = 0; k < n; k++) {
    const sa = S[2 * (a + k)]!;
    const sb = S[2 * (b + k)]!;
    const len = S[2 * (a + k) + 1]! - sa;
    if (len !== S[2 * (b + k) + 1]! - sb) return false;
    for (let j = 0; j < len; j++) if (text.charCodeAt(sa + j) !== text.charCodeAt(sb + j)) return false;
  }
  return true;
}

/** True when tokens `[a, a + n)` and `[b, b + n)` concatenate to the same string (`"".join` equality). */
export function sameChars(
  text: string,
  S: Int32Array,
  U: Int32Array,
  a: number,
  b: number,
  n: number,
): boolean {
  const len = U[a + n]! - U[a]!;
  if (len !== U[b + n]! - U[b]!) return false;
  // Cursors (position, end of its token) walk both concatenations; tokens are never empty.
  let wa = 2 * a;
  let wb = 2 * b;
  let pa = S[wa]!;
  let ea = S[wa + 1]!;
  let pb = S[wb]!;
  let eb = S[wb + 1]!;
  for (let left = len; left > 0; left--) {
    if (pa === ea) {
      wa += 2;
      pa = S[wa]!;
      ea = S[wa + 1]!;
    }
    if (pb === eb) {
      wb += 2;
      pb = S[wb]!;
      eb = S[wb + 1]!;
    }
    if (text.charCodeAt(pa++) !== text.charCodeAt(pb++)) return false;
  }
  return true;
}

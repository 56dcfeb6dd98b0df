/**
 * Strict UTF-8 validation of a byte range, for the rare line whose decoded text contains U+FFFD: it tells a
 * genuine U+FFFD in the source (valid) from a replaced invalid byte, and says where the bad byte is.
 */

/**
 * Index (relative to `start`) of the first byte of `buf[start, end)` that is not part of a well-formed UTF-8
 * sequence (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF), or -1 when the range is valid.
 */
export function invalidUtf8At(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = sequenceLength(buf, i, end);
    if (len === 0) return i - start;
    i += len;
  }
  return -1;
}

/** Length of the well-formed multi-byte sequence starting at `i`, or 0 when it is malformed or cut short. */
function sequenceLength(buf: Uint8Array, i: number, end: number): number {
  const b = buf[i]!;
  let len: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) len = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    len = 3;
    if (b === 0xe0) lo = 0xa0; // overlong
    if (b === 0xed) hi = 0x9f; // UTF-16 surrogates
  } else if (b >= 0xf0 && b <= 0xf4) {
    len = 4;
    if (b === 0xf0) lo = 0x90; // overlong
    if (b === 0xf4) hi = 0x8f; // above U+10FFFF
  } else return 0;
  if (i + len > end) return 0;
  const second = buf[i + 1]!;
  if (second < lo || second > hi) return 0;
  for (let k = 2; k < len; k++) {
    const c = buf[i + k]!;
    if (c < 0x80 || c > 0xbf) return 0;
  }
  return len;
}

/**
 * Seeded string hashing for every sampling decision (house rule 5: randomness is `unitHash(seed, doc.id)`).
 *
 * The function is MurmurHash3 x86_32 (Austin Appleby, public domain) over the string's UTF-8 bytes, so
 * `hashString32(s, seed)` equals Python's `mmh3.hash(s.encode('utf-8'), seed, signed=False)` and any other
 * reference implementation fed UTF-8. Lone surrogates are hashed as U+FFFD (EF BF BD), as `Buffer.from(s)`
 * and `TextEncoder` encode them. Sampled outputs depend on these exact values: never change this file's
 * arithmetic; test/text/hash.test.ts pins published test vectors.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** Mixes one little-endian 4-byte block into the running state (murmur3 body step). */
function mixBlock(h: number, block: number): number {
  let k = Math.imul(block, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  let x = h ^ k;
  x = (x << 13) | (x >>> 19);
  return (Math.imul(x, 5) + 0xe6546b64) | 0;
}

/** UTF-8 bytes of code point `cp`, packed little-endian (first byte lowest); `utf8Width` gives the count. */
function utf8Packed(cp: number): number {
  if (cp < 0x80) return cp;
  if (cp < 0x800) return 0xc0 | (cp >>> 6) | ((0x80 | (cp & 0x3f)) << 8);
  if (cp < 0x10000) {
    return 0xe0 | (cp >>> 12) | ((0x80 | ((cp >>> 6) & 0x3f)) << 8) | ((0x80 | (cp & 0x3f)) << 16);
  }
  return (
    (0xf0 |
      (cp >>> 18) |
      ((0x80 | ((cp >>> 12) & 0x3f)) << 8) |
      ((0x80 | ((cp >>> 6) & 0x3f)) << 16) |
      ((0x80 | (cp & 0x3f)) << 24)) >>>
    0
  );
}

function utf8Width(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Murmur3 tail and finalizer: folds the last 0..3 bytes (`tail`, little-endian) and the byte length. */
function finish(h: number, tail: number, tailBytes: number, byteLength: number): number {
  if (tailBytes > 0) {
    let k = Math.imul(tail, C1);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, C2);
  }
  return fmix32(h ^ byteLength);
}

/** murmur3's 32-bit finalizer: every input bit affects every output bit (an avalanche mix). */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * MurmurHash3 x86_32 of the UTF-8 encoding of `s`, as an unsigned 32-bit integer. `seed` is an integer
 * reduced to its low 32 bits. Encodes on the fly: no buffer is allocated.
 */
export function hashString32(s: string, seed: number): number {
  let h = seed | 0;
  let block = 0; // pending bytes, little-endian
  let pending = 0; // number of pending bytes, 0..3
  let byteLength = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    // ASCII fast path: four one-byte chars form a whole block; ids are almost always ASCII
    // (1M 40-char ids: 130 ms with it, 195 ms without, Node 20).
    if (pending === 0 && i + 3 < n) {
      const a = s.charCodeAt(i);
      const b = s.charCodeAt(i + 1);
      const d = s.charCodeAt(i + 2);
      const e = s.charCodeAt(i + 3);
      if ((a | b | d | e) < 0x80) {
        h = mixBlock(h, a | (b << 8) | (d << 16) | (e << 24));
        byteLength += 4;
        i += 3;
        continue;
      }
    }
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdfff) {
      const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      const paired = cp <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      cp = paired ? 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00) : 0xfffd;
      if (paired) i++;
    }
    let enc = utf8Packed(cp);
    const width = utf8Width(cp);
    byteLength += width;
    for (let b = 0; b < width; b++) {
      block |= (enc & 0xff) << (pending << 3);
      enc >>>= 8;
      if (++pending === 4) {
        h = mixBlock(h, block);
        block = 0;
        pending = 0;
      }
    }
  }
  return finish(h, block, pending, byteLength);
}

const TWO_POW_32 = 4294967296;

/**
 * A uniform value in [0, 1) that is a pure function of (seed, id): `hashString32(id, seed) / 2**32`.
 * Keep a document with probability p by testing `unitHash(seed, id) < p`.
 */
export function unitHash(seed: number, id: string): number {
  return hashString32(id, seed) / TWO_POW_32;
}

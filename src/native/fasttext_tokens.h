// Splitting UTF-8 text into fastText tokens fast (fastText's readWord separators: ' ' \t \n \v \f \r and \0),
// and hashing each token for the token cache.
//
// Why not byte by byte: the per-byte separator test and FNV-1a step (a multiply chain) took 30% of the LID time
// on web text (12 of 40 ms per pass of `node bench/lid.js`). Here the separators are found 16 bytes at a time
// (SSE2) into a bitmap walked with count-trailing-zeros, and the cache hash reads 8 bytes at a time. The cache
// may use any hash (its keys are compared in full); fastText's own FNV-1a is still what picks n-gram buckets.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "hash_mix.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace datamill {

inline bool isFastTextSeparator(uint8_t c) { return c == 0x20 || (c >= 0x09 && c <= 0x0d) || c == 0; }

#if defined(__SSE2__)
// Bit i set when p[i] is a separator, for the 16 bytes at p.
inline uint32_t separatorMask16(const uint8_t* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i space = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x20));
  const __m128i nul = _mm_cmpeq_epi8(v, _mm_setzero_si128());
  // 0x09..0x0d: v - 9 is at most 4 as an unsigned byte.
  const __m128i t = _mm_sub_epi8(v, _mm_set1_epi8(0x09));
  const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(4)), t);
  return static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(space, nul), control)));
}
#endif

// The separator bitmap of text[0..len): bit i of word i/64 set when text[i] is a separator. Positions from len
// on read as separators, and one word more than the text needs is written, so a walk always finds an end.
inline void markSeparators(const uint8_t* text, size_t len, std::vector<uint64_t>& bits) {
  const size_t words = len / 64 + 1;
  if (bits.size() < words) bits.resize(words);
  size_t i = 0;
  for (; i + 64 <= len; i += 64) {
    uint64_t m = 0;
#if defined(__SSE2__)
    for (int k = 0; k < 4; k++) m |= uint64_t(separatorMask16(text + i + 16 * k)) << (16 * k);
#else
    for (int k = 0; k < 64; k++) m |= uint64_t(isFastTextSeparator(text[i + k])) << k;
#endif
    bits[i / 64] = m;
  }
  uint64_t m = ~uint64_t(0);
  for (size_t k = i; k < len; k++) {
    if (!isFastTextSeparator(text[k])) m &= ~(uint64_t(1) << (k & 63));
  }
  bits[i / 64] = m;  // the last partial (or empty) word: bits past len stay set
}

// Walks the tokens of a separator bitmap: next(start, end) gives the next token's [start, end) or false.
class TokenWalker {
 public:
  TokenWalker(const std::vector<uint64_t>& bits, size_t len) : bits_(bits.data()), last_(len / 64) {}

  bool next(size_t* start, size_t* end) {
    size_t w = pos_ >> 6;
    uint64_t b = ~bits_[w] & (~uint64_t(0) << (pos_ & 63));
    while (b == 0) {
      if (++w > last_) return false;
      b = ~bits_[w];
    }
    const size_t s = w * 64 + static_cast<size_t>(__builtin_ctzll(b));
    b = bits_[w] & (~uint64_t(0) << (s & 63));
    while (b == 0) b = bits_[++w];  // the last word's set tail bits end every token
    *start = s;
    *end = pos_ = w * 64 + static_cast<size_t>(__builtin_ctzll(b));
    return true;
  }

 private:
  const uint64_t* bits_;
  size_t last_;
  size_t pos_ = 0;
};

// The low n bytes (n = 0..8) of a little-endian load.
inline uint64_t lowBytes(uint64_t v, uint32_t n) { return n >= 8 ? v : v & ((uint64_t(1) << (8 * n)) - 1); }

// Bytes past the end of a text that tokenHash may read (and ignore): callers pad their buffers by this much.
constexpr size_t kTokenHashPadding = 16;

// The token cache's hash of p[0..len): up to 16 bytes in two masked loads, without a branch on the length
// (token lengths are unpredictable), longer tokens 16 bytes a step. Reads up to kTokenHashPadding bytes past
// the token, whose values do not matter.
inline uint32_t tokenHash(const uint8_t* p, uint32_t len) {
  uint64_t seed = kMix0 ^ (uint64_t(len) * kMix1);
  uint32_t i = 0;
  for (; i + 16 < len; i += 16) seed = mix(load64(p + i) ^ kMix1, load64(p + i + 8) ^ seed);
  const uint32_t rest = len - i;  // 0..16
  const uint32_t first = rest < 8 ? rest : 8;
  const uint64_t a = lowBytes(load64(p + i), first);
  const uint64_t b = lowBytes(load64(p + i + 8), rest - first);
  return fold32(mix(a ^ kMix1, b ^ seed));
}

}  // namespace datamill

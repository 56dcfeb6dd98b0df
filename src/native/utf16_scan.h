// Searches over UTF-16 units, eight at a time with SSE2 (a scalar loop elsewhere): the line and sentence
// boundaries and marks the C4 line loop looks for, which a per-unit loop found at a few hundred MB/s.
#pragma once
#include <cstddef>
#include <cstdint>

#include "python_chars.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace datamill {

#if defined(__SSE2__)
inline __m128i load8(const uint16_t* s) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(s)); }
inline __m128i eq16(__m128i v, uint16_t c) { return _mm_cmpeq_epi16(v, _mm_set1_epi16(static_cast<short>(c))); }
#endif

// The first i >= from with pred(s[i]), or n. `block(v)` flags (at least) those units among eight.
template <typename Block, typename Pred>
inline size_t findUnit(const uint16_t* s, size_t from, size_t n, Block block, Pred pred) {
  size_t i = from;
#if defined(__SSE2__)
  for (; i + 8 <= n; i += 8) {
    if (_mm_movemask_epi8(block(load8(s + i))) != 0) break;
  }
#else
  (void)block;
#endif
  while (i < n && !pred(s[i])) i++;
  return i;
}

// The first Python splitlines boundary unit at or after `from`, or n.
inline size_t findLineBreak(const uint16_t* s, size_t from, size_t n) {
#if defined(__SSE2__)
  auto block = [](__m128i v) {
    // 0x0a..0x0d and 0x1c..0x1e are all at most 0x1e; 0x85; 0x2028 and 0x2029.
    const __m128i low = _mm_cmpeq_epi16(_mm_subs_epu16(v, _mm_set1_epi16(0x1e)), _mm_setzero_si128());
    const __m128i sep = _mm_cmpeq_epi16(_mm_and_si128(v, _mm_set1_epi16(static_cast<short>(0xfffe))),
                                        _mm_set1_epi16(0x2028));
    return _mm_or_si128(_mm_or_si128(low, eq16(v, 0x85)), sep);
  };
#else
  auto block = 0;
#endif
  return findUnit(s, from, n, block, isLineBreak);
}

// The first '.', '!' or '?' at or after `from`, or n.
inline size_t findSentenceMark(const uint16_t* s, size_t from, size_t n) {
#if defined(__SSE2__)
  auto block = [](__m128i v) { return _mm_or_si128(_mm_or_si128(eq16(v, '.'), eq16(v, '!')), eq16(v, '?')); };
#else
  auto block = 0;
#endif
  return findUnit(s, from, n, block, [](uint16_t c) { return c == '.' || c == '!' || c == '?'; });
}

// Whether `unit` occurs in s[0, n).
inline bool containsUnit(const uint16_t* s, size_t n, uint16_t unit) {
#if defined(__SSE2__)
  auto block = [unit](__m128i v) { return eq16(v, unit); };
#else
  auto block = 0;
#endif
  return findUnit(s, 0, n, block, [unit](uint16_t c) { return c == unit; }) < n;
}

}  // namespace datamill

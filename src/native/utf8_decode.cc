// See utf8_decode.h.
#include "utf8_decode.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace datamill {

size_t asciiPrefix(const uint8_t* s, size_t n) {
  size_t i = 0;
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16) {
    if (_mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i))) != 0) break;
  }
#endif
  while (i < n && s[i] < 0x80) i++;
  return i;
}

int64_t utf8ToUtf16(const uint8_t* s, size_t n, uint16_t* out, uint16_t* widest) {
  uint16_t* o = out;
  uint16_t wide = 0;
  size_t i = 0;
  while (i < n) {
#if defined(__SSE2__)
    while (i + 16 <= n) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
      if (_mm_movemask_epi8(v) != 0) break;  // a byte with the high bit set
      _mm_storeu_si128(reinterpret_cast<__m128i*>(o), _mm_unpacklo_epi8(v, _mm_setzero_si128()));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(o + 8), _mm_unpackhi_epi8(v, _mm_setzero_si128()));
      o += 16;
      i += 16;
    }
    if (i >= n) break;
#endif
    const uint8_t b = s[i];
    if (b < 0x80) {
      *o++ = b;
      i++;
      continue;
    }
    uint32_t cp;
    const int len = utf8Sequence(s, n, i, &cp);
    if (len == 0) return -1;
    i += len;
    o = putCodePoint(o, cp);
    wide |= cp >= 0x10000 ? 0xffff : static_cast<uint16_t>(cp);
  }
  *widest = wide;
  return o - out;
}

}  // namespace datamill

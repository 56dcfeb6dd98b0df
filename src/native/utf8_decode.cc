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
    if (b >= 0xc2 && b <= 0xdf) {
      if (i + 1 >= n || (s[i + 1] & 0xc0) != 0x80) return -1;
      cp = (uint32_t(b & 0x1f) << 6) | (s[i + 1] & 0x3f);
      i += 2;
    } else if (b >= 0xe0 && b <= 0xef) {
      if (i + 2 >= n || (s[i + 1] & 0xc0) != 0x80 || (s[i + 2] & 0xc0) != 0x80) return -1;
      // E0 needs A0..BF next (no overlong), ED needs 80..9F (no surrogate).
      if ((b == 0xe0 && s[i + 1] < 0xa0) || (b == 0xed && s[i + 1] > 0x9f)) return -1;
      cp = (uint32_t(b & 0x0f) << 12) | (uint32_t(s[i + 1] & 0x3f) << 6) | (s[i + 2] & 0x3f);
      i += 3;
    } else if (b >= 0xf0 && b <= 0xf4) {
      if (i + 3 >= n || (s[i + 1] & 0xc0) != 0x80 || (s[i + 2] & 0xc0) != 0x80 || (s[i + 3] & 0xc0) != 0x80) {
        return -1;
      }
      // F0 needs 90..BF next (no overlong), F4 needs 80..8F (nothing above U+10FFFF).
      if ((b == 0xf0 && s[i + 1] < 0x90) || (b == 0xf4 && s[i + 1] > 0x8f)) return -1;
      cp = (uint32_t(b & 0x07) << 18) | (uint32_t(s[i + 1] & 0x3f) << 12) | (uint32_t(s[i + 2] & 0x3f) << 6) |
           (s[i + 3] & 0x3f);
      i += 4;
      cp -= 0x10000;
      *o++ = static_cast<uint16_t>(0xd800 | (cp >> 10));
      *o++ = static_cast<uint16_t>(0xdc00 | (cp & 0x3ff));
      wide = 0xffff;
      continue;
    } else {
      return -1;  // a continuation byte first, C0/C1, or F5..FF
    }
    *o++ = static_cast<uint16_t>(cp);
    wide |= static_cast<uint16_t>(cp);
  }
  *widest = wide;
  return o - out;
}

}  // namespace datamill

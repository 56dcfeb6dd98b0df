// See json_string.h.
#include "json_string.h"

#include "utf8_encode.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace datamill {
namespace {

const char kHex[] = "0123456789abcdef";

inline uint8_t* unicodeEscape(uint8_t* o, uint16_t c) {
  o[0] = '\\';
  o[1] = 'u';
  o[2] = kHex[c >> 12];
  o[3] = kHex[(c >> 8) & 15];
  o[4] = kHex[(c >> 4) & 15];
  o[5] = kHex[c & 15];
  return o + 6;
}

// True for a unit JSON.stringify copies as one ASCII byte: 0x20..0x7f except '"' and '\\'.
inline bool plainAscii(uint16_t c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

}  // namespace

size_t jsonStringUtf8(const uint16_t* s, size_t n, uint8_t* out) {
  uint8_t* o = out;
  *o++ = '"';
  size_t i = 0;
  while (i < n) {
#if defined(__SSE2__)
    // Eight plain ASCII units at a time (most of any text): narrowed to bytes in one store.
    narrowRun(s, n, &i, &o, [](__m128i v) {
      // Signed compares: a unit of 0x8000 or more is negative, so it fails the first test.
      const __m128i ascii = _mm_and_si128(_mm_cmpgt_epi16(v, _mm_set1_epi16(0x1f)),
                                          _mm_cmplt_epi16(v, _mm_set1_epi16(0x80)));
      const __m128i special = _mm_or_si128(_mm_cmpeq_epi16(v, _mm_set1_epi16('"')),
                                           _mm_cmpeq_epi16(v, _mm_set1_epi16('\\')));
      return _mm_andnot_si128(special, ascii);
    });
    if (i >= n) break;
#endif
    const uint16_t c = s[i++];
    if (plainAscii(c)) {
      *o++ = static_cast<uint8_t>(c);
    } else if (c < 0x20) {
      *o++ = '\\';
      switch (c) {
        case '\b': *o++ = 'b'; break;
        case '\t': *o++ = 't'; break;
        case '\n': *o++ = 'n'; break;
        case '\f': *o++ = 'f'; break;
        case '\r': *o++ = 'r'; break;
        default: o = unicodeEscape(o - 1, c);
      }
    } else if (c == '"' || c == '\\') {
      *o++ = '\\';
      *o++ = static_cast<uint8_t>(c);
    } else if (c < 0xd800 || c > 0xdfff) {
      o = putUtf8(o, c);
    } else if (const uint32_t pair = surrogatePair(s, n, &i)) {
      o = putUtf8(o, pair);
    } else {
      o = unicodeEscape(o, c);  // a lone surrogate
    }
  }
  *o++ = '"';
  return static_cast<size_t>(o - out);
}

}  // namespace datamill

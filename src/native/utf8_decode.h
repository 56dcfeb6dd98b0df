// Strict UTF-8 to UTF-16 for JSONL lines (src/io/jsonl-parse.ts): ASCII runs 16 bytes at a time (SSE2), other
// sequences one by one with the WHATWG checks (no overlongs, no surrogates, nothing above U+10FFFF, no
// truncation). Any invalid byte makes it refuse, and the caller decodes with V8 instead, whose U+FFFD
// replacement and error reporting stay the reference; on valid input every correct decoder gives the same
// units. V8's decoder ran ~550 MB/s on web JSONL here (a per-byte state machine once a line holds one
// non-ASCII character); test/native/utf8-decode.test.ts checks this one against Buffer.toString.
#pragma once
#include <cstddef>
#include <cstdint>

namespace datamill {

// The length of the ASCII prefix of s[0, n) (n: all ASCII, and the bytes are already a one-byte string).
size_t asciiPrefix(const uint8_t* s, size_t n);

// The code point of the multi-byte sequence at s[i] (s[i] ≥ 0x80) of s[0, n), with the WHATWG checks;
// returns its length in bytes (2-4), or 0 when it is invalid or truncated.
inline int utf8Sequence(const uint8_t* s, size_t n, size_t i, uint32_t* cp) {
  const uint8_t b = s[i];
  if (b >= 0xc2 && b <= 0xdf) {
    if (i + 1 >= n || (s[i + 1] & 0xc0) != 0x80) return 0;
    *cp = (uint32_t(b & 0x1f) << 6) | (s[i + 1] & 0x3f);
    return 2;
  }
  if (b >= 0xe0 && b <= 0xef) {
    if (i + 2 >= n || (s[i + 1] & 0xc0) != 0x80 || (s[i + 2] & 0xc0) != 0x80) return 0;
    // E0 needs A0..BF next (no overlong), ED needs 80..9F (no surrogate).
    if ((b == 0xe0 && s[i + 1] < 0xa0) || (b == 0xed && s[i + 1] > 0x9f)) return 0;
    *cp = (uint32_t(b & 0x0f) << 12) | (uint32_t(s[i + 1] & 0x3f) << 6) | (s[i + 2] & 0x3f);
    return 3;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    if (i + 3 >= n || (s[i + 1] & 0xc0) != 0x80 || (s[i + 2] & 0xc0) != 0x80 || (s[i + 3] & 0xc0) != 0x80) {
      return 0;
    }
    // F0 needs 90..BF next (no overlong), F4 needs 80..8F (nothing above U+10FFFF).
    if ((b == 0xf0 && s[i + 1] < 0x90) || (b == 0xf4 && s[i + 1] > 0x8f)) return 0;
    *cp = (uint32_t(b & 0x07) << 18) | (uint32_t(s[i + 1] & 0x3f) << 12) | (uint32_t(s[i + 2] & 0x3f) << 6) |
          (s[i + 3] & 0x3f);
    return 4;
  }
  return 0;  // a continuation byte first, C0/C1, or F5..FF
}

// Appends code point cp as UTF-16 at o; returns the new end.
inline uint16_t* putCodePoint(uint16_t* o, uint32_t cp) {
  if (cp < 0x10000) {
    *o++ = static_cast<uint16_t>(cp);
    return o;
  }
  cp -= 0x10000;
  *o++ = static_cast<uint16_t>(0xd800 | (cp >> 10));
  *o++ = static_cast<uint16_t>(0xdc00 | (cp & 0x3ff));
  return o;
}

// Decodes s[0, n) into out (room for n units); returns the unit count, or -1 when s is not valid UTF-8.
// *widest receives the OR of all units (below 0x100: the text fits a one-byte string).
int64_t utf8ToUtf16(const uint8_t* s, size_t n, uint16_t* out, uint16_t* widest);

}  // namespace datamill

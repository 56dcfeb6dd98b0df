// Python's character classes on UTF-16 units, shared by the kernels that reproduce str methods.
#pragma once
#include <cstdint>

namespace datamill {

// Python str.isspace for one UTF-16 unit: Unicode White_Space plus \x1c-\x1f (python.ts isPySpaceCode).
inline bool isPySpace(uint16_t c) {
  if (c <= 0x20) return c == 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 ||
         c == 0x202f || c == 0x205f || c == 0x3000;
}

// A single-unit line boundary of Python splitlines (\r\n is handled by the caller).
inline bool isLineBreak(uint16_t c) {
  return c == 0x0a || c == 0x0d || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x85 ||
         c == 0x2028 || c == 0x2029;
}

inline bool isHighSurrogate(uint16_t c) { return c >= 0xd800 && c <= 0xdbff; }
inline bool isLowSurrogate(uint16_t c) { return c >= 0xdc00 && c <= 0xdfff; }

}  // namespace datamill

// The pieces of the wyhash-style hashes the kernels use for their own tables (token cache, repeated lines):
// an unaligned 8-byte load, the 128-bit multiply-fold mixing step and its two constants.
#pragma once
#include <cstdint>
#include <cstring>

namespace datamill {

constexpr uint64_t kMix0 = 0xa0761d6478bd642full;
constexpr uint64_t kMix1 = 0xe7037ed1a0b428dbull;

inline uint64_t load64(const void* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// 64x64 -> 128-bit multiply folded to 64 bits.
inline uint64_t mix(uint64_t a, uint64_t b) {
  const unsigned __int128 r = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
}

// A 64-bit mix folded to the 32 bits the tables use.
inline uint32_t fold32(uint64_t h) { return static_cast<uint32_t>(h ^ (h >> 32)); }

}  // namespace datamill

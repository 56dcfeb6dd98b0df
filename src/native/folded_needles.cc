// See folded_needles.h.
#include "folded_needles.h"

namespace datamill {
namespace {

// The ASCII character a code unit matches case-insensitively (lowercase), or 0 for none.
inline uint32_t fold(uint16_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c == 0x212a) return 'k';
  if (c == 0x017f) return 's';
  return 0;
}

}  // namespace

FoldedNeedles::FoldedNeedles(std::vector<std::string> needles) : needles_(std::move(needles)), pairs_(128 * 128) {
  for (const auto& n : needles_) pairs_[(uint32_t(uint8_t(n[0])) << 7) | uint8_t(n[1])] = 1;
}

bool FoldedNeedles::matchAt(const uint16_t* text, size_t len, size_t at) const {
  for (const auto& n : needles_) {
    if (at + n.size() > len) continue;
    size_t k = 0;
    while (k < n.size() && fold(text[at + k]) == uint8_t(n[k])) k++;
    if (k == n.size()) return true;
  }
  return false;
}

bool FoldedNeedles::foundIn(const uint16_t* text, size_t len) const {
  if (len < 2) return false;
  uint32_t prev = fold(text[0]);
  for (size_t i = 1; i < len; i++) {
    const uint32_t f = fold(text[i]);
    // Both folds are below 128 (0 = no ASCII match, never a needle's first unit): one 14-bit index.
    if (pairs_[(prev << 7) | f] && matchAt(text, len, i - 1)) return true;
    prev = f;
  }
  return false;
}

}  // namespace datamill

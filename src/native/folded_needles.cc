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

constexpr int kHeadBits = 16;

// A bit of the heads bitmap for four folded units packed one per byte.
inline uint32_t headBit(uint32_t head) { return (head * 0x9e3779b1u) >> (32 - kHeadBits); }

}  // namespace

FoldedNeedles::FoldedNeedles(std::vector<std::string> needles)
    : needles_(std::move(needles)), heads_((size_t(1) << kHeadBits) / 64) {
  for (const auto& n : needles_) {
    uint32_t head = 0;
    for (size_t k = 0; k < 4; k++) head = (head << 8) | uint8_t(n[k]);
    const uint32_t bit = headBit(head);
    heads_[bit >> 6] |= uint64_t(1) << (bit & 63);
  }
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
  if (len < 4) return false;
  // The last four folded units, one per byte (0 = no ASCII match, never in a needle).
  uint32_t head = (fold(text[0]) << 16) | (fold(text[1]) << 8) | fold(text[2]);
  const uint64_t* heads = heads_.data();
  for (size_t i = 3; i < len; i++) {
    head = (head << 8) | fold(text[i]);
    const uint32_t bit = headBit(head);
    if ((heads[bit >> 6] >> (bit & 63)) & 1) {
      if (matchAt(text, len, i - 3)) return true;
    }
  }
  return false;
}

}  // namespace datamill

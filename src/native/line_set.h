// The set of lines (or pieces) of one text seen so far, for DataTrove's `find_duplicates` as FineWeb's
// duplicated-line characters (fineweb_lines.cc) and Gopher's duplicate lines and paragraphs
// (piece_duplicates.cc) use it, and Python len() of a UTF-16 range.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "hash_mix.h"
#include "python_chars.h"

namespace datamill {

// Python len(): code units less one per high+low surrogate pair (a lone surrogate counts as one).
inline size_t codePoints(const uint16_t* s, size_t n) {
  size_t pairs = 0;
  for (size_t i = 1; i < n; i++) pairs += isLowSurrogate(s[i]) && isHighSurrogate(s[i - 1]);
  return n - pairs;
}

// A hash of n UTF-16 units, 4 a step (equal lines must meet; candidates are compared in full).
inline uint32_t lineHash(const uint16_t* s, size_t n) {
  uint64_t h = kMix0 ^ (uint64_t(n) * kMix1);
  size_t i = 0;
  for (; i + 4 <= n; i += 4) h = mix(h ^ load64(s + i), kMix1);
  uint64_t w = 0;
  for (size_t k = 0; i + k < n; k++) w |= uint64_t(s[i + k]) << (16 * k);
  return fold32(mix(h ^ w, kMix0));
}

// The lines seen so far in one text: open addressing over (hash, start, length), emptied per text by a
// generation number, doubled when half full.
class LineSet {
 public:
  // True when text[start, start + n) equals a line already added; else adds it.
  bool seenOrAdd(const uint16_t* text, uint32_t start, uint32_t n) {
    return seenOrAdd(text, start, n, lineHash(text + start, n));
  }

  // The same with the caller's hash h of the line (equal lines must have equal hashes).
  bool seenOrAdd(const uint16_t* text, uint32_t start, uint32_t n, uint32_t h) {
    if (2 * (used_ + 1) > slots_.size()) grow();
    for (size_t p = h & mask_;; p = (p + 1) & mask_) {
      Slot& s = slots_[p];
      if (s.gen != gen_) {
        s = {gen_, h, start, n};
        used_++;
        return false;
      }
      if (s.hash == h && s.len == n) {
        if (std::memcmp(text + s.start, text + start, 2 * size_t(n)) == 0) return true;
        misses_++;
      }
    }
  }

  // Lines of equal hash and length that differed, since clear().
  size_t misses() const { return misses_; }

  void clear() {
    used_ = 0;
    misses_ = 0;
    if (++gen_ == 0) {  // wrapped: old generations could read as current
      std::fill(slots_.begin(), slots_.end(), Slot{});
      gen_ = 1;
    }
  }

 private:
  struct Slot {
    uint32_t gen = 0, hash = 0, start = 0, len = 0;
  };

  void grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 256 : 4 * old.size(), Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.gen != gen_) continue;
      size_t p = s.hash & mask_;
      while (slots_[p].gen == gen_) p = (p + 1) & mask_;
      slots_[p] = s;
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t used_ = 0;
  size_t misses_ = 0;
  uint32_t gen_ = 1;
};

}  // namespace datamill

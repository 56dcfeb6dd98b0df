// See fineweb_lines.h.
#include "fineweb_lines.h"

#include <algorithm>
#include <cstring>

#include "hash_mix.h"
#include "python_chars.h"

namespace datamill {
namespace {

constexpr size_t kUnknown = ~size_t(0);

// Python len(): code units less one per high+low surrogate pair (a lone surrogate counts as one).
size_t codePoints(const uint16_t* s, size_t n) {
  size_t pairs = 0;
  for (size_t i = 1; i < n; i++) pairs += isLowSurrogate(s[i]) && isHighSurrogate(s[i - 1]);
  return n - pairs;
}

// A hash of n UTF-16 units, 4 a step (equal lines must meet; candidates are compared in full).
uint32_t lineHash(const uint16_t* s, size_t n) {
  uint64_t h = kMix0 ^ (uint64_t(n) * kMix1);
  size_t i = 0;
  for (; i + 4 <= n; i += 4) h = mix(h ^ load64(s + i), kMix1);
  uint64_t w = 0;
  for (size_t k = 0; i + k < n; k++) w |= uint64_t(s[i + k]) << (16 * k);
  return fold32(mix(h ^ w, kMix0));
}

// The kept lines seen so far in this text: open addressing over (hash, start, length), emptied per text by a
// generation number, doubled when half full.
class LineSet {
 public:
  // True when text[start, start + n) equals a line already added; else adds it.
  bool seenOrAdd(const uint16_t* text, uint32_t start, uint32_t n) {
    if (2 * (used_ + 1) > slots_.size()) grow();
    const uint32_t h = lineHash(text + start, n);
    for (size_t p = h & mask_;; p = (p + 1) & mask_) {
      Slot& s = slots_[p];
      if (s.gen != gen_) {
        s = {gen_, h, start, n};
        used_++;
        return false;
      }
      if (s.hash == h && s.len == n && std::memcmp(text + s.start, text + start, 2 * size_t(n)) == 0) return true;
    }
  }

  void clear() {
    used_ = 0;
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
  uint32_t gen_ = 1;
};

}  // namespace

CodePointSet::CodePointSet(const std::vector<uint32_t>& points) : bmp_(0x10000 / 64, 0) {
  for (uint32_t cp : points) {
    if (cp < 0x10000) bmp_[cp >> 6] |= uint64_t(1) << (cp & 63);
    else astral_.push_back(cp);
  }
  std::sort(astral_.begin(), astral_.end());
}

bool CodePointSet::has(uint32_t cp) const {
  if (cp < 0x10000) return (bmp_[cp >> 6] >> (cp & 63)) & 1;
  return std::binary_search(astral_.begin(), astral_.end(), cp);
}

FineWebLineCounts finewebLineCounts(const uint16_t* text, size_t len, const CodePointSet& terminal, double shortMax) {
  thread_local LineSet perThread;
  LineSet& seen = perThread;  // looked up once: a thread_local used per line costs a TLS call each time
  seen.clear();
  FineWebLineCounts r;
  size_t start = 0;
  for (;;) {
    size_t end = start;
    size_t pairs = 0;  // the text's surrogate pairs, for its code-point length
    while (end < len && text[end] != 0x0a) {
      pairs += isLowSurrogate(text[end]) && end > start && isHighSurrogate(text[end - 1]);
      end++;
    }
    r.codePoints += static_cast<double>(end - start - pairs);
    const uint16_t* line = text + start;
    const size_t n = end - start;
    size_t k = 0;
    while (k < n && isPySpace(line[k])) k++;
    if (k < n) {  // not blank
      r.kept++;
      // The last code point: a trailing low surrogate after a high one reads as their pair (charsets.ts endsWithIn).
      uint32_t last = line[n - 1];
      if (isLowSurrogate(line[n - 1]) && n >= 2 && isHighSurrogate(line[n - 2])) {
        last = 0x10000 + ((uint32_t(line[n - 2]) - 0xd800) << 10) + (last - 0xdc00);
      }
      if (terminal.has(last)) r.punct++;
      // Code points are counted only when the unit count cannot decide (there are at most n of them).
      size_t cps = kUnknown;
      if (static_cast<double>(n) <= shortMax || static_cast<double>(cps = codePoints(line, n)) <= shortMax) {
        r.shortLines++;
      }
      if (seen.seenOrAdd(text, static_cast<uint32_t>(start), static_cast<uint32_t>(n))) {
        r.dupChars += static_cast<double>(cps == kUnknown ? codePoints(line, n) : cps);
      }
    }
    if (end >= len) break;
    r.newlines++;
    r.codePoints++;
    start = end + 1;
  }
  return r;
}

}  // namespace datamill

// "Does some needle occur in the text, ignoring case?" as the `iu` RegExp of the needles alternated answers
// it (src/text/folded-needles.ts, the reference), for lowercase ASCII needles of two units or more: ASCII
// letters match either case, and so do the two non-ASCII characters whose simple case folding is an ASCII
// letter (U+212A KELVIN SIGN → k, U+017F LONG S → s). A two-unit prefilter over a bitmap of the needles'
// first pairs leaves few positions to compare.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace datamill {

class FoldedNeedles {
 public:
  explicit FoldedNeedles(std::vector<std::string> needles);
  bool foundIn(const uint16_t* text, size_t len) const;

 private:
  bool matchAt(const uint16_t* text, size_t len, size_t at) const;
  std::vector<std::string> needles_;
  std::vector<uint8_t> pairs_;  // 128 × 128: some needle starts with this folded pair
};

}  // namespace datamill

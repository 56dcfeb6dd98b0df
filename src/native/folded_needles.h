// "Does some needle occur in the text, ignoring case?" as the `iu` RegExp of the needles alternated answers
// it (src/text/folded-needles.ts, the reference), for lowercase ASCII needles of four units or more: ASCII
// letters match either case, and so do the two non-ASCII characters whose simple case folding is an ASCII
// letter (U+212A KELVIN SIGN → k, U+017F LONG S → s). A filter on the last four folded units (a bitmap of
// the needles' hashed first four) leaves few positions to compare: a filter on two (English "co", "te", "us")
// compared at too many.
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
  std::vector<uint64_t> heads_;  // bitmap over hashed four-unit heads: some needle may start so
};

}  // namespace datamill

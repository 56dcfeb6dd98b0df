// The line counts behind FineWeb's rules (src/stages/filter-fineweb.ts `fineweb`, the reference) in one pass
// over the text split on '\n' (Python `text.split("\n")`): the lines with a character that is not Python
// whitespace are kept; of those, the ones whose last code point is terminal punctuation, the ones of at most
// `shortMax` code points, the code points of the ones equal to an earlier kept line, and the text's code
// points (Python len).
// test/native/fineweb-lines.test.ts checks the counts equal the TypeScript ones.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace datamill {

struct FineWebLineCounts {
  double kept = 0, punct = 0, shortLines = 0, dupChars = 0, newlines = 0, codePoints = 0;
};

// A set of code points (DataTrove TERMINAL_PUNCTUATION): a bitmap over the BMP, a sorted list above it.
class CodePointSet {
 public:
  explicit CodePointSet(const std::vector<uint32_t>& points);
  bool has(uint32_t cp) const;

 private:
  std::vector<uint64_t> bmp_;
  std::vector<uint32_t> astral_;
};

FineWebLineCounts finewebLineCounts(const uint16_t* text, size_t len, const CodePointSet& terminal, double shortMax);

}  // namespace datamill

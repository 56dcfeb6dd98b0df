// The counts behind Gopher quality (src/text/gopher-quality-stats.ts `gopherQualityStats`, the reference)
// in one call: per-token meta sums and distinct stop words over the token scan's spans, `#` and ellipsis
// marks (Python str.count), and the bullet and end-ellipsis lines of `splitlines()`.
// test/native/gopher-quality.test.ts checks the counts equal the TypeScript ones.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace datamill {

struct GopherQualityCounts {
  double nonSymbol = 0, nonSymbolChars = 0, alpha = 0, stops = 0;
  double hashes = 0, ellipses = 0, lines = 0, bullets = 0, endEllipses = 0;
};

class StopWordSet {
 public:
  explicit StopWordSet(std::vector<std::u16string> words);  // distinct, in index order
  size_t size() const { return words_.size(); }
  // The index of the stop word equal to text[0, len), or -1.
  int32_t find(const uint16_t* text, size_t len) const;

 private:
  std::vector<std::u16string> words_;
  std::vector<std::vector<int32_t>> byLength_;
  std::vector<uint32_t> first_;  // first_[unit] bit min(len, 31): some stop word of that length starts so
  size_t maxLength_ = 0;
};

GopherQualityCounts gopherQualityCounts(const uint16_t* text, size_t len, const int32_t* spans, const int32_t* meta,
                                        size_t count, const StopWordSet& stops);

}  // namespace datamill

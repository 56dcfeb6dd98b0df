// Gopher repetition's word n-gram statistics (src/text/ngrams.ts `NgramStats`, the reference) for one
// document in one call: token unit/code-point prefix sums, the repeat marks (repeat_marks.cc), the most
// common n-gram's characters for each `top` n and the duplicated n-gram characters for each `dup` n.
// Same pruning, same equality tests, so the same integers (test/native/ngram-stats.test.ts).
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace datamill {

struct NgramDocIn {
  const uint16_t* text;  // UTF-16 code units
  size_t textLen;
  const int32_t* spans;  // token k is text[spans[2k], spans[2k + 1])
  const int32_t* meta;   // token-scan meta: code points << 2
  size_t count;          // tokens
  int32_t* H;            // prefix hashes of the concatenated tokens (hLen ≥ textLen + 1)
  size_t hLen;
  bool hashed;           // H already filled by the token scan; else filled here
};

class NgramStatsNative {
 public:
  // Loads a document; false when its spans are inconsistent (the caller then uses TypeScript).
  bool load(const NgramDocIn& doc);
  // An upper bound of topNgramChars(n) / n (ngrams.ts topNgramBound).
  double maxWordWeight() const { return maxWordWeight_; }
  // `len(g) * count(g)` of the most common " ".join n-gram (code points), -1 with fewer than n tokens.
  double topNgramChars(uint32_t n);
  // Code points in repeated "".join n-grams, left to right, jumping past each repeat.
  double duplicatedNgramChars(uint32_t n);

 private:
  uint32_t prepare(size_t entries);
  uint32_t gramHash(size_t i, uint32_t n) const;
  bool sameWords(size_t a, size_t b, uint32_t n) const;
  bool sameChars(size_t a, size_t b, uint32_t n) const;

  NgramDocIn doc_{};
  std::vector<int32_t> U_, C_, pow_, run_, wordSlot_, prefixSlot_, words_, prefixes_, list_;
  std::vector<uint8_t> cand_;
  std::vector<int32_t> table_, dStart_, dCount_;
  int32_t gen_ = 0;
  size_t listLength_ = 0;
  double maxWordWeight_ = 0;
};

}  // namespace datamill

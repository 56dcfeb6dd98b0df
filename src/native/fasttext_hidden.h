// fastText's hidden layer (`FastText::predictLine` up to `Model::computeHidden`) over UTF-8 text, for models
// without word n-grams: the native twin of src/text/fasttext/predict.ts `computeHidden`, which is the
// reference; test/native/fasttext-hidden.test.ts checks that both give bit-identical vectors.
//
// Semantics (fastText, facebookresearch/fastText, MIT: dictionary.cc readWord / getLine / computeSubwords,
// as the Python binding feeds `text + "\n"`): tokens split on ' ' \n \t \v \f \r \0; the first line only
// unless joinLines; a literal `</s>` token ends the line; then `</s>`. A dictionary word adds its own row then
// its char n-gram rows; any other token its char n-gram rows (none for a `__label__…` token). Each token's
// rows are summed in float32 in that order (fastText's `hidden += row`), token sums are added in token order
// in float64, and the total is rounded to float32 and scaled by float32(1 / rows).
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <vector>

#include "huge_pages.h"

namespace datamill {

struct FastTextShape {
  int dim;
  int nwords;
  int minn;
  int maxn;
  uint32_t bucket;
  // Dictionary::pruneidx_size_: -1 never pruned (bucket b is row nwords + b), 0 all n-grams pruned, else the
  // number of kept buckets, listed in `prunePairs` as (bucket, row offset).
  int32_t pruneSize;
  bool joinLines;
};

class FastTextHidden {
 public:
  // `input`: the dequantized input matrix, rows × dim. `words`: the dictionary's entries (UTF-8), `labels[i]`
  // true for a label entry. `cacheEntries`: out-of-vocabulary tokens remembered between calls.
  FastTextHidden(const FastTextShape& shape, const float* input, size_t inputRows, const int32_t* prunePairs,
                 size_t prunePairCount, const std::vector<std::vector<uint8_t>>& words,
                 const std::vector<bool>& labels, uint32_t cacheEntries);

  // Writes the hidden vector of text[0..len) into out[0..dim); returns the number of input rows averaged
  // (0: fastText predicts nothing, `out` untouched). The kTokenHashPadding bytes after the text must be
  // readable (their values do not matter).
  int64_t hidden(const uint8_t* text, size_t len, float* out);

  int dim() const { return shape_.dim; }

 private:
  static constexpr int32_t kLabelLike = -1;  // row count of a `__label__…` token or label entry: adds nothing
  static constexpr uint32_t kInlineKey = 48;

  struct Token {
    uint32_t start;
    uint32_t len;
    uint32_t hash;
  };

  struct Header {
    int32_t rows;
    uint32_t hash;
    uint32_t len;
    uint32_t longKey;  // offset into longKeys_ when len > kInlineKey
  };

  Header* header(uint32_t e) { return reinterpret_cast<Header*>(entries_.get() + size_t(e) * stride_); }
  float* vec(uint32_t e) { return reinterpret_cast<float*>(entries_.get() + size_t(e) * stride_ + vecAt_); }
  const uint8_t* key(uint32_t e);
  // tokenHash of a token that has no readable padding after it (dictionary words), via a padded copy.
  uint32_t paddedHash(const uint8_t* token, uint32_t len);

  void prefetchEntry(uint32_t hash);
  __attribute__((always_inline)) inline int32_t find(const uint8_t* token, uint32_t len, uint32_t hash);
  bool hasRoom(uint32_t len) const;
  uint32_t add(const uint8_t* token, uint32_t len, uint32_t hash);
  void insert(uint32_t e);
  void resetToPinned();

  int32_t bucketRow(uint32_t bucket) const;
  // Appends the char n-gram rows of `<` + token + `>` (in `word_`, length `len`) to rows_; returns the count.
  void subwordRows(uint32_t len);
  // Sums rows_ into out in float32; returns their count.
  int32_t sumRows(float* out);
  // Token → its entry's row count and vector (computed into `scratch` when it cannot be cached).
  __attribute__((always_inline)) inline int32_t tokenRows(const uint8_t* token, uint32_t len, uint32_t hash, const float** vector);
  int32_t computeOov(const uint8_t* token, uint32_t len, float* out);

  FastTextShape shape_;
  HugeArray<float> input_;
  std::vector<uint64_t> keptBits_;
  std::vector<int32_t> pruneTable_;  // interleaved (bucket, row offset); bucket -1 = empty
  uint32_t pruneMask_ = 0;
  int pruneShift_ = 0;

  // Token cache: fixed-stride entries (header, inline key, vector), open-addressing slots holding the
  // hash's high bits | (entry + 1). Dictionary entries are pinned; when full, the rest is dropped at once.
  std::unique_ptr<uint8_t, FreeHuge> entries_;
  size_t stride_ = 0;
  size_t vecAt_ = 0;
  uint32_t capacity_ = 0;
  uint32_t size_ = 0;
  uint32_t pinned_ = 0;
  HugeArray<uint32_t> slots_;
  uint32_t slotMask_ = 0;
  uint32_t entryMask_ = 0;
  int slotShift_ = 0;
  std::vector<uint8_t> longKeys_;
  size_t longEnd_ = 0;
  size_t pinnedLongEnd_ = 0;
  uint32_t eos_ = 0;

  std::vector<uint64_t> separators_;
  std::vector<Token> tokens_;
  std::vector<uint8_t> word_;
  std::vector<int32_t> rows_;
  std::vector<float> scratch_;
  std::vector<double> sum_;
};

}  // namespace datamill

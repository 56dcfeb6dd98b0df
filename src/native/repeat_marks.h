// Gopher repetition's candidate marks (src/text/ngram-prune.ts `RepeatMarks.mark`, the reference): word and
// KEY-unit prefix counts by 32-bit hash in two linear-probing tables, then run lengths, candidates and the
// word weight bound. Same integer arithmetic, same probe sequence, so the same outputs
// (test/native/repeat-marks.test.ts).
#pragma once
#include <cstddef>
#include <cstdint>

namespace datamill {

struct RepeatMarksIo {
  const int32_t* H;    // prefix hashes of the concatenated tokens, H[k] for the first k units
  size_t hLen;
  const int32_t* U;    // token i spans units [U[i], U[i + 1])
  const int32_t* pow;  // BASE^k
  size_t powLen;
  size_t count;        // tokens
  uint32_t size;       // table slots (a power of two ≥ 64); words/prefixes hold 2·size int32
  int32_t* words;
  int32_t* prefixes;
  int32_t* wordSlot;   // count
  int32_t* prefixSlot; // count
  int32_t* run;        // count + 1
  uint8_t* cand;       // count
};

// Fills run, cand (and the tables); returns the word weight bound, or -1 when an index would fall outside
// H or pow (the caller then uses the TypeScript path).
double repeatMarks(const RepeatMarksIo& io);

}  // namespace datamill

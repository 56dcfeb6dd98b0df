// Gopher's duplicate paragraphs and lines (src/text/piece-duplicates.ts `PieceDuplicates.scan`, the
// reference): DataTrove `find_duplicates` over the pieces of text[from, to) split at runs of at least `minRun`
// newlines (`re.split(r"\n+")`: 1, `re.split(r"\n{2,}")`: 2). test/native/piece-duplicates.test.ts checks
// both give the same counts.
#pragma once
#include <cstddef>
#include <cstdint>

namespace datamill {

struct PieceCounts {
  double pieces = 0;  // pieces in all
  double count = 0;   // pieces equal to an earlier one
  double chars = 0;   // their code points (Python len)
};

PieceCounts pieceDuplicates(const uint16_t* text, size_t from, size_t to, int minRun);

}  // namespace datamill

// See piece_duplicates.h.
#include "piece_duplicates.h"

#include <cstring>

#include "line_set.h"
#include "utf16_scan.h"

namespace datamill {
namespace {

// The first '\n' at or after `from` in s[0, n), or n.
inline size_t findNewline(const uint16_t* s, size_t from, size_t n) {
#if defined(__SSE2__)
  auto block = [](__m128i v) { return eq16(v, '\n'); };
#else
  auto block = 0;
#endif
  return findUnit(s, from, n, block, [](uint16_t c) { return c == '\n'; });
}

// The start of the first run of `minRun` newlines inside [from, to), or to (String.indexOf("\n" or "\n\n")
// with the separator required to end by `to`).
inline size_t findSeparator(const uint16_t* s, size_t from, size_t to, int minRun) {
  for (size_t k = findNewline(s, from, to); k < to; k = findNewline(s, k + 1, to)) {
    if (minRun == 1 || (k + 1 < to && s[k + 1] == '\n')) return k;
  }
  return to;
}

// A hash of a piece from its length and 48 of its units (all of a shorter one): the first 16, 16 spread over
// the middle and the last 16, as piece-duplicates.ts samples them. Equal pieces meet; candidates are compared
// in full, so it only has to be cheap on long paragraphs.
inline uint32_t sampleHash(const uint16_t* s, size_t n) {
  if (n <= 48) return lineHash(s, n);
  uint16_t sample[48];
  std::memcpy(sample, s, 32);
  const size_t step = (n - 32) / 16;
  for (size_t j = 0; j < 16; j++) sample[16 + j] = s[16 + j * step];
  std::memcpy(sample + 32, s + n - 16, 32);
  return lineHash(sample, 48) ^ static_cast<uint32_t>(n * kMix1);
}

constexpr size_t kMaxMisses = 64;

// One pass over the pieces with `hash`; with `giveUp`, it stops once more than kMaxMisses pieces of equal
// hash and length differed (the caller then hashes every unit).
template <typename Hash>
PieceCounts countPieces(LineSet& seen, const uint16_t* text, size_t from, size_t to, int minRun, Hash hash,
                        bool giveUp) {
  seen.clear();
  PieceCounts r;
  auto piece = [&](size_t a, size_t b) {
    r.pieces++;
    if (seen.seenOrAdd(text, static_cast<uint32_t>(a), static_cast<uint32_t>(b - a), hash(text + a, b - a))) {
      r.count++;
      r.chars += static_cast<double>(codePoints(text + a, b - a));
    }
  };
  size_t start = from;
  for (size_t k; (k = findSeparator(text, start, to, minRun)) < to;) {
    if (giveUp && seen.misses() > kMaxMisses) return r;
    piece(start, k);
    size_t e = k + minRun;
    while (e < to && text[e] == '\n') e++;
    start = e;
  }
  piece(start, to);
  return r;
}

}  // namespace

PieceCounts pieceDuplicates(const uint16_t* text, size_t from, size_t to, int minRun) {
  thread_local LineSet perThread;
  LineSet& seen = perThread;  // looked up once: a thread_local used per piece costs a TLS call each time
  // Pieces equal on the sample but not in full (fixed-width records differing mid-line) would make the
  // comparisons quadratic: past a few, hash every unit instead.
  const PieceCounts r = countPieces(seen, text, from, to, minRun, sampleHash, true);
  if (seen.misses() <= kMaxMisses) return r;
  return countPieces(seen, text, from, to, minRun, lineHash, false);
}

}  // namespace datamill

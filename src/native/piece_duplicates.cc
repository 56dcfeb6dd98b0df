// See piece_duplicates.h.
#include "piece_duplicates.h"

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

}  // namespace

PieceCounts pieceDuplicates(const uint16_t* text, size_t from, size_t to, int minRun) {
  thread_local LineSet perThread;
  LineSet& seen = perThread;  // looked up once: a thread_local used per piece costs a TLS call each time
  seen.clear();
  PieceCounts r;
  auto piece = [&](size_t a, size_t b) {
    r.pieces++;
    if (seen.seenOrAdd(text, static_cast<uint32_t>(a), static_cast<uint32_t>(b - a))) {
      r.count++;
      r.chars += static_cast<double>(codePoints(text + a, b - a));
    }
  };
  size_t start = from;
  for (size_t k; (k = findSeparator(text, start, to, minRun)) < to;) {
    piece(start, k);
    size_t e = k + minRun;
    while (e < to && text[e] == '\n') e++;
    start = e;
  }
  piece(start, to);
  return r;
}

}  // namespace datamill

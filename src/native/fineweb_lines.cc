// See fineweb_lines.h.
#include "fineweb_lines.h"

#include <algorithm>
#include <cstring>

#include "line_set.h"
#include "python_chars.h"
#include "utf16_scan.h"

namespace datamill {
namespace {

constexpr size_t kUnknown = ~size_t(0);

// The first '\n' or surrogate unit at or after `from`, or n: lines are walked eight units a step.
inline size_t findNewlineOrSurrogate(const uint16_t* s, size_t from, size_t n) {
#if defined(__SSE2__)
  auto block = [](__m128i v) {
    const __m128i surrogate = _mm_cmpeq_epi16(_mm_and_si128(v, _mm_set1_epi16(static_cast<short>(0xf800))),
                                              _mm_set1_epi16(static_cast<short>(0xd800)));
    return _mm_or_si128(eq16(v, 0x0a), surrogate);
  };
#else
  auto block = 0;
#endif
  return findUnit(s, from, n, block, [](uint16_t c) { return c == 0x0a || (c & 0xf800) == 0xd800; });
}

}  // namespace

CodePointSet::CodePointSet(const std::vector<uint32_t>& points) : bmp_(0x10000 / 64, 0) {
  for (uint32_t cp : points) {
    if (cp < 0x10000) bmp_[cp >> 6] |= uint64_t(1) << (cp & 63);
    else astral_.push_back(cp);
  }
  std::sort(astral_.begin(), astral_.end());
}

bool CodePointSet::has(uint32_t cp) const {
  if (cp < 0x10000) return (bmp_[cp >> 6] >> (cp & 63)) & 1;
  return std::binary_search(astral_.begin(), astral_.end(), cp);
}

FineWebLineCounts finewebLineCounts(const uint16_t* text, size_t len, const CodePointSet& terminal, double shortMax) {
  thread_local LineSet perThread;
  LineSet& seen = perThread;  // looked up once: a thread_local used per line costs a TLS call each time
  seen.clear();
  FineWebLineCounts r;
  size_t start = 0;
  for (;;) {
    size_t end = start;
    size_t pairs = 0;  // the line's surrogate pairs, for the text's code-point length
    for (;;) {
      end = findNewlineOrSurrogate(text, end, len);
      if (end >= len || text[end] == 0x0a) break;
      pairs += isLowSurrogate(text[end]) && end > start && isHighSurrogate(text[end - 1]);
      end++;
    }
    r.codePoints += static_cast<double>(end - start - pairs);
    const uint16_t* line = text + start;
    const size_t n = end - start;
    size_t k = 0;
    while (k < n && isPySpace(line[k])) k++;
    if (k < n) {  // not blank
      r.kept++;
      // The last code point: a trailing low surrogate after a high one reads as their pair (charsets.ts endsWithIn).
      uint32_t last = line[n - 1];
      if (isLowSurrogate(line[n - 1]) && n >= 2 && isHighSurrogate(line[n - 2])) {
        last = 0x10000 + ((uint32_t(line[n - 2]) - 0xd800) << 10) + (last - 0xdc00);
      }
      if (terminal.has(last)) r.punct++;
      // Code points are counted only when the unit count cannot decide: there are at most n of them, and at
      // least ceil(n / 2) (two units a pair).
      size_t cps = kUnknown;
      if (static_cast<double>(n) <= shortMax ||
          (static_cast<double>((n + 1) / 2) <= shortMax && static_cast<double>(cps = codePoints(line, n)) <= shortMax)) {
        r.shortLines++;
      }
      if (seen.seenOrAdd(text, static_cast<uint32_t>(start), static_cast<uint32_t>(n))) {
        r.dupChars += static_cast<double>(cps == kUnknown ? codePoints(line, n) : cps);
      }
    }
    if (end >= len) break;
    r.newlines++;
    r.codePoints++;
    start = end + 1;
  }
  return r;
}

}  // namespace datamill

// See fineweb_lines.h.
#include "fineweb_lines.h"

#include <algorithm>
#include <cstring>

#include "line_set.h"
#include "python_chars.h"

namespace datamill {
namespace {

constexpr size_t kUnknown = ~size_t(0);

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
    size_t pairs = 0;  // the text's surrogate pairs, for its code-point length
    while (end < len && text[end] != 0x0a) {
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
      // Code points are counted only when the unit count cannot decide (there are at most n of them).
      size_t cps = kUnknown;
      if (static_cast<double>(n) <= shortMax || static_cast<double>(cps = codePoints(line, n)) <= shortMax) {
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

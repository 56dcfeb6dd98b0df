// See gopher_quality.h.
#include "gopher_quality.h"

#include <algorithm>
#include <cstring>

#include "python_chars.h"
#include "utf16_scan.h"

namespace datamill {
namespace {

constexpr int32_t kMetaAlpha = 1;     // token-scan.ts META_ALPHA
constexpr int32_t kMetaNonPunct = 2;  // token-scan.ts META_NON_PUNCT

// The first '.', '#' or '…' at or after `from`, or n.
inline size_t findMark(const uint16_t* s, size_t from, size_t n) {
#if defined(__SSE2__)
  auto block = [](__m128i v) { return _mm_or_si128(_mm_or_si128(eq16(v, '.'), eq16(v, '#')), eq16(v, 0x2026)); };
#else
  auto block = 0;
#endif
  return findUnit(s, from, n, block, [](uint16_t c) { return c == '.' || c == '#' || c == 0x2026; });
}

}  // namespace

StopWordSet::StopWordSet(std::vector<std::u16string> words) : words_(std::move(words)), first_(0x10000, 0) {
  for (const auto& w : words_) maxLength_ = std::max(maxLength_, w.size());
  byLength_.resize(maxLength_ + 1);
  for (size_t i = 0; i < words_.size(); i++) {
    const auto& w = words_[i];
    byLength_[w.size()].push_back(static_cast<int32_t>(i));
    if (!w.empty()) first_[w[0]] |= uint32_t(1) << std::min<size_t>(w.size(), 31);
  }
}

int32_t StopWordSet::find(const uint16_t* text, size_t len) const {
  // The empty string is never a token, so an empty stop word never matches.
  if (len == 0 || len > maxLength_ || ((first_[text[0]] >> std::min<size_t>(len, 31)) & 1) == 0) return -1;
  for (int32_t i : byLength_[len]) {
    if (std::memcmp(words_[i].data(), text, sizeof(uint16_t) * len) == 0) return i;
  }
  return -1;
}

GopherQualityCounts gopherQualityCounts(const uint16_t* text, size_t len, const int32_t* spans, const int32_t* meta,
                                        size_t count, const StopWordSet& stops) {
  GopherQualityCounts r;
  thread_local std::vector<uint8_t> seenOfThread;
  std::vector<uint8_t>& seen = seenOfThread;  // reused: no allocation per document
  seen.assign(stops.size(), 0);
  size_t distinct = 0;
  int64_t nonSymbol = 0, nonSymbolChars = 0, alpha = 0;
  for (size_t t = 0; t < count; t++) {
    const int32_t m = meta[t];
    if (m & kMetaNonPunct) {
      nonSymbol++;
      nonSymbolChars += static_cast<uint32_t>(m) >> 2;
    }
    if (m & kMetaAlpha) alpha++;
    if (distinct == seen.size()) continue;
    const int32_t s = stops.find(text + spans[2 * t], static_cast<size_t>(spans[2 * t + 1] - spans[2 * t]));
    if (s >= 0 && !seen[s]) {
      seen[s] = 1;
      distinct++;
    }
  }
  r.nonSymbol = static_cast<double>(nonSymbol);
  r.nonSymbolChars = static_cast<double>(nonSymbolChars);
  r.alpha = static_cast<double>(alpha);
  r.stops = static_cast<double>(distinct);

  // Python text.count("#"), text.count("...") (non-overlapping: floor(run / 3) per run of dots), text.count("…"),
  // jumping from mark to mark with an SSE2 search.
  int64_t hashes = 0, ellipses = 0;
  for (size_t i = findMark(text, 0, len); i < len; i = findMark(text, i, len)) {
    const uint16_t c = text[i];
    if (c == '.') {
      size_t run = 0;
      while (i < len && text[i] == '.') i++, run++;
      ellipses += run / 3;
      continue;
    }
    if (c == '#') hashes++;
    else ellipses++;  // U+2026
    i++;
  }
  r.hashes = static_cast<double>(hashes);
  r.ellipses = static_cast<double>(ellipses);

  // splitlines(): pieces between boundaries, no trailing empty piece ('' has none); per piece, bullets
  // (• or - after lstrip) and end ellipses (… or ... before rstrip's end).
  int64_t lines = 0, bullets = 0, endEllipses = 0;
  size_t from = 0;
  while (from < len) {
    const size_t to = findLineBreak(text, from, len);
    lines++;
    size_t a = from, b = to;
    while (a < b && isPySpace(text[a])) a++;
    if (a < b) {
      while (isPySpace(text[b - 1])) b--;
      if (text[a] == 0x2022 || text[a] == '-') bullets++;
      const uint16_t last = text[b - 1];
      if (last == 0x2026 || (b - a >= 3 && last == '.' && text[b - 2] == '.' && text[b - 3] == '.')) endEllipses++;
    }
    if (to == len) break;
    from = to + (text[to] == 0x0d && to + 1 < len && text[to + 1] == 0x0a ? 2 : 1);
  }
  r.lines = static_cast<double>(lines);
  r.bullets = static_cast<double>(bullets);
  r.endEllipses = static_cast<double>(endEllipses);
  return r;
}

}  // namespace datamill

// See token_scan.h. Integer arithmetic mirrors token-scan.ts: Math.imul is a wrapping 32-bit multiply.
#include "token_scan.h"

namespace datamill {
namespace {

constexpr uint32_t kBase = 0x9e3779b1u;  // ngram-hash.ts BASE
constexpr int32_t kMetaAlpha = 1;
constexpr int32_t kMetaNonPunct = 2;

inline int32_t metaOf(uint32_t units, uint8_t any, uint8_t all) {
  return static_cast<int32_t>(units << 2) | ((any & kClassAlpha) ? kMetaAlpha : 0) |
         ((all & kClassPunct) ? 0 : kMetaNonPunct);
}

inline int32_t bmpMeta(const uint16_t* s, size_t a, size_t b, const uint8_t* classes) {
  uint8_t any = 0;
  uint8_t all = kClassPunct;
  for (size_t k = a; k < b; k++) {
    any |= classes[s[k]];
    all &= classes[s[k]];
  }
  return metaOf(static_cast<uint32_t>(b - a), any, all);
}

inline int64_t put(int32_t* spans, int32_t* meta, int64_t n, size_t a, size_t b, int32_t m) {
  spans[2 * n] = static_cast<int32_t>(a);
  spans[2 * n + 1] = static_cast<int32_t>(b);
  meta[n] = m;
  return n + 1;
}

// A chunk with a punctuation/symbol at either end: leading run, middle, trailing run (words.ts chunkSpans).
int64_t bmpChunk(const uint16_t* s, size_t start, size_t end, const uint8_t* classes, int32_t* spans,
                 int32_t* meta, int64_t n) {
  size_t a = start;
  while (a < end && (classes[s[a]] & kClassPs)) a++;
  if (a == end) return put(spans, meta, n, start, end, bmpMeta(s, start, end, classes));
  size_t b = end;
  while (b > a && (classes[s[b - 1]] & kClassPs)) b--;
  if (a > start) n = put(spans, meta, n, start, a, bmpMeta(s, start, a, classes));
  n = put(spans, meta, n, a, b, bmpMeta(s, a, b, classes));
  if (b < end) n = put(spans, meta, n, b, end, bmpMeta(s, b, end, classes));
  return n;
}

// The whitespace-separated chunks of text, as both scans walk them: onUnit(i) for each unit of a chunk in
// order, onChunk(start, end, any, all) after it (the OR and AND of its units' classes); false when a chunk
// holds a surrogate (the TypeScript path then answers).
template <typename OnUnit, typename OnChunk>
inline bool forEachChunk(const uint16_t* text, size_t len, const uint8_t* classes, OnUnit onUnit, OnChunk onChunk) {
  size_t i = 0;
  while (i < len) {
    uint8_t f = classes[text[i]];
    if (f & kClassWs) {
      i++;
      continue;
    }
    const size_t start = i;
    uint8_t any = f;
    uint8_t all = f;
    onUnit(i);
    while (++i < len) {
      f = classes[text[i]];
      if (f & kClassWs) break;
      any |= f;
      all &= f;
      onUnit(i);
    }
    if (any & kClassSurrogate) return false;
    onChunk(start, i, any, all);
  }
  return true;
}

}  // namespace

int64_t scanTokens(const uint16_t* text, size_t len, const uint8_t* classes, int32_t* spans, int32_t* meta,
                   int32_t* prefix) {
  uint32_t h = 0;
  size_t u = 0;
  int64_t n = 0;
  const bool ok = forEachChunk(
      text, len, classes,
      [&](size_t i) {
        h = h * kBase + text[i];
        prefix[++u] = static_cast<int32_t>(h);
      },
      [&](size_t start, size_t end, uint8_t any, uint8_t all) {
        if ((any & kClassPs) == 0 || ((classes[text[start]] | classes[text[end - 1]]) & kClassPs) == 0) {
          n = put(spans, meta, n, start, end, metaOf(static_cast<uint32_t>(end - start), any, all));
        } else {
          n = bmpChunk(text, start, end, classes, spans, meta, n);
        }
      });
  return ok ? n : -1;
}

int64_t countWords(const uint16_t* text, size_t len, const uint8_t* classes) {
  int64_t n = 0;
  const bool ok = forEachChunk(
      text, len, classes, [](size_t) {},
      [&](size_t start, size_t end, uint8_t any, uint8_t) {
        if ((any & kClassPs) == 0) {
          n++;
          return;
        }
        // scan.ts chunkCount: a leading P/S run, the word, a trailing P/S run; a chunk of only P/S is one token.
        const bool last = (classes[text[end - 1]] & kClassPs) != 0;
        if ((classes[text[start]] & kClassPs) == 0) {
          n += last ? 2 : 1;
          return;
        }
        size_t a = start;
        while (a < end && (classes[text[a]] & kClassPs)) a++;
        n += a == end ? 1 : (last ? 3 : 2);
      });
  return ok ? n : -1;
}

}  // namespace datamill

// See c4_lines.h. Each helper mirrors the TypeScript function named in its comment.
#include "c4_lines.h"

#include <cstring>

#include "python_chars.h"
#include "utf16_scan.h"

namespace datamill {
namespace {

enum Tally { kTotal = 0, kTooLongWord = 1, kNoTerminalPunc = 2, kTooFewWords = 3, kJavascript = 4, kPolicy = 5, kKept = 6 };

// scan.ts hasLongWord: a whitespace-separated word longer than `max` code points.
bool hasLongWord(const uint16_t* s, size_t n, int32_t max) {
  if (n <= static_cast<size_t>(max)) return false;
  int64_t len = 0;
  for (size_t i = 0; i < n; i++) {
    if (isPySpace(s[i])) {
      len = 0;
    } else if (!(isLowSurrogate(s[i]) && i > 0 && isHighSurrogate(s[i - 1])) && ++len > max) {
      return true;
    }
  }
  return false;
}

// filter-c4.ts hasTerminalPunct: ends with . ? ! " ' and not with "...".
bool hasTerminalPunct(const uint16_t* s, size_t n) {
  if (n == 0) return false;
  const uint16_t c = s[n - 1];
  if (!(c == '.' || c == '?' || c == '!' || c == '"' || c == '\'')) return false;
  return !(n >= 3 && s[n - 3] == '.' && s[n - 2] == '.' && c == '.');
}

// scan.ts countWordsUpTo: words of Python line.split(), counting stops at `limit`.
int32_t countWordsUpTo(const uint16_t* s, size_t n, int32_t limit) {
  int32_t words = 0;
  bool inWord = false;
  for (size_t i = 0; i < n && words < limit; i++) {
    const bool space = isPySpace(s[i]);
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

// sentences.ts countSentences: pieces of re.split(r"(?<=[.!?])\s+", line) that are not empty; marks found as
// that function finds them (no mark lies in a skipped whitespace run).
double countSentences(const uint16_t* s, size_t n) {
  double count = 0;
  size_t start = 0;
  for (size_t i = findSentenceMark(s, 0, n); i < n; i = findSentenceMark(s, i + 1, n)) {
    if (i + 1 < n && isPySpace(s[i + 1])) {
      if (i + 1 > start) count++;
      size_t j = i + 1;
      while (j < n && isPySpace(s[j])) j++;
      start = j;
      i = j - 1;
    }
  }
  return n > start ? count + 1 : count;
}

bool startsWith(const uint16_t* s, size_t n, const char* ascii) {
  size_t k = 0;
  for (; ascii[k] != 0; k++) {
    if (k >= n || s[k] != static_cast<uint8_t>(ascii[k])) return false;
  }
  return true;
}

// True when filter-c4's CITATION_RE (/\[\p{Nd}*\]|\[edit\]|\[citation needed\]/u) may match in the line: a "["
// then ASCII digits then "]", "[edit]", "[citation needed]", or a non-ASCII unit after "[" and its digits (a
// digit of another script: no table here, so the TypeScript loop decides).
bool mayHoldCitation(const uint16_t* s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (s[i] != '[') continue;
    size_t j = i + 1;
    while (j < n && s[j] >= '0' && s[j] <= '9') j++;
    if (j < n && (s[j] == ']' || s[j] >= 0x80)) return true;
    if (startsWith(s + i, n - i, "[edit]") || startsWith(s + i, n - i, "[citation needed]")) return true;
  }
  return false;
}

// line.toLowerCase() as far as ASCII needles can tell: A-Z and the Kelvin sign become ASCII letters; any other
// non-ASCII unit (U+0130 included, see C4Needles) matches nothing.
void lowerAscii(const uint16_t* s, size_t n, char* out) {
  for (size_t i = 0; i < n; i++) {
    const uint16_t c = s[i];
    out[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c < 0x80 ? static_cast<char>(c) : c == 0x212a ? 'k' : '\x80';
  }
}

// Whether `needle` occurs in low[0, n): candidates found by memchr on its first byte.
bool holds(const char* low, size_t n, const std::string& needle) {
  const size_t k = needle.size();
  if (k == 0) return true;
  if (k > n) return false;
  const char* end = low + n - k + 1;
  for (const char* p = low; (p = static_cast<const char*>(std::memchr(p, needle[0], end - p))) != nullptr; p++) {
    if (std::memcmp(p + 1, needle.data() + 1, k - 1) == 0) return true;
  }
  return false;
}

}  // namespace

C4Result c4Lines(const uint16_t* text, size_t len, const C4Config& config, bool testNeedles, int32_t* ranges) {
  const C4Options& o = config.options;
  const C4Needles& needles = config.needles;
  thread_local std::vector<char> lowered;  // this thread's buffer, taken once (a TLS lookup per use is not free)
  std::vector<char>& lower = lowered;
  C4Result r;
  bool decided = false;  // a document drop: only the lines are still counted
  size_t start = 0;
  for (double n = 0; start < len; n++) {
    const size_t end = findLineBreak(text, start, len);
    r.lines++;
    size_t a = start;
    size_t b = end;
    if (end < len) start = end + (text[end] == '\r' && end + 1 < len && text[end + 1] == '\n' ? 2 : 1);
    else start = len;
    if (decided) continue;
    while (a < b && isPySpace(text[a])) a++;
    while (b > a && isPySpace(text[b - 1])) b--;
    const uint16_t* line = text + a;
    const size_t m = b - a;
    r.tally[kTotal]++;
    if (o.maxWordLength != -1 && hasLongWord(line, m, o.maxWordLength)) {
      r.tally[kTooLongWord]++;
      continue;
    }
    if (o.removeCitations && mayHoldCitation(line, m)) {
      r.outcome = C4Outcome::fallback;
      return r;
    }
    if (o.noTerminalPunct && !hasTerminalPunct(line, m)) {
      r.tally[kNoTerminalPunc]++;
      continue;
    }
    if (countWordsUpTo(line, m, o.minWords) < o.minWords) {
      r.tally[kTooFewWords]++;
      continue;
    }
    if (testNeedles) {
      if (lower.size() < m) lower.resize(m + m / 2);
      lowerAscii(line, m, lower.data());
    }
    const char* low = lower.data();
    if (testNeedles && o.loremIpsum && holds(low, m, needles.lorem)) {
      r.outcome = C4Outcome::loremIpsum;
      r.value = n + 1;
      decided = true;
      continue;
    }
    if (testNeedles && o.javascript && holds(low, m, needles.javascript)) {
      r.tally[kJavascript]++;
      continue;
    }
    if (o.curlyBracket && containsUnit(line, m, '{')) {
      r.outcome = C4Outcome::curlyBracket;
      r.value = n + 1;
      decided = true;
      continue;
    }
    if (testNeedles && o.policy) {
      bool found = false;
      for (const auto& p : needles.policy) found = found || holds(low, m, p);
      if (found) {
        r.tally[kPolicy]++;
        continue;
      }
    }
    if (o.minSentences != -1) r.sentences += countSentences(line, m);
    ranges[2 * static_cast<size_t>(r.kept)] = static_cast<int32_t>(a);
    ranges[2 * static_cast<size_t>(r.kept) + 1] = static_cast<int32_t>(b);
    r.kept++;
    r.tally[kKept]++;
  }
  if (!decided && r.sentences < o.minSentences) {
    r.outcome = C4Outcome::tooFewSentences;
    r.value = r.sentences;
  }
  return r;
}

}  // namespace datamill

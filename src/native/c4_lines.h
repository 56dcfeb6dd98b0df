// C4's line loop (src/stages/filter-c4.ts `c4Lines`, the reference: DataTrove C4QualityFilter, SPEC-filters.md
// (b3)) over a text split by Python splitlines, in one call without line strings: per line strip, the long-word,
// terminal-punctuation, word-count, lorem ipsum, javascript, curly-bracket and policy rules, sentence counts,
// and the kept lines' ranges (the caller joins them). A line that may have citations to remove (on a line the
// rules reach that far) sends the whole text back to the TypeScript loop.
// test/native/c4-lines.test.ts checks results and tallies equal the TypeScript ones.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace datamill {

struct C4Options {
  bool removeCitations, noTerminalPunct, loremIpsum, javascript, curlyBracket, policy;
  int32_t minWords, maxWordLength, minSentences;
};

// The needles the lowercased line is searched for (lowercase ASCII, none ending in 'i': String.toLowerCase
// turns U+0130 into "i" + U+0307, which can then only end a match).
struct C4Needles {
  std::string lorem, javascript;
  std::vector<std::string> policy;
};

struct C4Config {
  C4Options options;
  C4Needles needles;
};

enum class C4Outcome : int32_t { kept = 0, loremIpsum = 1, curlyBracket = 2, tooFewSentences = 3, fallback = -1 };

struct C4Result {
  C4Outcome outcome = C4Outcome::kept;
  double value = 0;  // the 1-based line of a lorem ipsum or curly bracket drop
  double lines = 0, kept = 0, sentences = 0;
  double tally[7] = {0, 0, 0, 0, 0, 0, 0};  // as LINE_COUNTERS
};

// `ranges` receives 2 entries per kept line ([start, end) in text units; room for 2 * (len + 1)).
C4Result c4Lines(const uint16_t* text, size_t len, const C4Config& config, bool testNeedles, int32_t* ranges);

}  // namespace datamill

// See ngram_stats.h. uint32 wrap-around arithmetic as Math.imul / `| 0` in ngram-doc.ts and ngrams.ts.
#include "ngram_stats.h"

#include <algorithm>
#include <cstring>

#include "repeat_marks.h"

namespace datamill {
namespace {

constexpr uint32_t kBase = 0x9e3779b1u;  // ngram-hash.ts BASE
constexpr uint32_t kKey = 16;            // ngram-hash.ts KEY
constexpr uint32_t kListN = 5;           // ngram-hash.ts LIST_N

// ngram-hash.ts grow: the next power of two ≥ n, at least `min`.
size_t grow(size_t n, size_t min) {
  size_t size = min;
  while (size < n) size *= 2;
  return size;
}

// murmur3's finalizer (hash.ts fmix32).
inline uint32_t fmix32(uint32_t h) {
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  h ^= h >> 16;
  return h;
}

template <typename T>
void atLeast(std::vector<T>& v, size_t n) {
  if (v.size() < n) v.resize(grow(n, 1024));
}

}  // namespace

bool NgramStatsNative::load(const NgramDocIn& doc) {
  doc_ = doc;
  const size_t count = doc.count;
  if (doc.hLen < doc.textLen + 1) return false;
  atLeast(U_, count + 1);
  atLeast(C_, count + 1);
  if (pow_.size() < std::max<size_t>(doc.textLen + 1, kKey + 1)) {
    pow_.resize(grow(std::max<size_t>(doc.textLen + 1, kKey + 1), 1024));
    pow_[0] = 1;
    for (size_t k = 1; k < pow_.size(); k++) pow_[k] = static_cast<int32_t>(static_cast<uint32_t>(pow_[k - 1]) * kBase);
  }
  // Unit and code-point prefix sums over tokens (and the hashes when the scan did not make them).
  uint32_t h = 0;
  uint32_t u = 0;
  int32_t c = 0;
  U_[0] = 0;
  C_[0] = 0;
  for (size_t i = 0; i < count; i++) {
    const int32_t start = doc.spans[2 * i];
    const int32_t end = doc.spans[2 * i + 1];
    if (start < 0 || end <= start || static_cast<size_t>(end) > doc.textLen) return false;
    if (doc.hashed) {
      u += static_cast<uint32_t>(end - start);
    } else {
      for (int32_t k = start; k < end; k++) doc.H[++u] = static_cast<int32_t>(h = h * kBase + doc.text[k]);
    }
    U_[i + 1] = static_cast<int32_t>(u);
    C_[i + 1] = c += static_cast<int32_t>(static_cast<uint32_t>(doc.meta[i]) >> 2);
  }
  if (u > doc.textLen) return false;
  // Repeat marks (ngram-prune.ts RepeatMarks.mark), then the tokens that may start a repeated LIST_N-gram.
  atLeast(run_, count + 1);
  atLeast(cand_, count + 1);
  atLeast(wordSlot_, count + 1);
  atLeast(prefixSlot_, count + 1);
  const size_t size = grow(2 * count, 64);
  atLeast(words_, 2 * size);
  atLeast(prefixes_, 2 * size);
  RepeatMarksIo io{doc.H, doc.hLen, U_.data(), pow_.data(), pow_.size(), count, static_cast<uint32_t>(size),
                   words_.data(), prefixes_.data(), wordSlot_.data(), prefixSlot_.data(), run_.data(), cand_.data()};
  maxWordWeight_ = repeatMarks(io);
  if (maxWordWeight_ < 0) return false;
  atLeast(list_, count + 1);
  size_t m = 0;
  for (size_t i = 0; i + kListN <= count; i++) {
    if (cand_[i] != 0 || static_cast<uint32_t>(U_[i + kListN] - U_[i]) < kKey) list_[m++] = static_cast<int32_t>(i);
  }
  listLength_ = m;
  atLeast(dStart_, count + 1);
  atLeast(dCount_, count + 1);
  return true;
}

// ngram-hash.ts GramTable.prepare: slots [generation, hash, ref] for `entries` at load ≤ 1/2.
uint32_t NgramStatsNative::prepare(size_t entries) {
  const size_t size = grow(entries * 2, 64);
  if (table_.size() < 3 * size) {
    table_.assign(3 * size, 0);
    gen_ = 0;
  }
  if (++gen_ == 0x40000000) {
    std::fill(table_.begin(), table_.end(), 0);
    gen_ = 1;
  }
  return static_cast<uint32_t>(size - 1);
}

uint32_t NgramStatsNative::gramHash(size_t i, uint32_t n) const {
  const uint32_t a = static_cast<uint32_t>(U_[i]);
  const uint32_t b = static_cast<uint32_t>(U_[i + n]);
  return static_cast<uint32_t>(doc_.H[b]) - static_cast<uint32_t>(doc_.H[a]) * static_cast<uint32_t>(pow_[b - a]);
}

// ngram-match.ts sameWords: tokens [a, a + n) and [b, b + n) equal word by word.
bool NgramStatsNative::sameWords(size_t a, size_t b, uint32_t n) const {
  const int32_t* S = doc_.spans;
  for (uint32_t k = 0; k < n; k++) {
    const int32_t sa = S[2 * (a + k)];
    const int32_t sb = S[2 * (b + k)];
    const int32_t len = S[2 * (a + k) + 1] - sa;
    if (len != S[2 * (b + k) + 1] - sb) return false;
    if (std::memcmp(doc_.text + sa, doc_.text + sb, sizeof(uint16_t) * len) != 0) return false;
  }
  return true;
}

// ngram-match.ts sameChars: tokens [a, a + n) and [b, b + n) concatenate to the same units.
bool NgramStatsNative::sameChars(size_t a, size_t b, uint32_t n) const {
  const int32_t len = U_[a + n] - U_[a];
  if (len != U_[b + n] - U_[b]) return false;
  const int32_t* S = doc_.spans;
  const uint16_t* t = doc_.text;
  size_t wa = 2 * a, wb = 2 * b;
  int32_t pa = S[wa], ea = S[wa + 1], pb = S[wb], eb = S[wb + 1];
  for (int32_t left = len; left > 0;) {
    if (pa == ea) {
      wa += 2;
      pa = S[wa];
      ea = S[wa + 1];
    }
    if (pb == eb) {
      wb += 2;
      pb = S[wb];
      eb = S[wb + 1];
    }
    // Compare the common stretch of both current tokens at once.
    const int32_t step = std::min(std::min(ea - pa, eb - pb), left);
    if (std::memcmp(t + pa, t + pb, sizeof(uint16_t) * step) != 0) return false;
    pa += step;
    pb += step;
    left -= step;
  }
  return true;
}

double NgramStatsNative::topNgramChars(uint32_t n) {
  const size_t count = doc_.count;
  if (count < n || n == 0) return -1;
  const size_t grams = count - n + 1;
  const uint32_t mask = prepare(grams);
  int32_t* t = table_.data();
  size_t distinct = 0;
  for (size_t i = 0; i < grams; i++) {
    // n-grams that occur once cannot be the most common unless all occur once (ngrams.ts).
    if (static_cast<uint32_t>(run_[i]) < n || (cand_[i] == 0 && static_cast<uint32_t>(U_[i + n] - U_[i]) >= kKey)) {
      continue;
    }
    const uint32_t h = gramHash(i, n);
    for (uint32_t s = fmix32(h) & mask;; s = (s + 1) & mask) {
      int32_t* slot = t + 3 * size_t(s);
      if (slot[0] != gen_) {
        slot[0] = gen_;
        slot[1] = static_cast<int32_t>(h);
        slot[2] = static_cast<int32_t>(distinct);
        dStart_[distinct] = static_cast<int32_t>(i);
        dCount_[distinct++] = 1;
        break;
      }
      const int32_t d = slot[2];
      if (static_cast<uint32_t>(slot[1]) == h && sameWords(static_cast<size_t>(dStart_[d]), i, n)) {
        dCount_[d]++;
        break;
      }
    }
  }
  size_t best = 0;
  for (size_t d = 1; d < distinct; d++) {
    if (dCount_[d] > dCount_[best]) best = d;
  }
  if (distinct == 0 || dCount_[best] == 1) return static_cast<double>(C_[n]) + n - 1;
  const size_t start = static_cast<size_t>(dStart_[best]);
  return (static_cast<double>(C_[start + n] - C_[start]) + n - 1) * dCount_[best];
}

double NgramStatsNative::duplicatedNgramChars(uint32_t n) {
  const size_t count = doc_.count;
  if (count < n || n == 0) return 0;
  const size_t grams = count - n + 1;
  // From n = LIST_N on, only the listed tokens can start an n-gram that occurs twice.
  const bool listed = n >= kListN;
  const size_t visits = listed ? listLength_ : grams;
  const uint32_t mask = prepare(visits);
  int32_t* t = table_.data();
  double repeated = 0;
  size_t i = 0;
  for (size_t v = 0; v < visits; v++) {
    const size_t at = listed ? static_cast<size_t>(list_[v]) : v;
    if (at < i) continue;
    if (at >= grams) break;
    if (cand_[at] == 0 && static_cast<uint32_t>(U_[at + n] - U_[at]) >= kKey) continue;
    i = at;
    const uint32_t h = gramHash(i, n);
    uint32_t s = fmix32(h) & mask;
    bool found = false;
    while (t[3 * size_t(s)] == gen_) {
      if (static_cast<uint32_t>(t[3 * size_t(s) + 1]) == h && sameChars(static_cast<size_t>(t[3 * size_t(s) + 2]), i, n)) {
        found = true;
        break;
      }
      s = (s + 1) & mask;
    }
    if (found) {
      repeated += C_[i + n] - C_[i];
      i += n;
    } else {
      t[3 * size_t(s)] = gen_;
      t[3 * size_t(s) + 1] = static_cast<int32_t>(h);
      t[3 * size_t(s) + 2] = static_cast<int32_t>(i);
      i++;
    }
  }
  return repeated;
}

}  // namespace datamill

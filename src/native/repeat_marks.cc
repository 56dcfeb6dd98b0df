// See repeat_marks.h. int32 wrap-around arithmetic as Math.imul / `| 0` in the TypeScript.
#include "repeat_marks.h"

#include <cstring>

namespace datamill {
namespace {

constexpr uint32_t kBase = 0x9e3779b1u;  // Fibonacci hashing multiplier (and ngram-hash.ts BASE)
constexpr uint32_t kLenMix = 0x85ebca6bu;
constexpr uint32_t kKey = 16;            // ngram-hash.ts KEY

// The slot (index of its key) of `key` in a table of `mask + 2` int32s; `value` receives its slot's second word.
inline uint32_t probe(const int32_t* table, uint32_t mask, int shift, uint32_t key, int32_t* value) {
  uint32_t s = ((key * kBase) >> shift) << 1;
  int32_t c = table[s + 1];
  // Hit or empty (most probes) in one branch-free test: a mismatched key only counts in an occupied slot
  // (two branches, as `c != 0 && key != ...` compiles, took 25% longer: mispredicted).
  const uint32_t occupied = 0u - static_cast<uint32_t>(c != 0);
  if (((static_cast<uint32_t>(table[s]) ^ key) & occupied) != 0) {
    do s = (s + 2) & mask;
    while (table[s + 1] != 0 && static_cast<uint32_t>(table[s]) != key);
    c = table[s + 1];
  }
  *value = c;
  return s;
}

}  // namespace

double repeatMarks(const RepeatMarksIo& io) {
  const size_t count = io.count;
  const uint32_t size = io.size;
  std::memset(io.words, 0, sizeof(int32_t) * 2 * size);
  std::memset(io.prefixes, 0, sizeof(int32_t) * 2 * size);
  const uint32_t mask = 2 * size - 2;
  const int shift = 32 - __builtin_ctz(size);
  const int32_t* H = io.H;
  const int32_t* U = io.U;
  const uint32_t total = static_cast<uint32_t>(U[count]);
  if (total >= io.hLen || io.powLen <= kKey) return -1;
  const uint32_t powKey = static_cast<uint32_t>(io.pow[kKey]);
  for (size_t i = 0; i < count; i++) {
    const uint32_t a = static_cast<uint32_t>(U[i]);
    const uint32_t len = static_cast<uint32_t>(U[i + 1]) - a;
    if (len >= io.powLen || a + len > total) return -1;
    const uint32_t word = static_cast<uint32_t>(H[a + len]) - static_cast<uint32_t>(H[a]) * static_cast<uint32_t>(io.pow[len]) + len * kLenMix;
    int32_t c;
    uint32_t s = probe(io.words, mask, shift, word, &c);
    io.words[s] = static_cast<int32_t>(word);
    io.words[s + 1] = c + 1;
    io.wordSlot[i] = static_cast<int32_t>(s);
    if (total - a < kKey) {
      io.prefixSlot[i] = -1;
      continue;
    }
    const uint32_t key = static_cast<uint32_t>(H[a + kKey]) - static_cast<uint32_t>(H[a]) * powKey;
    int32_t seen;
    s = probe(io.prefixes, mask, shift, key, &seen);
    io.prefixes[s] = static_cast<int32_t>(key);
    io.prefixes[s + 1] = ((seen << 1) | 1) & 3;  // 0 → 1 (once) → 3 (more than once)
    io.prefixSlot[i] = static_cast<int32_t>(s);
  }
  double best = 0;
  io.run[count] = 0;
  for (size_t i = count; i-- > 0;) {
    const int32_t c = io.words[io.wordSlot[i] + 1];
    const double weight = static_cast<double>(U[i + 1] - U[i] + 1) * c;
    if (weight > best) best = weight;
    io.run[i] = c > 1 ? io.run[i + 1] + 1 : 0;
    const int32_t k = io.prefixSlot[i];
    io.cand[i] = k < 0 ? 0 : static_cast<uint8_t>(static_cast<uint32_t>(io.prefixes[k + 1]) >> 1);
  }
  return best;
}

}  // namespace datamill

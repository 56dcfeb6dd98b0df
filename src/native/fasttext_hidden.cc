// See fasttext_hidden.h. Written from the behaviour of facebookresearch/fastText (MIT), following
// src/text/fasttext/{predict,token-rows,dictionary}.ts line for line where numerics are concerned.
#include "fasttext_hidden.h"

#include "fasttext_tokens.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace datamill {
namespace {

constexpr uint32_t kFnvOffset = 2166136261u;
constexpr uint32_t kFnvPrime = 16777619u;
constexpr uint32_t kGolden = 0x9e3779b1u;
// Tokens longer than this are summed afresh each time instead of cached (rare: long URLs, base64).
constexpr uint32_t kMaxKey = 256;
// Long-key bytes per free cache entry (~1% of distinct web tokens are longer than the inline room).
constexpr size_t kLongBytesPerEntry = 8;
const uint8_t kLabelPrefix[] = {'_', '_', 'l', 'a', 'b', 'e', 'l', '_', '_'};
const uint8_t kEos[] = {'<', '/', 's', '>'};

// Dictionary::hash: FNV-1a 32 with each byte sign-extended from int8 first.
inline uint32_t fnvStep(uint32_t h, uint8_t b) {
  return (h ^ static_cast<uint32_t>(static_cast<int32_t>(static_cast<int8_t>(b)))) * kFnvPrime;
}

int shiftFor(uint32_t size) { return 32 - __builtin_ctz(size); }

}  // namespace

FastTextHidden::FastTextHidden(const FastTextShape& shape, const float* input, size_t inputRows,
                               const int32_t* prunePairs, size_t prunePairCount,
                               const std::vector<std::vector<uint8_t>>& words, const std::vector<bool>& labels,
                               uint32_t cacheEntries)
    : shape_(shape), sum_(shape.dim) {
  input_.reset(inputRows * shape.dim);
  std::memcpy(input_.data(), input, inputRows * shape.dim * sizeof(float));
  if (shape.pruneSize > 0) {
    keptBits_.assign((shape.bucket + 63) / 64, 0);
    uint32_t cap = 16;
    while (cap < prunePairCount * 3) cap <<= 1;
    pruneTable_.assign(size_t(cap) * 2, -1);
    pruneMask_ = cap - 1;
    pruneShift_ = shiftFor(cap);
    for (size_t i = 0; i < prunePairCount; i++) {
      const int32_t key = prunePairs[2 * i];
      uint32_t s = (static_cast<uint32_t>(key) * kGolden) >> pruneShift_;
      while (pruneTable_[2 * s] != -1 && pruneTable_[2 * s] != key) s = (s + 1) & pruneMask_;
      pruneTable_[2 * s] = key;  // a repeated bucket keeps its last row, like std::unordered_map operator[]
      pruneTable_[2 * s + 1] = prunePairs[2 * i + 1];
      if (key >= 0 && static_cast<uint32_t>(key) < shape.bucket) keptBits_[key >> 6] |= uint64_t(1) << (key & 63);
    }
  }

  // Entry layout: header, inline key, then the vector on a 16-byte boundary; stride a multiple of 64 bytes.
  vecAt_ = (sizeof(Header) + kInlineKey + 15) & ~size_t(15);
  stride_ = (vecAt_ + sizeof(float) * shape.dim + 63) & ~size_t(63);
  capacity_ = static_cast<uint32_t>(words.size()) + 1 + cacheEntries;
  // Uninitialized on purpose: the pages of entries never used are never touched (so not resident).
  // Aligned to 128 bytes at least: an entry then spans exactly the two lines the L2 spatial prefetcher fetches
  // as a pair.
  entries_.reset(static_cast<uint8_t*>(allocHuge(size_t(capacity_) * stride_)));
  uint32_t slots = 16;
  while (slots < 2 * uint64_t(capacity_)) slots <<= 1;
  slots_.reset(slots);
  slots_.fill(0);
  slotMask_ = slots - 1;
  slotShift_ = shiftFor(slots);
  entryMask_ = (uint32_t(1) << (32 - __builtin_clz(capacity_ + 1))) - 1;
  size_t wordBytes = 0;
  for (const auto& w : words) wordBytes += w.size();
  longKeys_.resize(wordBytes + size_t(cacheEntries) * kLongBytesPerEntry);

  // Pin the dictionary: each word's own row then its n-grams (only its own row for `</s>`); labels add nothing.
  for (size_t i = 0; i < words.size(); i++) {
    const auto& w = words[i];
    const uint32_t len = static_cast<uint32_t>(w.size());
    const uint32_t h = paddedHash(w.data(), len);
    if (find(w.data(), len, h) >= 0) continue;  // a repeated entry: the first one wins
    const uint32_t e = add(w.data(), len, h);
    if (labels[i]) {
      header(e)->rows = kLabelLike;
      continue;
    }
    const bool eos = len == sizeof(kEos) && std::memcmp(w.data(), kEos, len) == 0;
    word_.assign(1, '<');
    word_.insert(word_.end(), w.begin(), w.end());
    word_.push_back('>');
    rows_.assign(1, static_cast<int32_t>(i));
    if (!eos && shape.maxn > 0) subwordRows(len + 2);
    header(e)->rows = sumRows(vec(e));
  }
  const uint32_t h = paddedHash(kEos, sizeof(kEos));
  const int32_t eos = find(kEos, sizeof(kEos), h);
  if (eos >= 0) {
    eos_ = static_cast<uint32_t>(eos);
  } else {
    eos_ = add(kEos, sizeof(kEos), h);  // a dictionary without `</s>`: the line end adds no row
    header(eos_)->rows = 0;
  }
  pinned_ = size_;
  pinnedLongEnd_ = longEnd_;
}

uint32_t FastTextHidden::paddedHash(const uint8_t* token, uint32_t len) {
  word_.assign(token, token + len);
  word_.resize(len + kTokenHashPadding);
  return tokenHash(word_.data(), len);
}

const uint8_t* FastTextHidden::key(uint32_t e) {
  Header* h = header(e);
  return h->len > kInlineKey ? longKeys_.data() + h->longKey : reinterpret_cast<uint8_t*>(h + 1);
}

inline int32_t FastTextHidden::find(const uint8_t* token, uint32_t len, uint32_t hash) {
  const uint32_t tag = hash & ~entryMask_;
  for (uint32_t p = (hash * kGolden) >> slotShift_;; p = (p + 1) & slotMask_) {
    const uint32_t s = slots_[p];
    if (s == 0) return -1;
    if ((s & ~entryMask_) != tag) continue;
    const uint32_t e = (s & entryMask_) - 1;
    const Header* h = header(e);
    if (h->hash == hash && h->len == len && std::memcmp(key(e), token, len) == 0) return static_cast<int32_t>(e);
  }
}

bool FastTextHidden::hasRoom(uint32_t len) const {
  return size_ < capacity_ && (len <= kInlineKey || longEnd_ + len <= longKeys_.size());
}

uint32_t FastTextHidden::add(const uint8_t* token, uint32_t len, uint32_t hash) {
  const uint32_t e = size_++;
  Header* h = header(e);
  h->hash = hash;
  h->len = len;
  h->rows = 0;
  if (len > kInlineKey) {
    h->longKey = static_cast<uint32_t>(longEnd_);
    std::memcpy(longKeys_.data() + longEnd_, token, len);
    longEnd_ += len;
  } else {
    std::memcpy(h + 1, token, len);
  }
  insert(e);
  return e;
}

void FastTextHidden::insert(uint32_t e) {
  const uint32_t hash = header(e)->hash;
  uint32_t p = (hash * kGolden) >> slotShift_;
  while (slots_[p] != 0) p = (p + 1) & slotMask_;
  slots_[p] = (hash & ~entryMask_) | (e + 1);
}

void FastTextHidden::resetToPinned() {
  slots_.fill(0);
  for (uint32_t e = 0; e < pinned_; e++) insert(e);
  size_ = pinned_;
  longEnd_ = pinnedLongEnd_;
}

int32_t FastTextHidden::bucketRow(uint32_t b) const {
  if (shape_.pruneSize == 0) return -1;
  if (shape_.pruneSize < 0) return shape_.nwords + static_cast<int32_t>(b);
  if ((keptBits_[b >> 6] & (uint64_t(1) << (b & 63))) == 0) return -1;
  for (uint32_t s = (b * kGolden) >> pruneShift_;; s = (s + 1) & pruneMask_) {
    const int32_t k = pruneTable_[2 * s];
    if (k == static_cast<int32_t>(b)) return shape_.nwords + pruneTable_[2 * s + 1];
    if (k == -1) return -1;
  }
}

void FastTextHidden::subwordRows(uint32_t len) {
  const uint8_t* w = word_.data();
  const int minn = shape_.minn;
  const int maxn = shape_.maxn;
  for (uint32_t i = 0; i < len; i++) {
    if ((w[i] & 0xc0) == 0x80) continue;
    uint32_t h = kFnvOffset;
    uint32_t j = i;
    for (int n = 1; j < len && n <= maxn; n++) {
      h = fnvStep(h, w[j++]);
      while (j < len && (w[j] & 0xc0) == 0x80) h = fnvStep(h, w[j++]);
      if (n >= minn && !(n == 1 && (i == 0 || j == len))) {
        const int32_t r = bucketRow(h % shape_.bucket);
        if (r >= 0) rows_.push_back(r);
      }
    }
  }
}

int32_t FastTextHidden::sumRows(float* out) {
  const int dim = shape_.dim;
  for (int d = 0; d < dim; d++) out[d] = 0.0f;
  for (int32_t r : rows_) {
    const float* row = input_.data() + size_t(r) * dim;
    for (int d = 0; d < dim; d++) out[d] = out[d] + row[d];
  }
  return static_cast<int32_t>(rows_.size());
}

int32_t FastTextHidden::computeOov(const uint8_t* token, uint32_t len, float* out) {
  if (len >= sizeof(kLabelPrefix) && std::memcmp(token, kLabelPrefix, sizeof(kLabelPrefix)) == 0) {
    return kLabelLike;
  }
  word_.assign(1, '<');
  word_.insert(word_.end(), token, token + len);
  word_.push_back('>');
  rows_.clear();
  subwordRows(len + 2);
  return sumRows(out);
}

inline int32_t FastTextHidden::tokenRows(const uint8_t* token, uint32_t len, uint32_t hash, const float** vector) {
  int32_t e = find(token, len, hash);
  if (e < 0 && len <= kMaxKey) {
    if (!hasRoom(len)) resetToPinned();
    e = static_cast<int32_t>(add(token, len, hash));
    header(e)->rows = computeOov(token, len, vec(e));
  }
  if (e >= 0) {
    *vector = vec(e);
    return header(e)->rows;
  }
  scratch_.resize(shape_.dim);
  *vector = scratch_.data();
  return computeOov(token, len, scratch_.data());
}

void FastTextHidden::prefetchEntry(uint32_t hash) {
  // The first slot of the token's probe sequence (prefetched by the scan) usually names its entry: fetch the
  // entry's two cache lines (header + key, vector) while earlier tokens are summed.
  const uint32_t s = slots_[(hash * kGolden) >> slotShift_];
  if (s == 0 || (s & ~entryMask_) != (hash & ~entryMask_)) return;
  const uint8_t* entry = entries_.get() + size_t((s & entryMask_) - 1) * stride_;
  __builtin_prefetch(entry);
  __builtin_prefetch(entry + vecAt_);
}

int64_t FastTextHidden::hidden(const uint8_t* text, size_t len, float* out) {
  // Pass 1: split into tokens (fastText's readWord), hashing each and prefetching its first slot. Without
  // joinLines only the first line counts; a newline is a separator, so that line ends at the first one.
  if (!shape_.joinLines) {
    const void* nl = std::memchr(text, '\n', len);
    if (nl != nullptr) len = static_cast<size_t>(static_cast<const uint8_t*>(nl) - text);
  }
  markSeparators(text, len, separators_);
  tokens_.clear();
  TokenWalker walk(separators_, len);
  for (size_t start, end; walk.next(&start, &end);) {
    const uint32_t n = static_cast<uint32_t>(end - start);
    const uint32_t h = tokenHash(text + start, n);
    __builtin_prefetch(&slots_[(h * kGolden) >> slotShift_]);
    tokens_.push_back({static_cast<uint32_t>(start), n, h});
  }
  // Pass 2: each token's rows, in order, with the entry of the token kAhead places on being prefetched.
  constexpr size_t kAhead = 4;
  const int dim = shape_.dim;
  double* sum = sum_.data();
  for (int d = 0; d < dim; d++) sum[d] = 0;
  int64_t rows = 0;
  bool ended = false;
  const size_t ntok = tokens_.size();
  for (size_t t = 0; t < kAhead && t < ntok; t++) prefetchEntry(tokens_[t].hash);
  for (size_t t = 0; t < ntok; t++) {
    if (t + kAhead < ntok) prefetchEntry(tokens_[t + kAhead].hash);
    const Token& tok = tokens_[t];
    const float* v = nullptr;
    const int32_t r = tokenRows(text + tok.start, tok.len, tok.hash, &v);
    if (r > 0) {
      rows += r;
      for (int d = 0; d < dim; d++) sum[d] += v[d];
    }
    if (v == vec(eos_)) {  // a literal `</s>` ends the line, as in fastText
      ended = true;
      break;
    }
  }
  if (!ended) {
    const int32_t r = header(eos_)->rows;
    if (r > 0) {
      rows += r;
      const float* v = vec(eos_);
      for (int d = 0; d < dim; d++) sum[d] += v[d];
    }
  }
  if (rows == 0) return 0;
  const float scale = static_cast<float>(1.0 / static_cast<double>(rows));
  for (int d = 0; d < dim; d++) out[d] = static_cast<float>(sum[d]) * scale;
  return rows;
}

}  // namespace datamill

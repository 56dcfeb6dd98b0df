// See json_line.h. Grammar: RFC 8259 (whitespace is space, tab, LF, CR; no control character unescaped in a
// string; numbers -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?).
#include "json_line.h"

#include <charconv>
#include <cstring>
#include <system_error>

#include "utf8_decode.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace datamill {
namespace {

constexpr size_t kMaxNumber = 64;
const uint16_t kProto[] = {'_', '_', 'p', 'r', 'o', 't', 'o', '_', '_'};

// The first index from i where s holds '"', '\\', a control character or a non-ASCII byte (n when none).
inline size_t nextSpecial(const uint8_t* s, size_t n, size_t i) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i space = _mm_set1_epi8(0x20);
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    // Signed: bytes 0x80..0xff are negative, so "below 0x20" also catches every non-ASCII byte.
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                     _mm_cmplt_epi8(v, space));
    const int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return i + __builtin_ctz(static_cast<unsigned>(mask));
  }
#endif
  while (i < n && s[i] != '"' && s[i] != '\\' && s[i] >= 0x20 && s[i] < 0x80) i++;
  return i;
}

// ASCII bytes s[a, b) widened to units at o.
inline uint16_t* widen(const uint8_t* s, size_t a, size_t b, uint16_t* o) {
  size_t i = a;
#if defined(__SSE2__)
  for (; i + 16 <= b; i += 16, o += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(o), _mm_unpacklo_epi8(v, _mm_setzero_si128()));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(o + 8), _mm_unpackhi_epi8(v, _mm_setzero_si128()));
  }
#endif
  for (; i < b; i++) *o++ = s[i];
  return o;
}

inline int hexValue(uint8_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

inline bool isDigit(uint8_t c) { return c >= '0' && c <= '9'; }

}  // namespace

void JsonLineParser::skipSpace() {
  while (i_ < n_ && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) i_++;
}

bool JsonLineParser::literal(const char* word, size_t len) {
  if (n_ - i_ < len || std::memcmp(s_ + i_, word, len) != 0) return false;
  i_ += len;
  return true;
}

bool JsonLineParser::string(JsonText* out) {
  // At the opening quote. Most strings are plain ASCII up to the closing quote: no copy at all.
  const size_t a = ++i_;
  const size_t j = nextSpecial(s_, n_, a);
  if (j < n_ && s_[j] == '"') {
    *out = {s_ + a, 0, j - a, true};
    i_ = j + 1;
    return true;
  }
  return decodeRest(a, j, out);
}

int32_t JsonLineParser::escape(size_t* at) {
  size_t i = *at;
  if (i >= n_) return -1;
  int32_t unit;
  switch (s_[i++]) {
    case '"': unit = '"'; break;
    case '\\': unit = '\\'; break;
    case '/': unit = '/'; break;
    case 'b': unit = '\b'; break;
    case 'f': unit = '\f'; break;
    case 'n': unit = '\n'; break;
    case 'r': unit = '\r'; break;
    case 't': unit = '\t'; break;
    case 'u': {
      if (n_ - i < 4) return -1;
      unit = 0;
      for (int k = 0; k < 4; k++) {
        const int h = hexValue(s_[i + k]);
        if (h < 0) return -1;
        unit = (unit << 4) | h;
      }
      i += 4;  // a lone surrogate stays one, as in JSON.parse
      break;
    }
    default: return -1;
  }
  *at = i;
  return unit;
}

bool JsonLineParser::decodeRest(size_t a, size_t special, JsonText* out) {
  // One byte per unit while every unit is below 0x100 (ASCII runs copied as they are): the string V8 makes
  // of it is a one-byte string anyway. At the first wider unit, what was decoded is widened and decoding
  // goes on in UTF-16.
  uint8_t* const narrow = bytes_.data() + usedBytes_;
  uint8_t* b = narrow;
  size_t i = a;
  uint32_t first = 0;  // the first unit or code point of 0x100 or more
  // `special`: string()'s search already found the first special byte; later ones are searched from i.
  for (size_t j = special;; j = nextSpecial(s_, n_, i)) {
    std::memcpy(b, s_ + i, j - i);
    b += j - i;
    if (j >= n_) return false;  // unterminated
    const uint8_t c = s_[j];
    if (c == '"') {
      *out = {nullptr, usedBytes_, static_cast<size_t>(b - narrow), true};
      usedBytes_ += out->length;
      i_ = j + 1;
      return true;
    }
    if (c < 0x20) return false;  // a raw control character
    if (c == '\\') {
      i = j + 1;
      const int32_t unit = escape(&i);
      if (unit < 0) return false;
      if (unit < 0x100) {
        *b++ = static_cast<uint8_t>(unit);
        continue;
      }
      first = static_cast<uint32_t>(unit);
      break;
    }
    const int len = utf8Sequence(s_, n_, j, &first);
    if (len == 0) return false;
    i = j + len;
    if (first >= 0x100) break;
    *b++ = static_cast<uint8_t>(first);
  }
  uint16_t* const start = units_.data() + used_;
  uint16_t* o = widen(narrow, 0, static_cast<size_t>(b - narrow), start);
  o = putCodePoint(o, first);
  for (;;) {
    const size_t j = nextSpecial(s_, n_, i);
    o = widen(s_, i, j, o);
    if (j >= n_) return false;
    const uint8_t c = s_[j];
    i = j + 1;
    if (c == '"') break;
    if (c < 0x20) return false;
    if (c == '\\') {
      const int32_t unit = escape(&i);
      if (unit < 0) return false;
      *o++ = static_cast<uint16_t>(unit);
      continue;
    }
    // A run of non-ASCII characters (most of a Cyrillic or CJK text) decoded in one tight loop.
    i = j;
    do {
      uint32_t cp;
      const int len = utf8Sequence(s_, n_, i, &cp);
      if (len == 0) return false;
      i += len;
      o = putCodePoint(o, cp);
    } while (i < n_ && s_[i] >= 0x80);
  }
  *out = {nullptr, used_, static_cast<size_t>(o - start), false};
  used_ += out->length;
  i_ = i;
  return true;
}

bool JsonLineParser::number(double* out) {
  const size_t a = i_;
  if (i_ < n_ && s_[i_] == '-') i_++;
  if (i_ >= n_ || !isDigit(s_[i_])) return false;
  if (s_[i_] == '0') {
    i_++;
  } else {
    while (i_ < n_ && isDigit(s_[i_])) i_++;
  }
  if (i_ < n_ && s_[i_] == '.') {
    i_++;
    if (i_ >= n_ || !isDigit(s_[i_])) return false;
    while (i_ < n_ && isDigit(s_[i_])) i_++;
  }
  if (i_ < n_ && (s_[i_] == 'e' || s_[i_] == 'E')) {
    i_++;
    if (i_ < n_ && (s_[i_] == '+' || s_[i_] == '-')) i_++;
    if (i_ >= n_ || !isDigit(s_[i_])) return false;
    while (i_ < n_ && isDigit(s_[i_])) i_++;
  }
  // from_chars is correctly rounded, as JSON.parse is, so both give the same double, and it ignores the C
  // locale (strtod would read "1,5" under a comma-decimal LC_NUMERIC). Out of range it reports an error
  // where JSON.parse gives Infinity or 0: such a line goes to V8.
  const size_t len = i_ - a;
  if (len > kMaxNumber) return false;
  const char* from = reinterpret_cast<const char*>(s_ + a);
  const std::from_chars_result r = std::from_chars(from, from + len, *out);
  return r.ec == std::errc() && r.ptr == from + len;
}

bool JsonLineParser::nested(JsonText* out) {
  // Brackets are counted outside strings; whether they pair up and the rest is JSON, JSON.parse decides.
  const size_t a = i_;
  size_t depth = 0;
  while (i_ < n_) {
    const uint8_t c = s_[i_++];
    if (c == '{' || c == '[') {
      depth++;
    } else if (c == '}' || c == ']') {
      if (--depth == 0) break;
    } else if (c == '"') {
      while (i_ < n_ && s_[i_] != '"') i_ += s_[i_] == '\\' ? 2 : 1;
      if (i_++ >= n_) return false;
    }
  }
  if (depth != 0) return false;
  // Check the value's UTF-8 (napi_create_string_utf8 would replace invalid bytes silently).
  for (size_t k = a; k < i_;) {
    k += asciiPrefix(s_ + k, i_ - k);
    if (k >= i_) break;
    uint32_t cp;
    const int len = utf8Sequence(s_, i_, k, &cp);
    if (len == 0) return false;
    k += len;
  }
  *out = {s_ + a, 0, i_ - a, false};
  return true;
}

bool JsonLineParser::parse(const uint8_t* s, size_t n) {
  s_ = s;
  n_ = n;
  i_ = 0;
  used_ = 0;
  usedBytes_ = 0;
  fields_.clear();
  if (units_.size() < n + 1) {
    units_.resize(n + 1 + n / 2);
    bytes_.resize(n + 1 + n / 2);
  }
  skipSpace();
  if (i_ >= n_ || s_[i_] != '{') return false;
  i_++;
  skipSpace();
  if (i_ < n_ && s_[i_] == '}') {
    i_++;
  } else {
    for (;;) {
      JsonField f{};
      if (i_ >= n_ || s_[i_] != '"' || !string(&f.key)) return false;
      if (f.key.length == sizeof(kProto) / sizeof(kProto[0])) {
        bool proto = true;
        for (size_t k = 0; k < f.key.length && proto; k++) {
          const uint16_t u = f.key.direct ? f.key.direct[k] : f.key.oneByte ? bytes_[f.key.at + k] : units_[f.key.at + k];
          proto = u == kProto[k];
        }
        if (proto) return false;  // JSON.parse makes an own property; a plain set would change the prototype
      }
      skipSpace();
      if (i_ >= n_ || s_[i_] != ':') return false;
      i_++;
      skipSpace();
      if (i_ >= n_) return false;
      const uint8_t c = s_[i_];
      if (c == '"') {
        f.kind = JsonField::kString;
        if (!string(&f.string)) return false;
      } else if (c == 't') {
        f.kind = JsonField::kTrue;
        if (!literal("true", 4)) return false;
      } else if (c == 'f') {
        f.kind = JsonField::kFalse;
        if (!literal("false", 5)) return false;
      } else if (c == 'n') {
        f.kind = JsonField::kNull;
        if (!literal("null", 4)) return false;
      } else if (c == '{' || c == '[') {
        f.kind = JsonField::kNested;
        if (!nested(&f.string)) return false;
      } else {
        f.kind = JsonField::kNumber;
        if (!number(&f.number)) return false;
      }
      fields_.push_back(f);
      skipSpace();
      if (i_ >= n_) return false;
      if (s_[i_] == '}') {
        i_++;
        break;
      }
      if (s_[i_] != ',') return false;
      i_++;
      skipSpace();
    }
  }
  skipSpace();
  return i_ == n_;
}

}  // namespace datamill

// The SPEC word tokenizer's one-pass scan (src/text/token-scan.ts `scanTokens`, the reference) over a
// text's UTF-16 code units, for texts without surrogates (the caller falls back to TypeScript otherwise).
// test/native/token-scan.test.ts checks both give identical spans, meta and prefix hashes.
#pragma once
#include <cstddef>
#include <cstdint>

namespace datamill {

// Per BMP code unit class bits, as token-scan.ts CLASS (filled by the caller for all 65,536 units).
constexpr uint8_t kClassWs = 1;
constexpr uint8_t kClassPs = 2;
constexpr uint8_t kClassPunct = 4;
constexpr uint8_t kClassAlpha = 8;
constexpr uint8_t kClassSurrogate = 16;

// Fills spans (2 per token), meta (1 per token) and prefix (len + 1) for text[0..len); returns the token
// count, or -1 when the text has a surrogate. spans and meta must have room for len + 3 tokens.
int64_t scanTokens(const uint16_t* text, size_t len, const uint8_t* classes, int32_t* spans, int32_t* meta,
                   int32_t* prefix);

// The number of tokens scanTokens would find (src/text/scan.ts `countWords`, the reference), without
// writing them; -1 when the text has a surrogate.
int64_t countWords(const uint16_t* text, size_t len, const uint8_t* classes);

}  // namespace datamill

// Strict UTF-8 to UTF-16 for JSONL lines (src/io/jsonl-parse.ts): ASCII runs 16 bytes at a time (SSE2), other
// sequences one by one with the WHATWG checks (no overlongs, no surrogates, nothing above U+10FFFF, no
// truncation). Any invalid byte makes it refuse, and the caller decodes with V8 instead, whose U+FFFD
// replacement and error reporting stay the reference; on valid input every correct decoder gives the same
// units. V8's decoder ran ~550 MB/s on web JSONL here (a per-byte state machine once a line holds one
// non-ASCII character); test/native/utf8-decode.test.ts checks this one against Buffer.toString.
#pragma once
#include <cstddef>
#include <cstdint>

namespace datamill {

// The length of the ASCII prefix of s[0, n) (n: all ASCII, and the bytes are already a one-byte string).
size_t asciiPrefix(const uint8_t* s, size_t n);

// Decodes s[0, n) into out (room for n units); returns the unit count, or -1 when s is not valid UTF-8.
// *widest receives the OR of all units (below 0x100: the text fits a one-byte string).
int64_t utf8ToUtf16(const uint8_t* s, size_t n, uint16_t* out, uint16_t* widest);

}  // namespace datamill

// A JavaScript string as a JSON string literal in UTF-8, written straight into an output buffer: exactly the
// bytes of Buffer.from(JSON.stringify(s)) (ES2019 well-formed JSON.stringify: \b \t \n \f \r \" \\ as short
// escapes, other controls and lone surrogates as lowercase \u00xx / \udxxx, everything else as UTF-8).
// It replaces JSON.stringify + Buffer.byteLength + buf.write (three passes, two strings) when a re-serialized
// row's text is written (src/io/jsonl-encode.ts); test/native/json-string.test.ts checks it against them.
#pragma once
#include <cstddef>
#include <cstdint>

namespace datamill {

// The most bytes jsonStringUtf8 writes for n UTF-16 units (every unit a 6-byte \u escape, plus the quotes).
inline size_t jsonStringBound(size_t n) { return 6 * n + 2; }

// Writes the literal of s[0, n) at out (room for jsonStringBound(n) bytes); returns the bytes written.
size_t jsonStringUtf8(const uint16_t* s, size_t n, uint8_t* out);

}  // namespace datamill

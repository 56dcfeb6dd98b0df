// One JSONL line parsed natively when it is a JSON object, the shape of every corpus line ({"id": ...,
// "text": ..., "url": ..., "metadata": {...}}): top-level strings are unescaped and decoded from UTF-8 in one
// pass (ASCII 16 bytes a step), with no intermediate string of the whole line; a nested object or array
// value is only delimited (its UTF-8 checked) and handed to JSON.parse by the caller. Anything else (invalid
// JSON or UTF-8, a "__proto__" key, a number of over 64 characters or out of a double's range) is refused,
// and the caller parses the line with V8 (src/io/jsonl-parse.ts), whose objects and error messages stay the
// reference; test/native/json-line.test.ts checks that accepted lines give what JSON.parse gives.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace datamill {

struct JsonText {
  // ASCII text without escapes: its bytes in the line (they are the one-byte string); else nullptr and the
  // decoded text is bytes()[at, at + length) when oneByte (every unit below 0x100, as Latin-1), else
  // units()[at, at + length).
  const uint8_t* direct;
  size_t at;
  size_t length;
  bool oneByte;
};

struct JsonField {
  enum Kind : uint8_t { kString, kNumber, kTrue, kFalse, kNull, kNested };
  JsonText key;
  Kind kind;
  JsonText string;  // kNested: `direct` and `length` delimit the value's valid UTF-8 bytes
  double number;
};

class JsonLineParser {
 public:
  // Parses s[0, n) (no newline); false when the line is refused (see above).
  bool parse(const uint8_t* s, size_t n);
  const std::vector<JsonField>& fields() const { return fields_; }
  const uint16_t* units() const { return units_.data(); }
  const uint8_t* bytes() const { return bytes_.data(); }

 private:
  bool string(JsonText* out);
  // The string from s_[at] on, whose first byte needing care (quote, backslash, control, non-ASCII) is at
  // s_[special]: unescaped and decoded.
  bool decodeRest(size_t at, size_t special, JsonText* out);
  // The unit of the escape after a backslash at s_[*at] (advancing *at), or -1 when it is invalid.
  int32_t escape(size_t* at);
  bool number(double* out);
  bool nested(JsonText* out);
  bool literal(const char* word, size_t len);
  void skipSpace();

  const uint8_t* s_ = nullptr;
  size_t n_ = 0;
  size_t i_ = 0;
  std::vector<uint16_t> units_;
  size_t used_ = 0;
  std::vector<uint8_t> bytes_;
  size_t usedBytes_ = 0;
  std::vector<JsonField> fields_;
};

}  // namespace datamill

// Node-API surface of datamill's native addon (loaded by src/native/addon.ts; built by node-gyp at install).
// Context-aware (NAPI_MODULE_INIT), so every worker thread loads its own instance; objects are plain
// externals owned by the thread that made them.
#include <node_api.h>

#include <cstring>
#include <string>
#include <vector>

#include "c4_lines.h"
#include "fasttext_hidden.h"
#include "fasttext_tokens.h"
#include "fineweb_lines.h"
#include "json_line.h"
#include "json_string.h"
#include "utf8_decode.h"
#include "utf8_encode.h"
#include "folded_needles.h"
#include "gopher_quality.h"
#include "ngram_stats.h"
#include "piece_duplicates.h"
#include "repeat_marks.h"
#include "token_scan.h"

namespace {

using datamill::FastTextHidden;
using datamill::FoldedNeedles;
using datamill::StopWordSet;
using datamill::FastTextShape;

// Throws a TypeError and returns false when `status` failed.
bool ok(napi_env env, napi_status status, const char* what) {
  if (status == napi_ok) return true;
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (!pending) napi_throw_type_error(env, nullptr, what);
  return false;
}

bool int32Property(napi_env env, napi_value object, const char* name, int32_t* out) {
  napi_value v;
  return ok(env, napi_get_named_property(env, object, name, &v), name) &&
         ok(env, napi_get_value_int32(env, v, out), name);
}

bool boolProperty(napi_env env, napi_value object, const char* name, bool* out) {
  napi_value v;
  return ok(env, napi_get_named_property(env, object, name, &v), name) &&
         ok(env, napi_get_value_bool(env, v, out), name);
}

// The data of a typed array argument, with its element count.
template <typename T>
bool typedArray(napi_env env, napi_value value, napi_typedarray_type expected, T** data, size_t* length,
                const char* what) {
  napi_typedarray_type type;
  void* raw = nullptr;
  if (!ok(env, napi_get_typedarray_info(env, value, &type, length, &raw, nullptr, nullptr), what)) return false;
  if (type != expected) return ok(env, napi_invalid_arg, what);
  *data = static_cast<T*>(raw);
  return true;
}

// The text loadText copied last, per thread: a document's text is copied out of V8 once and every kernel
// that reads it afterwards gets `undefined` for it (src/native/loaded-text.ts keeps track of which).
struct LoadedText {
  std::vector<char16_t> units;
  size_t length = 0;
};
thread_local LoadedText loadedText;

// A string argument's UTF-16 code units, copied into this thread's buffer (valid until the next call); for
// `undefined`, the loaded text's.
bool utf16Arg(napi_env env, napi_value value, const uint16_t** data, size_t* length) {
  napi_valuetype type;
  if (!ok(env, napi_typeof(env, value, &type), "text")) return false;
  if (type == napi_undefined) {
    LoadedText& loaded = loadedText;
    *data = reinterpret_cast<const uint16_t*>(loaded.units.data());
    *length = loaded.length;
    return true;
  }
  thread_local std::vector<char16_t> utf16;
  size_t units = 0;
  if (!ok(env, napi_get_value_string_utf16(env, value, nullptr, 0, &units), "text")) return false;
  if (utf16.size() < units + 1) utf16.resize(units + 1 + (units + 1) / 2);
  if (!ok(env, napi_get_value_string_utf16(env, value, utf16.data(), utf16.size(), length), "text")) return false;
  *data = reinterpret_cast<const uint16_t*>(utf16.data());
  return true;
}

// loadText(text: string): copies the text for the calls that pass `undefined` as theirs
napi_value LoadText(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  if (!ok(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "arguments") || argc != 1) return nullptr;
  LoadedText& loaded = loadedText;
  size_t units = 0;
  if (!ok(env, napi_get_value_string_utf16(env, argv[0], nullptr, 0, &units), "text")) return nullptr;
  if (loaded.units.size() < units + 1) loaded.units.resize(units + 1 + (units + 1) / 2);
  ok(env, napi_get_value_string_utf16(env, argv[0], loaded.units.data(), loaded.units.size(), &loaded.length), "text");
  return nullptr;
}

// The strings of an array argument as UTF-16.
bool stringArray(napi_env env, napi_value value, std::vector<std::u16string>* out, const char* what) {
  uint32_t n = 0;
  if (!ok(env, napi_get_array_length(env, value, &n), what)) return false;
  for (uint32_t i = 0; i < n; i++) {
    napi_value item;
    const uint16_t* units;
    size_t len = 0;
    if (!ok(env, napi_get_element(env, value, i, &item), what) || !utf16Arg(env, item, &units, &len)) return false;
    out->emplace_back(reinterpret_cast<const char16_t*>(units), len);
  }
  return true;
}

// A JS handle owning `made` (deleted when the handle is collected), or nullptr with an exception pending.
template <typename T>
napi_value externalOf(napi_env env, T* made) {
  napi_value handle;
  auto finalize = [](napi_env, void* data, void*) { delete static_cast<T*>(data); };
  if (!ok(env, napi_create_external(env, made, finalize, nullptr, &handle), "handle")) {
    delete made;
    return nullptr;
  }
  return handle;
}

napi_value number(napi_env env, double value) {
  napi_value result;
  napi_create_double(env, value, &result);
  return result;
}

// fastTextHidden(shape, input: Float32Array, prunePairs: Int32Array, words: Uint8Array, wordEnds: Int32Array,
//                labels: Uint8Array, cacheEntries: number) → handle
napi_value CreateFastTextHidden(napi_env env, napi_callback_info info) {
  size_t argc = 7;
  napi_value argv[7];
  if (!ok(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "arguments") || argc != 7) {
    napi_throw_type_error(env, nullptr, "fastTextHidden: expected 7 arguments");
    return nullptr;
  }
  FastTextShape shape{};
  int32_t bucket = 0;
  if (!int32Property(env, argv[0], "dim", &shape.dim) || !int32Property(env, argv[0], "nwords", &shape.nwords) ||
      !int32Property(env, argv[0], "minn", &shape.minn) || !int32Property(env, argv[0], "maxn", &shape.maxn) ||
      !int32Property(env, argv[0], "bucket", &bucket) ||
      !int32Property(env, argv[0], "pruneSize", &shape.pruneSize) ||
      !boolProperty(env, argv[0], "joinLines", &shape.joinLines)) {
    return nullptr;
  }
  shape.bucket = static_cast<uint32_t>(bucket);
  const float* input;
  const int32_t* pairs;
  const uint8_t* wordBytes;
  const int32_t* wordEnds;
  const uint8_t* labelFlags;
  size_t inputLen, pairsLen, wordBytesLen, wordCount, labelCount;
  int32_t cacheEntries = 0;
  if (!typedArray(env, argv[1], napi_float32_array, &input, &inputLen, "input") ||
      !typedArray(env, argv[2], napi_int32_array, &pairs, &pairsLen, "prunePairs") ||
      !typedArray(env, argv[3], napi_uint8_array, &wordBytes, &wordBytesLen, "words") ||
      !typedArray(env, argv[4], napi_int32_array, &wordEnds, &wordCount, "wordEnds") ||
      !typedArray(env, argv[5], napi_uint8_array, &labelFlags, &labelCount, "labels") ||
      !ok(env, napi_get_value_int32(env, argv[6], &cacheEntries), "cacheEntries")) {
    return nullptr;
  }
  if (shape.dim <= 0 || shape.bucket == 0 || inputLen % shape.dim != 0 || labelCount != wordCount) {
    napi_throw_range_error(env, nullptr, "fastTextHidden: inconsistent model arrays");
    return nullptr;
  }
  std::vector<std::vector<uint8_t>> words(wordCount);
  std::vector<bool> labels(wordCount);
  for (size_t i = 0, start = 0; i < wordCount; i++) {
    const size_t end = static_cast<size_t>(wordEnds[i]);
    if (end < start || end > wordBytesLen) {
      napi_throw_range_error(env, nullptr, "fastTextHidden: word offsets out of range");
      return nullptr;
    }
    words[i].assign(wordBytes + start, wordBytes + end);
    labels[i] = labelFlags[i] != 0;
    start = end;
  }
  auto* hidden = new FastTextHidden(shape, input, inputLen / shape.dim, pairs, pairsLen / 2, words, labels,
                                    static_cast<uint32_t>(cacheEntries < 0 ? 0 : cacheEntries));
  return externalOf(env, hidden);
}

// fastTextHiddenOf(handle, text: string, out: Float32Array) → rows averaged (0: none, out untouched)
napi_value FastTextHiddenOf(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  void* data = nullptr;
  if (!ok(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "arguments") || argc != 3 ||
      !ok(env, napi_get_value_external(env, argv[0], &data), "handle")) {
    return nullptr;
  }
  auto* hidden = static_cast<FastTextHidden*>(data);
  float* out;
  size_t outLen;
  if (!typedArray(env, argv[2], napi_float32_array, &out, &outLen, "out")) return nullptr;
  if (outLen < static_cast<size_t>(hidden->dim())) {
    napi_throw_range_error(env, nullptr, "fastTextHiddenOf: output shorter than dim");
    return nullptr;
  }
  // The UTF-16 units (one copy), then UTF-8 into a per-thread buffer with room for the most it can take plus
  // the padding the token hash may read past the text.
  const uint16_t* units;
  size_t count = 0;
  if (!utf16Arg(env, argv[1], &units, &count)) return nullptr;
  thread_local std::vector<uint8_t> utf8Buffer;
  std::vector<uint8_t>& utf8 = utf8Buffer;
  const size_t need = datamill::utf8Bound(count) + datamill::kTokenHashPadding;
  if (utf8.size() < need) utf8.resize(need + need / 2);
  const size_t bytes = datamill::utf16ToUtf8(units, count, utf8.data());
  const int64_t rows = hidden->hidden(utf8.data(), bytes, out);
  napi_value result;
  napi_create_int64(env, rows, &result);
  return result;
}

// The tokenizer's class table of this thread (setTokenClasses), 65,536 entries.
thread_local std::vector<uint8_t> tokenClasses;

// setTokenClasses(classes: Uint8Array of 65,536)
napi_value SetTokenClasses(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  const uint8_t* data;
  size_t length;
  if (!ok(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "arguments") || argc != 1 ||
      !typedArray(env, argv[0], napi_uint8_array, &data, &length, "classes")) {
    return nullptr;
  }
  if (length != 65536) {
    napi_throw_range_error(env, nullptr, "setTokenClasses: expected 65,536 classes");
    return nullptr;
  }
  tokenClasses.assign(data, data + length);
  return nullptr;
}

// scanTokens(text, spans: Int32Array, meta: Int32Array, prefix: Int32Array) → token count; -1 when the text
// has a surrogate (use the TypeScript scan); -2 when an array is too small (spans 2·(len + 3), meta len + 3,
// prefix len + 1) or setTokenClasses was not called.
napi_value ScanTokens(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  if (!ok(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "arguments") || argc != 4) return nullptr;
  int32_t *spans, *meta, *prefix;
  size_t spansLen, metaLen, prefixLen;
  if (!typedArray(env, argv[1], napi_int32_array, &spans, &spansLen, "spans") ||
      !typedArray(env, argv[2], napi_int32_array, &meta, &metaLen, "meta") ||
      !typedArray(env, argv[3], napi_int32_array, &prefix, &prefixLen, "prefix")) {
    return nullptr;
  }
  const uint16_t* text;
  size_t units = 0;
  if (!utf16Arg(env, argv[0], &text, &units)) return nullptr;
  int64_t count = -2;
  if (tokenClasses.size() == 65536 && spansLen >= 2 * (units + 3) && metaLen >= units + 3 &&
      prefixLen >= units + 1) {
    count = datamill::scanTokens(text, units, tokenClasses.data(), spans, meta, prefix);
  }
  return number(env, static_cast<double>(count));
}

// countWords(text) → the number of SPEC word tokens; -1 when the text has a surrogate, -2 before
// setTokenClasses.
napi_value CountWords(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  if (!ok(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "arguments") || argc != 1) return nullptr;
  const uint16_t* text;
  size_t units = 0;
  if (!utf16Arg(env, argv[0], &text, &units)) return nullptr;
  if (tokenClasses.size() != 65536) return number(env, -2);
  return number(env, static_cast<double>(datamill::countWords(text, units, tokenClasses.data())));
}

// foldedNeedles(needles: string[] of lowercase ASCII, four units or more) → handle
napi_value CreateFoldedNeedles(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  std::vector<std::u16string> given;
  if (!ok(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "arguments") || argc != 1 ||
      !stringArray(env, argv[0], &given, "needles")) {
    return nullptr;
  }
  std::vector<std::string> needles;
  for (const auto& g : given) {
    bool valid = g.size() >= 4 && g.size() <= 254;
    for (char16_t c : g) valid = valid && c > 0 && c < 0x80 && !(c >= 'A' && c <= 'Z');
    if (!valid) {
      napi_throw_range_error(env, nullptr, "foldedNeedles: needles must be lowercase ASCII of 4 to 254 units");
      return nullptr;
    }
    needles.emplace_back(g.begin(), g.end());
  }
  return externalOf(env, new FoldedNeedles(std::move(needles)));
}

// foldedNeedlesIn(handle, text) → whether some needle occurs in text, ignoring case
napi_value FoldedNeedlesIn(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  void* data = nullptr;
  const uint16_t* text;
  size_t units = 0;
  if (!ok(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "arguments") || argc != 2 ||
      !ok(env, napi_get_value_external(env, argv[0], &data), "handle") || !utf16Arg(env, argv[1], &text, &units)) {
    return nullptr;
  }
  napi_value result;
  napi_get_boolean(env, static_cast<FoldedNeedles*>(data)->foundIn(text, units), &result);
  return result;
}

// stopWordSet(words: distinct strings, in index order) → handle
napi_value CreateStopWordSet(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  std::vector<std::u16string> words;
  if (!ok(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "arguments") || argc != 1 ||
      !stringArray(env, argv[0], &words, "words")) {
    return nullptr;
  }
  return externalOf(env, new StopWordSet(std::move(words)));
}

// gopherQuality(text, spans, meta, count, stopWords handle, out: Float64Array of 9) → 0, or -1 when an array
// is too short. out: non-symbol tokens, their code points, alphabetic tokens, distinct stop words, #, ellipses,
// splitlines() lines, bullet lines, end-ellipsis lines.
napi_value GopherQuality(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6];
  if (!ok(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "arguments") || argc != 6) return nullptr;
  const int32_t *spans, *meta;
  double* out;
  size_t spansLen, metaLen, outLen, units = 0;
  uint32_t count = 0;
  void* stops = nullptr;
  const uint16_t* text;
  if (!typedArray(env, argv[1], napi_int32_array, &spans, &spansLen, "spans") ||
      !typedArray(env, argv[2], napi_int32_array, &meta, &metaLen, "meta") ||
      !ok(env, napi_get_value_uint32(env, argv[3], &count), "count") ||
      !ok(env, napi_get_value_external(env, argv[4], &stops), "stopWords") ||
      !typedArray(env, argv[5], napi_float64_array, &out, &outLen, "out") || !utf16Arg(env, argv[0], &text, &units)) {
    return nullptr;
  }
  if (spansLen < 2 * size_t(count) || metaLen < count || outLen < 9) return number(env, -1);
  for (size_t t = 0; t < count; t++) {
    if (spans[2 * t] < 0 || spans[2 * t + 1] < spans[2 * t] || static_cast<size_t>(spans[2 * t + 1]) > units) {
      return number(env, -1);
    }
  }
  const auto r = datamill::gopherQualityCounts(text, units, spans, meta, count, *static_cast<StopWordSet*>(stops));
  const double values[9] = {r.nonSymbol, r.nonSymbolChars, r.alpha,  r.stops,      r.hashes,
                            r.ellipses,  r.lines,          r.bullets, r.endEllipses};
  std::memcpy(out, values, sizeof(values));
  return number(env, 0);
}

// codePointSet(points: Uint32Array) → handle
napi_value CreateCodePointSet(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  const uint32_t* points;
  size_t n = 0;
  if (!ok(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "arguments") || argc != 1 ||
      !typedArray(env, argv[0], napi_uint32_array, &points, &n, "points")) {
    return nullptr;
  }
  return externalOf(env, new datamill::CodePointSet(std::vector<uint32_t>(points, points + n)));
}

// finewebLines(text, terminal: codePointSet handle, shortMax: number, out: Float64Array of 6) → 0, or -1 when
// out is too short. out: kept (non-blank) lines, those ending in a terminal code point, those of at most
// shortMax code points, code points of repeated kept lines, newlines, the text's code points.
napi_value FinewebLines(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  void* terminal = nullptr;
  double shortMax = 0;
  double* out;
  size_t outLen, units = 0;
  const uint16_t* text;
  if (!ok(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "arguments") || argc != 4 ||
      !ok(env, napi_get_value_external(env, argv[1], &terminal), "terminal") ||
      !ok(env, napi_get_value_double(env, argv[2], &shortMax), "shortMax") ||
      !typedArray(env, argv[3], napi_float64_array, &out, &outLen, "out") || !utf16Arg(env, argv[0], &text, &units)) {
    return nullptr;
  }
  if (outLen < 6) return number(env, -1);
  const auto r =
      datamill::finewebLineCounts(text, units, *static_cast<const datamill::CodePointSet*>(terminal), shortMax);
  const double values[6] = {r.kept, r.punct, r.shortLines, r.dupChars, r.newlines, r.codePoints};
  std::memcpy(out, values, sizeof(values));
  return number(env, 0);
}

// jsonStringInto(text, out: Uint8Array, offset) → bytes written at out[offset..] (the JSON string literal of
// text in UTF-8, as Buffer.from(JSON.stringify(text))), or -1 when fewer than 6 * text.length + 2 bytes are free.
napi_value JsonStringInto(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  uint8_t* out;
  size_t outLen, units = 0;
  int64_t offset = 0;
  const uint16_t* text;
  if (!ok(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "arguments") || argc != 3 ||
      !typedArray(env, argv[1], napi_uint8_array, &out, &outLen, "out") ||
      !ok(env, napi_get_value_int64(env, argv[2], &offset), "offset") || !utf16Arg(env, argv[0], &text, &units)) {
    return nullptr;
  }
  if (offset < 0 || static_cast<size_t>(offset) > outLen || outLen - offset < datamill::jsonStringBound(units)) {
    return number(env, -1);
  }
  return number(env, static_cast<double>(datamill::jsonStringUtf8(text, units, out + offset)));
}

// The (bytes: Uint8Array, start, end) arguments of `name` as the range bytes[start, end); false with an exception
// pending when they are missing or the range falls outside the bytes.
bool byteRangeArgs(napi_env env, napi_callback_info info, const char* name, const uint8_t** s, size_t* n) {
  size_t argc = 3;
  napi_value argv[3];
  uint8_t* bytes;
  size_t len;
  int64_t start = 0, end = 0;
  if (!ok(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "arguments") || argc != 3 ||
      !typedArray(env, argv[0], napi_uint8_array, &bytes, &len, "bytes") ||
      !ok(env, napi_get_value_int64(env, argv[1], &start), "start") ||
      !ok(env, napi_get_value_int64(env, argv[2], &end), "end")) {
    return false;
  }
  if (start < 0 || end < start || static_cast<size_t>(end) > len) {
    napi_throw_range_error(env, nullptr, (std::string(name) + ": range outside the bytes").c_str());
    return false;
  }
  *s = bytes + start;
  *n = static_cast<size_t>(end - start);
  return true;
}

// utf8Text(bytes: Uint8Array, start, end) → the string of bytes[start, end) (one-byte when every code point is
// below U+0100, as V8 makes it), or undefined when they are not valid UTF-8 (the caller then decodes with V8).
napi_value Utf8Text(napi_env env, napi_callback_info info) {
  const uint8_t* s;
  size_t n;
  if (!byteRangeArgs(env, info, "utf8Text", &s, &n)) return nullptr;
  napi_value result;
  if (datamill::asciiPrefix(s, n) == n) {  // ASCII: the bytes are the one-byte string, nothing to decode
    napi_create_string_latin1(env, reinterpret_cast<const char*>(s), n, &result);
    return result;
  }
  // This thread's buffers, each looked up once: a thread_local used inside a loop costs a TLS call per use.
  thread_local std::vector<uint16_t> unitBuffer;
  thread_local std::vector<char> latin1Buffer;
  std::vector<uint16_t>& units = unitBuffer;
  if (units.size() < n + 16) units.resize(n + 16 + n / 2);
  uint16_t widest = 0;
  const int64_t count = datamill::utf8ToUtf16(s, n, units.data(), &widest);
  if (count < 0) {
    napi_get_undefined(env, &result);
    return result;
  }
  if (widest < 0x100) {
    std::vector<char>& latin1 = latin1Buffer;
    if (latin1.size() < static_cast<size_t>(count)) latin1.resize(count + count / 2);
    char* out = latin1.data();
    const uint16_t* in = units.data();
    for (int64_t k = 0; k < count; k++) out[k] = static_cast<char>(in[k]);
    napi_create_string_latin1(env, out, static_cast<size_t>(count), &result);
  } else {
    napi_create_string_utf16(env, reinterpret_cast<const char16_t*>(units.data()), static_cast<size_t>(count), &result);
  }
  return result;
}

// A JsonText as a JS string.
napi_value jsonTextValue(napi_env env, const datamill::JsonLineParser& parser, const datamill::JsonText& t) {
  napi_value value = nullptr;
  if (t.direct != nullptr) {
    napi_create_string_latin1(env, reinterpret_cast<const char*>(t.direct), t.length, &value);
  } else if (t.oneByte) {
    napi_create_string_latin1(env, reinterpret_cast<const char*>(parser.bytes() + t.at), t.length, &value);
  } else {
    napi_create_string_utf16(env, reinterpret_cast<const char16_t*>(parser.units() + t.at), t.length, &value);
  }
  return value;
}

// jsonLine(bytes: Uint8Array, start, end) → the object of a flat JSON object line, or undefined when the line
// is refused (json_line.h; the caller then parses it with V8)
napi_value JsonLine(napi_env env, napi_callback_info info) {
  const uint8_t* s;
  size_t n;
  if (!byteRangeArgs(env, info, "jsonLine", &s, &n)) return nullptr;
  // This thread's parser and buffer, each looked up once (a thread_local used in a loop costs a TLS call each).
  struct Buffers {
    datamill::JsonLineParser parser;
    std::vector<char> keyName;
  };
  thread_local Buffers buffersOfThread;
  Buffers& buffers = buffersOfThread;
  datamill::JsonLineParser& parser = buffers.parser;
  std::vector<char>& keyName = buffers.keyName;
  napi_value result;
  if (!parser.parse(s, n)) {
    napi_get_undefined(env, &result);
    return result;
  }
  napi_value json = nullptr;
  napi_value jsonParse = nullptr;
  napi_create_object(env, &result);
  for (const datamill::JsonField& f : parser.fields()) {
    napi_value value = nullptr;
    switch (f.kind) {
      case datamill::JsonField::kString: value = jsonTextValue(env, parser, f.string); break;
      case datamill::JsonField::kNumber: napi_create_double(env, f.number, &value); break;
      case datamill::JsonField::kTrue: napi_get_boolean(env, true, &value); break;
      case datamill::JsonField::kFalse: napi_get_boolean(env, false, &value); break;
      case datamill::JsonField::kNull: napi_get_null(env, &value); break;
      case datamill::JsonField::kNested: {
        if (jsonParse == nullptr) {
          napi_value global;
          napi_get_global(env, &global);
          napi_get_named_property(env, global, "JSON", &json);
          napi_get_named_property(env, json, "parse", &jsonParse);
        }
        napi_value source;
        napi_create_string_utf8(env, reinterpret_cast<const char*>(f.string.direct), f.string.length, &source);
        if (napi_call_function(env, json, jsonParse, 1, &source, &value) != napi_ok) {
          napi_value error;  // invalid JSON inside: V8's parse of the whole line reports it
          napi_get_and_clear_last_exception(env, &error);
          napi_get_undefined(env, &result);
          return result;
        }
        break;
      }
    }
    if (value == nullptr) {  // a string V8 cannot hold (over its maximum length): V8's parse reports it
      napi_get_undefined(env, &result);
      return result;
    }
    // A plain ASCII key is set by name: V8 then looks the internalized string up instead of allocating one.
    napi_status set;
    if (f.key.direct != nullptr) {
      keyName.assign(f.key.direct, f.key.direct + f.key.length);
      keyName.push_back('\0');
      set = napi_set_named_property(env, result, keyName.data(), value);
    } else {
      set = napi_set_property(env, result, jsonTextValue(env, parser, f.key), value);
    }
    if (!ok(env, set, "jsonLine")) return nullptr;
  }
  return result;
}

// pieceDuplicates(text, from, to, minRun: 1 | 2, out: Float64Array(3)) → out = [pieces, count, chars]
napi_value PieceDuplicates(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5];
  const uint16_t* text;
  size_t units = 0;
  int64_t from = 0, to = 0, minRun = 0;
  double* out;
  size_t outLen;
  if (!ok(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "arguments") || argc != 5 ||
      !ok(env, napi_get_value_int64(env, argv[1], &from), "from") ||
      !ok(env, napi_get_value_int64(env, argv[2], &to), "to") ||
      !ok(env, napi_get_value_int64(env, argv[3], &minRun), "minRun") ||
      !typedArray(env, argv[4], napi_float64_array, &out, &outLen, "out") || !utf16Arg(env, argv[0], &text, &units)) {
    return nullptr;
  }
  if (from < 0 || to < from || static_cast<size_t>(to) > units || (minRun != 1 && minRun != 2) || outLen < 3) {
    napi_throw_range_error(env, nullptr, "pieceDuplicates: range, minRun or output out of bounds");
    return nullptr;
  }
  const datamill::PieceCounts r = datamill::pieceDuplicates(text, static_cast<size_t>(from), static_cast<size_t>(to),
                                                            static_cast<int>(minRun));
  out[0] = r.pieces;
  out[1] = r.count;
  out[2] = r.chars;
  return nullptr;
}

// c4Config(flags: Int32Array [removeCitations, noTerminalPunct, loremIpsum, javascript, curlyBracket, policy,
// minWords, maxWordLength, minSentences], needles: [lorem, javascript, ...policy], lowercase ASCII) → handle
napi_value CreateC4Config(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  const int32_t* f;
  size_t n = 0;
  std::vector<std::u16string> words;
  if (!ok(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "arguments") || argc != 2 ||
      !typedArray(env, argv[0], napi_int32_array, &f, &n, "flags") || !stringArray(env, argv[1], &words, "needles")) {
    return nullptr;
  }
  if (n != 9 || words.size() < 2) {
    napi_throw_range_error(env, nullptr, "c4Config: expected 9 flags and at least 2 needles");
    return nullptr;
  }
  auto* c = new datamill::C4Config{{f[0] != 0, f[1] != 0, f[2] != 0, f[3] != 0, f[4] != 0, f[5] != 0, f[6], f[7], f[8]}, {}};
  auto ascii = [](const std::u16string& w) { return std::string(w.begin(), w.end()); };
  c->needles.lorem = ascii(words[0]);
  c->needles.javascript = ascii(words[1]);
  for (size_t k = 2; k < words.size(); k++) c->needles.policy.push_back(ascii(words[k]));
  return externalOf(env, c);
}

// c4Lines(text, config handle, testNeedles, ranges: Int32Array of 2 * (text.length + 1), out: Float64Array of
// 12) → 0, or -1 when an array is too short. out: outcome (0 kept, 1 lorem ipsum, 2 curly bracket, 3 too few
// sentences, -1 back to TypeScript), value, lines, kept lines, sentences, then the 7 line tallies.
napi_value C4Lines(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5];
  void* config = nullptr;
  bool testNeedles = false;
  int32_t* ranges;
  double* out;
  size_t rangesLen, outLen, units = 0;
  const uint16_t* text;
  if (!ok(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "arguments") || argc != 5 ||
      !ok(env, napi_get_value_external(env, argv[1], &config), "config") ||
      !ok(env, napi_get_value_bool(env, argv[2], &testNeedles), "testNeedles") ||
      !typedArray(env, argv[3], napi_int32_array, &ranges, &rangesLen, "ranges") ||
      !typedArray(env, argv[4], napi_float64_array, &out, &outLen, "out") || !utf16Arg(env, argv[0], &text, &units)) {
    return nullptr;
  }
  if (rangesLen < 2 * (units + 1) || outLen < 12) return number(env, -1);
  const auto r = datamill::c4Lines(text, units, *static_cast<const datamill::C4Config*>(config), testNeedles, ranges);
  out[0] = static_cast<double>(static_cast<int32_t>(r.outcome));
  out[1] = r.value;
  out[2] = r.lines;
  out[3] = r.kept;
  out[4] = r.sentences;
  for (int k = 0; k < 7; k++) out[5 + k] = r.tally[k];
  return number(env, 0);
}

// ngramStats(text, spans, meta, count, H, hashed, tops: Float64Array [n, limit]…, stats, len, dups: Int32Array,
// out: Float64Array) → 0, or -1 when the TypeScript path must answer. out[0]: the word weight bound; then per
// top rule its characters (-1: fewer than n tokens; NaN: skipped because, without stats, the bound shows it
// cannot fire or its limit is off), then per dup rule its characters.
napi_value NgramStats(napi_env env, napi_callback_info info) {
  size_t argc = 11;
  napi_value argv[11];
  if (!ok(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "arguments") || argc != 11) return nullptr;
  datamill::NgramDocIn doc{};
  const int32_t *spans, *meta, *dups;
  const double* tops;
  double* out;
  int32_t* H;
  size_t spansLen, metaLen, hLen, topsLen, dupsLen, outLen;
  uint32_t count = 0;
  bool hashed = false, stats = false;
  double len = 0;
  if (!utf16Arg(env, argv[0], &doc.text, &doc.textLen) ||
      !typedArray(env, argv[1], napi_int32_array, &spans, &spansLen, "spans") ||
      !typedArray(env, argv[2], napi_int32_array, &meta, &metaLen, "meta") ||
      !ok(env, napi_get_value_uint32(env, argv[3], &count), "count") ||
      !typedArray(env, argv[4], napi_int32_array, &H, &hLen, "H") ||
      !ok(env, napi_get_value_bool(env, argv[5], &hashed), "hashed") ||
      !typedArray(env, argv[6], napi_float64_array, &tops, &topsLen, "tops") ||
      !ok(env, napi_get_value_bool(env, argv[7], &stats), "stats") ||
      !ok(env, napi_get_value_double(env, argv[8], &len), "len") ||
      !typedArray(env, argv[9], napi_int32_array, &dups, &dupsLen, "dups") ||
      !typedArray(env, argv[10], napi_float64_array, &out, &outLen, "out")) {
    return nullptr;
  }
  const size_t rules = topsLen / 2;
  if (spansLen < 2 * size_t(count) || metaLen < count || outLen < 1 + rules + dupsLen) return number(env, -1);
  doc.spans = spans;
  doc.meta = meta;
  doc.count = count;
  doc.H = H;
  doc.hLen = hLen;
  doc.hashed = hashed;
  thread_local datamill::NgramStatsNative perThread;
  datamill::NgramStatsNative& ngrams = perThread;  // looked up once (a TLS call per use otherwise)
  if (!ngrams.load(doc)) return number(env, -1);
  out[0] = ngrams.maxWordWeight();
  for (size_t r = 0; r < rules; r++) {
    const double n = tops[2 * r];
    const double limit = tops[2 * r + 1];
    // filter-gopher-repetition: without stats, a rule that is off or that its bound shows cannot fire is skipped.
    const bool off = !(limit != 0 && limit == limit);
    out[1 + r] = !stats && (off || n * ngrams.maxWordWeight() / len <= limit)
                     ? __builtin_nan("")
                     : ngrams.topNgramChars(static_cast<uint32_t>(n));
  }
  for (size_t d = 0; d < dupsLen; d++) out[1 + rules + d] = ngrams.duplicatedNgramChars(static_cast<uint32_t>(dups[d]));
  return number(env, 0);
}

// repeatMarks(H, U, count, pow, size, words, prefixes, wordSlot, prefixSlot, run, cand: typed arrays as
// ngram-prune.ts RepeatMarks holds them) → the word weight bound; -1 when the arrays do not fit (use the
// TypeScript path).
napi_value RepeatMarks(napi_env env, napi_callback_info info) {
  size_t argc = 11;
  napi_value argv[11];
  if (!ok(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "arguments") || argc != 11) return nullptr;
  datamill::RepeatMarksIo io{};
  size_t uLen, wordsLen, prefixesLen, wordSlotLen, prefixSlotLen, runLen, candLen;
  uint32_t count = 0;
  if (!typedArray(env, argv[0], napi_int32_array, &io.H, &io.hLen, "H") ||
      !typedArray(env, argv[1], napi_int32_array, &io.U, &uLen, "U") ||
      !ok(env, napi_get_value_uint32(env, argv[2], &count), "count") ||
      !typedArray(env, argv[3], napi_int32_array, &io.pow, &io.powLen, "pow") ||
      !ok(env, napi_get_value_uint32(env, argv[4], &io.size), "size") ||
      !typedArray(env, argv[5], napi_int32_array, &io.words, &wordsLen, "words") ||
      !typedArray(env, argv[6], napi_int32_array, &io.prefixes, &prefixesLen, "prefixes") ||
      !typedArray(env, argv[7], napi_int32_array, &io.wordSlot, &wordSlotLen, "wordSlot") ||
      !typedArray(env, argv[8], napi_int32_array, &io.prefixSlot, &prefixSlotLen, "prefixSlot") ||
      !typedArray(env, argv[9], napi_int32_array, &io.run, &runLen, "run") ||
      !typedArray(env, argv[10], napi_uint8_array, &io.cand, &candLen, "cand")) {
    return nullptr;
  }
  io.count = count;
  double best = -1;
  const bool fits = io.size >= 64 && (io.size & (io.size - 1)) == 0 && uLen > count &&
                    wordsLen >= 2 * size_t(io.size) && prefixesLen >= 2 * size_t(io.size) && wordSlotLen >= count &&
                    prefixSlotLen >= count && runLen > count && candLen >= count;
  if (fits) best = datamill::repeatMarks(io);
  napi_value result;
  napi_create_double(env, best, &result);
  return result;
}

}  // namespace

NAPI_MODULE_INIT() {
  napi_property_descriptor props[] = {
      {"fastTextHidden", nullptr, CreateFastTextHidden, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"loadText", nullptr, LoadText, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"pieceDuplicates", nullptr, PieceDuplicates, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"jsonLine", nullptr, JsonLine, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"fastTextHiddenOf", nullptr, FastTextHiddenOf, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"setTokenClasses", nullptr, SetTokenClasses, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"scanTokens", nullptr, ScanTokens, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"repeatMarks", nullptr, RepeatMarks, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"countWords", nullptr, CountWords, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"foldedNeedles", nullptr, CreateFoldedNeedles, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"foldedNeedlesIn", nullptr, FoldedNeedlesIn, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"ngramStats", nullptr, NgramStats, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"stopWordSet", nullptr, CreateStopWordSet, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"gopherQuality", nullptr, GopherQuality, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"codePointSet", nullptr, CreateCodePointSet, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"finewebLines", nullptr, FinewebLines, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"c4Config", nullptr, CreateC4Config, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"c4Lines", nullptr, C4Lines, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"jsonStringInto", nullptr, JsonStringInto, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"utf8Text", nullptr, Utf8Text, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_define_properties(env, exports, sizeof(props) / sizeof(props[0]), props);
  return exports;
}

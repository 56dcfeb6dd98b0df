// Node-API surface of datamill's native addon (loaded by src/native/addon.ts; built by node-gyp at install).
// Context-aware (NAPI_MODULE_INIT), so every worker thread loads its own instance; objects are plain
// externals owned by the thread that made them.
#include <node_api.h>

#include <cstring>
#include <string>
#include <vector>

#include "fasttext_hidden.h"
#include "repeat_marks.h"
#include "token_scan.h"

namespace {

using datamill::FastTextHidden;
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

void deleteHidden(napi_env, void* data, void*) { delete static_cast<FastTextHidden*>(data); }

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
  napi_value handle;
  if (!ok(env, napi_create_external(env, hidden, deleteHidden, nullptr, &handle), "handle")) {
    delete hidden;
    return nullptr;
  }
  return handle;
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
  // UTF-16 length first (O(1)), then UTF-8 into a per-thread buffer of 3 bytes per code unit, the most one can
  // take; V8 writes a lone surrogate as U+FFFD, as TextEncoder does.
  size_t units = 0;
  if (!ok(env, napi_get_value_string_utf16(env, argv[1], nullptr, 0, &units), "text")) return nullptr;
  thread_local std::vector<char> utf8;
  if (utf8.size() < 3 * units + 1) utf8.resize(3 * units + 1 + (3 * units + 1) / 2);
  size_t bytes = 0;
  if (!ok(env, napi_get_value_string_utf8(env, argv[1], utf8.data(), utf8.size(), &bytes), "text")) return nullptr;
  const int64_t rows = hidden->hidden(reinterpret_cast<const uint8_t*>(utf8.data()), bytes, out);
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
  size_t units = 0;
  if (!ok(env, napi_get_value_string_utf16(env, argv[0], nullptr, 0, &units), "text")) return nullptr;
  int64_t count = -2;
  if (tokenClasses.size() == 65536 && spansLen >= 2 * (units + 3) && metaLen >= units + 3 &&
      prefixLen >= units + 1) {
    thread_local std::vector<char16_t> utf16;
    if (utf16.size() < units + 1) utf16.resize(units + 1 + (units + 1) / 2);
    size_t copied = 0;
    if (!ok(env, napi_get_value_string_utf16(env, argv[0], utf16.data(), utf16.size(), &copied), "text")) {
      return nullptr;
    }
    count = datamill::scanTokens(reinterpret_cast<const uint16_t*>(utf16.data()), copied, tokenClasses.data(),
                                 spans, meta, prefix);
  }
  napi_value result;
  napi_create_int64(env, count, &result);
  return result;
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
      {"fastTextHiddenOf", nullptr, FastTextHiddenOf, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"setTokenClasses", nullptr, SetTokenClasses, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"scanTokens", nullptr, ScanTokens, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"repeatMarks", nullptr, RepeatMarks, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_define_properties(env, exports, sizeof(props) / sizeof(props[0]), props);
  return exports;
}

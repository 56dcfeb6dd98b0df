{
  # datamill's native addon, built from source by node-gyp at `npm install` / `npm ci` (package.json "install").
  # No -march=native: the same install may run on other CPUs of a cluster. No -ffast-math and no FP
  # contraction: the fastText sums must round exactly as the TypeScript reference does.
  "targets": [
    {
      "target_name": "datamill_native",
      "sources": ["addon.cc", "fasttext_hidden.cc", "token_scan.cc", "repeat_marks.cc", "ngram_stats.cc", "folded_needles.cc", "gopher_quality.cc", "fineweb_lines.cc", "json_string.cc", "utf8_decode.cc", "json_line.cc", "piece_duplicates.cc", "c4_lines.cc"],
      "defines": ["NAPI_VERSION=8"],
      "cflags_cc": ["-O3", "-std=c++17", "-ffp-contract=off", "-fno-exceptions", "-fvisibility=hidden"],
      "cflags_cc!": ["-O2", "-O0"]
    }
  ]
}

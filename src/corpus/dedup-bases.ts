/**
 * Bases of the near-duplicate accuracy corpus: distinct real documents of at least 100 words from the web
 * files of ../shared/data (C4, DCLM-labelled pages, raw Common Crawl, Pile chunks, speeches), in a fixed
 * order, so bench/minhash.js and its test build the same corpus.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

export const DEDUP_BASE_FILES = [
  'web/llamafactory_c4_demo.jsonl.gz',
  'web/dclm_quality_labels/majority_data.jsonl.gz',
  'web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz',
  'web/dsir_toy_pile_chunks.jsonl.gz',
  'web/nltk_state_union.jsonl.gz',
  'web/nltk_inaugural.jsonl.gz',
];

/** The bases, read from `sharedData` (the ../shared/data folder). */
export function realDedupBases(sharedData: string): string[] {
  const seen = new Set<string>();
  return DEDUP_BASE_FILES.flatMap((f) =>
    gunzipSync(readFileSync(path.join(sharedData, f)))
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { text: unknown }).text),
  ).filter(
    (t): t is string =>
      typeof t === 'string' && t.split(/\s+/).length >= 100 && !seen.has(t) && seen.add(t) !== undefined,
  );
}

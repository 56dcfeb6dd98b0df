/**
 * The real-text check every native kernel's test runs: on C4 pages, raw Common Crawl pages and UDHR in 388
 * languages (../shared/data; skipped with a message when absent), no text may differ from the TypeScript twin.
 */
import { expect, it } from 'vitest';
import { describeWithData } from './shared-data.js';
import { sharedTexts } from './stage-harness.js';

export const REAL_TEXT_FILES: [string, string][] = [
  ['C4 pages', 'web/llamafactory_c4_demo.jsonl.gz'],
  ['raw Common Crawl pages', 'web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz'],
  ['UDHR, 388 languages', 'multilingual/udhr2_388.jsonl.gz'],
];

/** `mismatches(texts)` lists the texts where native and TypeScript differ; each real file must give none. */
export function describeOnRealText(title: string, mismatches: (texts: string[]) => string[]): void {
  describeWithData(title, () => {
    it.each(REAL_TEXT_FILES)('%s', (_name, file) => {
      const docs = sharedTexts(file);
      expect(docs.length).toBeGreaterThan(250);
      expect(mismatches(docs)).toEqual([]);
    });
  });
}

/** `count` seeded texts, each up to `maxPieces` pieces drawn with `next` and joined by `separator`. */
export function randomTexts(
  next: () => number,
  pieces: readonly string[],
  count: number,
  maxPieces: number,
  separator = '',
): string[] {
  return Array.from({ length: count }, () =>
    Array.from(
      { length: Math.floor(next() * maxPieces) },
      () => pieces[Math.floor(next() * pieces.length)],
    ).join(separator),
  );
}

import classifyQuality from './classify-quality.js';
import decontaminate from './decontaminate.js';
import dedupExact from './dedup-exact.js';
import dedupLines from './dedup-lines.js';
import dedupMinhash from './dedup-minhash.js';
import type { StageDef } from './define.js';
import filterAlnumRatio from './filter-alnum-ratio.js';
import filterBadwords from './filter-badwords.js';
import filterC4 from './filter-c4.js';
import filterC4Badwords from './filter-c4-badwords.js';
import filterC4Paragraph from './filter-c4-paragraph.js';
import filterCharRepetition from './filter-char-repetition.js';
import filterFineweb from './filter-fineweb.js';
import filterFlaggedWords from './filter-flagged-words.js';
import filterGopherQuality from './filter-gopher-quality.js';
import filterGopherRepetition from './filter-gopher-repetition.js';
import filterLanguage from './filter-language.js';
import filterLength from './filter-length.js';
import filterLineLength from './filter-line-length.js';
import filterPerplexity from './filter-perplexity.js';
import filterSpecialChars from './filter-special-chars.js';
import filterStopwords from './filter-stopwords.js';
import filterUrl from './filter-url.js';
import filterWordCount from './filter-word-count.js';
import filterWordLength from './filter-word-length.js';
import filterWordRepetition from './filter-word-repetition.js';
import normalize from './normalize.js';
import redactPii from './redact-pii.js';
import renameFields from './rename-fields.js';
import sample from './sample.js';
import selectFields from './select-fields.js';

/**
 * Every stage, by recipe name. A stage's file name is its recipe name (test/stages/registry.test.ts
 * checks that they do not drift); adding a stage means adding its import here.
 */
const stages: StageDef[] = [
  filterAlnumRatio,
  filterCharRepetition,
  filterFlaggedWords,
  filterLineLength,
  filterSpecialChars,
  filterStopwords,
  filterWordCount,
  filterWordLength,
  filterWordRepetition,
  classifyQuality,
  decontaminate,
  dedupExact,
  dedupLines,
  dedupMinhash,
  filterBadwords,
  filterC4,
  filterC4Badwords,
  filterC4Paragraph,
  filterFineweb,
  filterGopherQuality,
  filterGopherRepetition,
  filterLanguage,
  filterLength,
  filterPerplexity,
  filterUrl,
  normalize,
  redactPii,
  renameFields,
  sample,
  selectFields,
];

const byName = new Map<string, StageDef>();
for (const s of stages) {
  if (byName.has(s.name)) throw new Error(`stage registry: duplicate stage name ${s.name}`);
  byName.set(s.name, s);
}

export function getStage(name: string): StageDef | undefined {
  return byName.get(name);
}

export function stageNames(): string[] {
  return [...byName.keys()].sort();
}

export function allStages(): StageDef[] {
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Doc, dmOf } from '../core/doc.js';
import { z } from '../core/schema.js';
import { DatamillError } from '../errors.js';
import { analyze } from '../text/analysis.js';
import {
  BADWORDS_LANGUAGES,
  badwordsList,
  badwordsSource,
  countBadwords,
  isBadwordsLanguage,
  needsBoundaries,
} from '../text/badwords.js';
import { unitHash } from '../text/hash.js';
import { seedOption, stageSeed } from './_options.js';
import { defineStage } from './define.js';

const options = z.strictObject({
  languages: z
    .array(
      z.string().refine(isBadwordsLanguage, { message: `expected one of ${BADWORDS_LANGUAGES.join(', ')}` }),
    )
    .min(1)
    .default(['en'])
    .describe(
      'LDNOOBW lists (CC-BY-4.0) applied to every document, unioned; en as DataTrove C4BadWordsFilter default_language.',
    ),
  extra_words_file: z
    .string()
    .optional()
    .describe(
      'A UTF-8 file of extra words or phrases, one per line (blank lines and lines starting with # skipped), ' +
        'matched as whole words; an absolute path or one relative to the working directory (not the recipe).',
    ),
  max_count: z
    .number()
    .int()
    .min(0)
    .nullable()
    .default(0)
    .describe(
      'Drop (badwords) when more than this many matches are found; 0 = any match drops, as C4 (Raffel et al. 2020, ' +
        'arxiv 1910.10683, §2.2); null disables.',
    ),
  max_ratio: z
    .number()
    .min(0)
    .optional()
    .describe(
      'Drop (badwords_ratio) when matches per SPEC word exceed this; absent = no ratio rule (no reference default). ' +
        'Set max_count: null to use the ratio alone.',
    ),
  keep_fraction: z
    .number()
    .min(0)
    .max(1)
    .default(0)
    .describe(
      'Keep this fraction of would-be-dropped documents, by unitHash(seed, id); DataTrove C4BadWordsFilter default 0.',
    ),
  seed: seedOption('keep_fraction'),
  keep_stats: z
    .boolean()
    .default(false)
    .describe('Store dm.badwords = {count, ratio} on every document (ratio only with max_ratio).'),
});

type Options = z.output<typeof options>;

/** Words of a user list file: trimmed, lowercased; blank and `#` lines skipped. */
export function readWordsFile(file: string): string[] {
  const abs = path.resolve(file);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    throw new DatamillError('input_missing', `filter-badwords: extra_words_file ${abs}: cannot read`, {
      cause: e,
    });
  }
  return text
    .split(/\r?\n/)
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** One counting regex for the configured lists: lowercased words, ja/th/zh without boundaries. */
export function buildRegex(o: Options): RegExp {
  const bounded = new Set<string>();
  const plain = new Set<string>();
  for (const lang of o.languages) {
    for (const w of badwordsList(lang)) (needsBoundaries(lang) ? bounded : plain).add(w.toLowerCase());
  }
  if (o.extra_words_file !== undefined) for (const w of readWordsFile(o.extra_words_file)) bounded.add(w);
  // A word matched anywhere also matches at boundaries: keep it once.
  for (const w of plain) bounded.delete(w);
  return new RegExp(badwordsSource([...bounded], [...plain]), 'gu');
}

export default defineStage({
  name: 'filter-badwords',
  kind: 'map',
  description:
    'Counts matches of the LDNOOBW word lists (CC-BY-4.0) of `languages`, plus an optional user list, in the ' +
    'lowercased text (whole words, Python \\W boundaries; ja/th/zh anywhere, allowlist as DataTrove) and drops ' +
    'documents with more than max_count matches (badwords, value = count) or more than max_ratio matches per ' +
    'word (badwords_ratio, value = ratio), unless unitHash(seed, id) < keep_fraction (counted kept_with_badwords).',
  options,
  preservesRow: () => true,
  create(o, env) {
    const re = buildRegex(o);
    const seed = stageSeed(o.seed, env.seed, env.stageId);
    return {
      process(batch, ctx) {
        const out: Doc[] = [];
        for (const doc of batch) {
          const count = countBadwords(re, doc.text.toLowerCase());
          const ratio =
            o.max_ratio === undefined || count === 0 ? 0 : count / Math.max(1, analyze(doc).words.length);
          if (o.keep_stats) dmOf(doc).badwords = o.max_ratio === undefined ? { count } : { count, ratio };
          let reason: string | null = null;
          if (o.max_count !== null && count > o.max_count) reason = 'badwords';
          else if (o.max_ratio !== undefined && ratio > o.max_ratio) reason = 'badwords_ratio';
          if (reason === null) out.push(doc);
          else if (o.keep_fraction > 0 && unitHash(seed, doc.id) < o.keep_fraction) {
            ctx.count('kept_with_badwords');
            out.push(doc);
          } else ctx.drop(doc, reason, reason === 'badwords' ? count : ratio);
        }
        return out;
      },
    };
  },
});

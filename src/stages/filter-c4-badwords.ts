import { type Doc, dmOf } from '../core/doc.js';
import { z } from '../core/schema.js';
import { stageError } from '../errors.js';
import { BADWORDS_LANGUAGES, badwordsRegex, hasBadword, isBadwordsLanguage } from '../text/badwords.js';
import { unitHash } from '../text/hash.js';
import { seedOption, stageSeed } from './_options.js';
import { defineStage } from './define.js';

const SRC = 'DataTrove C4BadWordsFilter default (c4_filters.py)';

const options = z.strictObject({
  keep_fraction: z
    .number()
    .min(0)
    .max(1)
    .default(0)
    .describe(`Keep this fraction of documents with bad words, chosen by unitHash(seed, id). ${SRC}.`),
  seed: seedOption('keep_fraction'),
  language_field: z
    .string()
    .default('language')
    .describe(
      'Document field with the language code, as filter-language sets it (DataTrove metadata.language); a dotted path reads nested fields.',
    ),
  default_language: z
    .string()
    .default('en')
    .describe(`Language of documents without language_field. ${SRC}.`),
  fail_on_missing_language: z
    .boolean()
    .default(true)
    .describe(
      `Fail the run on a language without an LDNOOBW list; false keeps such documents (counted). ${SRC}.`,
    ),
  keep_stats: z
    .boolean()
    .default(false)
    .describe('Store dm.c4_badwords = {language, has_badwords} on every document (kept or dropped).'),
});

/** The value at a dotted `path` of `row`, or undefined. */
export function fieldAt(row: Record<string, unknown>, path: readonly string[]): unknown {
  let v: unknown = row;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

export default defineStage({
  name: 'filter-c4-badwords',
  kind: 'map',
  description:
    "C4's bad-words rule, as DataTrove C4BadWordsFilter: the LDNOOBW list (CC-BY-4.0) of the document's " +
    'language (28 languages) searched in the lowercased text, whole words except in ja/th/zh; a match drops ' +
    'the document (document_removed_with_badwords, value = the language) unless unitHash(seed, id) < ' +
    'keep_fraction. Counts documents_with_badwords_<lang>, document_kept_with_badwords_<lang>, missing_badwords_lang_<lang>.',
  options,
  preservesRow: () => true,
  create(o, env) {
    const seed = stageSeed(o.seed, env.seed, env.stageId);
    const path = o.language_field.split('.');
    return {
      process(batch, ctx) {
        const out: Doc[] = [];
        for (const doc of batch) {
          const field = fieldAt(doc.row, path);
          const lang = typeof field === 'string' && field !== '' ? field : o.default_language;
          if (!isBadwordsLanguage(lang)) {
            if (o.fail_on_missing_language)
              throw stageError(
                env.stageId,
                `document ${doc.id}: no LDNOOBW list for language ${JSON.stringify(lang)}, expected one of ${BADWORDS_LANGUAGES.join(', ')} (set fail_on_missing_language: false to keep such documents)`,
              );
            ctx.count(`missing_badwords_lang_${lang}`);
            out.push(doc);
            continue;
          }
          const found = hasBadword(badwordsRegex(lang), doc.text.toLowerCase());
          if (o.keep_stats) dmOf(doc).c4_badwords = { language: lang, has_badwords: found };
          if (!found) {
            out.push(doc);
            continue;
          }
          ctx.count(`documents_with_badwords_${lang}`);
          if (o.keep_fraction > 0 && unitHash(seed, doc.id) < o.keep_fraction) {
            ctx.count(`document_kept_with_badwords_${lang}`);
            out.push(doc);
          } else ctx.drop(doc, 'document_removed_with_badwords', lang);
        }
        return out;
      },
    };
  },
});

import type { Doc } from '../core/doc.js';
import { z } from '../core/schema.js';
import { type LanguageScore, LID176_LABELS, loadLanguageId } from '../text/lid.js';
import { ROW_FIELD } from './_options.js';
import { defineStage } from './define.js';

const LABELS = new Set(LID176_LABELS);
/** ISO 639-1 codes a user may write for which lid.176 answers with another label. */
const LABEL_HINTS: Record<string, string> = { nb: 'no', iw: 'he', in: 'id', hbs: 'sh', fil: 'tl' };

const options = z
  .strictObject({
    languages: z
      .array(
        z.string().refine((code) => LABELS.has(code), {
          error: (i) => {
            const hint = LABEL_HINTS[String(i.input)];
            return `expected a lid.176 label${hint === undefined ? '' : ` (did you mean ${hint}?)`}`;
          },
        }),
      )
      .min(1)
      .nullable()
      .default(null)
      .describe(
        'Languages to keep, as lid.176 labels (ISO 639-1 where one exists; `no` is Norwegian Bokmål, `sh` ' +
          'Serbo-Croatian). A document is kept when any of them scores above `threshold`; null keeps any ' +
          "language whose top score does. DataTrove LanguageFilter's default changed from [en] to None in " +
          'commit 4fa87f78 (2024-06-19), so pin it in recipes.',
      ),
    threshold: z
      .number()
      .min(0)
      .max(1)
      .default(0.65)
      .describe(
        'Minimum fastText probability, exclusive (score > threshold keeps). 0.65 is DataTrove ' +
          'LanguageFilter language_threshold, used for FineWeb (examples/fineweb.py).',
      ),
    label_only: z
      .boolean()
      .default(false)
      .describe('Only annotate the language fields, never drop (DataTrove label_only).'),
    language_field: ROW_FIELD.default('language').describe(
      'Top-level row field set to the top language on every document, kept or dropped, as in DataTrove/FineWeb ' +
        'output (metadata.language).',
    ),
    score_field: ROW_FIELD.default('language_score').describe(
      'Top-level row field set to the top language probability (DataTrove metadata.language_score).',
    ),
  })
  .refine((o) => o.language_field !== o.score_field, {
    path: ['score_field'],
    message: 'expected a field other than language_field',
  });

type Options = z.output<typeof options>;

/**
 * Labels to ask fastText for. Only the top label can score above a threshold of 0.501 or more (scores sum to
 * at most 1 + 176e-5), and k=1 runs 2.3x faster than k=-1 on short sentences (docs/language-id.md).
 */
function labelsNeeded(o: Options): number {
  return o.label_only || o.languages === null || o.threshold >= 0.501 ? 1 : -1;
}

/** The drop reason for a document with these scores (best first), or undefined to keep it. */
export function languageVerdict(
  scores: readonly LanguageScore[],
  languages: ReadonlySet<string> | null,
  threshold: number,
): 'language_not_allowed' | 'language_score_below_threshold' | undefined {
  const top = scores[0];
  if (top === undefined) return 'language_score_below_threshold';
  if (languages === null) return top.score > threshold ? undefined : 'language_score_below_threshold';
  for (const s of scores) if (s.score > threshold && languages.has(s.language)) return undefined;
  return languages.has(top.language) ? 'language_score_below_threshold' : 'language_not_allowed';
}

export default defineStage({
  name: 'filter-language',
  kind: 'map',
  description:
    'Identifies the language with fastText lid.176 (DataTrove LanguageFilter, ft176 backend) on the text with ' +
    'newlines replaced by spaces, sets the top language and its score as top-level row fields (so rows are ' +
    're-serialized: this stage does not preserve rows), and keeps a document when a listed language (or, ' +
    'without a list, the top language) scores above the threshold. Drops with language_not_allowed (top ' +
    'language not listed; value = its score) or language_score_below_threshold (value = top score). Counts ' +
    'documents per top language (language_<code>) and observes language_score.',
  options,
  async create(o) {
    const lid = await loadLanguageId();
    const k = labelsNeeded(o);
    const languages = o.languages === null ? null : new Set(o.languages);
    // Counter names made once per language: a template string per document is hashed anew as a key.
    const counters = new Map<string, string>();
    const counterOf = (language: string) => {
      let name = counters.get(language);
      if (name === undefined) counters.set(language, (name = `language_${language}`));
      return name;
    };
    return {
      process(batch, ctx) {
        const kept: Doc[] = [];
        for (const doc of batch) {
          const scores = lid.identify(doc.text, k);
          const top = scores[0] ?? { language: 'und', score: 0 };
          doc.row[o.language_field] = top.language;
          doc.row[o.score_field] = top.score;
          ctx.count(counterOf(top.language));
          ctx.observe('language_score', top.score);
          const reason = o.label_only ? undefined : languageVerdict(scores, languages, o.threshold);
          if (reason === undefined) kept.push(doc);
          else ctx.drop(doc, reason, top.score);
        }
        return kept;
      },
    };
  },
});

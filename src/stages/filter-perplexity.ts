import type { Doc } from '../core/doc.js';
import { z } from '../core/schema.js';
import { cachedModel } from '../lm/model-cache.js';
import { documentPerplexity } from '../lm/perplexity.js';
import { type Bucket, bucketOf, type Cutoffs } from '../lm/perplexity-buckets.js';
import { decide } from '../lm/perplexity-decide.js';
import {
  type CutoffTable,
  cutoffsFile,
  groupsFile,
  readJson,
  readScores,
  scoresFile,
  type TaskGroups,
} from '../lm/perplexity-files.js';
import { groupOf } from '../lm/perplexity-group.js';
import { PerplexityObserver, reducePerplexity } from '../lm/perplexity-observe.js';
import { ROW_FIELD } from './_options.js';
import { defineStage } from './define.js';

const CUTOFFS = z
  .strictObject({
    head: z.number().min(0).describe('Perplexity below which a document is head'),
    tail: z.number().min(0).describe('Perplexity from which a document is tail (middle in between)'),
  })
  .refine((c) => c.head <= c.tail, { message: 'expected head <= tail' });

const BUCKET = z.enum(['head', 'middle', 'tail', 'all']);

const options = z
  .strictObject({
    model: z
      .string()
      .min(1)
      .describe(
        'ARPA model (plain, gzip or zstd), e.g. from `datamill lm train`; a relative path resolves from the working ' +
          'directory, as filter-url and decontaminate files do. cc_net scores with per-language KenLM 5-gram models.',
      ),
    missing_markers: z
      .enum(['error', 'unk'])
      .default('error')
      .describe(
        "A model without <s> or </s>: error (KenLM's default, lm/config.cc sentence_marker_missing = THROW_UP) or unk (KenLM's COMPLAIN: treat it as <unk>, with a warning)",
      ),
    normalize: z
      .boolean()
      .default(true)
      .describe(
        'Normalise each line before scoring (cc_net DocLM normalize=True: text_normalizer.normalize)',
      ),
    lowercase: z.boolean().default(true).describe('cc_net normalize case=True'),
    strip_accents: z.boolean().default(true).describe('cc_net normalize accent=True (NFD, drop Mn)'),
    digits_to_zero: z
      .boolean()
      .default(true)
      .describe('cc_net normalize numbers=True (every Unicode digit -> 0)'),
    punctuation: z
      .enum(['replace', 'remove', 'keep'])
      .default('replace')
      .describe(
        'cc_net normalize punct: 1 = replace unicode punctuation by ASCII (default), 2 = remove, 0 = keep',
      ),
    score_empty_lines: z
      .boolean()
      .default(false)
      .describe(
        'cc_net DocLM scores every "\\n"-separated line, an empty one as "<s> </s>" (length 1); its texts have ' +
          'no empty lines after its line dedup. false skips lines that are empty after stripping.',
      ),
    max: z
      .number()
      .positive()
      .nullable()
      .default(null)
      .describe('Drop documents with perplexity above this (perplexity_too_high); null = no limit'),
    min: z
      .number()
      .min(0)
      .nullable()
      .default(null)
      .describe(
        'Drop documents with perplexity below this (perplexity_too_low; e.g. boilerplate); null = no limit',
      ),
    buckets: z
      .enum(['none', 'percentiles', 'cutoffs'])
      .default('none')
      .describe(
        "cc_net head/middle/tail buckets: 'percentiles' computes cut-offs per group in a global phase; 'cutoffs' " +
          "uses the given ones (no global phase); 'none' only scores and filters by max/min",
      ),
    percentile_head: z
      .number()
      .gt(0)
      .lt(100)
      .default(30)
      .describe('Percentile of the head cut-off (cc_net PerplexityBucket percentile_head = 30)'),
    percentile_tail: z
      .number()
      .gt(0)
      .lt(100)
      .default(60)
      .describe('Percentile of the tail cut-off (cc_net PerplexityBucket percentile_tail = 60)'),
    cutoffs: CUTOFFS.nullable()
      .default(null)
      .describe('With buckets: cutoffs, the cut-offs of every group without its own in group_cutoffs'),
    group_cutoffs: z
      .record(z.string(), CUTOFFS)
      .default({})
      .describe(
        'With buckets: cutoffs, cut-offs per group value (cc_net reads them per language from a CSV)',
      ),
    group_by: z
      .enum(['none', 'domain', 'language'])
      .default('none')
      .describe(
        "Groups for the cut-offs: 'domain' = the input's domain label, 'language' = the row field language_field " +
          '(set by filter-language; cc_net buckets per language)',
      ),
    language_field: ROW_FIELD.default('language').describe(
      'Row field holding the language (filter-language language_field)',
    ),
    drop_buckets: z
      .array(BUCKET)
      .default([])
      .describe(
        "Buckets to drop (reason perplexity_bucket_<name>); e.g. ['tail'] keeps cc_net's head and middle",
      ),
    perplexity_field: ROW_FIELD.default('perplexity').describe(
      'Top-level row field for the perplexity (cc_net `perplexity`, rounded to 0.1; null when no line was scored)',
    ),
    bucket_field: ROW_FIELD.default('bucket').describe(
      'Top-level row field for the bucket (cc_net `bucket`)',
    ),
  })
  .refine((o) => o.buckets !== 'cutoffs' || o.cutoffs !== null || Object.keys(o.group_cutoffs).length > 0, {
    path: ['cutoffs'],
    message: 'expected cutoffs or group_cutoffs with buckets: cutoffs',
  })
  .refine((o) => o.percentile_head < o.percentile_tail, {
    path: ['percentile_tail'],
    message: 'expected percentile_tail > percentile_head',
  })
  .refine((o) => o.buckets !== 'none' || (o.drop_buckets.length === 0 && o.group_by === 'none'), {
    path: ['buckets'],
    message: 'expected buckets: percentiles or cutoffs when drop_buckets or group_by is set',
  })
  .refine((o) => o.perplexity_field !== o.bucket_field, {
    path: ['bucket_field'],
    message: 'expected a field other than perplexity_field',
  });

type Options = z.output<typeof options>;

/** The cut-offs of a group under buckets: cutoffs. */
function givenCutoffs(o: Options, group: string): Cutoffs | undefined {
  return o.group_cutoffs[group] ?? o.cutoffs ?? undefined;
}

export default defineStage({
  name: 'filter-perplexity',
  kind: 'global',
  description:
    'Scores each document with an n-gram ARPA model the cc_net way (each line normalised and scored as a KenLM ' +
    'sentence; perplexity = 10^(-sum log10 / sum(words + 1)), rounded to 0.1), stores it in a row field, drops ' +
    'above max (perplexity_too_high) or below min (perplexity_too_low), and assigns cc_net buckets head/middle/tail ' +
    'by given cut-offs or by percentiles (default 30/60) per domain or language computed in a global phase; ' +
    'drop_buckets drops buckets (perplexity_bucket_<name>). Values = perplexity.',
  options,
  needsGlobal: (o) => o.buckets === 'percentiles',
  async create(o, env) {
    const model = await cachedModel(o.model, { warn: env.warn, missingMarkers: o.missing_markers });
    const group = await groupOf(o.group_by, o.language_field, env);
    return {
      process(batch, ctx) {
        const kept: Doc[] = [];
        for (const doc of batch) {
          const pp = documentPerplexity(model, doc.text, o);
          const bucket: Bucket | undefined =
            o.buckets === 'none' ? undefined : bucketOf(pp, givenCutoffs(o, group(doc)));
          if (decide(doc, pp, bucket, o, ctx)) kept.push(doc);
        }
        return kept;
      },
    };
  },
  reduceTasks: () => 1,
  async observer(o, env) {
    const model = await cachedModel(o.model, { warn: env.warn, missingMarkers: o.missing_markers });
    const group = await groupOf(o.group_by, o.language_field, env);
    return new PerplexityObserver(model, o, group, env.workDir, env.taskIndex);
  },
  reduce: (o, env) => reducePerplexity(env.workDir, env.observeTasks, [o.percentile_head, o.percentile_tail]),
  applier(o, env) {
    const table = readJson<CutoffTable>(cutoffsFile(env.workDir));
    const { names } = readJson<TaskGroups>(groupsFile(env.workDir, env.taskIndex));
    const { scores, groups } = readScores(scoresFile(env.workDir, env.taskIndex));
    let ordinal = 0;
    return {
      process(batch, ctx) {
        const kept: Doc[] = [];
        for (const doc of batch) {
          const i = ordinal++;
          const pp = scores[i] ?? Number.NaN;
          const name = names[groups[i] ?? 0] ?? '';
          if (decide(doc, pp, bucketOf(pp, table.groups[name]), o, ctx)) kept.push(doc);
        }
        return kept;
      },
    };
  },
});

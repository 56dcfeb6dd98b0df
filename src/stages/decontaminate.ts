import path from 'node:path';
import { type Doc, dmOf } from '../core/doc.js';
import { z } from '../core/schema.js';
import { DatamillError } from '../errors.js';
import { fileRows } from '../io/file-rows.js';
import { codePoints, cutSpans, forEachNgram, NgramIndex, WordHashes } from '../text/decontam.js';
import { defineStage } from './define.js';

const evalSet = z.strictObject({
  path: z
    .string()
    .min(1)
    .describe(
      'JSONL(.gz/.zst), Parquet or Arrow file of the evaluation set; absolute, or relative to the working directory of the run.',
    ),
  fields: z
    .array(z.string().min(1))
    .min(1)
    .describe(
      'Fields whose text is indexed, each separately (n-grams never span two fields); arrays of strings index each string.',
    ),
  name: z
    .string()
    .regex(/^[a-z0-9_]+$/, 'expected snake_case')
    .optional()
    .describe(
      'Name in counters (`contaminated_<name>`) and dm.decontam.sets; absent = file base name before the first dot, snake_cased.',
    ),
});

const options = z
  .strictObject({
    eval_sets: z
      .array(evalSet)
      .min(1)
      .max(32)
      .describe('Evaluation sets to protect (at most 32: one bit each in the index).'),
    ngram: z
      .number()
      .int()
      .min(1)
      .max(64)
      .default(13)
      .describe(
        'Words per n-gram. 13: GPT-3 (arxiv 2005.14165, App. C) and NeMo Curator max_ngram_size=13; DataTrove NGramsDecontFilter uses 12.',
      ),
    min_short_words: z
      .number()
      .int()
      .min(1)
      .default(8)
      .describe(
        'Eval texts with fewer than `ngram` words are indexed whole (all their words as one n-gram) when they have at least this many words, else skipped. 8: NeMo Curator min_ngram_size.',
      ),
    min_matches: z
      .number()
      .int()
      .min(1)
      .default(1)
      .describe(
        'A document is contaminated by a set when at least this many of its n-gram positions are in that set. 1: GPT-3 (any 13-gram collision); NeMo uses 1 per n-gram and max_matches=10 only to ignore n-grams frequent in the corpus.',
      ),
    mode: z
      .enum(['flag', 'drop', 'cut'])
      .default('flag')
      .describe(
        'flag: set dm.decontam = {matches, sets, spans}; drop: drop with reason contaminated (value: matches); cut: remove the matched spans plus cut_margin_chars (NeMo Curator remove_char_each_side), dropping with contaminated_too_short when under min_chars_after_cut remain.',
      ),
    cut_margin_chars: z
      .number()
      .int()
      .min(0)
      .default(200)
      .describe(
        'UTF-16 code units removed on each side of a matched span in cut mode. 200: NeMo Curator remove_char_each_side.',
      ),
    min_chars_after_cut: z
      .number()
      .int()
      .min(0)
      .default(200)
      .describe(
        'Code points a cut document must keep, else it is dropped with contaminated_too_short. 200: NeMo Curator min_document_length.',
      ),
    max_spans: z
      .number()
      .int()
      .min(0)
      .default(5)
      .describe(
        'Matched spans [start, end) (UTF-16 offsets into the text) recorded in dm.decontam.spans in flag mode, first ones first.',
      ),
  })
  .superRefine((o, ctx) => {
    const seen = new Set<string>();
    o.eval_sets.forEach((s, i) => {
      const name = setName(s);
      if (seen.has(name))
        ctx.addIssue({
          code: 'custom',
          path: ['eval_sets', i, 'name'],
          message: `duplicate eval set name ${name}`,
        });
      seen.add(name);
    });
  });

type Options = z.output<typeof options>;

/** An eval set's name: the option, else the file base name before its first dot, snake_cased. */
export function setName(s: { path: string; name?: string | undefined }): string {
  if (s.name !== undefined) return s.name;
  const base = path.basename(s.path).split('.')[0] ?? '';
  return (
    base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '') || 'eval'
  );
}

/** Every eval set's n-grams in one index; `lengths` are the n-gram sizes present, longest first. */
export interface DecontamIndex {
  names: string[];
  index: NgramIndex;
  lengths: number[];
  /** Per set: texts indexed as n-grams, texts indexed whole, texts skipped as too short. */
  texts: { ngrams: number; whole: number; skipped: number }[];
}

function textsOf(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

/** Reads every eval set and indexes its n-grams (see the ngram and min_short_words options). */
export async function buildIndex(o: Options, warn: (m: string) => void): Promise<DecontamIndex> {
  const index = new NgramIndex();
  const words = new WordHashes();
  const lengths = new Set<number>();
  const texts: DecontamIndex['texts'] = [];
  for (const [set, s] of o.eval_sets.entries()) {
    const stats = { ngrams: 0, whole: 0, skipped: 0 };
    texts.push(stats);
    const add = (_i: number, k1: number, k2: number) => index.add(k1, k2, set);
    const file = path.resolve(s.path);
    try {
      for await (const batch of fileRows(file, warn)) {
        for (const row of batch.rows) {
          for (const field of s.fields) {
            for (const text of textsOf(row[field])) {
              const n = words.scan(text);
              const k = n >= o.ngram ? o.ngram : n >= o.min_short_words ? n : 0;
              if (k === 0) {
                stats.skipped++;
                continue;
              }
              lengths.add(k);
              if (k === o.ngram) stats.ngrams++;
              else stats.whole++;
              forEachNgram(words, k, add);
            }
          }
        }
      }
    } catch (e) {
      const code = e instanceof DatamillError ? e.code : 'input_format';
      throw new DatamillError(code, `decontaminate: eval set ${s.path} (${file}): ${(e as Error).message}`, {
        cause: e,
      });
    }
    if (stats.ngrams + stats.whole === 0)
      warn(
        `decontaminate: eval set ${s.path}: no text of ${s.fields.join(', ')} indexed (fields missing or too short)`,
      );
  }
  const names = o.eval_sets.map(setName);
  return { names, index, lengths: [...lengths].sort((a, b) => b - a), texts };
}

/** Indexes built in this thread, by the options that shape them: tasks of one run share one index. */
const cache = new Map<string, Promise<DecontamIndex>>();

function cachedIndex(o: Options, warn: (m: string) => void): Promise<DecontamIndex> {
  const key = JSON.stringify([
    o.eval_sets.map((s) => [path.resolve(s.path), s.fields, setName(s)]),
    o.ngram,
    o.min_short_words,
  ]);
  let p = cache.get(key);
  if (p === undefined) {
    p = buildIndex(o, warn);
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

/** Matches of one document: n-gram positions per set, and matched spans as [start, end) pairs. */
export interface DocMatches {
  perSet: Int32Array;
  /** Flat [start0, end0, start1, end1, ...] in UTF-16 offsets, in discovery order. */
  spans: number[];
}

/** Finds every indexed n-gram of `text`; `m` is reset and filled. */
export function findMatches(ix: DecontamIndex, words: WordHashes, text: string, m: DocMatches): void {
  m.perSet.fill(0);
  m.spans.length = 0;
  words.scan(text);
  for (const k of ix.lengths) {
    forEachNgram(words, k, (i, k1, k2) => {
      let mask = ix.index.get(k1, k2);
      if (mask === 0) return;
      m.spans.push(words.start[i]!, words.end[i + k - 1]!);
      for (let set = 0; mask !== 0; set++, mask >>>= 1) if (mask & 1) m.perSet[set]!++;
    });
  }
}

export default defineStage({
  name: 'decontaminate',
  kind: 'map',
  description:
    'Finds documents sharing word n-grams (default 13, lowercased letter/digit words, punctuation ignored) ' +
    'with evaluation sets. mode flag sets dm.decontam; drop drops with reason contaminated; cut removes the ' +
    'matched spans plus a margin and drops with contaminated_too_short when too little remains. Counters: ' +
    'contaminated_<set> (documents per set), contaminated (documents); task 0 adds eval_texts_<set> and ' +
    'eval_ngrams (index size). Observes matches for documents with at least one match. Example spans live in ' +
    'dm.decontam.spans (flag mode): the report has no sample channel for map stages yet. The index is built once per worker thread.',
  options,
  preservesRow: () => true,
  async create(o, env) {
    const ix = await cachedIndex(o, env.warn);
    const words = new WordHashes();
    const m: DocMatches = { perSet: new Int32Array(ix.names.length), spans: [] };
    let reported = env.taskIndex !== 0;
    return {
      process(batch, ctx) {
        if (!reported) {
          for (const [set, t] of ix.texts.entries())
            ctx.count(`eval_texts_${ix.names[set]}`, t.ngrams + t.whole);
          ctx.count('eval_ngrams', ix.index.size);
          reported = true;
        }
        const kept: Doc[] = [];
        for (const doc of batch) {
          findMatches(ix, words, doc.text, m);
          if (m.spans.length === 0) {
            kept.push(doc);
            continue;
          }
          const total = m.spans.length / 2;
          ctx.observe('matches', total);
          const sets: Record<string, number> = {};
          for (let set = 0; set < ix.names.length; set++) {
            if (m.perSet[set]! < o.min_matches) continue;
            sets[ix.names[set]!] = m.perSet[set]!;
            ctx.count(`contaminated_${ix.names[set]}`);
          }
          if (Object.keys(sets).length === 0) {
            kept.push(doc);
            continue;
          }
          ctx.count('contaminated');
          if (o.mode === 'drop') {
            ctx.drop(doc, 'contaminated', total);
          } else if (o.mode === 'flag') {
            dmOf(doc).decontam = { matches: total, sets, spans: spanSample(m.spans, o.max_spans) };
            kept.push(doc);
          } else {
            const text = cutSpans(doc.text, m.spans, o.cut_margin_chars);
            const cut_chars = doc.text.length - text.length;
            if (codePoints(text) < o.min_chars_after_cut) ctx.drop(doc, 'contaminated_too_short', total);
            else {
              doc.text = text;
              dmOf(doc).decontam = { matches: total, sets, cut_chars };
              kept.push(doc);
            }
          }
        }
        return kept;
      },
    };
  },
});

function spanSample(spans: readonly number[], max: number): [number, number][] {
  const out: [number, number][] = [];
  for (let j = 0; j + 1 < spans.length && out.length < max; j += 2) out.push([spans[j]!, spans[j + 1]!]);
  return out;
}

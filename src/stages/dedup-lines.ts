import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { dmOf } from '../core/doc.js';
import { z } from '../core/schema.js';
import { encodeLinesDecision, linesDecisionFile, readLinesDecision } from '../dedup/lines-files.js';
import { LinesObserver } from '../dedup/lines-observe.js';
import { reduceLinesBucket } from '../dedup/lines-reduce.js';
import { writeFileAtomic } from '../io/atomic.js';
import { cpLength } from '../text/python.js';
import { bucketsOption } from './_options.js';
import { defineStage } from './define.js';

const options = z
  .object({
    mode: z
      .enum(['boilerplate', 'first'])
      .default('boilerplate')
      .describe(
        "boilerplate: remove every copy of a line seen ≥ min_count times, as cc_net's paper and mine.py do (cc_net/dedup.py deduplicate_two_pass: 'even removing the first occurence'); first: keep the first copy in manifest order (task, document, line), as cc_net's deduplicate()",
      ),
    min_count: z
      .number()
      .int()
      .min(2)
      .default(2)
      .describe(
        'boilerplate mode: copies needed to remove a line; 2 = cc_net (a hash seen twice anywhere is a duplicate)',
      ),
    buckets: bucketsOption('observe writes 20 bytes per non-blank line'),
    min_chars: z
      .number()
      .int()
      .min(0)
      .default(300)
      .describe(
        "Drop a document that lost lines and has fewer characters (code points) left; 300 = cc_net's min_len (cc_net/mine.py Config, SPEC-filters b7). Documents that lost no line are never dropped; 0 keeps all",
      ),
    annotate: z
      .boolean()
      .default(false)
      .describe('Store dm.dedup_lines = {removed, kept} line counts on every kept document'),
  })
  .strict();

/**
 * Removes the lines listed for `ordinal` in `pairs` (sorted (ordinal, line) pairs) from `pos` on; returns the
 * new text, the number of lines removed and the position after this ordinal's pairs.
 */
function removeLines(
  text: string,
  ordinal: number,
  pairs: Uint32Array,
  pos: number,
): [string, number, number] {
  const parts = text.split('\n');
  const kept: string[] = [];
  let removed = 0;
  for (let i = 0; i < parts.length; i++) {
    if (pos < pairs.length && pairs[pos] === ordinal && pairs[pos + 1] === i) {
      removed++;
      pos += 2;
    } else kept.push(parts[i]!);
  }
  if (pos < pairs.length && pairs[pos] === ordinal)
    throw new Error(
      `dedup-lines: document ${ordinal} has no line ${pairs[pos + 1]} (text changed since observe)`,
    );
  return [kept.join('\n'), removed, pos];
}

/** cc_net's line dedup across the corpus: observe (line hashes) → reduce (per bucket) → apply (rewrite, drop). */
export default defineStage({
  name: 'dedup-lines',
  kind: 'global',
  description:
    "Removes repeated lines across the corpus after cc_net's normalize_for_dedup (boilerplate: all copies of lines seen ≥ min_count times; first: later copies); drops documents left shorter than min_chars, reason too_short_after_line_dedup, value = chars left.",
  options,
  preservesRow: () => true,
  reduceTasks: (o) => o.buckets,
  observer: (o, env) => new LinesObserver(o.buckets, env),
  async reduce(o, env) {
    const { counters, details, removed } = reduceLinesBucket(env.workDir, env.taskIndex, env.observeTasks, o);
    const file = linesDecisionFile(env.workDir, env.taskIndex);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, encodeLinesDecision(env.observeTasks, removed));
    return { counters, details };
  },
  applier(o, env) {
    const pairs = mergedRemovals(env.workDir, env.reduceTasks, env.taskIndex);
    let ordinal = 0;
    let pos = 0;
    return {
      process(batch, ctx) {
        const out = [];
        for (const doc of batch) {
          const ord = ordinal++;
          let removed = 0;
          if (pos < pairs.length && pairs[pos] === ord) {
            [doc.text, removed, pos] = removeLines(doc.text, ord, pairs, pos);
            ctx.count('lines_removed', removed);
            const left = cpLength(doc.text);
            if (left < o.min_chars) {
              ctx.drop(doc, 'too_short_after_line_dedup', left);
              continue;
            }
          }
          if (o.annotate) dmOf(doc).dedup_lines = { removed, kept: countLines(doc.text) };
          out.push(doc);
        }
        return out;
      },
    };
  },
});

/** Every bucket's removals for one task, as (ordinal, line) pairs sorted by ordinal then line. */
function mergedRemovals(workDir: string, buckets: number, task: number): Uint32Array {
  const parts: Uint32Array[] = [];
  let total = 0;
  for (let b = 0; b < buckets; b++) {
    const p = readLinesDecision(linesDecisionFile(workDir, b), task);
    parts.push(p);
    total += p.length;
  }
  const n = total / 2;
  const all = new Uint32Array(total);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((a, b) => all[2 * a]! - all[2 * b]! || all[2 * a + 1]! - all[2 * b + 1]!);
  const out = new Uint32Array(total);
  for (let k = 0; k < n; k++) {
    out[2 * k] = all[2 * idx[k]!]!;
    out[2 * k + 1] = all[2 * idx[k]! + 1]!;
  }
  return out;
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

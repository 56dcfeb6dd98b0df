import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ArpaWriter } from '../../../src/lm/arpa-write.js';
import { LmTrainer, type TrainSummary } from '../../../src/lm/train/train.js';
import { tempDir } from '../../e2e/cli.js';
import { rng } from '../../helpers/xorshift.js';

export interface Entry {
  prob: number;
  backoff: number | undefined;
}

/** Trains on `lines`; returns the ARPA text, the entries by words, and the summary. */
export async function train(
  lines: readonly string[],
  order: number,
  memoryBytes = 1 << 26,
): Promise<{
  arpa: string;
  file: string;
  entries: Map<string, Entry>;
  summary: TrainSummary;
  warnings: string[];
}> {
  const warnings: string[] = [];
  const trainer = new LmTrainer({
    order,
    memoryBytes,
    tmpDir: os.tmpdir(),
    discountFallback: true,
    warn: (m) => warnings.push(m),
  });
  for (const l of lines) trainer.addLine(l);
  const dir = tempDir('lmtrain');
  const writer = new ArpaWriter(order, dir, trainer.vocab.words);
  const entries = new Map<string, Entry>();
  const summary = trainer.finish((k, ids, p, b) => {
    writer.entry(k, ids, p, b);
    const words = Array.from(ids.subarray(0, k), (id) => trainer.vocab.words[id]).join(' ');
    entries.set(words, { prob: p, backoff: b });
  });
  const out = path.join(dir, 'model.arpa');
  await writer.finish(out);
  return { arpa: readFileSync(out, 'utf8'), file: out, entries, summary, warnings };
}

/** A seeded corpus of `n` sentences over a Zipf-ish vocabulary of `v` words. */
export function randomCorpus(seed: number, n: number, v: number): string[] {
  const r = rng(seed);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const len = 1 + Math.floor(r() * 12);
    const words: string[] = [];
    for (let j = 0; j < len; j++) words.push(`w${Math.floor(v * r() ** 2)}`);
    lines.push(words.join(' '));
  }
  return lines;
}

/** log10 p(w | ctx) by ARPA back-off: the longest entry ending in w, times the back-offs of the skipped contexts. */
export function log10P(entries: Map<string, Entry>, ctx: string[], w: string): number {
  let bo = 0;
  for (let start = 0; start <= ctx.length; start++) {
    const e = entries.get([...ctx.slice(start), w].join(' '));
    if (e !== undefined) return bo + e.prob;
    bo += entries.get(ctx.slice(start).join(' '))?.backoff ?? 0;
  }
  throw new Error(`no unigram ${w}`);
}

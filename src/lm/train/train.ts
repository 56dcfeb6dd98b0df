/**
 * `lm train`'s engine: interpolated modified Kneser–Ney without pruning, lmplz's pipeline
 * (lm/builder/pipeline.cc) step by step: count (count.ts), adjust (adjust.ts), discounts (discount.ts),
 * initial probabilities (initial.ts), interpolate (interpolate.ts). Every sort goes through a RecordSorter
 * with a share of the memory budget, so memory is bounded by the budget plus the vocabulary.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DatamillError } from '../../errors.js';
import { adjustCounts } from './adjust.js';
import { NgramCounter } from './count.js';
import { computeDiscount, type Discount, discountProblem, FALLBACK_DISCOUNT } from './discount.js';
import { higherInitial, unigramInitial } from './initial.js';
import { type EntrySink, interpolate } from './interpolate.js';
import { contextOrder, type RecordCursor, type RecordOrder, suffixOrder } from './order.js';
import { RecordSorter } from './sorter.js';
import { lineWords, TrainVocab } from './vocab.js';

export interface TrainOptions {
  /** 1..5 (issue 5; lmplz itself allows more). */
  order: number;
  /** Bytes for the counting table and the sort buffers together. */
  memoryBytes: number;
  /** Parent of the temp directory for runs and spools. */
  tmpDir: string;
  /** Substitute lmplz's fallback discounts (0.5, 1, 1.5) when an order's cannot be estimated, else fail. */
  discountFallback: boolean;
  warn(message: string): void;
}

export interface TrainSummary {
  sentences: number;
  /** Words read, without `</s>` (lmplz's "Unigram tokens"). */
  tokens: number;
  /** Unigrams, including `<unk>`, `<s>` and `</s>`. */
  vocab: number;
  /** N-grams per order, as written to `\data\`. */
  counts: number[];
  discounts: Discount[];
  /** Orders (1-based) whose discounts are lmplz's fallback. */
  fallback_orders: number[];
  /** Records written to sorted runs on disk (0 when everything fit in memory). */
  spilled_records: number;
  /** `<s>`, `</s>`, `<unk>` found in the text and skipped (lmplz refuses them unless --skip_symbols). */
  skipped_specials: number;
}

/** Trains from lines pushed with `addLine`; `finish` streams every entry to a sink and removes its temps. */
export class LmTrainer {
  readonly vocab = new TrainVocab();
  private readonly counter: NgramCounter;
  private readonly dir: string;
  private ids = new Uint32Array(256);
  private skipped = 0;

  constructor(private readonly opts: TrainOptions) {
    if (!Number.isInteger(opts.order) || opts.order < 1 || opts.order > 5)
      throw new RangeError(`lm train: order must be 1..5, got ${opts.order}`);
    try {
      this.dir = mkdtempSync(path.join(opts.tmpDir, 'datamill-lm-'));
    } catch (err) {
      throw new DatamillError(
        'usage',
        `lm train: cannot create a temp directory in ${opts.tmpDir} (${(err as Error).message})`,
      );
    }
    // Half the budget counts; the sorters of the later steps share the other half (see sorterBudget).
    this.counter = new NgramCounter(opts.order, opts.memoryBytes / 2, this.dir);
  }

  /** One sentence: words split as lmplz splits them; lines without words are skipped. */
  addLine(line: string): void {
    const words = lineWords(line);
    if (words.length === 0) return;
    if (this.ids.length < words.length) this.ids = new Uint32Array(words.length * 2);
    let n = 0;
    for (const w of words) {
      const id = this.vocab.intern(w);
      if (id <= 2) this.skipped++;
      else this.ids[n++] = id;
    }
    this.counter.addSentence(this.ids, n);
  }

  /** Estimates the model and streams its entries (word ids; `vocab.words` has their text) to `sink`. */
  finish(sink: EntrySink): TrainSummary {
    try {
      if (this.counter.sentences === 0)
        throw new DatamillError('input_format', 'lm train: no sentences in the input (no line has a word)');
      return this.estimate(sink);
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }

  private sorter(width: number, order: RecordOrder, sorters: RecordSorter[]): RecordSorter {
    // At most 2·order+1 sorters hold buffers at once (adjusted counts of every order, then probabilities
    // and contexts), so each gets that share of the half budget.
    const s = new RecordSorter(width, order, this.opts.memoryBytes / (4 * this.opts.order + 2), this.dir);
    sorters.push(s);
    return s;
  }

  private estimate(sink: EntrySink): TrainSummary {
    const N = this.opts.order;
    const all: RecordSorter[] = [];
    const full = this.counter.finish();
    const byContext = Array.from({ length: N }, (_, k) => this.sorter(k + 2, contextOrder(k + 1), all));
    const unigram = new Float64Array(this.vocab.size);
    const stats = adjustCounts(N, full, byContext, unigram);
    const discounts: Discount[] = [];
    const fallback: number[] = [];
    stats.t.forEach((t, i) => {
      const problem = discountProblem(t, i + 1);
      if (problem === null) discounts.push(computeDiscount(t));
      else if (this.opts.discountFallback) {
        this.opts.warn(
          `lm train: ${problem}; using the fallback discounts D1=0.5 D2=1 D3+=1.5 for order ${i + 1}`,
        );
        discounts.push([...FALLBACK_DISCOUNT]);
        fallback.push(i + 1);
      } else throw new DatamillError('input_format', `lm train: ${problem} (use --discount-fallback)`);
    });
    const bySuffix: RecordCursor[] = [emptyCursor()];
    const contexts: RecordCursor[] = [];
    for (let k = 2; k <= N; k++) {
      const suffixSorter = this.sorter(k + 2, suffixOrder(k), all);
      const ctxSorter = this.sorter(k, suffixOrder(k - 1), all);
      higherInitial(k, byContext[k - 1]!.finish(), discounts[k - 1]!, suffixSorter, ctxSorter);
      bySuffix.push(suffixSorter.finish());
      contexts.push(ctxSorter.finish());
    }
    const uni = unigramInitial(unigram, discounts[0]!);
    interpolate({ order: N, unigramProb: uni.prob, unigramGamma: uni.gamma, bySuffix, contexts }, sink);
    return {
      sentences: this.counter.sentences,
      tokens: this.counter.tokens,
      vocab: this.vocab.size,
      counts: stats.counts,
      discounts,
      fallback_orders: fallback,
      spilled_records: all.reduce((s, x) => s + x.spilledRecords, this.counter.spilledRecords),
      skipped_specials: this.skipped,
    };
  }
}

function emptyCursor(): RecordCursor {
  return { rec: new Uint32Array(0), next: () => false, close: () => {} };
}

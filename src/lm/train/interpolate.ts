/**
 * Interpolation, lmplz's step 4 (lm/builder/interpolate.cc): p(w|ctx) = u(w|ctx) + gamma(ctx)·p(w|ctx'),
 * where ctx' drops the first word, and unigrams interpolate with the uniform distribution over the
 * vocabulary without `<s>` (1/(|V|−1), "Includes <unk> but excludes <s>"). The orders are walked jointly
 * in suffix order (lmplz's JointOrder): an n-gram is visited right after its suffix, so p(w|ctx') is at hand.
 * The back-off of an n-gram is the gamma it has as a context; n-grams ending in `<unk>` or `</s>` are never
 * contexts and get back-off 1 (log10 0). Logs are glibc's log10f (log10f.ts), as lmplz's.
 */
import { bitsFloat } from './initial.js';
import { log10f } from './log10f.js';
import { copyWords, type RecordCursor } from './order.js';
import { BOS, EOS, UNK } from './vocab.js';

const f = Math.fround;

/** Receives each n-gram once: orders interleaved, each order in suffix order; log10 values in float32. */
export type EntrySink = (
  order: number,
  ids: Uint32Array,
  log10Prob: number,
  log10Backoff: number | undefined,
) => void;

export interface InterpolateInput {
  order: number;
  /** Uninterpolated unigram probabilities by id, and the empty context's gamma. */
  unigramProb: Float32Array;
  unigramGamma: number;
  /** bySuffix[k-1] for k ≥ 2: `ids…, prob bits, gamma bits` in suffix order. */
  bySuffix: RecordCursor[];
  /** contexts[k-1] for k < order: `ids…, gamma bits` in suffix order. */
  contexts: RecordCursor[];
}

export function interpolate(input: InterpolateInput, sink: EntrySink): void {
  const { order, unigramProb, bySuffix, contexts } = input;
  const vocab = unigramProb.length;
  const uniform = f(1 / f(vocab - 1));
  const probs = new Float64Array(order + 1);
  const stack = Array.from({ length: order + 1 }, (_, k) => new Uint32Array(k));
  const live = bySuffix.map((c, k) => k > 0 && c.next());
  const ctxLive = contexts.map((c) => c.next());

  const backoff = (k: number, ids: Uint32Array): number | undefined => {
    if (k === order) return undefined;
    const last = ids[k - 1];
    if (last === UNK || last === EOS) return 0;
    const c = contexts[k - 1]!;
    if (!ctxLive[k - 1] || !sameIds(c.rec, ids, k))
      throw new Error(`lm train: internal: no back-off for an order-${k} n-gram (contexts out of step)`);
    const g = bitsFloat(c.rec[k]!);
    ctxLive[k - 1] = c.next();
    return log10f(g);
  };

  const visit = (k: number, p: number) => {
    probs[k] = p;
    const ids = stack[k]!;
    sink(k, ids, Math.min(0, log10f(p)), backoff(k, ids));
    if (k < order) descend(k + 1);
  };

  // Visit every order-k n-gram whose suffix is the current order-(k-1) n-gram.
  const descend = (k: number) => {
    const cur = bySuffix[k - 1]!;
    const suffix = stack[k - 1]!;
    while (live[k - 1] && endsWith(cur.rec, suffix, k)) {
      copyWords(stack[k]!, 0, cur.rec, 0, k);
      const prob = bitsFloat(cur.rec[k]!);
      const gamma = bitsFloat(cur.rec[k + 1]!);
      const p = f(prob + f(gamma * probs[k - 1]!));
      live[k - 1] = cur.next();
      visit(k, p);
    }
  };

  probs[0] = uniform;
  for (let id = 0; id < vocab; id++) {
    stack[1]![0] = id;
    // <s> has probability 1 and no interpolation weight (initial_probabilities.cc, MergeRight).
    visit(1, id === BOS ? 1 : f(unigramProb[id]! + f(input.unigramGamma * uniform)));
  }
  for (let k = 2; k <= order; k++)
    if (live[k - 1]) throw new Error(`lm train: internal: order-${k} n-grams without their suffix`);
}

function sameIds(a: Uint32Array, b: Uint32Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** True when the order-k record `rec` ends with the (k-1) words of `suffix`. */
function endsWith(rec: Uint32Array, suffix: Uint32Array, k: number): boolean {
  for (let i = 0; i < k - 1; i++) if (rec[i + 1] !== suffix[i]) return false;
  return true;
}

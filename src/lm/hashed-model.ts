/**
 * The model `NgramModelBuilder.build` returns: KenLM's `FullScore` state machine word by word (`next`, for
 * per-word output), and whole sentences through `SentenceScorer` (score-sentence.ts).
 */
import type { NgramModel, WordScore } from './model.js';
import { BLANK_PROB, extendHi, extendLo, fixLo, type NgramTable, startHi, startLo } from './query.js';
import { SentenceScorer } from './score-sentence.js';
import type { Vocab } from './vocab.js';

/** Scoring keeps KenLM's state: the context words (most recent first) and their back-offs. */
export class HashedModel implements NgramModel {
  private ctxIds: Int32Array;
  private ctxBo: Float64Array;
  private ctxLen = 0;
  private nextIds: Int32Array;
  private nextBo: Float64Array;
  private readonly bosId: number;
  private readonly eosId: number;
  /** n-gram length used by the last `next` call. */
  private lastLength = 0;
  private readonly scorer: SentenceScorer;

  constructor(
    readonly order: number,
    readonly counts: number[],
    readonly hasUnk: boolean,
    private readonly vocab: Vocab,
    private readonly uniProb: Float32Array,
    private readonly uniBo: Float32Array,
    private readonly tables: NgramTable[],
  ) {
    this.ctxIds = new Int32Array(order);
    this.ctxBo = new Float64Array(order);
    this.nextIds = new Int32Array(order);
    this.nextBo = new Float64Array(order);
    this.bosId = vocab.index('<s>');
    this.eosId = vocab.index('</s>');
    this.scorer = new SentenceScorer({ order, uniProb, uniBo, tables });
  }

  get bytes(): number {
    let b = this.uniProb.byteLength + this.uniBo.byteLength + this.vocab.bytes;
    for (const t of this.tables) if (t) b += t.bytes;
    return b;
  }

  wordId(word: string): number {
    return this.vocab.index(word);
  }

  wordIdSpan(text: string, start: number, end: number): number {
    return this.vocab.indexSpan(text, start, end);
  }

  wordIdHash(h1: number, h2: number, length: number): number {
    return this.vocab.indexHash(h1, h2, length);
  }

  private begin(): void {
    // KenLM BeginSentenceState: context <s> with the back-off of the unigram <s>.
    this.ctxIds[0] = this.bosId;
    this.ctxBo[0] = this.uniBo[this.bosId] as number;
    this.ctxLen = this.order > 1 ? 1 : 0;
  }

  /** log10 P(id | state), then the state moves past `id`. */
  private next(id: number): number {
    const N = this.order;
    const ctxIds = this.ctxIds;
    const nextIds = this.nextIds;
    const nextBo = this.nextBo;
    let prob = this.uniProb[id] as number;
    let length = 1;
    let matched = 1;
    nextIds[0] = id;
    nextBo[0] = this.uniBo[id] as number;
    let found = 1;
    let hi = startHi(id);
    let lo = fixLo(startLo(id));
    const ctxLen = this.ctxLen;
    for (let k = 1; k <= ctxLen && k < N; k++) {
      const w = ctxIds[k - 1] as number;
      hi = extendHi(hi, w);
      lo = fixLo(extendLo(lo, w));
      const table = this.tables[k + 1] as NgramTable;
      const at = table.find(hi, lo);
      if (at < 0) break;
      const f = table.f;
      const p = f[at + 2] as number;
      // KenLM reports a blank's length (model_test.cc Blanks: "higher looking" has length 2) while its
      // stored prob equals the backed-off value; adding the context back-offs below gives the same sum.
      matched = k + 1;
      if (p !== BLANK_PROB) {
        prob = p;
        length = k + 1;
      }
      if (k + 1 < N) {
        nextIds[k] = w;
        nextBo[k] = f[at + 3] as number;
        found = k + 1;
      }
    }
    // Back off from the full context to the matched one: add bo of contexts of length >= matched.
    // KenLM adds in float (FullScoreReturn.prob is a float): round like it so printed digits match.
    for (let j = length; j <= ctxLen; j++) prob = Math.fround(prob + (this.ctxBo[j - 1] as number));
    // Swap the state buffers: no allocation per word.
    const ctxBo = this.ctxBo;
    this.ctxIds = nextIds;
    this.ctxBo = nextBo;
    this.nextIds = ctxIds;
    this.nextBo = ctxBo;
    this.ctxLen = Math.min(found, N - 1);
    this.lastLength = matched;
    return prob;
  }

  scoreIds(ids: ArrayLike<number>, count: number): number {
    return this.scorer.score(ids, count, this.bosId, this.eosId);
  }

  scoreSentence(words: readonly string[]): { log10Prob: number; oov: number } {
    this.begin();
    let total = 0;
    let oov = 0;
    for (const word of words) {
      const id = this.vocab.index(word);
      if (id === 0) oov++;
      total = Math.fround(total + this.next(id));
    }
    return { log10Prob: Math.fround(total + this.next(this.eosId)), oov };
  }

  scoreWords(words: readonly string[], context: { bos?: boolean; eos?: boolean } = {}): WordScore[] {
    if (context.bos === false) this.ctxLen = 0;
    else this.begin();
    const out: WordScore[] = [];
    const all = context.eos === false ? words : [...words, '</s>'];
    for (const word of all) {
      const id = this.vocab.index(word);
      const log10Prob = this.next(id);
      out.push({ word, id, log10Prob, ngramLength: this.lastLength });
    }
    return out;
  }
}

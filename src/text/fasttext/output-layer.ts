/**
 * fastText's output layer (loss.cc): from a hidden vector to the top labels. Hierarchical softmax walks the
 * Huffman tree of label counts (HierarchicalSoftmaxLoss::buildTree / dfs, with a heap-free top-1 path);
 * softmax, one-vs-all and negative sampling compute every output (Loss::computeOutput). All arithmetic after
 * the hidden layer is float32 (Math.fround), as fastText's.
 */
import { type OutputRows, stdLog, TopK } from './matrices.js';
import { LOSS } from './model-file.js';

const f32 = Math.fround;

export interface FastTextPrediction {
  label: string;
  /** Probability as fastText reports it: exp(log(p + 1e-5)), float32. */
  score: number;
}

export class OutputLayer {
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  private readonly sigmoidTable: Float32Array;
  private readonly output: Float32Array;
  private readonly heap = new TopK();
  private hidden: Float32Array;
  private bestScore = 0;
  private bestId = -1;

  /** `counts`: the labels' counts in dictionary order (sorted descending, as fastText stores them). */
  constructor(
    private readonly out: OutputRows,
    private readonly loss: number,
    private readonly labels: readonly string[],
    counts: readonly number[],
    private readonly dim: number,
  ) {
    const osz = labels.length;
    // Huffman tree of label counts (HierarchicalSoftmaxLoss::buildTree).
    const nodes = Math.max(0, 2 * osz - 1);
    this.left = new Int32Array(nodes).fill(-1);
    this.right = new Int32Array(nodes).fill(-1);
    if (loss === LOSS.hs && osz > 0) {
      const count = new Float64Array(nodes).fill(1e15);
      for (let i = 0; i < osz; i++) count[i] = counts[i]!;
      let leaf = osz - 1;
      let node = osz;
      for (let i = osz; i < nodes; i++) {
        const mini = [0, 0];
        for (let j = 0; j < 2; j++) {
          if (leaf >= 0 && count[leaf]! < count[node]!) mini[j] = leaf--;
          else mini[j] = node++;
        }
        this.left[i] = mini[0]!;
        this.right[i] = mini[1]!;
        count[i] = count[mini[0]!]! + count[mini[1]!]!;
      }
    }
    // Loss::t_sigmoid_ (used by one-vs-all and negative-sampling output).
    this.sigmoidTable = new Float32Array(513);
    for (let i = 0; i <= 512; i++) {
      const x = f32(f32(i * 2 * 8) / 512 - 8);
      this.sigmoidTable[i] = 1 / (1 + Math.exp(-x));
    }
    this.output = new Float32Array(out.m);
    this.hidden = new Float32Array(dim);
  }

  /** The top `k` labels (-1 = all) with probability ≥ threshold for `hidden`, best first. */
  predict(hidden: Float32Array, k: number, threshold: number): FastTextPrediction[] {
    this.hidden = hidden;
    if (k === 1 && this.loss === LOSS.hs) {
      // Top-1 fast path (filter-language's default): fastText's DFS order and pruning, minus the heap.
      // Measured: whole predict() with lid.176 on the 5.7 MB of /work/shared/data/web/*.jsonl.gz, warm JIT,
      // best of 5, three rounds on a shared 2-core box: k=1 26-27 MB/s from an empty token cache, 35-42 MB/s
      // steady state (before this cache and these passes: 20-24 / 22-27); k=-1 10 / 11-12 MB/s (was 9-10).
      this.bestId = -1;
      this.bestScore = Number.NEGATIVE_INFINITY;
      this.dfsTop1(2 * this.labels.length - 2, 0, stdLog(threshold));
      if (this.bestId < 0) return [];
      return [{ label: this.labels[this.bestId]!, score: f32(Math.exp(this.bestScore)) }];
    }
    const heap = this.heap;
    heap.reset(k === -1 ? this.out.m : Math.max(1, k));
    if (k <= 0 && k !== -1) throw new Error('fastText predict: k must be positive or -1');
    if (this.loss === LOSS.hs) {
      this.dfs(2 * this.labels.length - 2, 0, stdLog(threshold), heap);
    } else {
      this.computeOutput();
      const out = this.output;
      for (let i = 0; i < out.length; i++) {
        const p = out[i]!;
        if (p < threshold) continue;
        const s = stdLog(p);
        if (heap.size === heap.k && s < heap.front) continue;
        heap.push(s, i);
      }
    }
    const order = heap.sorted();
    const result: FastTextPrediction[] = new Array(order.length);
    for (let i = 0; i < order.length; i++) {
      const j = order[i]!;
      result[i] = { label: this.labels[heap.ids[j]!]!, score: f32(Math.exp(heap.scores[j]!)) };
    }
    return result;
  }

  /** `Matrix::dotRow(hidden, i)` in float32: Σ hidden[j]·row[j] in order, × the row's norm if quantized. */
  private dotRow(i: number): number {
    const dim = this.dim;
    const rows = this.out.rows;
    const h = this.hidden;
    const off = i * dim;
    let res = 0;
    for (let j = 0; j < dim; j++) res = f32(res + f32(h[j]! * rows[off + j]!));
    return this.out.quant ? f32(res * this.out.norms[i]!) : res;
  }

  /**
   * HierarchicalSoftmaxLoss::dfs with k = 1: the same visit order and pruning (`score < heap.front`), the heap
   * of one reduced to (bestScore, bestId); a leaf reached always replaces the best (ties: the later leaf, as
   * push-then-pop does).
   */
  private dfsTop1(node: number, score: number, logThreshold: number): void {
    if (score < logThreshold || score < this.bestScore) return;
    const l = this.left[node]!;
    if (l === -1 && this.right[node]! === -1) {
      this.bestScore = score;
      this.bestId = node;
      return;
    }
    const dim = this.dim;
    const rows = this.out.rows;
    const h = this.hidden;
    const i = node - this.labels.length;
    const off = i * dim;
    let f = 0;
    for (let j = 0; j < dim; j++) f = f32(f + f32(h[j]! * rows[off + j]!));
    if (this.out.quant) f = f32(f * this.out.norms[i]!);
    f = f32(1 / f32(1 + f32(Math.exp(-f))));
    this.dfsTop1(l, f32(score + stdLog(1 - f)), logThreshold);
    this.dfsTop1(this.right[node]!, f32(score + stdLog(f)), logThreshold);
  }

  /** HierarchicalSoftmaxLoss::dfs. */
  private dfs(node: number, score: number, logThreshold: number, heap: TopK): void {
    if (score < logThreshold) return;
    if (heap.size === heap.k && score < heap.front) return;
    const l = this.left[node]!;
    const r = this.right[node]!;
    if (l === -1 && r === -1) {
      heap.push(score, node);
      return;
    }
    let f = this.dotRow(node - this.labels.length);
    f = f32(1 / f32(1 + f32(Math.exp(-f))));
    this.dfs(l, f32(score + stdLog(1 - f)), logThreshold, heap);
    this.dfs(r, f32(score + stdLog(f)), logThreshold, heap);
  }

  /** Loss::computeOutput for softmax, one-vs-all and negative sampling. */
  private computeOutput(): void {
    const out = this.output;
    const osz = out.length;
    for (let i = 0; i < osz; i++) out[i] = this.dotRow(i);
    if (this.loss === LOSS.softmax) {
      let max = out[0]!;
      for (let i = 0; i < osz; i++) max = Math.max(out[i]!, max);
      let z = 0;
      for (let i = 0; i < osz; i++) {
        out[i] = Math.exp(f32(out[i]! - max));
        z = f32(z + out[i]!);
      }
      for (let i = 0; i < osz; i++) out[i] = out[i]! / z;
    } else {
      const t = this.sigmoidTable;
      for (let i = 0; i < osz; i++) {
        const x = out[i]!;
        if (x < -8) out[i] = 0;
        else if (x > 8) out[i] = 1;
        else out[i] = t[Math.trunc(f32(f32(f32(f32(x + 8) * 512) / 8) / 2))]!;
      }
    }
  }
}

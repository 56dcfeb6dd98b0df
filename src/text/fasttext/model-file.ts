/**
 * Reader for fastText's binary model format (`.bin` and quantized `.ftz`, versions 11 and 12), written from
 * the format as fastText (MIT, facebookresearch/fastText) saves it: `FastText::saveModel` → magic, version,
 * `Args::save`, `Dictionary::save`, quant flag, input matrix, qout flag, output matrix. All little-endian.
 *
 * Matrices stay in their stored form (dense floats, or product-quantizer codes + centroids); predict.ts
 * dequantizes what it needs.
 */

export const FASTTEXT_MAGIC = 793712314;
const KSUB = 256; // ProductQuantizer::ksub_ (nbits = 8)

/** fastText's `loss_name` and `model_name` enums. */
export const LOSS = { hs: 1, ns: 2, softmax: 3, ova: 4 } as const;
export const MODEL = { cbow: 1, sg: 2, sup: 3 } as const;

/** `Args` fields the binary stores, in file order. */
export interface FastTextArgs {
  dim: number;
  ws: number;
  epoch: number;
  minCount: number;
  neg: number;
  wordNgrams: number;
  loss: number;
  model: number;
  bucket: number;
  minn: number;
  maxn: number;
  lrUpdateRate: number;
  t: number;
}

/** `entry_type`: 0 word, 1 label. */
export const ENTRY_WORD = 0;
export const ENTRY_LABEL = 1;

export interface DictionaryData {
  size: number;
  nwords: number;
  nlabels: number;
  ntokens: number;
  /** UTF-8 bytes of each entry (words first, then labels, as saved). */
  words: Uint8Array[];
  counts: number[];
  types: Uint8Array;
  /** -1 when the model was never pruned; else the number of kept n-gram buckets (0 = all dropped). */
  pruneidxSize: number;
  /** Pairs (bucket → new row offset) for pruned (quantized) models: [b0, r0, b1, r1, ...]. */
  pruneidx: Int32Array;
}

export interface ProductQuantizer {
  dim: number;
  nsubq: number;
  dsub: number;
  lastdsub: number;
  /** dim × 256 floats; sub-quantizer m's centroid i starts at `m*256*dsub + i*(m === nsubq-1 ? lastdsub : dsub)`. */
  centroids: Float32Array;
}

export interface DenseMatrixData {
  kind: 'dense';
  m: number;
  n: number;
  data: Float32Array;
}

export interface QuantMatrixData {
  kind: 'quant';
  m: number;
  n: number;
  qnorm: boolean;
  /** nsubq codes per row. */
  codes: Uint8Array;
  pq: ProductQuantizer;
  /** One code per row into `npq` (a 1-dim quantizer of row norms) when `qnorm`. */
  normCodes: Uint8Array | undefined;
  npq: ProductQuantizer | undefined;
}

export type MatrixData = DenseMatrixData | QuantMatrixData;

export interface FastTextModelData {
  version: number;
  args: FastTextArgs;
  dict: DictionaryData;
  quantInput: boolean;
  qout: boolean;
  input: MatrixData;
  output: MatrixData;
}

class Reader {
  private readonly view: DataView;
  private readonly bytes: Uint8Array;
  pos = 0;
  constructor(bytes: Uint8Array) {
    // A plain Uint8Array view: Buffer#slice would not copy, and f32s needs an aligned private copy.
    this.bytes = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private need(n: number): void {
    if (this.pos + n > this.bytes.length) {
      throw new Error(`fastText model truncated at byte ${this.pos} (need ${n} more)`);
    }
  }
  i32(): number {
    this.need(4);
    const v = this.view.getInt32(this.pos, true);
    this.pos += 4;
    return v;
  }
  i64(): number {
    this.need(8);
    const v = this.view.getBigInt64(this.pos, true);
    this.pos += 8;
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new Error(`fastText model: int64 ${v} out of range at byte ${this.pos - 8}`);
    }
    return Number(v);
  }
  f64(): number {
    this.need(8);
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }
  u8(): number {
    this.need(1);
    return this.bytes[this.pos++]!;
  }
  bool(): boolean {
    return this.u8() !== 0;
  }
  /** Copies, so the result is aligned and independent of the file buffer. */
  bytesCopy(n: number): Uint8Array {
    this.need(n);
    const out = this.bytes.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  f32s(n: number): Float32Array {
    const raw = this.bytesCopy(n * 4);
    const out = new Float32Array(raw.buffer, 0, n);
    if (!LITTLE_ENDIAN_HOST) {
      const v = new DataView(raw.buffer);
      for (let i = 0; i < n; i++) out[i] = v.getFloat32(i * 4, true);
    }
    return out;
  }
  cstring(): Uint8Array {
    const end = this.bytes.indexOf(0, this.pos);
    if (end < 0) throw new Error(`fastText model: unterminated string at byte ${this.pos}`);
    const out = this.bytes.slice(this.pos, end);
    this.pos = end + 1;
    return out;
  }
  get remaining(): number {
    return this.bytes.length - this.pos;
  }
}

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function readArgs(r: Reader): FastTextArgs {
  return {
    dim: r.i32(),
    ws: r.i32(),
    epoch: r.i32(),
    minCount: r.i32(),
    neg: r.i32(),
    wordNgrams: r.i32(),
    loss: r.i32(),
    model: r.i32(),
    bucket: r.i32(),
    minn: r.i32(),
    maxn: r.i32(),
    lrUpdateRate: r.i32(),
    t: r.f64(),
  };
}

function readDictionary(r: Reader): DictionaryData {
  const size = r.i32();
  const nwords = r.i32();
  const nlabels = r.i32();
  const ntokens = r.i64();
  const pruneidxSize = r.i64();
  if (size !== nwords + nlabels || size < 0) {
    throw new Error(`fastText model: dictionary size ${size} ≠ ${nwords} words + ${nlabels} labels`);
  }
  const words: Uint8Array[] = new Array(size);
  const counts: number[] = new Array(size);
  const types = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    words[i] = r.cstring();
    counts[i] = r.i64();
    types[i] = r.u8();
  }
  const pruneidx = new Int32Array(Math.max(0, pruneidxSize) * 2);
  for (let i = 0; i < pruneidx.length; i++) pruneidx[i] = r.i32();
  return { size, nwords, nlabels, ntokens, words, counts, types, pruneidxSize, pruneidx };
}

function readPQ(r: Reader): ProductQuantizer {
  const dim = r.i32();
  const nsubq = r.i32();
  const dsub = r.i32();
  const lastdsub = r.i32();
  if (dim <= 0 || nsubq <= 0 || dsub <= 0 || lastdsub <= 0 || (nsubq - 1) * dsub + lastdsub !== dim) {
    throw new Error(
      `fastText model: bad product quantizer dim=${dim} nsubq=${nsubq} dsub=${dsub}/${lastdsub}`,
    );
  }
  return { dim, nsubq, dsub, lastdsub, centroids: r.f32s(dim * KSUB) };
}

function readMatrix(r: Reader, quant: boolean): MatrixData {
  if (!quant) {
    const m = r.i64();
    const n = r.i64();
    return { kind: 'dense', m, n, data: r.f32s(m * n) };
  }
  const qnorm = r.bool();
  const m = r.i64();
  const n = r.i64();
  const codesize = r.i32();
  const codes = r.bytesCopy(codesize);
  const pq = readPQ(r);
  if (pq.dim !== n || codesize !== m * pq.nsubq) {
    throw new Error(`fastText model: quantized matrix ${m}×${n} does not fit its ${codesize} codes`);
  }
  let normCodes: Uint8Array | undefined;
  let npq: ProductQuantizer | undefined;
  if (qnorm) {
    normCodes = r.bytesCopy(m);
    npq = readPQ(r);
  }
  return { kind: 'quant', m, n, qnorm, codes, pq, normCodes, npq };
}

/** Parses a whole model file (fastText `loadModel`). Throws on a bad magic, version or layout. */
export function parseFastTextModel(bytes: Uint8Array): FastTextModelData {
  const r = new Reader(bytes);
  if (r.remaining < 8 || r.i32() !== FASTTEXT_MAGIC) throw new Error('not a fastText model (bad magic)');
  const version = r.i32();
  if (version !== 11 && version !== 12) throw new Error(`fastText model version ${version} is not supported`);
  const args = readArgs(r);
  // fastText: version-11 supervised models predate char n-grams for supervised training.
  if (version === 11 && args.model === MODEL.sup) args.maxn = 0;
  const dict = readDictionary(r);
  const quantInput = r.bool();
  const input = readMatrix(r, quantInput);
  if (!quantInput && dict.pruneidxSize >= 0)
    throw new Error('fastText model: pruned dictionary needs quantized input');
  const qout = r.bool();
  const output = readMatrix(r, quantInput && qout);
  if (r.remaining !== 0) throw new Error(`fastText model: ${r.remaining} unexpected trailing bytes`);
  if (input.n !== args.dim || output.n !== args.dim) {
    throw new Error(`fastText model: matrix widths ${input.n}/${output.n} ≠ dim ${args.dim}`);
  }
  return { version, args, dict, quantInput, qout, input, output };
}

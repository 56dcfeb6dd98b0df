import type { Doc } from '../core/doc.js';
import { cpLength, pyStrip, splitlines } from './python.js';
import { scanTokens, tokenScan } from './token-scan.js';

/** The tokenizer's scratch buffers, shared by all analyses: each keeps exact-size copies of its tokens. */
const scratch = tokenScan(1 << 13);

/**
 * Those copies are views of a shared slab, a new one when full (old ones live while their analyses do):
 * an exact-size typed array per document cost more than the scan itself (allocation, zeroing, GC).
 */
const SLAB = 1 << 20;
let slab = newSlab();
let used = 0;

/**
 * A slab of uninitialized memory (Buffer.allocUnsafe skips the zero fill, and every int of a view is written
 * before it is read): a zeroed 4 MB slab per ~430 KB of text was most of keep()'s time.
 */
function newSlab(): Int32Array {
  const bytes = Buffer.allocUnsafe(4 * SLAB);
  return new Int32Array(bytes.buffer, bytes.byteOffset, SLAB);
}

/** A copy of `src[0, n)` as a view of the slab. */
function keep(src: Int32Array, n: number): Int32Array {
  if (n > SLAB >> 3) return src.slice(0, n);
  if (used + n > SLAB) {
    slab = newSlab();
    used = 0;
  }
  const view = slab.subarray(used, used + n);
  view.set(src.subarray(0, n));
  used += n;
  return view;
}

/**
 * Splits of one document's text that several filters need, each computed on first use and shared by
 * every stage that runs on the document in the same task (Data-Juicer's op fusion): a chain of Gopher,
 * C4 and FineWeb filters tokenizes each document once, not once per filter.
 */
export class TextAnalysis {
  private _spans?: Int32Array;
  private _meta?: Int32Array;
  private _words?: string[];
  private _lines?: string[];
  private _nlLines?: string[];
  private _repLines?: string[];
  private _paragraphs?: string[];
  private _length?: number;

  constructor(readonly text: string) {}

  /**
   * SPEC word tokens (`split_into_words`) as `[start, end)` offset pairs into `text` (UTF-16 units),
   * `2 * wordCount` entries: statistics read the text through them without allocating token strings.
   */
  get spans(): Int32Array {
    if (this._spans === undefined) this.scan();
    return this._spans!;
  }

  /** Per token (token-scan.ts): code points `<< 2`, META_ALPHA, META_NON_PUNCT; from the same pass as `spans`. */
  get tokenMeta(): Int32Array {
    if (this._meta === undefined) this.scan();
    return this._meta!;
  }

  /**
   * Scans now when no stage has yet, filling `prefix` (length ≥ text.length + 1) with the concatenated
   * tokens' prefix hashes (scanTokens); false when the tokens were already scanned and `prefix` is untouched.
   */
  scanHashed(prefix: Int32Array): boolean {
    if (this._spans !== undefined) return false;
    this.scan(prefix);
    return true;
  }

  private scan(prefix?: Int32Array): void {
    const r = scanTokens(this.text, scratch, prefix);
    this._spans = keep(r.spans, 2 * r.count);
    this._meta = keep(r.meta, r.count);
    this._length ??= r.length;
  }

  /** The number of SPEC word tokens when an earlier stage already tokenized this text, else undefined. */
  get knownWordCount(): number | undefined {
    return this._spans === undefined ? undefined : this._spans.length >> 1;
  }

  /** Number of SPEC word tokens. */
  get wordCount(): number {
    return this.spans.length >> 1;
  }

  /** SPEC word tokens as strings, sliced from `spans` on first use (for consumers that need strings). */
  get words(): string[] {
    if (this._words === undefined) {
      const spans = this.spans;
      const words = new Array<string>(spans.length >> 1);
      for (let k = 0; k < words.length; k++) words[k] = this.text.slice(spans[2 * k], spans[2 * k + 1]);
      this._words = words;
    }
    return this._words;
  }

  /** Python `text.splitlines()` (Gopher quality, C4). */
  get lines(): string[] {
    return (this._lines ??= splitlines(this.text));
  }

  /** `text.split("\n")` (FineWeb, C4 paragraph). */
  get newlineLines(): string[] {
    return (this._nlLines ??= this.text.split('\n'));
  }

  /** `re.split(r"\n+", text)` (Gopher repetition lines; text not stripped). */
  get repetitionLines(): string[] {
    return (this._repLines ??= this.text.split(/\n+/));
  }

  /** `re.split(r"\n{2,}", text.strip())` (Gopher repetition paragraphs). */
  get paragraphs(): string[] {
    return (this._paragraphs ??= pyStrip(this.text).split(/\n{2,}/));
  }

  /** Python `len(text)`: code points. */
  get length(): number {
    return (this._length ??= cpLength(this.text));
  }
}

/**
 * Where a document keeps its analysis: a symbol-keyed property (no serializer sees it), which a lookup
 * reads like any field, where a WeakMap costs a hash lookup and ephemeron work in every GC.
 */
const ANALYSIS = Symbol('datamill.analysis');

/** The shared analysis of a document's current text; a stage that rewrote `doc.text` gets a fresh one. */
export function analyze(doc: Doc): TextAnalysis {
  const holder = doc as Doc & { [ANALYSIS]?: TextAnalysis };
  const hit = holder[ANALYSIS];
  if (hit !== undefined && hit.text === doc.text) return hit;
  const fresh = new TextAnalysis(doc.text);
  holder[ANALYSIS] = fresh;
  return fresh;
}

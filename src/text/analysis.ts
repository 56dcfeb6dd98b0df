import type { Doc } from '../core/doc.js';
import { cpLength, pyStrip, splitlines } from './python.js';
import { splitIntoWords } from './words.js';

/**
 * Splits of one document's text that several filters need, each computed on first use and shared by
 * every stage that runs on the document in the same task (Data-Juicer's op fusion): a chain of Gopher,
 * C4 and FineWeb filters tokenizes each document once, not once per filter.
 */
export class TextAnalysis {
  private _words?: string[];
  private _lines?: string[];
  private _nlLines?: string[];
  private _repLines?: string[];
  private _paragraphs?: string[];
  private _length?: number;

  constructor(readonly text: string) {}

  /** SPEC word tokens (`split_into_words`). */
  get words(): string[] {
    return (this._words ??= splitIntoWords(this.text));
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

const cache = new WeakMap<Doc, TextAnalysis>();

/** The shared analysis of a document's current text; a stage that rewrote `doc.text` gets a fresh one. */
export function analyze(doc: Doc): TextAnalysis {
  const hit = cache.get(doc);
  if (hit !== undefined && hit.text === doc.text) return hit;
  const fresh = new TextAnalysis(doc.text);
  cache.set(doc, fresh);
  return fresh;
}

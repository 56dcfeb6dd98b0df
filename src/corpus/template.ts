/**
 * Sentence templates: `{slot}` placeholders filled from Zipf-weighted bags and the document's context.
 * Templates are compiled once into part arrays so expansion is a loop of calls and concatenations.
 * `{an}` becomes `a` or `an` depending on the word that follows it.
 */
import { SLOTS, type SlotFn, type TextCtx } from './slots.js';

export type { TextCtx } from './slots.js';

const ARTICLE = 0;
type Part = string | SlotFn | typeof ARTICLE;

export interface Template {
  readonly source: string;
  readonly parts: readonly Part[];
  /** Serial of the last document that used this template (see pickFresh). */
  lastDoc: number;
}

/** Throws on an unknown slot name, so a typo in a template fails the first test that loads it. */
export function compile(source: string): Template {
  const parts: Part[] = [];
  const re = /\{(\w+)\} ?/g;
  let last = 0;
  for (let m = re.exec(source); m !== null; m = re.exec(source)) {
    if (m.index > last) parts.push(source.slice(last, m.index));
    const name = m[1] ?? '';
    const trailing = m[0].endsWith(' ') ? ' ' : '';
    if (name === 'an') {
      parts.push(ARTICLE);
    } else {
      const fn = SLOTS[name];
      if (!fn) throw new Error(`corpus template: unknown slot {${name}} in "${source}"`);
      parts.push(fn);
      if (trailing) parts.push(trailing);
    }
    last = m.index + m[0].length;
  }
  if (last < source.length) parts.push(source.slice(last));
  return { source, parts, lastDoc: -1 };
}

export function compileAll(sources: readonly string[]): Template[] {
  return sources.map(compile);
}

const AN_WORD = /^(?:[aeio]|u(?!ni|se|su|ro)|hour|honest)/i;

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Fills the template; the first letter is upper-cased unless `capitalize` is false. Only the first piece
 * is capitalised: upper-casing the finished string would flatten its rope, a copy per sentence.
 */
export function expand(t: Template, c: TextCtx, capitalize = true): string {
  let out = '';
  let article = false;
  for (const part of t.parts) {
    if (part === ARTICLE) {
      article = true;
      continue;
    }
    let piece = typeof part === 'string' ? part : part(c);
    if (article) {
      piece = (AN_WORD.test(piece) ? 'an ' : 'a ') + piece;
      article = false;
    }
    out += out.length === 0 && capitalize ? upperFirst(piece) : piece;
  }
  return out;
}

let serials = 0;

/** A serial for a new document's TextCtx. Only equality matters, so the global counter is harmless. */
export function nextSerial(): number {
  serials = (serials + 1) | 0;
  return serials;
}

/**
 * A template this document has not used yet, if a few random draws find one (else any). Marking the
 * template with the document's serial is ~10x cheaper than a Set per document on the benchmark path.
 */
export function pickFresh(c: TextCtx, templates: readonly Template[]): Template {
  let t = c.rng.pick(templates);
  for (let tries = 0; tries < 6 && t.lastDoc === c.serial; tries++) t = c.rng.pick(templates);
  t.lastDoc = c.serial;
  return t;
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to']);

/** Headline case: every word capitalised except short function words after the first. */
export function titleCase(text: string): string {
  return text
    .split(' ')
    .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}

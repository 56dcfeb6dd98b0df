/**
 * Defects planted by rewriting a clean document: near-duplicate edits and the encoding faults the
 * normalize stage must repair (CRLF line endings, a leading BOM, C1 control characters).
 */
import { jaccard5 } from './jaccard.js';
import { GENERAL } from './lexicon.js';
import type { Rng } from './rng.js';

/** The documented similarity band of planted near duplicates (word 5-gram Jaccard, see jaccard.ts). */
export const NEAR_DUP_BAND: readonly [number, number] = [0.6, 0.9];
/** Share of the original's words changed, inserted or deleted. */
export const NEAR_DUP_EDIT_RATE: readonly [number, number] = [0.05, 0.15];

interface Token {
  word: string;
  /** Whitespace after the word (keeps line and paragraph breaks where they were). */
  sep: string;
}

function tokenize(text: string): Token[] {
  const parts = text.split(/(\s+)/);
  const out: Token[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const word = parts[i] ?? '';
    if (word.length > 0) out.push({ word, sep: parts[i + 1] ?? '' });
  }
  return out;
}

function randomWord(rng: Rng): string {
  const k = rng.int(3);
  if (k === 0) return GENERAL.nouns.one.sample(rng);
  return k === 1 ? GENERAL.adjectives.sample(rng) : GENERAL.verbs.past.sample(rng);
}

export interface NearDup {
  text: string;
  /** Edited words / original words. */
  editFraction: number;
  jaccard: number;
}

/**
 * Edits spans of 3-8 consecutive words (replace, insert or delete) until `rate` of the words changed.
 * Spans rather than scattered words: scattered edits of 10% of words break ~40% of 5-grams, clustered
 * edits about half that, which is what real near duplicates (an edited paragraph, a changed date) look like.
 */
export function perturb(rng: Rng, text: string, rate: number): { text: string; editFraction: number } {
  const tokens = tokenize(text);
  const n = tokens.length;
  const budget = Math.max(1, Math.round(rate * n));
  let edits = 0;
  while (edits < budget && tokens.length > 10) {
    const span = Math.min(rng.range(3, 8), budget - edits);
    const at = rng.int(tokens.length - span);
    const op = rng.int(4);
    if (op <= 1) {
      for (let i = at; i < at + span; i++) (tokens[i] as Token).word = randomWord(rng);
    } else if (op === 2) {
      const added: Token[] = [];
      for (let i = 0; i < span; i++) added.push({ word: randomWord(rng), sep: ' ' });
      tokens.splice(at, 0, ...added);
    } else {
      const removed = tokens.splice(at, span);
      const lastSep = removed.at(-1)?.sep ?? ' ';
      const prev = tokens[at - 1];
      // Keep a deleted span's line break so the paragraph structure survives.
      if (prev && lastSep.includes('\n')) prev.sep = lastSep;
    }
    edits += span;
  }
  return { text: tokens.map((t) => t.word + t.sep).join(''), editFraction: edits / n };
}

/** A near duplicate of `text` inside NEAR_DUP_BAND, or undefined when eight attempts all miss it. */
export function nearDuplicate(rng: Rng, text: string): NearDup | undefined {
  for (let attempt = 0; attempt < 8; attempt++) {
    const [lo, hi] = NEAR_DUP_EDIT_RATE;
    const rate = lo + (hi - lo) * rng.float();
    const edited = perturb(rng, text, rate);
    const j = jaccard5(text, edited.text);
    if (j >= NEAR_DUP_BAND[0] && j <= NEAR_DUP_BAND[1] && edited.text !== text) {
      return { text: edited.text, editFraction: edited.editFraction, jaccard: j };
    }
  }
  return undefined;
}

export type NormalizeKind = 'crlf' | 'bom' | 'c1_controls';
export const NORMALIZE_KINDS: readonly NormalizeKind[] = ['crlf', 'bom', 'c1_controls'];

/** cp1252 punctuation read as Latin-1: the C1 characters real crawls carry (U+0092 for ’ and so on). */
const C1_FOR: Record<string, string> = { "'": '\u0092', '"': '\u0093', '-': '\u0096' };
const C1_LOOSE = ['\u0085', '\u0092', '\u0096', '\u009d', '\u0080'];

function addC1(rng: Rng, text: string): string {
  let out = text.replace(/['"-]/g, (ch) => (rng.chance(0.6) ? (C1_FOR[ch] ?? ch) : ch));
  // Also a few stray ones between words, so every such document has at least three.
  const tokens = out.split(' ');
  for (let k = 0; k < 3 + rng.int(4); k++) {
    const i = 1 + rng.int(Math.max(1, tokens.length - 1));
    tokens[i] = `${rng.pick(C1_LOOSE)}${tokens[i] ?? ''}`;
  }
  out = tokens.join(' ');
  return out;
}

export function applyNormalizeDefect(rng: Rng, text: string, kind: NormalizeKind): string {
  if (kind === 'crlf') return text.replace(/\n/g, '\r\n');
  if (kind === 'bom') return `\uFEFF${text}`;
  return addC1(rng, text);
}

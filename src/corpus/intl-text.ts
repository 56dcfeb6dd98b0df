/**
 * Non-English documents (planted for language filters): sentences from per-language class patterns,
 * with that language's script, spacing and punctuation. Chinese is written without spaces.
 */
import { type Rng, WordBag } from './rng.js';
import { LANGUAGES, type LanguageWords } from './vocab-intl.js';

interface Token {
  bag?: WordBag;
  literal?: string;
  comma: boolean;
}

interface CompiledLanguage {
  words: LanguageWords;
  patterns: Token[][];
  nouns: WordBag;
  adjectives: WordBag;
}

function compileLanguage(words: LanguageWords): CompiledLanguage {
  const bags: Record<string, WordBag> = {};
  for (const [cls, list] of Object.entries(words.classes)) bags[cls] = new WordBag(list, 1.5);
  const patterns = words.patterns.map((p) =>
    p.split(' ').map((raw) => {
      const comma = raw.endsWith(',');
      const name = comma ? raw.slice(0, -1) : raw;
      const bag = bags[name];
      return bag ? { bag, comma } : { literal: name, comma };
    }),
  );
  const nouns = bags.N;
  const adjectives = bags.A;
  if (!nouns || !adjectives) throw new Error(`corpus intl: language ${words.code} needs N and A classes`);
  return { words, patterns, nouns, adjectives };
}

const COMPILED = new Map(LANGUAGES.map((l) => [l.code, compileLanguage(l)]));

export const LANGUAGE_CODES: readonly string[] = LANGUAGES.map((l) => l.code);

export function languageInfo(code: string): LanguageWords {
  const found = COMPILED.get(code);
  if (!found)
    throw new Error(`corpus intl: unknown language ${code}, expected one of ${LANGUAGE_CODES.join(', ')}`);
  return found.words;
}

/** French elision and Spanish contractions, so common bigrams look like the real language. */
function polish(code: string, s: string): string {
  if (code === 'fr') return s.replace(/\b(l|d|qu|n|j)[ea] (?=[aeiouéèêâîôh])/gi, "$1'");
  if (code === 'es') return s.replace(/\ba el\b/g, 'al').replace(/\bde el\b/g, 'del');
  return s;
}

function sentence(rng: Rng, lang: CompiledLanguage): string {
  const w = lang.words;
  const pattern = rng.pick(lang.patterns);
  let out = '';
  for (const t of pattern) {
    const word = t.bag ? t.bag.sample(rng) : (t.literal as string);
    out += (out.length > 0 ? w.space : '') + word + (t.comma ? w.comma : '');
  }
  if (w.script === 'Latin' || w.script === 'Cyrillic') out = out.charAt(0).toUpperCase() + out.slice(1);
  return polish(w.code, out) + (rng.chance(0.08) ? w.question : w.stop);
}

/** A page of roughly `targetBytes` UTF-8 bytes: a title line and paragraphs of 2-6 sentences. */
export function intlDoc(rng: Rng, code: string, targetBytes: number): string {
  const lang = COMPILED.get(code);
  if (!lang) throw new Error(`corpus intl: unknown language ${code}`);
  const w = lang.words;
  const adjective = lang.adjectives.sample(rng);
  const noun = lang.nouns.sample(rng);
  // Arabic adjectives follow their noun; the other languages here put them first.
  let title = w.script === 'Arabic' ? `${noun} ${adjective}` : `${adjective}${w.space}${noun}`;
  if (w.script === 'Latin' || w.script === 'Cyrillic') title = title.charAt(0).toUpperCase() + title.slice(1);
  const paragraphs = [title];
  let bytes = Buffer.byteLength(title);
  while (bytes < targetBytes) {
    const n = rng.range(2, 6);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(sentence(rng, lang));
    const para = parts.join(w.space === '' ? '' : ' ');
    paragraphs.push(para);
    bytes += Buffer.byteLength(para) + 2;
  }
  return paragraphs.join('\n\n');
}

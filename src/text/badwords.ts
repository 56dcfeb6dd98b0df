/**
 * Adapter for `naughty-words` (the only module that imports it): the "List of Dirty, Naughty, Obscene,
 * and Otherwise Bad Words" (LDNOOBW, https://github.com/LDNOOBW/List-of-Dirty-Naughty-Obscene-and-Otherwise-Bad-Words),
 * © Shutterstock and contributors, licensed CC-BY-4.0 (https://creativecommons.org/licenses/by/4.0/):
 * redistributing these lists, or data derived from them, requires this attribution.
 *
 * Matching follows DataTrove `C4BadWordsFilter` (SPEC-filters.md (b3)): words are `strip()`ped, the
 * allowlist removes ja {sm, グロ, 女の子} and zh {性}, and the text is searched lowercased; for every
 * language but ja, th and zh a word must be flanked by a non-word character or the text's edge (Python
 * `(?:\W|^)w(?:\W|$)`, where `\w` is Unicode letters, numbers and `_`); ja, th and zh match anywhere.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The 28 languages LDNOOBW (and DataTrove `_BADWORDS_LANGS`) has lists for. */
export const BADWORDS_LANGUAGES: readonly string[] = [
  'ar',
  'cs',
  'da',
  'de',
  'en',
  'eo',
  'es',
  'fa',
  'fi',
  'fil',
  'fr',
  'fr-CA-u-sd-caqc',
  'hi',
  'hu',
  'it',
  'ja',
  'kab',
  'ko',
  'nl',
  'no',
  'pl',
  'pt',
  'ru',
  'sv',
  'th',
  'tlh',
  'tr',
  'zh',
];

/** DataTrove `_BADWORDS_ALLOWLIST`: common subwords in languages without spaces (each hit >10% of docs). */
const ALLOWLIST: Record<string, readonly string[]> = { ja: ['sm', 'グロ', '女の子'], zh: ['性'] };

/** Languages written without spaces between words: their words match without boundaries. */
const UNBOUNDED = new Set(['ja', 'th', 'zh']);

/** Python's `\w` for `str` patterns: Unicode letters and numbers, and `_` (not combining marks). */
const WORD = '[\\p{L}\\p{N}_]';

export function isBadwordsLanguage(lang: string): boolean {
  return BADWORDS_LANGUAGES.includes(lang);
}

/**
 * The list for `lang` after `strip()` and the allowlist, as DataTrove loads it: entries are NOT
 * lowercased (an upper-case entry such as es `Cabrón` can never match the lowercased text there).
 */
export function badwordsList(lang: string): string[] {
  if (!isBadwordsLanguage(lang))
    throw new Error(`badwords: no LDNOOBW list for language ${JSON.stringify(lang)}`);
  const raw = require(`naughty-words/${lang}.json`) as string[];
  const drop = new Set(ALLOWLIST[lang] ?? []);
  const words = new Set<string>();
  for (const w of raw) {
    const s = w.trim();
    if (!drop.has(s)) words.add(s);
  }
  return [...words];
}

function escapeRegex(w: string): string {
  return w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** One regex source: `bounded` words need non-word neighbours, `plain` words match anywhere. */
export function badwordsSource(bounded: readonly string[], plain: readonly string[]): string {
  const parts: string[] = [];
  // Longest first so a match covers the whole phrase ("2 girls 1 cup" before "girls"); order does not
  // change whether a text matches, only what is counted.
  const alt = (ws: readonly string[]) =>
    [...ws]
      .filter((w) => w !== '')
      .sort((a, b) => b.length - a.length)
      .map(escapeRegex)
      .join('|');
  if (bounded.length > 0) parts.push(`(?<!${WORD})(?:${alt(bounded)})(?!${WORD})`);
  if (plain.length > 0) parts.push(`(?:${alt(plain)})`);
  return parts.length === 0 ? '(?!)' : parts.join('|');
}

const cache = new Map<string, RegExp>();

/**
 * The compiled C4 regex for `lang` (cached per language), with the `g` flag for counting; reset
 * `lastIndex` or use `hasBadword` for a yes/no answer.
 */
export function badwordsRegex(lang: string): RegExp {
  let re = cache.get(lang);
  if (re === undefined) {
    const words = badwordsList(lang);
    re = new RegExp(UNBOUNDED.has(lang) ? badwordsSource([], words) : badwordsSource(words, []), 'gu');
    cache.set(lang, re);
  }
  return re;
}

/** True when `re` matches somewhere in `lowerText` (which the caller has lowercased). */
export function hasBadword(re: RegExp, lowerText: string): boolean {
  re.lastIndex = 0;
  return re.test(lowerText);
}

/** Number of non-overlapping matches of `re` in `lowerText`. */
export function countBadwords(re: RegExp, lowerText: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(lowerText) !== null) n++;
  return n;
}

/** Whether a language's words need word boundaries (false for ja, th, zh). */
export function needsBoundaries(lang: string): boolean {
  return !UNBOUNDED.has(lang);
}

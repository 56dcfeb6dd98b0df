/**
 * Adapter for `stopwords-iso` (MIT, https://github.com/stopwords-iso/stopwords-iso): the only module that
 * imports it. Per-language stop-word sets keyed by ISO 639-1 code, loaded once per thread on first use.
 * Data-Juicer ships its own `stopwords.json` asset (BigScience lists); stopwords-iso's lists differ (en has
 * 1,298 entries), so stop-word ratios are not identical to DJ's on the same text.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** `all`, like DJ's `lang: all`: the union of every language's list. */
export const ALL_LANGUAGES = 'all';

let lists: Record<string, string[]> | undefined;
const sets = new Map<string, ReadonlySet<string>>();

function load(): Record<string, string[]> {
  lists ??= require('stopwords-iso') as Record<string, string[]>;
  return lists;
}

/** Language codes with a list, sorted, plus `all`. */
export function stopwordLanguages(): string[] {
  return [...Object.keys(load()).sort(), ALL_LANGUAGES];
}

/** True when `lang` has a stop-word list (or is `all`). */
export function hasStopwords(lang: string): boolean {
  return lang === ALL_LANGUAGES || Object.hasOwn(load(), lang);
}

/** The stop words of `lang` (lowercase, as listed), cached; throws for a language without a list. */
export function stopwordSet(lang: string): ReadonlySet<string> {
  let set = sets.get(lang);
  if (set !== undefined) return set;
  const all = load();
  if (!hasStopwords(lang)) {
    throw new Error(`stopwords: no stopwords-iso list for language ${JSON.stringify(lang)}`);
  }
  set = new Set(lang === ALL_LANGUAGES ? Object.values(all).flat() : all[lang]);
  sets.set(lang, set);
  return set;
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Doc } from '../core/doc.js';
import { z } from '../core/schema.js';
import { type AhoCorasick, compileAhoCorasick, firstMatch } from '../text/aho-corasick.js';
import {
  builtInSuffixRules,
  hostOf,
  parseSuffixRules,
  registeredDomain,
  type SuffixRules,
} from '../text/domains.js';
import { defineStage } from './define.js';

/** Beside this module in src/, and reached from dist/stages/ too (same depth), so the built CLI finds it. */
const ASSETS = fileURLToPath(new URL('../../src/stages/assets/url/', import.meta.url));

const DT = 'DataTrove URLFilter (src/datatrove/pipeline/filters/url_filter.py)';
const strings = (what: string) =>
  z.array(z.string()).default([]).describe(`${what}, inline; added to the files and the default lists.`);
const files = (what: string) =>
  z
    .array(z.string())
    .default([])
    .describe(
      `Files of ${what}, one per line, '#' lines skipped; relative paths resolve from the working directory.`,
    );

const options = z.strictObject({
  url_field: z
    .string()
    .min(1)
    .default('url')
    .describe(
      "Field holding the URL; a dotted path reaches nested fields ('metadata.url' for Dolma/DataTrove).",
    ),
  soft_word_threshold: z
    .number()
    .int()
    .min(0)
    .default(2)
    .describe(
      `Distinct soft-banned URL words that drop a document (soft_blacklisted); 0 disables. 2 as ${DT}.`,
    ),
  block_domains: strings('Blocked registered domains or host names (reasons domain, subdomain)'),
  block_domains_files: files('blocked domains (e.g. UT1 adult/domains)'),
  block_urls: strings('Blocked URLs, matched with or without their scheme (reason url)'),
  block_urls_files: files('blocked URLs (e.g. UT1 adult/urls)'),
  banned_words: strings('Words that drop a document when they are a whole URL word (hard_blacklisted)'),
  banned_words_files: files('banned words'),
  soft_banned_words: strings('Words counted towards soft_word_threshold (soft_blacklisted)'),
  soft_banned_words_files: files('soft-banned words'),
  banned_subwords: strings(
    'Strings that drop a document when found inside the compacted URL (blacklisted_subword)',
  ),
  banned_subwords_files: files('banned subwords'),
  use_default_lists: z
    .boolean()
    .default(true)
    .describe(
      'Also use the small hand-made starter lists in src/stages/assets/url (see its README; not UT1).',
    ),
  public_suffix_file: z
    .string()
    .optional()
    .describe(
      'Public Suffix List file (publicsuffix.org format) for exact registered domains, as tldextract in ' +
        `${DT}; absent = a built-in list of common multi-label suffixes plus the PSL default rule.`,
    ),
  missing_url: z
    .enum(['keep', 'drop'])
    .default('keep')
    .describe(
      "Documents without a URL: 'keep' them or 'drop' them (reason missing_url); counted as missing_url.",
    ),
});

type Options = z.output<typeof options>;

/** The compiled lists of one filter-url instance. */
export interface UrlLists {
  domains: Set<string>;
  urls: Set<string>;
  bannedWords: Set<string>;
  softWords: Set<string>;
  subwords: AhoCorasick;
  suffixes: SuffixRules;
  softThreshold: number;
}

const NON_ALNUM_G = /[^a-zA-Z0-9]+/g;

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** DataTrove's list normalisation: non-alphanumerics removed, then lowercased. */
export function normalizeWord(s: string): string {
  return s.replace(NON_ALNUM_G, '').toLowerCase();
}

/** Non-comment lines of a list file or inline list, trimmed; empty ones dropped. */
function entries(inline: string[], paths: string[], defaults: string | undefined): string[] {
  const lines = [...inline];
  const texts = paths.map((p) => readList(p));
  if (defaults !== undefined) texts.push(readList(`${ASSETS}${defaults}`));
  for (const t of texts) for (const l of t.split('\n')) if (!l.startsWith('#')) lines.push(l);
  return lines.map((l) => l.trim()).filter((l) => l !== '');
}

function readList(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new Error(`filter-url: cannot read list file ${file}`, { cause });
  }
}

const words = (xs: string[]) => new Set(xs.map(normalizeWord).filter((w) => w !== ''));

/** Loads and compiles every list the options name. */
export function loadUrlLists(o: Options): UrlLists {
  const dflt = (f: string) => (o.use_default_lists ? f : undefined);
  const suffixes = builtInSuffixRules();
  if (o.public_suffix_file !== undefined) parseSuffixRules(readList(o.public_suffix_file), suffixes);
  return {
    domains: new Set(
      entries(o.block_domains, o.block_domains_files, dflt('domains.txt')).map((d) => d.toLowerCase()),
    ),
    urls: new Set(entries(o.block_urls, o.block_urls_files, dflt('urls.txt'))),
    bannedWords: words(entries(o.banned_words, o.banned_words_files, dflt('banned_words.txt'))),
    softWords: words(entries(o.soft_banned_words, o.soft_banned_words_files, dflt('soft_banned_words.txt'))),
    subwords: compileAhoCorasick(
      words(entries(o.banned_subwords, o.banned_subwords_files, dflt('banned_subwords.txt'))),
    ),
    suffixes,
    softThreshold: o.soft_word_threshold,
  };
}

/** Why a URL is blocked (the first failing rule) and the matched entry, or undefined when it passes. */
export interface UrlVerdict {
  reason: 'domain' | 'subdomain' | 'url' | 'hard_blacklisted' | 'soft_blacklisted' | 'blacklisted_subword';
  value: string;
}

/**
 * The SPEC (b4) rules in order. URL words are split on `[^a-zA-Z0-9]+` and NOT lowercased (as DataTrove),
 * so `XXX` does not match the listed `xxx`; the subword rule sees the lowercased, compacted URL.
 */
export function classifyUrl(url: string, lists: UrlLists): UrlVerdict | undefined {
  const host = hostOf(url);
  const domain = registeredDomain(host, lists.suffixes);
  if (domain !== '') {
    if (lists.domains.has(domain)) return { reason: 'domain', value: domain };
    // tldextract's fqdn is '' when there is no registered domain, so IP hosts never match here either.
    if (lists.domains.has(host)) return { reason: 'subdomain', value: host };
  }
  if (lists.urls.size > 0) {
    const bare = url.replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//, '');
    if (lists.urls.has(url) || lists.urls.has(bare)) return { reason: 'url', value: url };
  }
  // The words of url.split(/[^a-zA-Z0-9]+/) in first-occurrence order, as the set DataTrove iterates (an
  // empty word is in no list); soft words counted once each.
  const softFound: string[] = [];
  for (let i = 0; i < url.length; ) {
    while (i < url.length && !isAlnum(url.charCodeAt(i))) i++;
    const start = i;
    while (i < url.length && isAlnum(url.charCodeAt(i))) i++;
    if (i === start) break;
    const w = url.slice(start, i);
    if (lists.bannedWords.has(w)) return { reason: 'hard_blacklisted', value: w };
    if (lists.softWords.has(w) && !softFound.includes(w)) softFound.push(w);
  }
  if (lists.softThreshold > 0 && softFound.length >= lists.softThreshold)
    return { reason: 'soft_blacklisted', value: softFound.join(',') };
  const m = firstMatch(lists.subwords, url, true);
  if (m >= 0) return { reason: 'blacklisted_subword', value: lists.subwords.patterns[m]! };
  return undefined;
}

/** `row[field]` when that key exists, else the dotted path; undefined unless the value is a non-empty string. */
export function urlOf(row: Record<string, unknown>, field: string): string | undefined {
  let v: unknown = row[field];
  if (v === undefined && field.includes('.')) {
    v = row;
    for (const key of field.split('.')) {
      v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
    }
  }
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export default defineStage({
  name: 'filter-url',
  kind: 'map',
  description:
    'Drops documents whose URL is on a block list, after DataTrove URLFilter (SPEC b4): blocked registered ' +
    'domain (domain), blocked host (subdomain), blocked URL (url), a banned URL word (hard_blacklisted), ' +
    'soft_word_threshold soft-banned words (soft_blacklisted), a banned subword (blacklisted_subword). The ' +
    'matched entry is the drop value. Default lists are a small hand-made starter set, not UT1.',
  options,
  preservesRow: () => true,
  create(o) {
    const lists = loadUrlLists(o);
    return {
      process(batch, ctx) {
        const kept: Doc[] = [];
        for (const doc of batch) {
          const url = urlOf(doc.row, o.url_field);
          if (url === undefined) {
            ctx.count('missing_url');
            if (o.missing_url === 'drop') ctx.drop(doc, 'missing_url');
            else kept.push(doc);
            continue;
          }
          const verdict = classifyUrl(url, lists);
          if (verdict === undefined) kept.push(doc);
          else ctx.drop(doc, verdict.reason, verdict.value);
        }
        return kept;
      },
    };
  },
});

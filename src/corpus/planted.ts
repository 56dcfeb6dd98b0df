/**
 * The machine-readable list of planted defects (`sample-data/planted.json`): every defect with the ids
 * of the documents that carry it, so tests of filters and dedup can assert exact answers.
 */
import type { DomainName } from './domains.js';
import type { NormalizeKind } from './plant.js';
import type { JunkKind } from './plant-junk.js';

export interface ExactDupGroup {
  group: string;
  /** The first id is the document the copies were made from. */
  ids: string[];
  domains: DomainName[];
  /** Filled in when files are written: the file of each id, same order. */
  files?: string[];
}

export interface NearDupVariant {
  id: string;
  /** Word 5-gram Jaccard with the original (see jaccard.ts). */
  jaccard: number;
  /** Words changed, inserted or deleted / words of the original. */
  edit_fraction: number;
}

export interface NearDupGroup {
  group: string;
  original: string;
  variants: NearDupVariant[];
}

export interface Planted {
  seed: number;
  near_duplicate_band: { jaccard: readonly [number, number]; edit_fraction: readonly [number, number] };
  counts: Record<string, number>;
  docs_by_domain: Record<DomainName, number>;
  exact_duplicates: ExactDupGroup[];
  near_duplicates: NearDupGroup[];
  short: { id: string; words: number }[];
  junk: { id: string; kind: JunkKind }[];
  boilerplate: { id: string; boilerplate_fraction: number }[];
  non_english: { id: string; lang: string; script: string }[];
  normalize: { id: string; kind: NormalizeKind }[];
  /** Not planted on purpose but listed for PII filters: every document containing an e-mail address. */
  pii_emails: { id: string; emails: string[] }[];
  /** Filled in when files are written. */
  files?: { path: string; domain: DomainName; rows: number; first_id: string; last_id: string }[];
}

/** Matches the e-mail addresses the generator writes (local@example.tld). */
export const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/** Summary counts shown in the README and checked by tests. */
export function countPlanted(p: Omit<Planted, 'counts'>): Record<string, number> {
  const exactDocs = p.exact_duplicates.reduce((n, g) => n + g.ids.length, 0);
  return {
    docs: Object.values(p.docs_by_domain).reduce((a, b) => a + b, 0),
    exact_duplicate_groups: p.exact_duplicates.length,
    exact_duplicate_docs: exactDocs,
    exact_duplicate_extra_copies: exactDocs - p.exact_duplicates.length,
    near_duplicate_groups: p.near_duplicates.length,
    near_duplicate_variants: p.near_duplicates.reduce((n, g) => n + g.variants.length, 0),
    short: p.short.length,
    junk: p.junk.length,
    boilerplate: p.boilerplate.length,
    non_english: p.non_english.length,
    normalize: p.normalize.length,
    pii_email_docs: p.pii_emails.length,
  };
}

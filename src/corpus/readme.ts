/**
 * Renders `sample-data/README.md`: the fixed explanation of the corpus and the generated tables (files,
 * size statistics, every planted defect with its ids). Only seed-determined numbers appear, never
 * compressed sizes, so the README is byte-identical wherever it is regenerated.
 */
import { DOMAINS } from './domains.js';
import type { Corpus } from './generate.js';
import type { Planted } from './planted.js';
import { INTRO, PLANTED_INTRO } from './readme-text.js';

function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function sizeRow(name: string, texts: readonly string[]): (string | number)[] {
  const sizes = texts.map((t) => Buffer.byteLength(t)).sort((a, b) => a - b);
  const total = sizes.reduce((a, b) => a + b, 0);
  const big = sizes.filter((s) => s > 20_000).length;
  const mean = Math.round(total / Math.max(1, sizes.length));
  return [
    name,
    sizes.length,
    total,
    mean,
    quantile(sizes, 0.5),
    quantile(sizes, 0.99),
    sizes.at(-1) ?? 0,
    big,
  ];
}

function byKind<T extends { id: string }>(
  items: readonly T[],
  kind: (x: T) => string,
): (string | number)[][] {
  const groups = new Map<string, string[]>();
  for (const x of items) groups.set(kind(x), [...(groups.get(kind(x)) ?? []), x.id]);
  return [...groups].map(([k, ids]) => [k, ids.length, ids.join(', ')]);
}

function plantedTables(p: Planted): string[] {
  const c = p.counts;
  return [
    '### Exact duplicates',
    `${c.exact_duplicate_groups} groups, ${c.exact_duplicate_docs} documents (${c.exact_duplicate_extra_copies} extra copies). The first id of a group is the document the copies were made from; an exact-dedup stage keeping the first occurrence drops ${c.exact_duplicate_extra_copies}.`,
    table(
      ['group', 'ids', 'domains', 'files'],
      p.exact_duplicates.map((g) => [
        g.group,
        g.ids.join(', '),
        g.domains.join(', '),
        (g.files ?? []).join(', '),
      ]),
    ),
    '### Near duplicates',
    `${c.near_duplicate_groups} originals with ${c.near_duplicate_variants} edited copies. Each copy has ${p.near_duplicate_band.edit_fraction.join('–')} of its words replaced, inserted or deleted in spans of 3–8 words; its word 5-gram Jaccard with the original lies in ${p.near_duplicate_band.jaccard.join('–')} (words: lower-cased runs of letters, digits and apostrophes; see \`src/corpus/jaccard.ts\`).`,
    table(
      ['group', 'original', 'copy', 'jaccard', 'edit fraction'],
      p.near_duplicates.flatMap((g) =>
        g.variants.map((v) => [g.group, g.original, v.id, v.jaccard, v.edit_fraction]),
      ),
    ),
    '### Short pages (< 50 words)',
    'Not-found pages, paywall stubs, expired listings, "bump" posts and wiki stubs; word counts are in planted.json.',
    table(
      ['domain', 'count', 'ids'],
      byKind(p.short, (x) => x.id.slice(0, x.id.indexOf('-'))),
    ),
    '### Junk pages',
    '`symbols`: symbol soup; `repeated_chars`: lines of one repeated character; `javascript`: "JavaScript must ' +
      'be enabled" shells; `keywords`: SEO keyword lists; `encoded_blob`: one base64 line of 1.5-6 KB (a "word" ' +
      'over 1,000 characters); `number_dump`: tables of numbers.',
    table(
      ['kind', 'count', 'ids'],
      byKind(p.junk, (j) => j.kind),
    ),
    '### Boilerplate-heavy pages',
    'Navigation, cookie banner, share bars, related links and footers around one or two sentences; the nav and share lines appear twice.',
    table(
      ['id', 'boilerplate fraction (chars)'],
      p.boilerplate.map((b) => [b.id, b.boilerplate_fraction]),
    ),
    '### Non-English documents',
    table(
      ['lang', 'count', 'ids'],
      byKind(p.non_english, (x) => `${x.lang} (${x.script})`),
    ),
    '### Normalize defects',
    'Otherwise clean English documents with CRLF line endings (`crlf`), a leading U+FEFF (`bom`), or cp1252 punctuation decoded as C1 controls plus stray U+0080–U+009F characters (`c1_controls`).',
    table(
      ['kind', 'count', 'ids'],
      byKind(p.normalize, (x) => x.kind),
    ),
    '### E-mail addresses (for PII filters)',
    `${c.pii_email_docs} documents contain at least one address (all at example.com/.org/.net); the list with the addresses is \`pii_emails\` in planted.json.`,
  ];
}

export function renderReadme(corpus: Corpus, p: Planted): string {
  const all = DOMAINS.flatMap((d) => corpus.rows[d].map((r) => r.text));
  const sizes = [
    ...DOMAINS.map((d) =>
      sizeRow(
        d,
        corpus.rows[d].map((r) => r.text),
      ),
    ),
    sizeRow('**all**', all),
  ];
  const parts = [
    INTRO,
    '## Files',
    table(
      ['file', 'domain', 'rows', 'first id', 'last id'],
      (p.files ?? []).map((f) => [`\`${f.path}\``, f.domain, f.rows, f.first_id, f.last_id]),
    ),
    '## Size statistics (UTF-8 bytes of `text`)',
    table(['domain', 'docs', 'bytes', 'mean', 'median', 'p99', 'max', '> 20 KB'], sizes),
    PLANTED_INTRO,
    table(
      ['defect', 'count'],
      Object.entries(p.counts).map(([k, v]) => [k, v]),
    ),
    ...plantedTables(p),
  ];
  return `${parts.join('\n\n')}\n`;
}

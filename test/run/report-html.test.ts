import { describe, expect, it } from 'vitest';
import { addValue, emptyMetric, type Metric, quantile } from '../../src/run/metric.js';
import type { Report } from '../../src/run/report.js';
import { renderHtml } from '../../src/run/report-html.js';
import { escapeHtml, html } from '../../src/run/report-html-escape.js';
import { renderMarkdown } from '../../src/run/report-md.js';
import { htmlText, missingFromHtml } from './report-html-parity.js';

const HOSTILE = '</script><img src=x onerror=alert(1)>';

function metric(values: number[]): Metric {
  const m = emptyMetric();
  for (const v of values) addValue(m, v);
  return m;
}

function summary(m: Metric) {
  return {
    count: m.count,
    mean: m.sum / m.count,
    min: m.min,
    p50: quantile(m, 0.5),
    p90: quantile(m, 0.9),
    max: m.max,
  };
}

/** A report of filters plus dedup-minhash and dedup-exact, with `evil` in every string that comes from data. */
function fixture(evil: string): Report {
  const words = metric(Array.from({ length: 500 }, (_, i) => 5 + ((i * 37) % 900)));
  const score = metric(Array.from({ length: 200 }, (_, i) => (i % 100) / 100));
  const stage = (
    id: string,
    inn: number,
    dropped: Record<string, number>,
    extra: Partial<Report['stages'][number]> = {},
  ) => {
    const d = Object.values(dropped).reduce((a, b) => a + b, 0);
    return {
      id,
      stage: id,
      dropped_total: d,
      in: inn,
      out: inn - d,
      dropped,
      wall_ms: 1234.5,
      counters: {},
      metrics: {},
      metric_summary: {},
      ...extra,
    };
  };
  return {
    datamill: '0.1.0',
    recipe: `/r/${evil}.yaml`,
    recipe_hash: 'ab'.repeat(32),
    seed: 42,
    documents: { read: 1000, quarantined: 10, out: 700, dropped: 290, balanced: true },
    input_bytes: 5_000_000,
    stages: [
      stage(
        'filter-length',
        990,
        { too_few_words: 150, [evil]: 40 },
        {
          metrics: { words, [evil]: score },
          metric_summary: { words: summary(words), [evil]: summary(score) },
          counters: { [`lang_${evil}`]: 7, changed: 3 },
        },
      ),
      stage(evil, 800, { near_duplicate: 60 }),
      stage('dedup-exact', 740, { exact_duplicate: 40 }),
    ],
    reduce: {
      [evil]: {
        counters: { band_records: 9000, edges_kept: 60 },
        details: {
          shape: [{ bands: 14, rows: 8, permutations: 112, verify: false, verify_threshold: 0.8 }],
          s_curve: [0.5, 0.6, 0.7, 0.8, 0.9].map((s) => ({
            similarity: s,
            p_candidate: Number((1 - (1 - s ** 8) ** 14).toFixed(4)),
          })),
          duplicate_pairs_sample: [
            { kept_candidate: `web#${evil}`, duplicate: 'web#2', estimated_jaccard: 0.9 },
          ],
        },
      },
      'dedup-exact': {
        counters: { documents: 740, duplicate_clusters: 30, duplicates_dropped: 40 },
        details: {
          cluster_sizes: [{ 2: 25, 3: 5 }, { 2: 1 }],
          max_cluster_size: [3, 2],
          top_lines: [
            { line: `x ${evil}`, count: 9 },
            { line: 'y', count: 30 },
          ],
          nested: [{ a: { b: [evil] } }],
          cutoffs: [{ web: { head: 1, tail: 2 } }],
        },
      },
    },
    domains: {
      web: {
        docs_in: 600,
        docs_out: 400,
        chars_out: 2e6,
        token_docs: 30,
        token_chars: 9000,
        tokens: 2000,
        tokens_estimated: 444_444,
      },
      [evil]: {
        docs_in: 400,
        docs_out: 300,
        chars_out: 1e6,
        token_docs: 20,
        token_chars: 6000,
        tokens: 1500,
        tokens_estimated: 250_000,
      },
    },
    tokens: { tokenizer: 'cl100k_base', mode: 'sample', estimated_total: 694_444, counted_docs: 50 },
    output_files: ['data/part-00000-0000.jsonl', `ledger/${evil}.parquet`],
    tasks: 12,
    task_wall_ms: 4567,
  };
}

const ALLOWED_TAGS = new Set(
  'html head meta title style body header nav a main section h1 h2 h3 h4 p b span div table thead tbody tr th td svg text rect line polyline circle figure figcaption pre details summary ul li'.split(
    ' ',
  ),
);

/** The tag and attribute names of a page, and what is left once every well-formed tag is removed. */
function markup(page: string) {
  const tags = new Set<string>();
  const attributes = new Set<string>();
  const tag = /<\/?([a-z][a-z0-9]*)((?:\s+[a-z][a-z0-9-]*(?:="[^"<]*")?)*)\s*\/?>/gi;
  const rest = page.replace(/^<!doctype html>/, '').replace(tag, (_m, name: string, attrs: string) => {
    tags.add(name.toLowerCase());
    for (const a of attrs.matchAll(/\s+([a-z][a-z0-9-]*)(?:="[^"]*")?/gi))
      attributes.add(a[1]!.toLowerCase());
    return '';
  });
  return { tags, attributes, rest };
}

describe('escapeHtml and the html template', () => {
  it.each([
    ['<b>', '&lt;b&gt;'],
    ['a & b', 'a &amp; b'],
    [`"quoted" 'single'`, '&quot;quoted&quot; &#39;single&#39;'],
    [HOSTILE, '&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;'],
    ['plain text ✓', 'plain text ✓'],
  ])('escapes %j', (raw, escaped) => {
    expect(escapeHtml(raw)).toBe(escaped);
  });

  it('escapes interpolations once, and not markup made by html itself', () => {
    const inner = html`<i>${HOSTILE}</i>`;
    expect(html`<p title="${HOSTILE}">${inner}${[HOSTILE, 3]}${undefined}${false}</p>`.markup).toBe(
      `<p title="${escapeHtml(HOSTILE)}"><i>${escapeHtml(HOSTILE)}</i>${escapeHtml(HOSTILE)}3</p>`,
    );
  });
});

describe('renderHtml', () => {
  const page = renderHtml(fixture(HOSTILE));

  it('never lets a string from the data become markup', () => {
    expect(page).not.toContain(HOSTILE);
    const { tags, attributes, rest } = markup(page);
    expect([...tags].filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
    expect([...attributes].filter((a) => a.startsWith('on') || a === 'src')).toEqual([]);
    // Every '<' opens one of the tags above: none comes from the data.
    expect(rest).not.toContain('<');
    // The hostile text is shown, as text, wherever the data put it (stage id, reason, domain, ids, lines...).
    expect(htmlText(page).split(HOSTILE).length - 1).toBeGreaterThanOrEqual(10);
  });

  it('is self-contained: no script, no external URL, a CSP that forbids fetching', () => {
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(page).not.toMatch(/@import|url\(/);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it.each([
    ['summary', /<section id="summary">/],
    ['funnel chart', /<section id="funnel"><h2>Documents through the stages<\/h2><svg class="chart"/],
    ['stage sections', /<section class="stage" id="stage-2">/],
    ['drop reason bars', /too_few_words: 150<\/title><\/rect>/],
    ['metric table', /<th class="num">p90<\/th>/],
    ['histograms', /aria-label="histogram of words \(log scale\)"/],
    ['domain mixture', /aria-label="mixture"/],
    ['reduce sections', /<section class="reduce" id="reduce-1"><h2>dedup-exact<\/h2>/],
    ['S-curve as a line chart', /aria-label="p_candidate against similarity"[\s\S]*<polyline/],
    ['duplicate pairs', /<th>kept_candidate<\/th><th>duplicate<\/th><th>estimated_jaccard<\/th>/],
    ['cluster sizes merged over reduce tasks', /<td class="num">2<\/td><td class="num">26<\/td>/],
    ['max over reduce tasks', /max_cluster_size: <b>3<\/b>/],
    ['most repeated first', /<td>y<\/td><td>30<\/td>/],
    ['other details as JSON', /<pre>\[\n \{\n {2}&quot;a&quot;/],
    ['output files', /all 2 files the run wrote/],
  ])('has %s', (_name, re) => {
    expect(page).toMatch(re);
  });

  it('shows everything report.md shows', () => {
    const r = fixture('evil <tag> & "q" | pipe');
    expect(missingFromHtml(renderMarkdown(r), renderHtml(r))).toEqual([]);
  });

  it('the parity check notices a missing piece', () => {
    const r = fixture('x');
    expect(missingFromHtml(`${renderMarkdown(r)}\n| only_in_md | 123,456 |\n`, renderHtml(r))).toEqual([
      'only_in_md',
      '123,456',
    ]);
  });

  it('renders an empty run (no stages, no domains, nothing read)', () => {
    const empty: Report = {
      ...fixture('x'),
      documents: { read: 0, quarantined: 0, out: 0, dropped: 0, balanced: true },
      stages: [],
      reduce: {},
      domains: {},
      output_files: [],
    };
    const page = renderHtml(empty);
    expect(page).toContain('Documents read 0 → kept 0 (–)');
    expect(missingFromHtml(renderMarkdown(empty), page)).toEqual([]);
  });

  it('is deterministic: the same report (also after a JSON round trip) gives the same bytes', () => {
    const r = fixture(HOSTILE);
    expect(renderHtml(r)).toBe(page);
    expect(renderHtml(JSON.parse(JSON.stringify(r)) as Report)).toBe(page);
  });
});

describe('report.md reduce details (read through detailView, as the html reads them)', () => {
  const md = renderMarkdown(fixture('x'));
  it.each([
    ['count maps merged over reduce tasks', '| value | count |\n|---:|---:|\n| 2 | 26 |\n| 3 | 5 |'],
    ['max_* reduced to one number', '### max_cluster_size\n\n3\n'],
    ['rows with a count sorted by it', '| line | count |\n|---|---|\n| y | 30 |\n| x x | 9 |'],
    ['a record of records as a table', '| key | head | tail |\n|---|---|---|\n| web | 1 | 2 |'],
  ])('%s', (_name, expected) => {
    expect(md).toContain(expected);
  });
});

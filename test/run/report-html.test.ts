import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/run/report.js';
import { renderHtml } from '../../src/run/report-html.js';
import { escapeHtml, html } from '../../src/run/report-html-escape.js';
import { renderMarkdown } from '../../src/run/report-md.js';
import { fixture } from './report-fixture.js';
import { htmlText, missingFromHtml } from './report-html-parity.js';

const HOSTILE = '</script><img src=x onerror=alert(1)>';

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
    ['dropped documents, collapsed', /<details><summary>Dropped documents \(sample\): 3 of 190<\/summary>/],
    [
      'sample columns',
      /<th>reason<\/th><th>id<\/th><th>value<\/th><th class="num">chars<\/th><th>text<\/th>/,
    ],
    [
      'a cut sample text with its length',
      /<td>too_few_words<\/td><td>web#2<\/td><td>4<\/td><td class="num">5,000<\/td><td>a{299}…<\/td>/,
    ],
    ['wall time card', /<div class="label">wall time<\/div><div class="value">3.25 s<\/div>/],
    [
      'wall time sentence',
      /Wall time 3.25 s \(first task start 2026-01-02T03:04:05.000Z, last task end 2026-01-02T03:04:08.250Z\)/,
    ],
    ['phases', /<td>0-map<\/td><td class="num">8<\/td><td class="num">2.50<\/td><td class="num">4.00<\/td>/],
    ['a score on a linear axis', /aria-label="histogram of &lt;\/script&gt;.* \(linear scale\)"/],
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

/**
 * report.html: one self-contained page for people, rendered from report.json alone. Inline CSS and inline
 * SVG, no script; the Content-Security-Policy forbids fetching anything, so the page works offline and a
 * hostile string in the data could not load or run anything even if it escaped (it cannot: see `html`).
 */

import type { Report } from './report.js';
import { html, SafeHtml } from './report-html-escape.js';
import { domainsSection, filesSection, reduceSections } from './report-html-reduce.js';
import { funnelSection, stagesSection, summarySection } from './report-html-stages.js';

const CSS = `
:root{color-scheme:light;--fg:#1d2330;--muted:#667085;--line:#d9dee7;--bg:#fff;--panel:#f6f8fb}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
header{padding:20px 32px 12px;border-bottom:1px solid var(--line);background:var(--panel)}
header h1{margin:0 0 4px;font-size:20px;word-break:break-all}
nav{font-size:13px}nav a{margin-right:14px}
main{padding:8px 32px 40px;max-width:1180px}
h2{margin:28px 0 10px;font-size:18px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{margin:22px 0 8px;font-size:15px;word-break:break-all}h4{margin:14px 0 6px;font-size:13px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
a{color:#0063a0;text-decoration:none}a:hover{text-decoration:underline}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:8px 0 12px}
.card{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:10px 14px;min-width:150px}
.card .label{color:var(--muted);font-size:12px}.card .value{font-size:22px;font-weight:600}.card .sub{color:var(--muted);font-size:12px}
.scroll{overflow-x:auto;max-width:100%}.scroll.tall{max-height:420px;overflow-y:auto;display:inline-block}
thead th{position:sticky;top:0}
table{border-collapse:collapse;margin:6px 0 10px;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:3px 10px;text-align:left;vertical-align:top;max-width:640px;overflow-wrap:anywhere}
th{background:var(--panel);font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
section.stage,section.reduce{margin-top:8px}
.muted,.note{color:var(--muted)}.note{font-size:12px}
.ok{color:#067647}.bad{color:#b42318}
svg.chart{display:block;max-width:100%;height:auto;margin:6px 0 14px;font-size:12px}
svg text{fill:var(--fg)}svg text.tick{font-size:10px;fill:var(--muted)}svg text.axis{font-size:11px;fill:var(--muted)}
svg text.on-bar{fill:#fff;font-size:11px}svg line.grid{stroke:var(--line);stroke-width:1}
figure{margin:8px 0}figcaption{font-size:12px;color:var(--muted)}
pre{background:var(--panel);padding:8px;overflow:auto;max-height:320px;font-size:12px}
ul.files{columns:2;font-size:12px}
`;

/** The page; the same report gives the same bytes (nothing here reads a clock or the environment). */
export function renderHtml(r: Report): string {
  const reduceIds = Object.keys(r.reduce);
  const nav = html`<nav><a href="#summary">summary</a><a href="#funnel">funnel</a><a href="#stages">stages</a><a href="#domains">domains</a>${reduceIds.map(
    (id, i) => html`<a href="#reduce-${i}">${id}</a>`,
  )}<a href="#files">output</a></nav>`;
  const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>datamill report: ${r.recipe}</title>
<style>${new SafeHtml(CSS)}</style></head>
<body><header><h1>datamill report: ${r.recipe}</h1>${nav}</header>
<main>
${summarySection(r)}
${funnelSection(r)}
${stagesSection(r)}
${domainsSection(r)}
${reduceSections(r)}
${filesSection(r)}
</main></body></html>
`;
  return page.markup;
}

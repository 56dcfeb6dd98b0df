import type { Report } from './report.js';
import { detailView, fmtInt as n, fmtPct as pct } from './report-view.js';

/** report.md: the summary a CI job posts; every number comes from report.json. */
export function renderMarkdown(r: Report): string {
  const d = r.documents;
  const lines: string[] = [
    `# datamill report: ${r.recipe}`,
    '',
    `Documents read ${n(d.read)} → kept ${n(d.out)} (${pct(d.out, d.read)}), dropped ${n(d.dropped)}, quarantined ${n(d.quarantined)}. Accounting balanced: ${d.balanced ? 'yes' : 'NO'}.`,
    `Tokens (${r.tokens.tokenizer}, ${r.tokens.mode}${r.tokens.mode === 'sample' ? `, ${n(r.tokens.counted_docs)} docs counted` : ''}): ${n(r.tokens.estimated_total)}.`,
    '',
    '## Stages',
    '',
    '| stage | in | out | dropped | reasons | wall s |',
    '|---|---:|---:|---:|---|---:|',
  ];
  for (const s of r.stages) {
    const reasons = Object.entries(s.dropped)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${n(v)}`)
      .join(', ');
    lines.push(
      `| ${s.id} | ${n(s.in)} | ${n(s.out)} | ${n(s.dropped_total)} | ${reasons || '–'} | ${(s.wall_ms / 1000).toFixed(2)} |`,
    );
  }
  const withCounters = r.stages.filter((s) => Object.keys(s.counters).length > 0);
  if (withCounters.length > 0) lines.push('', '## Stage counters', '');
  for (const s of withCounters) {
    const list = Object.entries(s.counters)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${n(v)}`)
      .join(', ');
    lines.push(`- ${s.id}: ${list}`);
  }
  lines.push(
    '',
    '## Domains',
    '',
    '| domain | docs in | docs out | kept | M chars out | tokens (est.) |',
    '|---|---:|---:|---:|---:|---:|',
  );
  for (const [name, x] of Object.entries(r.domains)) {
    lines.push(
      `| ${name} | ${n(x.docs_in)} | ${n(x.docs_out)} | ${pct(x.docs_out, x.docs_in)} | ${(x.chars_out / 1e6).toFixed(2)} | ${n(x.tokens_estimated)} |`,
    );
  }
  for (const [id, red] of Object.entries(r.reduce)) {
    lines.push('', `## ${id}`, '');
    for (const [k, v] of Object.entries(red.counters)) lines.push(`- ${k}: ${n(v)}`);
    for (const [k, v] of Object.entries(red.details ?? {}))
      lines.push('', `### ${k}`, '', ...detailLines(k, v));
  }
  lines.push(
    '',
    `Output files: ${r.output_files.filter((f) => f.startsWith('data')).length}; tasks: ${r.tasks}.`,
    '',
  );
  return lines.join('\n');
}

/** A reduce detail as markdown (see detailView): counts and flat records as tables (first 20 rows), else JSON. */
function detailLines(name: string, v: unknown): string[] {
  const view = detailView(name, v);
  const cell = (x: unknown) => String(x).replace(/\|/g, '\\|').replace(/\n/g, ' ').slice(0, 120);
  switch (view.kind) {
    case 'value':
      return [String(view.value)];
    case 'counts':
      return ['| value | count |', '|---:|---:|', ...view.rows.map(([k, c]) => `| ${k} | ${c} |`)];
    case 'table':
      return [
        `| ${view.columns.join(' | ')} |`,
        `|${view.columns.map(() => '---').join('|')}|`,
        ...view.rows.slice(0, 20).map((r) => `| ${view.columns.map((k) => cell(r[k] ?? '')).join(' | ')} |`),
      ];
    default:
      return ['```json', JSON.stringify(v), '```'];
  }
}

/**
 * check.md (a summary a CI job can post, e.g. to $GITHUB_STEP_SUMMARY) and the plain table printed on
 * stderr: one row per check with its value, bound and result, then the failures with their examples.
 */
import { boundText, type CheckResult, formatValue } from './evaluate.js';

/** A table cell: pipes escaped, line breaks flattened (a GFM table row is one line). */
function cell(s: string): string {
  return s.replace(/\r?\n|\r/g, ' ').replace(/\|/g, '\\|');
}

/** A fenced block whose fence is longer than any backtick run inside, so the text cannot close it. */
function fenced(lines: readonly string[]): string[] {
  const longest = Math.max(
    2,
    ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((m) => m.length))),
  );
  const fence = '`'.repeat(longest + 1);
  return [`${fence}text`, ...lines, fence];
}

export function summaryLine(results: readonly CheckResult[]): string {
  const failed = results.filter((r) => !r.pass).length;
  if (results.length === 0) return 'No checks to run.';
  return failed === 0
    ? `All ${results.length} checks passed.`
    : `${failed} of ${results.length} checks failed.`;
}

/** check.md for one suite of checks; `suite` names what was checked, `runDir` where the report stays. */
export function renderCheckMarkdown(
  results: readonly CheckResult[],
  suite: string,
  runDir: string | undefined,
): string {
  const failed = results.filter((r) => !r.pass);
  const lines = [
    `# datamill check: ${suite}`,
    '',
    `${failed.length === 0 ? '**PASSED**' : '**FAILED**'}: ${summaryLine(results)}${runDir === undefined ? '' : ` Report: \`${runDir}/report.md\`.`}`,
    '',
    '| result | check | metric | value | bound |',
    '|---|---|---|---:|---|',
    ...results.map(
      (r) =>
        `| ${r.pass ? 'pass' : '**FAIL**'} | ${cell(r.name)} | \`${cell(r.metric)}\` | ${formatValue(r.value)} | ${cell(boundText(r))} |`,
    ),
  ];
  if (failed.length > 0) lines.push('', '## Failures');
  for (const r of failed) {
    lines.push('', `### ${cell(r.name)}`, '', cell(r.message));
    if (r.details.length > 0) lines.push('', ...fenced(r.details));
  }
  lines.push('');
  return lines.join('\n');
}

/** The stderr table: check, value, bound, result, in aligned columns. */
export function renderCheckTable(results: readonly CheckResult[]): string {
  const rows = [
    ['check', 'value', 'bound', 'result'],
    ...results.map((r) => [cell(r.name), formatValue(r.value), boundText(r), r.pass ? 'pass' : 'FAIL']),
  ];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) => row.map((v, c) => (c < 3 ? v.padEnd(widths[c]!) : v)).join('  ')).join('\n');
}

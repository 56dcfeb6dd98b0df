/**
 * JUnit XML of check results, the format CI systems show as test results (GitHub test-reporter actions,
 * GitLab `artifacts:reports:junit`, Jenkins `junit`): one <testsuite> inside <testsuites>, one <testcase>
 * per check, a <failure> with the value and the bound for each failed check.
 */
import type { CheckResult } from './evaluate.js';

// XML 1.0 forbids these code points even escaped (§2.2 Char): C0 controls but tab, LF and CR, lone
// surrogates, U+FFFE and U+FFFF. They could come from a drop reason or a quarantined record.
const NOT_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe inside an XML attribute or element: the five special characters escaped, invalid characters → U+FFFD. */
export function escapeXml(s: string): string {
  return s.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** The JUnit XML document for one suite of checks; `suite` names it (e.g. the recipe file). */
export function renderJunit(results: readonly CheckResult[], suite: string): string {
  const failures = results.filter((r) => !r.pass).length;
  const counts = `tests="${results.length}" failures="${failures}" errors="0" skipped="0"`;
  const cases = results.map((r) => {
    const open = `    <testcase classname="datamill.check" name="${escapeXml(r.name)}" time="0"`;
    if (r.pass) return `${open}/>`;
    const body = [r.message, ...r.details].join('\n');
    return [
      `${open}>`,
      `      <failure type="check_failed" message="${escapeXml(r.message)}">${escapeXml(body)}</failure>`,
      '    </testcase>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="datamill check" ${counts}>`,
    `  <testsuite name="${escapeXml(suite)}" ${counts}>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

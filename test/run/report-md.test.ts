import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/run/report-md.js';
import { mdCell, mdEscape } from '../../src/run/report-md-escape.js';
import { fixture } from './report-fixture.js';

describe('mdEscape', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['line 1\nline 2\r\nline 3\rline 4\u2028end', 'line 1 line 2 line 3 line 4 end'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['a &amp; b', 'a &amp;amp; b'],
    ['`code` ```', '\\`code\\` \\`\\`\\`'],
    ['[click](javascript:alert(1))', '\\[click\\](javascript:alert(1))'],
    ['**bold**', '\\*\\*bold\\*\\*'],
    ['back\\slash \\| pipe', 'back\\\\slash \\\\\\| pipe'],
    ['snake_case_reason 3', 'snake_case_reason 3'],
  ])('%j → %j', (raw, escaped) => {
    expect(mdEscape(raw)).toBe(escaped);
  });

  it('cuts a cell before escaping, so an escape is never cut in half', () => {
    expect(mdCell('abc|def', 4)).toBe('abc…');
    expect(mdCell('ab|cdef', 4)).toBe('ab\\|…');
  });
});

/** Unescaped pipes of a table row: its cell boundaries. */
const pipes = (row: string) => row.match(/(?<!\\)\|/g)?.length ?? 0;

describe('report.md with hostile strings in the data', () => {
  const HOSTILE = 'x</td><script>alert(1)</script>|\n| injected | row |\n`[a](b)`&lt;';
  const md = renderMarkdown(fixture(HOSTILE));
  const lines = md.split('\n');

  it('keeps every table row as wide as its header', () => {
    let header = 0;
    for (const [i, line] of lines.entries()) {
      if (!line.startsWith('|')) {
        header = 0;
        continue;
      }
      if (header === 0) header = pipes(line);
      expect([i, pipes(line)]).toEqual([i, header]);
    }
  });

  it('has no line the data started, and no tag but <details> and <summary> (outside code blocks)', () => {
    // A fenced block is shown literally (its one line of JSON cannot close the fence): it may hold anything.
    const prose = md.replace(/```json\n.*\n```/g, '');
    expect(md).toMatch(/```json\n.*injected.*\n```/);
    expect(prose).not.toContain('| injected | row |');
    const tags = prose.match(/<\/?[a-z][^>]*>/gi) ?? [];
    expect(new Set(tags.map((t) => t.replace(/>.*$/, '>')))).toEqual(
      new Set(['<details>', '<summary>', '</summary>', '</details>']),
    );
  });

  it.each([
    ['a reason', `| too_few_words 150, ${mdEscape(HOSTILE)} 40 |`],
    [
      'a sampled id and text',
      `| too_few_words | web#${mdEscape(HOSTILE)} | 3 | 60 | short ${mdEscape(HOSTILE)} second \\| line |`,
    ],
    [
      'a string value and detail',
      `| ${mdEscape(HOSTILE)} | forum#9 | ${mdEscape(HOSTILE)} (cluster_id=${mdEscape(HOSTILE)}) | 40 |`,
    ],
    ['a metric name', `| filter-length | ${mdEscape(HOSTILE)} | 200 |`],
    ['a domain', `| ${mdEscape(HOSTILE)} | 400 | 300 |`],
    ['a reduce heading', `## ${mdEscape(HOSTILE)}`],
  ])('shows %s escaped', (_name, piece) => {
    expect(md).toContain(piece);
  });
});

describe('report.md sections', () => {
  const md = renderMarkdown(fixture('x'));
  it.each([
    [
      'the wall time',
      'Wall time 3.25 s (first task start 2026-01-02T03:04:05.000Z, last task end 2026-01-02T03:04:08.250Z); task time 4.57 s summed over 12 tasks.',
    ],
    [
      'the phases',
      '| phase | tasks | wall s | task s |\n|---|---:|---:|---:|\n| 0-map | 8 | 2.50 | 4.00 |\n| 1-reduce-x | 4 | 0.75 | 0.57 |',
    ],
    ['distributions of every stage', '| stage | metric | count | mean | min | p50 | p90 | max |'],
    [
      'the drop samples, collapsed per stage',
      '<details><summary>filter-length: 3 sampled of 190 dropped</summary>\n\n| reason | id | value | chars | text |',
    ],
    ['a cut text with the full length', `| too_few_words | web#2 | 4 | 5,000 | ${'a'.repeat(299)}… |`],
  ])('%s', (_name, piece) => {
    expect(md).toContain(piece);
  });

  it('leaves out the samples and the phases when there are none', () => {
    const bare = renderMarkdown({
      ...fixture('x'),
      stages: fixture('x').stages.map((s) => ({ ...s, drop_samples: {} })),
      timing: { wall_s: null, busy_s: null, started_at: null, ended_at: null, phases: [] },
    });
    expect(bare).not.toContain('<details>');
    expect(bare).not.toContain('## Phases');
    expect(bare).toContain('Wall time not recorded; task time');
  });
});

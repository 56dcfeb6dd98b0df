import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { normalizeLine } from '../../src/dedup/lines-normalize.js';
import { runStageOnDocs } from '../e2e/cli.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';

interface TopLine {
  line: string | null;
  count: number;
  hash: string;
}

/** dedup-lines is a global stage: it is tested through the built CLI, which runs all three phases. */
function run(
  files: Record<string, unknown>[][],
  options: string,
  tag: string,
  workers = 2,
  input = 'in-*.jsonl',
) {
  const { kept, report, data } = runStageOnDocs({
    tag: `dl-${tag}`,
    files,
    stage: 'dedup-lines',
    options,
    workers,
    input,
  });
  const topLines = (report.reduce['dedup-lines'].details.top_lines as TopLine[]).sort(
    (a, b) => b.count - a.count || a.hash.localeCompare(b.hash),
  );
  return { kept, report, data, topLines };
}

/** A footer repeated across files (= tasks) in case/space variants, and a page line in digit/dash variants. */
const FILES = [
  [
    { id: 'a', text: 'Intro A\nShared footer line\nBody A unique\nPage 12 – of 40' },
    { id: 'b', text: 'Intro B\nSHARED FOOTER LINE\nBody B' },
  ],
  [
    { id: 'c', text: 'Body C\n  Shared footer line  ' },
    { id: 'd', text: 'Only unique text here' },
    { id: 'e', text: 'page 99 — of 10\nbody e' },
  ],
];

const textOf = (kept: Record<string, unknown>[]) => Object.fromEntries(kept.map((d) => [d.id, d.text]));

describe('dedup-lines', () => {
  it.each([
    [
      'first: later copies go',
      '{ mode: first, min_chars: 0 }',
      3,
      {
        a: 'Intro A\nShared footer line\nBody A unique\nPage 12 – of 40',
        b: 'Intro B\nBody B',
        c: 'Body C',
        d: 'Only unique text here',
        e: 'body e',
      },
    ],
    [
      'boilerplate: every copy goes',
      '{ mode: boilerplate, min_chars: 0 }',
      5,
      {
        a: 'Intro A\nBody A unique',
        b: 'Intro B\nBody B',
        c: 'Body C',
        d: 'Only unique text here',
        e: 'body e',
      },
    ],
    [
      'boilerplate, min_count 4: nothing repeats that often',
      '{ min_count: 4, min_chars: 0 }',
      0,
      Object.fromEntries(FILES.flat().map((d) => [d.id, d.text])),
    ],
  ])('%s', (_name, options, removed, texts) => {
    const { kept, report } = run(FILES, options, 'modes');
    expect(textOf(kept)).toEqual(texts);
    expect(report.stages[0].counters.lines_removed ?? 0).toBe(removed);
    expect(report.reduce['dedup-lines'].counters.lines_marked_for_removal).toBe(removed);
    expect(report.documents.balanced).toBe(true);
  });

  it('drops documents that lost lines and are left shorter than min_chars, never untouched ones', () => {
    const { kept, report } = run(FILES, '{ min_chars: 10 }', 'short');
    expect(kept.map((d) => d.id)).toEqual(['a', 'b', 'd']);
    expect(report.stages[0].dropped.too_short_after_line_dedup).toBe(2);
    expect(report.documents.balanced).toBe(true);
  });

  it('annotates kept documents with removed and kept line counts', () => {
    const { kept } = run(FILES, '{ annotate: true, min_chars: 0 }', 'annotate');
    expect(kept.find((d) => d.id === 'a')).toMatchObject({ dm: { dedup_lines: { removed: 2, kept: 2 } } });
    expect(kept.find((d) => d.id === 'd')).toMatchObject({ dm: { dedup_lines: { removed: 0, kept: 1 } } });
  });

  it('reports the most repeated lines with counts, and text when a task saw the line twice', () => {
    const { topLines } = run(FILES, '{ min_chars: 0, buckets: 3 }', 'top');
    expect(topLines).toHaveLength(2);
    expect(topLines[0]!.count).toBe(3);
    expect(normalizeLine(topLines[0]!.line!)).toBe('shared footer line');
    // The page line occurs once per task: no task sampled its text, the count is still reported.
    expect(topLines[1]).toMatchObject({ count: 2, line: null });
  });

  it('writes byte-identical data with 1 and 2 workers', () => {
    let x = 7;
    const rand = () => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      return x / 2 ** 32;
    };
    // Letters, not digits: normalizeLine maps every digit to 0, which would make all these lines one.
    const word = (n: number) => n.toString().replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
    const pool = Array.from(
      { length: 40 },
      (_, i) => `Line ${word(i)} of the shared pool, with filler text.`,
    );
    const files = Array.from({ length: 3 }, (_, f) =>
      Array.from({ length: 60 }, (_, i) => ({
        id: `f${f}-${i}`,
        text: Array.from({ length: 8 }, (_, j) =>
          rand() < 0.5
            ? pool[Math.floor(rand() * pool.length)]!
            : `Unique ${word(f)} ${word(i)} ${word(j)} ${word(Math.floor(rand() * 1e9))}`,
        ).join('\n'),
      })),
    );
    const one = run(files, '{ buckets: 4, min_chars: 120 }', 'det1', 1);
    const two = run(files, '{ buckets: 4, min_chars: 120 }', 'det2', 2);
    expect(Object.keys(one.data).length).toBeGreaterThan(0);
    expect(two.data).toEqual(one.data);
    expect(one.report.stages[0].counters.lines_removed).toBeGreaterThan(0);
    expect(one.report.stages[0].dropped.too_short_after_line_dedup).toBeGreaterThan(0);
    expect(one.report.documents.balanced).toBe(true);
  });
});

describe('normalizeLine (cc_net normalize_for_dedup)', () => {
  it.each([
    ['  Hello World  ', 'hello world'],
    ['Copyright 2019', 'copyright 0000'],
    ['Page ١٢', 'page 00'],
    ['Home – About — Contact', 'home  about  contact'],
    ['Why？ Because！', 'why because'],
    ['tab\there', 'tabhere'],
    ['Edit | Files | Tags', 'edit | files | tags'],
    ['   ', ''],
    ['already clean.', 'already clean.'],
  ])('%j → %j', (input, want) => {
    expect(normalizeLine(input)).toBe(want);
  });

  it('maps case, digit and dash variants of one line to the same string', () => {
    const variants = ['Page 12 – of 40', 'PAGE 99 — OF 10', '  page 3 of 7 '];
    expect(new Set(variants.map(normalizeLine)).size).toBe(2);
    expect(normalizeLine(variants[0]!)).toBe(normalizeLine(variants[1]!));
  });
});

describeWithData('dedup-lines on real data', () => {
  it("finds dolma_cc_raw's navigation and footer boilerplate and removes it", () => {
    const file = sharedPath('web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz');
    const rows = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
    const { kept, report, topLines } = run([], '{ buckets: 4 }', 'dolma', 2, file);
    const top = topLines.slice(0, 20).map((t) => t.line);
    expect(top).toContain('Jump to navigation Jump to search');
    expect(top.some((l) => l !== null && /^(license information|related content)$/i.test(l))).toBe(true);
    const jump = topLines.find((t) => t.line === 'Jump to navigation Jump to search')!;
    expect(jump.count).toBeGreaterThanOrEqual(40);
    expect(report.stages[0].counters.lines_removed).toBeGreaterThan(1000);
    expect(kept.length).toBeLessThan(rows.length);
    expect(kept.some((d) => String(d.text).includes('Jump to navigation Jump to search'))).toBe(false);
    expect(report.documents.balanced).toBe(true);
  });
});

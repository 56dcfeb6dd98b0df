import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datamill, ROOT, readReport, tempDir } from './cli.js';

const GOLDEN = path.join(ROOT, 'test', 'e2e', 'quickstart.expected.json');
const planted = JSON.parse(readFileSync(path.join(ROOT, 'sample-data', 'planted.json'), 'utf8'));

/** The parts of report.json that must not change unless the code's behaviour does (no timings, no paths). */
interface ReportView {
  documents: unknown;
  stages: { id: string; in: number; out: number; dropped: unknown; counters: unknown }[];
  domains: Record<string, { docs_in: number; docs_out: number; chars_out: number }>;
  reduce: Record<string, { counters: unknown }>;
  output_files: string[];
}

function stableView(report: ReportView) {
  return {
    documents: report.documents,
    stages: report.stages.map((s) => ({
      id: s.id,
      in: s.in,
      out: s.out,
      dropped: s.dropped,
      counters: s.counters,
    })),
    domains: Object.fromEntries(
      Object.entries(report.domains).map(([k, d]) => [
        k,
        { docs_in: d.docs_in, docs_out: d.docs_out, chars_out: d.chars_out },
      ]),
    ),
    reduce: Object.fromEntries(Object.entries(report.reduce).map(([k, r]) => [k, r.counters])),
    output_files: report.output_files.filter((f) => f.startsWith('data/')),
  };
}

describe('quickstart on sample-data (the README command, through the built CLI)', () => {
  const out = path.join(tempDir('qs'), 'run');
  const r = datamill(['run', 'pipelines/quickstart.yaml', '--out', out, '--quiet']);

  it('runs cleanly', () => {
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('matches the golden report (UPDATE_GOLDEN=1 rewrites it)', () => {
    const view = stableView(readReport(out));
    if (process.env.UPDATE_GOLDEN || !existsSync(GOLDEN))
      writeFileSync(GOLDEN, `${JSON.stringify(view, null, 2)}\n`);
    expect(view).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });

  it('drops exactly the planted extra copies as exact duplicates', () => {
    const drops = ledgerRows(out)
      .filter((row) => row.reason === 'exact_duplicate')
      .map((row) => row.id);
    const planted_extra = planted.exact_duplicates.flatMap((g: { ids: string[] }) => g.ids.slice(1));
    expect(drops.length).toBe(planted.counts.exact_duplicate_extra_copies);
    // Which copy of a group is "extra" depends on manifest order; compare group by group.
    for (const g of planted.exact_duplicates as { ids: string[] }[]) {
      expect(g.ids.filter((id) => drops.includes(id))).toHaveLength(g.ids.length - 1);
    }
    expect(planted_extra.length).toBe(drops.length);
  });

  it('drops every planted short page as too_few_words', () => {
    const short = new Set(
      ledgerRows(out)
        .filter((row) => row.reason === 'too_few_words')
        .map((row) => row.id),
    );
    for (const s of planted.short as { id: string }[]) expect(short.has(s.id)).toBe(true);
  });
});

function ledgerFiles(out: string): string[] {
  const report = readReport(out);
  return report.output_files
    .filter((f: string) => f.startsWith('ledger/'))
    .map((f: string) => path.join(out, f));
}

function ledgerRows(out: string): { id: string; reason: string }[] {
  return ledgerFiles(out).flatMap((f) =>
    datamill(['inspect', f, '-n', '1000000'])
      .stdout.trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l)),
  );
}

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { normalizeForExact } from '../../src/dedup/exact-observe.js';
import { runStageOnDocs } from '../e2e/cli.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';

/** dedup-exact is a global stage: it is tested through the built CLI, which runs all three phases. */
function run(docs: Record<string, unknown>[], options: string, tag: string, files = 1) {
  const per = Math.ceil(docs.length / files);
  const parts = Array.from({ length: files }, (_, f) => docs.slice(f * per, (f + 1) * per));
  const { kept, report } = runStageOnDocs({ tag: `dx-${tag}`, files: parts, stage: 'dedup-exact', options });
  return { kept, report };
}

describe('dedup-exact', () => {
  const docs = [
    { id: 'a', text: 'Hello World' },
    { id: 'b', text: 'hello   world' },
    { id: 'c', text: 'Hello World' },
    { id: 'd', text: 'something else', priority: 5 },
    { id: 'e', text: 'something else', priority: 9 },
    { id: 'f', text: 'something else' },
  ];

  it.each([
    ['bytes, keep first', '{ mode: bytes }', ['a', 'b', 'd']],
    ['normalized, keep first', '{ mode: normalized }', ['a', 'd']],
    ['bytes, keep highest priority', '{ keep: priority }', ['a', 'b', 'e']],
  ])('%s', (_name, options, ids) => {
    const { kept, report } = run(docs, options, 'modes', 2);
    expect(kept.map((d) => d.id)).toEqual(ids);
    expect(report.stages[0].dropped.exact_duplicate).toBe(docs.length - ids.length);
    expect(report.documents.balanced).toBe(true);
  });

  it('annotates kept documents with their cluster size', () => {
    const { kept } = run(docs, '{ annotate: true, mode: normalized }', 'annotate');
    expect(kept.find((d) => d.id === 'a')).toMatchObject({ dm: { dedup_exact: { cluster_size: 3 } } });
    expect(kept.find((d) => d.id === 'd')).toMatchObject({ dm: { dedup_exact: { cluster_size: 3 } } });
  });

  it.each([
    ['Hello\u00A0World', 'hello world'],
    ['  A\tB\n\nC  ', 'a b c'],
    ['ﬁne', 'fine'],
  ])('normalizes %j to %j', (input, want) => {
    expect(normalizeForExact(input)).toBe(want);
  });
});

describeWithData('dedup-exact on real data', () => {
  it("finds the SMS collection's exact duplicates and keeps one of each text", () => {
    const rows = gunzipSync(readFileSync(sharedPath('web/sms_spam_collection.jsonl.gz')))
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const distinct = new Set(rows.map((r) => r.text)).size;
    const { kept, report } = run(
      rows.map((r, i) => ({ id: `sms${i}`, text: r.text })),
      '{ buckets: 4 }',
      'sms',
      3,
    );
    expect(kept).toHaveLength(distinct);
    expect(new Set(kept.map((d) => d.text)).size).toBe(distinct);
    expect(report.reduce['dedup-exact'].counters.duplicates_dropped).toBe(rows.length - distinct);
  });

  it("collapses the data-juicer dedup demo's exact and case-only copies in normalized mode", () => {
    const rows = readFileSync(sharedPath('web/datajuicer/demo-dataset-deduplication.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const distinct = new Set(rows.map((r) => normalizeForExact(r.text))).size;
    const { kept } = run(
      rows.map((r, i) => ({ id: `dj${i}`, text: r.text })),
      '{ mode: normalized }',
      'dj',
    );
    expect(kept).toHaveLength(distinct);
    expect(distinct).toBeLessThan(rows.length);
  });
});

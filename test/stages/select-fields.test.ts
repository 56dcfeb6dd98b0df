import { describe, expect, it } from 'vitest';
import selectFields from '../../src/stages/select-fields.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';
import { docsFromJsonl, parseOptions, runStage } from '../helpers/stage-harness.js';

const row = () => ({ id: 'x1', text: 't', url: 'u', lang: 'en', meta: { a: 1 }, dm: { score: 0.5 } });
const doc = () => ({ id: 'x1', text: 't', row: row() as Record<string, unknown> });

describe('select-fields', () => {
  it.each([
    [{ fields: ['url', 'text'] }, { text: 't', url: 'u', dm: { score: 0.5 } }, 0],
    [{ fields: ['lang', 'nope'] }, { lang: 'en', dm: { score: 0.5 } }, 1],
    [{ fields: ['dm'] }, { dm: { score: 0.5 } }, 0],
    [{ drop_fields: ['meta', 'lang'] }, { id: 'x1', text: 't', url: 'u', dm: { score: 0.5 } }, 0],
    [
      { drop_fields: ['dm', 'nope', 'toString'] },
      { id: 'x1', text: 't', url: 'u', lang: 'en', meta: { a: 1 } },
      2,
    ],
  ])('%j → %j (missing_field %i)', async (options, expected, missing) => {
    const d = doc();
    const run = await runStage(selectFields, options, [d]);
    expect(run.kept).toEqual([d]);
    expect(d.row).toEqual(expected);
    expect(run.counters.missing_field ?? 0).toBe(missing);
  });

  it('keeps the input field order and never touches doc.text or doc.id', async () => {
    const d = doc();
    await runStage(selectFields, { fields: ['meta', 'url'] }, [d]);
    expect(Object.keys(d.row)).toEqual(['url', 'meta', 'dm']);
    expect([d.id, d.text]).toEqual(['x1', 't']);
  });

  it.each([
    [{}, 'fields: expected a list of fields to keep (or drop_fields: a list of fields to remove)'],
    [{ fields: ['a'], drop_fields: ['b'] }, 'drop_fields: cannot be given with fields'],
    [{ fields: [] }, 'fields'],
    [{ fields: [''] }, 'fields'],
    [{ fields: ['b', 'a', 'b'] }, 'fields: lists "b" twice'],
    [{ drop_fields: 'a' }, 'drop_fields'],
    [{ field: ['a'] }, 'field'],
  ])('rejects %j', (o, message) => {
    expect(() => parseOptions(selectFields, o)).toThrow(message);
  });
});

describeWithData('select-fields on web/dolma_cc_raw', () => {
  it('reduces nested Dolma rows to id, text and source', async () => {
    const docs = docsFromJsonl(
      sharedPath('web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz'),
    );
    expect(Object.keys(docs[0]?.row ?? {})).toContain('attributes');
    const run = await runStage(selectFields, { fields: ['id', 'text', 'source'] }, docs, { batchSize: 100 });
    expect(run.kept).toHaveLength(697);
    expect(run.counters).toEqual({});
    for (const d of run.kept) expect(Object.keys(d.row)).toEqual(['id', 'text', 'source']);
  });
});

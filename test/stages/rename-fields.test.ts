import { describe, expect, it } from 'vitest';
import { isDatamillError } from '../../src/errors.js';
import renameFields from '../../src/stages/rename-fields.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';
import { docsFromJsonl, parseOptions, runStage } from '../helpers/stage-harness.js';

const doc = (row: Record<string, unknown>) => ({ id: 'doc-7', text: 't', row });

describe('rename-fields', () => {
  it.each([
    [
      { url: 'source_url' },
      { text: 't', url: 'u', lang: 'en' },
      { text: 't', source_url: 'u', lang: 'en' },
      0,
    ],
    [{ url: 'link', lang: 'language' }, { url: 'u', lang: 'en' }, { link: 'u', language: 'en' }, 0],
    [{ nope: 'x', lang: 'language' }, { url: 'u', lang: 'en' }, { url: 'u', language: 'en' }, 1],
    [{ nope: 'x' }, { url: 'u' }, { url: 'u' }, 1],
    [{ meta: 'metadata' }, { meta: { a: [1] }, dm: { s: 1 } }, { metadata: { a: [1] }, dm: { s: 1 } }, 0],
  ])('%j on %j → %j (missing_field %i)', async (fields, input, expected, missing) => {
    const d = doc(input);
    const run = await runStage(renameFields, { fields }, [d]);
    expect(run.kept).toEqual([d]);
    expect(d.row).toEqual(expected);
    expect(Object.keys(d.row)).toEqual(Object.keys(expected));
    expect(run.counters.missing_field ?? 0).toBe(missing);
  });

  it('refuses to rename onto an existing field, naming the stage and the document', async () => {
    const run = runStage(renameFields, { fields: { url: 'link' } }, [doc({ url: 'u', link: 'l' })], {
      env: { stageId: 'rename_urls' },
    });
    await expect(run).rejects.toThrow(
      'stage rename_urls: doc doc-7: cannot rename field "url" to "link": the document already has "link"',
    );
    await run.catch((e: unknown) => {
      expect(isDatamillError(e) && e.code).toBe('stage_failed');
    });
  });

  it('does not mind an existing target when the source is absent', async () => {
    const d = doc({ link: 'l' });
    await runStage(renameFields, { fields: { url: 'link' } }, [d]);
    expect(d.row).toEqual({ link: 'l' });
  });

  it.each([
    [{}, 'fields'],
    [{ fields: {} }, 'fields: expected at least one from: to pair'],
    [{ fields: { a: 'a' } }, 'fields.a: expected a different name'],
    [{ fields: { a: 'c', b: 'c' } }, 'fields.b: expected a name no other field is renamed to'],
    [{ fields: { a: 'b', b: 'c' } }, 'fields.a: expected a name that is not itself renamed'],
    [{ fields: { dm: 'x' } }, 'fields.dm: expected a field other than dm'],
    [{ fields: { x: 'dm' } }, 'fields.x: expected a new name other than dm'],
    [{ fields: { a: '' } }, 'fields.a'],
    [{ fields: { a: 1 } }, 'fields.a'],
    [{ fields: ['a'] }, 'fields'],
  ])('rejects %j', (o, message) => {
    expect(() => parseOptions(renameFields, o)).toThrow(message);
  });
});

describeWithData('rename-fields on web/sms_spam_collection.jsonl.gz', () => {
  it('renames label to category on all 5574 rows, keeping the order', async () => {
    const docs = docsFromJsonl(sharedPath('web/sms_spam_collection.jsonl.gz'), { id: 'line' });
    const run = await runStage(renameFields, { fields: { label: 'category', line: 'line_no' } }, docs);
    expect(run.counters).toEqual({});
    for (const d of run.kept) expect(Object.keys(d.row)).toEqual(['category', 'text', 'line_no']);
    expect(run.kept.filter((d) => d.row.category === 'spam')).toHaveLength(747);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import filterBadwords from '../../src/stages/filter-badwords.js';
import { docsFromTexts, parseOptions, runStage } from '../helpers/stage-harness.js';

describe('filter-badwords', () => {
  it.each([
    // [text, options, reason or null, value]
    ['You ass.', {}, 'badwords', 1],
    ['A classic class.', {}, null, 0],
    ['ass ass', {}, 'badwords', 2], // adjacent matches both count (lookaround boundaries)
    ['You ass.', { max_count: 1 }, null, 0],
    ['ass, ass and ass', { max_count: 2 }, 'badwords', 3],
    ['eres un CABRÓN', { languages: ['es'] }, 'badwords', 1], // lists are lowercased here, unlike C4
    ['这个屌丝', { languages: ['en', 'zh'] }, 'badwords', 1],
    ['性别', { languages: ['zh'] }, null, 0], // allowlisted
    ['ass ' + 'word '.repeat(9), { max_count: null, max_ratio: 0.05 }, 'badwords_ratio', 0.1],
    ['ass ' + 'word '.repeat(19), { max_count: null, max_ratio: 0.05 }, null, 0],
  ])('%j %j → %s', async (text, options, reason, value) => {
    const run = await runStage(filterBadwords, options, docsFromTexts([text]));
    expect(run.drops).toEqual(reason === null ? [] : [{ id: 'd0', reason, value }]);
  });

  it('adds words from extra_words_file (one per line, # comments, resolved against the cwd)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'badwords-'));
    const file = path.join(dir, 'words.txt');
    writeFileSync(file, '# house list\nFrobnicate\n\nwidget gadget\r\n');
    const run = await runStage(
      filterBadwords,
      { extra_words_file: file },
      docsFromTexts(['We frobnicate.', 'A widget gadget!', 'frobnicated', 'widget']),
    );
    expect(run.drops.map((d) => d.id)).toEqual(['d0', 'd1']);
    await expect(
      runStage(filterBadwords, { extra_words_file: path.join(dir, 'missing.txt') }, []),
    ).rejects.toThrow(/cannot read/);
  });

  it('rejects unknown languages and stores dm.badwords with keep_stats', async () => {
    expect(() => parseOptions(filterBadwords, { languages: ['xx'] })).toThrow(/languages.0: expected one of/);
    const run = await runStage(filterBadwords, { keep_stats: true, max_count: 5 }, docsFromTexts(['ass']));
    expect(run.kept[0]?.row.dm).toEqual({ badwords: { count: 1 } });
  });

  it('keep_fraction 1 keeps every match (counted)', async () => {
    const run = await runStage(filterBadwords, { keep_fraction: 1 }, docsFromTexts(['ass', 'ass']));
    expect(run.kept).toHaveLength(2);
    expect(run.counters).toEqual({ kept_with_badwords: 2 });
  });
});

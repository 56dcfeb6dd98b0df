import { describe, expect, it } from 'vitest';
import stage from '../../src/stages/filter-stopwords.js';
import { docsFromTexts, parseOptions, runStage } from '../helpers/stage-harness.js';
import { boundSuite, C4, dataSuite, JUNK } from '../helpers/stat-filter-suite.js';

describe('filter-stopwords bounds (en)', () => {
  boundSuite(stage, 'stopwords_ratio', { min: 0.5, max: 2 / 3 }, [
    ['the zxq', 0.5, null],
    ['The zxq zxq', 1 / 3, 'stopwords_ratio_below_min'],
    ['(the), of zxq', 2 / 3, null],
    ['the of a zxq', 0.75, 'stopwords_ratio_above_max'],
    ['', 0, 'stopwords_ratio_below_min'],
  ]);
});

describe('filter-stopwords languages', () => {
  it('takes the language from lang_field, falling back to lang', async () => {
    const docs = [
      ...docsFromTexts(['der zxq'], { language: 'de' }),
      ...docsFromTexts(['der zxq'], { language: 'xx' }),
    ];
    docs[1]!.id = 'd1';
    const run = await runStage(stage, { lang_field: 'language', min: 0 }, docs);
    expect(run.observations.stopwords_ratio).toEqual([0.5, 0]);
    expect(run.counters.lang_fallback).toBe(1);
  });

  it('rejects a language without a list', () => {
    expect(() => parseOptions(stage, { lang: 'xx' })).toThrow(/lang/);
  });
});

// Real-data values: a Python 3 transcription of DJ compute_stats with stopwords-iso en (scratch script).
dataSuite(stage, 'stopwords_ratio', { min: 0 }, [
  { file: JUNK, values: { 0: 0.7090909090909091, 2: 0.0, 3: 0.07017543859649122, 6: 0.09803921568627451 } },
  { file: C4, values: { 0: 0.5577889447236181, 10: 0.4474103585657371, 66: 0.6476964769647696 } },
]);

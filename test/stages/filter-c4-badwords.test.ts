import { describe, expect, it } from 'vitest';
import filterC4Badwords from '../../src/stages/filter-c4-badwords.js';
import { badwordsList, badwordsRegex, hasBadword } from '../../src/text/badwords.js';
import { docsFromTexts, runStage } from '../helpers/stage-harness.js';

const found = (lang: string, text: string) => hasBadword(badwordsRegex(lang), text.toLowerCase());

describe('LDNOOBW matching (Python (?:\\W|^)(w1|w2…)(?:\\W|$) over text.lower())', () => {
  it.each([
    ['ass', true],
    ['Ass.', true],
    ['what an ass', true],
    ['(ass)', true],
    ['ass\nnext', true],
    ['class', false], // inside a word
    ['assert', false],
    ['analysis', false], // "anal"
    ['_ass', false], // _ is a word character
    ['2ass', false], // digits are word characters
    ['éass', false], // so are non-ASCII letters
    ['ass²', false], // and numbers of category No
    ['watch 2 girls 1 cup now', true], // phrases with spaces
    ['g-spot', true],
    ['s&m', true],
  ])('en %j → %s', (text, expected) => {
    expect(found('en', text)).toBe(expected);
  });

  it('ja, th and zh match without boundaries; the allowlist removes ja sm/グロ/女の子 and zh 性', () => {
    expect(found('zh', '这个屌丝')).toBe(true);
    expect(found('zh', '性别平等')).toBe(false);
    expect(badwordsList('zh')).not.toContain('性');
    expect(found('ja', 'smart女の子')).toBe(false);
    expect(badwordsList('ja')).not.toContain('グロ');
    expect(badwordsList('th').length).toBeGreaterThan(0);
    expect(found('th', `abc${badwordsList('th')[0]}def`)).toBe(true);
  });

  it('entries are strip()ped and NOT lowercased, as DataTrove loads them (es "Cabrón" never matches)', () => {
    expect(badwordsList('hi').every((w) => w === w.trim())).toBe(true);
    expect(badwordsList('es')).toContain('Cabrón');
    expect(found('es', 'eres un cabrón')).toBe(false);
    expect(found('es', 'eres un cabron')).toBe(false);
  });
});

describe('filter-c4-badwords', () => {
  it('drops with document_removed_with_badwords (value = language) and keeps clean text', async () => {
    const run = await runStage(filterC4Badwords, {}, docsFromTexts(['You ass.', 'A classic class.']));
    expect(run.drops).toEqual([{ id: 'd0', reason: 'document_removed_with_badwords', value: 'en' }]);
    expect(run.counters).toEqual({ documents_with_badwords_en: 1 });
  });

  it('reads the language from language_field (dotted paths too), else default_language', async () => {
    const docs = docsFromTexts(['这个屌丝', '这个屌丝', 'You ass.']);
    docs[0]!.row.language = 'zh';
    docs[1]!.row.meta = { lang: 'zh' };
    const run = await runStage(filterC4Badwords, {}, docs);
    expect(run.drops.map((d) => d.id)).toEqual(['d0', 'd2']); // d1 has no "language": en, no en word
    const nested = await runStage(filterC4Badwords, { language_field: 'meta.lang' }, docs.slice(1, 2));
    expect(nested.drops).toEqual([{ id: 'd1', reason: 'document_removed_with_badwords', value: 'zh' }]);
  });

  it('fails on a language without a list unless fail_on_missing_language is false', async () => {
    const docs = docsFromTexts(['You ass.'], { language: 'xx' });
    await expect(runStage(filterC4Badwords, {}, docs)).rejects.toThrow(/no LDNOOBW list for language "xx"/);
    const run = await runStage(filterC4Badwords, { fail_on_missing_language: false }, docs);
    expect(run.kept).toHaveLength(1);
    expect(run.counters).toEqual({ missing_badwords_lang_xx: 1 });
  });

  it('keep_fraction keeps a deterministic share by unitHash(seed, id)', async () => {
    const docs = docsFromTexts(Array.from({ length: 2000 }, () => 'You ass.'));
    const a = await runStage(filterC4Badwords, { keep_fraction: 0.3, seed: 7 }, docs);
    const b = await runStage(
      filterC4Badwords,
      { keep_fraction: 0.3, seed: 7 },
      docsFromTexts(Array(2000).fill('You ass.')),
    );
    expect(a.kept.map((d) => d.id)).toEqual(b.kept.map((d) => d.id));
    expect(a.kept.length / 2000).toBeGreaterThan(0.27);
    expect(a.kept.length / 2000).toBeLessThan(0.33);
    expect(a.counters.document_kept_with_badwords_en).toBe(a.kept.length);
  });
});

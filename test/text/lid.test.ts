import { describe, expect, it } from 'vitest';
import { type LanguageId, LID176_LABELS, loadLanguageId } from '../../src/text/lid.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';
import { readJsonlRows } from '../helpers/stage-harness.js';

const lid: LanguageId = await loadLanguageId();
const top = (text: string) => lid.identify(text, 1)[0];

describe('identify', () => {
  it.each([
    ['The quick brown fox jumps over the lazy dog while the farmer watches from the porch.', 'en'],
    ['Der schnelle braune Fuchs springt über den faulen Hund, während der Bauer zuschaut.', 'de'],
    ['吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。', 'ja'],
    ['Le renard brun rapide saute par-dessus le chien paresseux pendant que le fermier regarde.', 'fr'],
    ['Быстрая коричневая лиса прыгает через ленивую собаку.', 'ru'],
  ])('%j → %s above 0.65', (text, language) => {
    const best = top(text);
    expect(best?.language).toBe(language);
    expect(best?.score).toBeGreaterThan(0.65);
  });

  it('returns every scored label, best first, summing to about 1', () => {
    const all = lid.identify('Ceci est une phrase en français, sans aucun doute.');
    expect(all.length).toBeGreaterThan(50);
    expect(all[0]?.language).toBe('fr');
    for (let i = 1; i < all.length; i++) expect(all[i]!.score).toBeLessThanOrEqual(all[i - 1]!.score);
    const sum = all.reduce((s, x) => s + x.score, 0);
    expect(sum).toBeGreaterThan(0.99);
    expect(sum).toBeLessThan(1.002);
  });

  it('reads every line: newlines become spaces (fastText alone would stop at the first)', () => {
    const text = 'Hallo\nDas ist ein ganz normaler deutscher Satz über das Wetter in Berlin.';
    expect(lid.identify(text)).toEqual(lid.identify(text.replaceAll('\n', ' ')));
    expect(top(text)?.language).toBe('de');
  });

  it('answers empty, blank and very short texts with a low score', () => {
    for (const text of ['', '   ', '\n\n', 'a', 'ok', '42']) {
      const best = top(text);
      expect(best).toBeDefined();
      expect(best!.score).toBeLessThan(0.65);
    }
  });

  it('gives a mixed English/Spanish text both languages near the top, neither certain', () => {
    const mixed =
      'I went to the market this morning to buy some bread. Después fui a la playa con mis amigos y ' +
      'nadamos toda la tarde.';
    const langs = lid.identify(mixed, 3).map((s) => s.language);
    expect(langs.slice(0, 2).sort()).toEqual(['en', 'es']);
    expect(top(mixed)!.score).toBeLessThan(0.9);
  });

  it('honours k', () => {
    expect(lid.identify('Guten Morgen, wie geht es Ihnen heute?', 3)).toHaveLength(3);
  });

  it('shares one model per thread', async () => {
    expect(await loadLanguageId()).toBe(lid);
  });

  it('LID176_LABELS are the model labels, 176 distinct codes', () => {
    expect(new Set(LID176_LABELS).size).toBe(176);
    const seen = new Set(
      lid.identify('The European Union is a political and economic union.').map((s) => s.language),
    );
    for (const l of seen) expect(LID176_LABELS).toContain(l);
  });
});

/** Deterministic sample: every `step`-th row from `offset` (a seeded choice without an RNG dependency). */
function everyNth<T>(rows: T[], step: number, offset: number): T[] {
  return rows.filter((_, i) => i % step === offset);
}

/** lid.176 has no label for these lingua languages (Ganda, Maori, Shona, Sotho, Tswana, Tsonga, Xhosa, Zulu). */
const UNSUPPORTED = new Set(['lg', 'mi', 'sn', 'st', 'tn', 'ts', 'xh', 'zu']);
const COMMON20 = new Set('ar bg cs de el en es fa fi fr hi hu it ja ko nl pl pt ru tr'.split(' '));
/** The lingua set says nb; lid.176 says no. */
const asLingua = (l: string | undefined) => (l === 'no' ? 'nb' : l);

describeWithData('identify on the lingua 75-language sentences', () => {
  const rows = readJsonlRows(sharedPath('multilingual/lingua_sentences_75langs.jsonl.gz')) as {
    text: string;
    lang: string;
  }[];
  const sample = everyNth(rows, 7, 3); // 10,592 sentences

  const accuracy = (subset: { text: string; lang: string }[]) =>
    subset.filter((r) => asLingua(top(r.text)?.language) === r.lang).length / subset.length;

  it('has 74,141 sentences', () => {
    expect(rows).toHaveLength(74_141);
  });

  // Measured on all 74,141 (docs/language-id.md): 79.5% over 75 languages, 98.8% on the common 20.
  it('stays within 1.5 points of the measured accuracy', () => {
    expect(accuracy(sample)).toBeGreaterThan(0.78);
    expect(accuracy(sample.filter((r) => COMMON20.has(r.lang)))).toBeGreaterThan(0.973);
    expect(accuracy(sample.filter((r) => !UNSUPPORTED.has(r.lang)))).toBeGreaterThan(0.87);
  });
});

describeWithData('identify on UDHR translations', () => {
  const rows = readJsonlRows(sharedPath('multilingual/udhr2_388.jsonl.gz')) as {
    lang: string;
    text: string;
  }[];
  const byId = new Map(rows.map((r) => [r.lang, r.text]));

  it.each([
    ['eng', 'en'],
    ['deu', 'de'],
    ['fra', 'fr'],
    ['spa', 'es'],
    ['rus', 'ru'],
    ['jpn', 'ja'],
    ['cmn_hans', 'zh'],
    ['arb', 'ar'],
    ['hin', 'hi'],
    ['kor', 'ko'],
    ['tur', 'tr'],
    ['vie', 'vi'],
    ['heb', 'he'],
    ['ell_monotonic', 'el'],
    ['pol', 'pl'],
  ])('%s → %s with score > 0.9', (id, language) => {
    const best = top(byId.get(id) ?? '');
    expect(best?.language).toBe(language);
    expect(best!.score).toBeGreaterThan(0.9);
  });

  it.each([
    ['nob', 'no'],
    ['ind', 'id'],
  ])('confusable %s → %s, above the 0.65 threshold', (id, language) => {
    const best = top(byId.get(id) ?? '');
    expect(best?.language).toBe(language);
    expect(best!.score).toBeGreaterThan(0.65);
  });

  it('known miss: Nynorsk (nno) comes out as Bokmål (no), with nn second', () => {
    expect(lid.identify(byId.get('nno') ?? '', 2).map((s) => s.language)).toEqual(['no', 'nn']);
  });
});

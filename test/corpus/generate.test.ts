import { beforeAll, describe, expect, it } from 'vitest';
import { DOMAINS } from '../../src/corpus/domains.js';
import {
  type Corpus,
  type CorpusRow,
  type CorpusSpec,
  generateCorpus,
  SAMPLE_SPEC,
} from '../../src/corpus/generate.js';
import { jaccard5 } from '../../src/corpus/jaccard.js';
import { NEAR_DUP_BAND } from '../../src/corpus/plant.js';

const SMALL: CorpusSpec = {
  seed: 11,
  clean: { web: 60, forum: 40, wiki: 40 },
  medianBytes: { web: 1200, forum: 900, wiki: 1500 },
  plant: {
    exactGroups: 4,
    nearOriginals: 4,
    short: 6,
    junkPerKind: 1,
    boilerplate: 2,
    perLanguage: 1,
    perNormalizeKind: 2,
  },
};

const C1 = /[\u0080-\u009f]/;
const words = (t: string) => t.split(/\s+/).filter((w) => w.length > 0).length;

describe('generateCorpus determinism', () => {
  it('gives identical rows and planted lists for the same spec', () => {
    expect(generateCorpus(SMALL)).toEqual(generateCorpus(SMALL));
  });

  it('gives different text for another seed', () => {
    const a = generateCorpus(SMALL).rows.web.map((r) => r.text);
    const b = generateCorpus({ ...SMALL, seed: 12 }).rows.web.map((r) => r.text);
    expect(a.filter((t, i) => t === b[i]).length).toBe(0);
  });
});

describe('the sample corpus (SAMPLE_SPEC)', () => {
  let corpus: Corpus;
  let all: CorpusRow[];
  let byId: Map<string, CorpusRow>;
  beforeAll(() => {
    corpus = generateCorpus(SAMPLE_SPEC);
    all = DOMAINS.flatMap((d) => corpus.rows[d]);
    byId = new Map(all.map((r) => [r.id, r]));
  });
  const text = (id: string) => {
    const row = byId.get(id);
    if (!row) throw new Error(`no row ${id}`);
    return row.text;
  };

  it('has about 3,000 documents with unique ids in all three domains', () => {
    expect(all.length).toBeGreaterThan(2800);
    expect(all.length).toBeLessThan(3300);
    expect(byId.size).toBe(all.length);
    for (const d of DOMAINS) {
      expect(corpus.rows[d].length).toBeGreaterThan(500);
      expect(corpus.rows[d].every((r) => r.domain === d && r.id.startsWith(`${d}-`))).toBe(true);
      const keys = JSON.stringify(Object.keys(corpus.rows[d][0]!.meta));
      expect(corpus.rows[d].every((r) => JSON.stringify(Object.keys(r.meta)) === keys)).toBe(true);
    }
    expect(corpus.planted.docs_by_domain).toEqual({
      web: corpus.rows.web.length,
      forum: corpus.rows.forum.length,
      wiki: corpus.rows.wiki.length,
    });
  });

  it('has realistic sizes: mean 1.5-3 KB, a long tail over 20 KB, a few MB in all', () => {
    const sizes = all.map((r) => Buffer.byteLength(r.text));
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(total / sizes.length).toBeGreaterThan(1500);
    expect(total / sizes.length).toBeLessThan(3000);
    expect(sizes.filter((s) => s > 20_000).length).toBeGreaterThanOrEqual(3);
    expect(total).toBeLessThan(10_000_000);
  });

  it('lists every exact-duplicate group, and only those texts repeat', () => {
    const groups = corpus.planted.exact_duplicates;
    const byText = new Map<string, string[]>();
    for (const r of all) byText.set(r.text, [...(byText.get(r.text) ?? []), r.id]);
    const repeated = [...byText.values()].filter((ids) => ids.length > 1).map((ids) => [...ids].sort());
    expect(repeated.sort()).toEqual(groups.map((g) => [...g.ids].sort()).sort());
    for (const g of groups) expect(g.domains).toEqual(g.ids.map((id) => byId.get(id)?.domain));
    expect(groups.some((g) => new Set(g.domains).size > 1)).toBe(true);
  });

  it('has near duplicates inside the documented Jaccard band, as recorded', () => {
    const [lo, hi] = NEAR_DUP_BAND;
    expect(corpus.planted.near_duplicates.length).toBe(SAMPLE_SPEC.plant.nearOriginals);
    for (const g of corpus.planted.near_duplicates) {
      for (const v of g.variants) {
        const j = jaccard5(text(g.original), text(v.id));
        expect(j).toBeGreaterThanOrEqual(lo);
        expect(j).toBeLessThanOrEqual(hi);
        expect(j).toBeCloseTo(v.jaccard, 3);
        expect(v.edit_fraction).toBeGreaterThan(0.04);
      }
    }
  });

  it('has short pages under 50 words and junk, boilerplate, non-English pages as listed', () => {
    const p = corpus.planted;
    expect(p.short.length).toBe(SAMPLE_SPEC.plant.short);
    for (const s of p.short) expect(words(text(s.id))).toBe(s.words);
    for (const s of p.short) expect(s.words).toBeLessThan(50);
    expect(new Set(p.junk.map((j) => j.kind)).size).toBe(6);
    for (const b of p.boilerplate) expect(b.boilerplate_fraction).toBeGreaterThan(0.6);
    expect(new Set(p.non_english.map((x) => x.lang))).toEqual(new Set(['de', 'fr', 'es', 'ru', 'zh', 'ar']));
  });

  it('puts CRLF, BOM and C1 controls only where planted.json says', () => {
    const kinds = new Map(corpus.planted.normalize.map((n) => [n.id, n.kind]));
    for (const r of all) {
      const kind = kinds.get(r.id);
      expect(r.text.includes('\r\n'), r.id).toBe(kind === 'crlf');
      expect(r.text.startsWith('\uFEFF'), r.id).toBe(kind === 'bom');
      expect(C1.test(r.text), r.id).toBe(kind === 'c1_controls');
    }
  });

  it('keeps the defect lists disjoint', () => {
    const p = corpus.planted;
    const lists = [
      p.exact_duplicates.flatMap((g) => g.ids),
      p.near_duplicates.flatMap((g) => [g.original, ...g.variants.map((v) => v.id)]),
      p.short.map((x) => x.id),
      p.junk.map((x) => x.id),
      p.boilerplate.map((x) => x.id),
      p.non_english.map((x) => x.id),
      p.normalize.map((x) => x.id),
    ];
    const flat = lists.flat();
    expect(new Set(flat).size).toBe(flat.length);
  });

  it('lists every e-mail address and uses reserved domains only', () => {
    const listed = new Set(corpus.planted.pii_emails.map((x) => x.id));
    for (const r of all) expect(listed.has(r.id), r.id).toBe(/@[\w.-]+\.\w+/.test(r.text));
    const emails = corpus.planted.pii_emails.flatMap((x) => x.emails);
    for (const e of emails) expect(e).toMatch(/@([a-z]+\.)?example\.(com|org|net)$/);
    expect(listed.size).toBeGreaterThan(30);
  });
});

/**
 * Chooses which documents carry which defect and adds the planted documents. Records point at entries,
 * not ids: ids exist only after the final shuffle, when `resolve()` turns the records into planted.json.
 */
import { type DomainName, type GenDoc, targetBytes } from './domains.js';
import type { CorpusSpec, DocMaker } from './generate.js';
import { intlDoc, LANGUAGE_CODES, languageInfo } from './intl-text.js';
import {
  applyNormalizeDefect,
  NEAR_DUP_BAND,
  NEAR_DUP_EDIT_RATE,
  NORMALIZE_KINDS,
  type NormalizeKind,
  nearDuplicate,
} from './plant.js';
import { boilerplatePage, JUNK_KINDS, type JunkKind, junkPage, shortPage } from './plant-junk.js';
import type { Planted } from './planted.js';
import { Rng } from './rng.js';

export interface Entry {
  domain: DomainName;
  doc: GenDoc;
  /** `clean` entries may still be chosen as the source of an exact or near duplicate. */
  role: 'clean' | 'source' | 'planted';
  id: string;
}

type Resolved = Omit<Planted, 'seed' | 'docs_by_domain' | 'pii_emails' | 'counts' | 'files'>;
type Weights = readonly (readonly [DomainName, number])[];

const MOSTLY_WEB: Weights = [
  ['web', 0.55],
  ['forum', 0.2],
  ['wiki', 0.25],
];

function weighted(rng: Rng, weights: Weights): DomainName {
  let u = rng.float() * weights.reduce((s, w) => s + w[1], 0);
  for (const [d, w] of weights) {
    u -= w;
    if (u < 0) return d;
  }
  return weights[0]?.[0] ?? 'web';
}

const wordCount = (text: string): number => text.split(/\s+/).filter((w) => w.length > 0).length;
const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const round4 = (x: number) => Math.round(x * 10000) / 10000;
const groupName = (prefix: string, i: number) => `${prefix}-${String(i + 1).padStart(3, '0')}`;

/** Mutable state of one planting pass: the entries, the spec, and how to dress a text as a document. */
class Planter {
  constructor(
    readonly spec: CorpusSpec,
    readonly entries: Entry[],
    private readonly make: DocMaker,
  ) {}

  rng(key: string): Rng {
    return new Rng(this.spec.seed, `plant/${key}`);
  }

  /** Adds `text` as a new document of `domain`, with url, date and meta of a document of that domain. */
  add(domain: DomainName, key: string, text: string): Entry {
    const shell = this.make(domain, new Rng(this.spec.seed, `shell/${key}`));
    const e: Entry = { domain, doc: { ...shell, text }, role: 'planted', id: '' };
    this.entries.push(e);
    return e;
  }

  /** A random clean entry of `domain` that passes `ok`, marked so no other defect reuses it. */
  takeSource(rng: Rng, domain: DomainName, ok: (text: string) => boolean): Entry {
    const all = this.entries;
    const start = rng.int(all.length);
    for (let k = 0; k < all.length; k++) {
      const e = all[(start + k) % all.length] as Entry;
      if (e.domain === domain && e.role === 'clean' && ok(e.doc.text)) {
        e.role = 'source';
        return e;
      }
    }
    throw new Error(`corpus plant: no clean ${domain} document left to duplicate`);
  }
}

/** Groups of 2-4 identical texts; about 30% of copies land in another domain. */
function plantExact(p: Planter): () => Resolved['exact_duplicates'] {
  const groups: Entry[][] = [];
  for (let g = 0; g < p.spec.plant.exactGroups; g++) {
    const rng = p.rng(`exact/${g}`);
    const source = p.takeSource(rng, weighted(rng, MOSTLY_WEB), () => true);
    const members = [source];
    for (let k = rng.chance(0.25) ? rng.range(2, 3) : 1; k > 0; k--) {
      const domain = rng.chance(0.3) ? weighted(rng, MOSTLY_WEB) : source.domain;
      members.push(p.add(domain, `exact/${g}/${k}`, source.doc.text));
    }
    groups.push(members);
  }
  return () =>
    groups.map((members, i) => ({
      group: groupName('exact', i),
      ids: members.map((m) => m.id),
      domains: members.map((m) => m.domain),
    }));
}

/** Originals of 150-3000 words with one or two edited copies inside NEAR_DUP_BAND. */
function plantNear(p: Planter): () => Resolved['near_duplicates'] {
  const groups: { original: Entry; variants: { e: Entry; jaccard: number; edit: number }[] }[] = [];
  const wanted = p.spec.plant.nearOriginals;
  for (let g = 0; groups.length < wanted && g < wanted * 4; g++) {
    const rng = p.rng(`near/${g}`);
    const sized = (text: string) => wordCount(text) >= 150 && wordCount(text) <= 3000;
    const original = p.takeSource(rng, weighted(rng, MOSTLY_WEB), sized);
    const variants: { e: Entry; jaccard: number; edit: number }[] = [];
    for (let k = rng.chance(0.3) ? 2 : 1; k > 0; k--) {
      const v = nearDuplicate(rng, original.doc.text);
      if (v)
        variants.push({
          e: p.add(original.domain, `near/${g}/${k}`, v.text),
          jaccard: v.jaccard,
          edit: v.editFraction,
        });
    }
    if (variants.length > 0) groups.push({ original, variants });
  }
  return () =>
    groups.map((g, i) => ({
      group: groupName('near', i),
      original: g.original.id,
      variants: g.variants.map((v) => ({
        id: v.e.id,
        jaccard: round4(v.jaccard),
        edit_fraction: round4(v.edit),
      })),
    }));
}

/** Short, junk and boilerplate pages: new documents, one random stream each. */
function plantPages(p: Planter): () => Pick<Resolved, 'short' | 'junk' | 'boilerplate'> {
  const n = p.spec.plant;
  const short: Entry[] = [];
  for (let i = 0; i < n.short; i++) {
    const rng = p.rng(`short/${i}`);
    const domain = weighted(rng, [
      ['web', 0.5],
      ['forum', 0.25],
      ['wiki', 0.25],
    ]);
    short.push(p.add(domain, `short/${i}`, shortPage(rng, domain)));
  }
  const junk: { e: Entry; kind: JunkKind }[] = [];
  for (const kind of JUNK_KINDS) {
    for (let i = 0; i < n.junkPerKind; i++) {
      const rng = p.rng(`junk/${kind}/${i}`);
      junk.push({
        e: p.add(rng.chance(0.75) ? 'web' : 'forum', `junk/${kind}/${i}`, junkPage(rng, kind)),
        kind,
      });
    }
  }
  const boiler: { e: Entry; fraction: number }[] = [];
  for (let i = 0; i < n.boilerplate; i++) {
    const page = boilerplatePage(p.rng(`boilerplate/${i}`));
    boiler.push({ e: p.add('web', `boilerplate/${i}`, page.text), fraction: page.boilerplateFraction });
  }
  return () => ({
    short: short.map((e) => ({ id: e.id, words: wordCount(e.doc.text) })).sort(byId),
    junk: junk.map((j) => ({ id: j.e.id, kind: j.kind })).sort(byId),
    boilerplate: boiler.map((b) => ({ id: b.e.id, boilerplate_fraction: round4(b.fraction) })).sort(byId),
  });
}

/** Non-English pages and clean pages with CRLF, BOM or C1 control characters. */
function plantLanguageAndEncoding(
  p: Planter,
  make: DocMaker,
): () => Pick<Resolved, 'non_english' | 'normalize'> {
  const n = p.spec.plant;
  const intl: { e: Entry; lang: string }[] = [];
  for (const lang of LANGUAGE_CODES) {
    for (let i = 0; i < n.perLanguage; i++) {
      const rng = p.rng(`lang/${lang}/${i}`);
      const domain = weighted(rng, [
        ['web', 0.6],
        ['forum', 0.25],
        ['wiki', 0.15],
      ]);
      intl.push({ e: p.add(domain, `lang/${lang}/${i}`, intlDoc(rng, lang, targetBytes(rng, 1400))), lang });
    }
  }
  const norm: { e: Entry; kind: NormalizeKind }[] = [];
  for (const kind of NORMALIZE_KINDS) {
    for (let i = 0; i < n.perNormalizeKind; i++) {
      const rng = p.rng(`normalize/${kind}/${i}`);
      const domain = weighted(rng, MOSTLY_WEB);
      const fresh = make(domain, new Rng(p.spec.seed, `normalize-doc/${kind}/${i}`));
      norm.push({
        e: p.add(domain, `normalize/${kind}/${i}`, applyNormalizeDefect(rng, fresh.text, kind)),
        kind,
      });
    }
  }
  return () => ({
    non_english: intl
      .map((x) => ({ id: x.e.id, lang: x.lang, script: languageInfo(x.lang).script }))
      .sort(byId),
    normalize: norm.map((x) => ({ id: x.e.id, kind: x.kind })).sort(byId),
  });
}

/** Plants every defect into `entries` (in place); `resolve()` lists them by id once ids are assigned. */
export function plantAll(spec: CorpusSpec, entries: Entry[], make: DocMaker): { resolve: () => Resolved } {
  const p = new Planter(spec, entries, make);
  const exact = plantExact(p);
  const near = plantNear(p);
  const pages = plantPages(p);
  const other = plantLanguageAndEncoding(p, make);
  return {
    resolve: () => ({
      near_duplicate_band: { jaccard: NEAR_DUP_BAND, edit_fraction: NEAR_DUP_EDIT_RATE },
      exact_duplicates: exact(),
      near_duplicates: near(),
      ...pages(),
      ...other(),
    }),
  };
}

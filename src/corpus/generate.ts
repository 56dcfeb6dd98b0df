/**
 * Corpus assembly: clean documents per domain, then planted defects, then a seeded shuffle and ids.
 * Every document draws from its own named random stream (`web/17`, `plant/near/3`...), so the corpus is
 * a pure function of the spec and changing one count does not reshuffle unrelated documents.
 */

import { forumDoc, makeForums } from './domain-forum.js';
import { makeSites, webDoc } from './domain-web.js';
import { wikiDoc } from './domain-wiki.js';
import { DOMAINS, type DomainName, type GenDoc } from './domains.js';
import { type Entry, plantAll } from './plant-assign.js';
import { countPlanted, EMAIL_RE, type Planted } from './planted.js';
import { Rng } from './rng.js';

export interface CorpusRow {
  id: string;
  text: string;
  url: string;
  domain: DomainName;
  date: string;
  meta: Record<string, string | number | boolean>;
}

export interface PlantCounts {
  exactGroups: number;
  nearOriginals: number;
  short: number;
  junkPerKind: number;
  boilerplate: number;
  perLanguage: number;
  perNormalizeKind: number;
}

export interface CorpusSpec {
  seed: number;
  clean: Record<DomainName, number>;
  /** Median document length per domain; the mean is about 1.3 x this (see targetBytes). */
  medianBytes: Record<DomainName, number>;
  plant: PlantCounts;
}

/** The committed sample-data/: about 3,000 documents, ~6 MB of text. */
export const SAMPLE_SPEC: CorpusSpec = {
  seed: 1,
  clean: { web: 1250, forum: 800, wiki: 700 },
  medianBytes: { web: 1600, forum: 1150, wiki: 2200 },
  plant: {
    exactGroups: 24,
    nearOriginals: 24,
    short: 60,
    junkPerKind: 8,
    boilerplate: 30,
    perLanguage: 8,
    perNormalizeKind: 8,
  },
};

/** Makes one clean document of `domain` from its own random stream. */
export type DocMaker = (domain: DomainName, rng: Rng) => GenDoc;

export function docMaker(spec: CorpusSpec): DocMaker {
  const sites = makeSites(spec.seed, 60);
  const forums = makeForums(spec.seed, 16);
  return (domain, rng) => {
    if (domain === 'web') return webDoc(rng, rng.pick(sites), spec.medianBytes.web);
    if (domain === 'forum') return forumDoc(rng, rng.pick(forums), spec.medianBytes.forum);
    return wikiDoc(rng, spec.medianBytes.wiki);
  };
}

function emailsIn(rows: readonly CorpusRow[]): Planted['pii_emails'] {
  const out: Planted['pii_emails'] = [];
  for (const r of rows) {
    const found = r.text.match(EMAIL_RE);
    if (found) out.push({ id: r.id, emails: [...new Set(found)] });
  }
  return out;
}

export interface Corpus {
  rows: Record<DomainName, CorpusRow[]>;
  planted: Planted;
}

export function generateCorpus(spec: CorpusSpec): Corpus {
  const make = docMaker(spec);
  const entries: Entry[] = [];
  for (const domain of DOMAINS) {
    for (let i = 0; i < spec.clean[domain]; i++) {
      entries.push({
        domain,
        doc: make(domain, new Rng(spec.seed, `${domain}/${i}`)),
        role: 'clean',
        id: '',
      });
    }
  }
  const draft = plantAll(spec, entries, make);
  const rows = {} as Record<DomainName, CorpusRow[]>;
  const docsByDomain = {} as Record<DomainName, number>;
  for (const domain of DOMAINS) {
    const mine = new Rng(spec.seed, `order/${domain}`).shuffled(entries.filter((e) => e.domain === domain));
    rows[domain] = mine.map((e, i) => {
      e.id = `${domain}-${String(i + 1).padStart(5, '0')}`;
      return { id: e.id, text: e.doc.text, url: e.doc.url, domain, date: e.doc.date, meta: e.doc.meta };
    });
    docsByDomain[domain] = mine.length;
  }
  const all = DOMAINS.flatMap((d) => rows[d]);
  const partial = {
    ...draft.resolve(),
    seed: spec.seed,
    docs_by_domain: docsByDomain,
    pii_emails: emailsIn(all),
  };
  return { rows, planted: { ...partial, counts: countPlanted(partial) } };
}

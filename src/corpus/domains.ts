/**
 * What the three synthetic domains share: the generated document shape, the per-document text context,
 * paragraph assembly and the document-length distribution.
 */

import { clauseSentence, extendSentence, type Tense } from './clauses.js';
import { countryName, orgName, townName } from './entities.js';
import { TOPIC_LEXICONS, type TopicLexicon } from './lexicon.js';
import type { Rng } from './rng.js';
import { expand, nextSerial, pickFresh, type Template, type TextCtx } from './template.js';

export type DomainName = 'web' | 'forum' | 'wiki';
export const DOMAINS: readonly DomainName[] = ['web', 'forum', 'wiki'];

/** A generated document before it gets an id and a place in a file. */
export interface GenDoc {
  text: string;
  url: string;
  /** ISO date `YYYY-MM-DD`. */
  date: string;
  /** Domain-specific nested metadata; every document of a domain has the same keys and types. */
  meta: Record<string, string | number | boolean>;
}

export function newCtx(rng: Rng, topic: TopicLexicon, year: number, subject = ''): TextCtx {
  const place = townName(rng);
  const country = countryName(rng);
  return { rng, topic, place, country, org: orgName(rng), people: [], subject, year, serial: nextSerial() };
}

export function pickTopic(rng: Rng, slugs?: readonly string[]): TopicLexicon {
  const pool = slugs ? TOPIC_LEXICONS.filter((t) => slugs.includes(t.slug)) : TOPIC_LEXICONS;
  return rng.pick(pool);
}

/**
 * `n` sentences: `ownShare` from the domain's own `templates` (its voice), the rest compositional clauses
 * (variety). Domain templates are not reused within a document while unused ones remain.
 */
export function paragraph(
  c: TextCtx,
  templates: readonly Template[],
  n: number,
  tense: Tense = 'past',
  ownShare = 0.55,
): string {
  let out = '';
  for (let i = 0; i < n; i++) {
    const sentence = c.rng.chance(ownShare)
      ? extendSentence(c, expand(pickFresh(c, templates), c), 0.5)
      : clauseSentence(c, tense);
    out += i > 0 ? ` ${sentence}` : sentence;
  }
  return out;
}

/**
 * Quantiles of document length as multiples of the median (piecewise linear inverse CDF). Mean is about
 * 1.39 x median; about 0.8% of documents exceed 12.5 x median, which gives the 20 KB+ tail of real crawls.
 */
const LENGTH_QUANTILES: readonly (readonly [number, number])[] = [
  [0, 0.25],
  [0.1, 0.45],
  [0.25, 0.7],
  [0.5, 1],
  [0.75, 1.45],
  [0.9, 2.1],
  [0.97, 3.2],
  [0.985, 5],
  [0.99, 8],
  [1, 32],
];

/** A target length in bytes for one document, drawn from the long-tailed distribution above. */
export function targetBytes(rng: Rng, medianBytes: number): number {
  const u = rng.float();
  for (let i = 1; i < LENGTH_QUANTILES.length; i++) {
    const [p1, m1] = LENGTH_QUANTILES[i] as readonly [number, number];
    if (u <= p1) {
      const [p0, m0] = LENGTH_QUANTILES[i - 1] as readonly [number, number];
      return Math.round(medianBytes * (m0 + ((m1 - m0) * (u - p0)) / (p1 - p0)));
    }
  }
  return Math.round(medianBytes * 30);
}

/**
 * The `wiki` domain: reference articles with a lead, plain-line section headings, citation marks such as
 * `[3]` (which C4 strips), list sections, "See also" and a numbered reference list.
 */
import { type GenDoc, newCtx, paragraph, pickTopic, targetBytes } from './domains.js';
import { isoDate, orgName, personName, randomDate, townName } from './entities.js';
import type { Rng } from './rng.js';
import { expand, pickFresh, type TextCtx } from './template.js';
import {
  DESCRIPTION,
  HEADINGS,
  HISTORY,
  LEADS,
  LIST_HEADINGS,
  LIST_ITEMS,
  PAST_HEADINGS,
  REFERENCES,
  WIKI_KINDS,
  type WikiKind,
} from './templates-wiki.js';

const KIND_TOPICS: Record<WikiKind, readonly string[]> = {
  town: ['local', 'travel', 'environment', 'business'],
  person: ['culture', 'science', 'sports', 'education', 'business'],
  species: ['science', 'environment'],
  organisation: ['business', 'health', 'education', 'environment', 'tech'],
};
const SYLLABLES = [
  'ar',
  'bo',
  'cal',
  'den',
  'e',
  'fi',
  'gor',
  'hel',
  'i',
  'lo',
  'mar',
  'nec',
  'phy',
  'ra',
  'sil',
  'tha',
];

function latin(rng: Rng, endings: readonly string[]): string {
  let s = '';
  for (let n = rng.range(2, 3); n > 0; n--) s += rng.pick(SYLLABLES);
  return s + rng.pick(endings);
}

/** The article's title: an invented town, person, Latin binomial or organisation. */
export function wikiSubject(rng: Rng, kind: WikiKind): string {
  if (kind === 'town') return townName(rng);
  if (kind === 'person') return personName(rng);
  if (kind === 'organisation') return orgName(rng).replace(/^the /, 'The ');
  const genus = latin(rng, ['us', 'a', 'ia', 'is', 'on']);
  return `${genus.charAt(0).toUpperCase()}${genus.slice(1)} ${latin(rng, ['ensis', 'ii', 'ata', 'us'])}`;
}

/** Adds citation marks after some sentences, numbered within the article's reference count. */
function cite(c: TextCtx, text: string, refs: number): string {
  if (refs === 0) return text;
  return text.replace(/\. (?=[A-Z])/g, (m) => (c.rng.chance(0.08) ? `.[${c.rng.range(1, refs)}] ` : m));
}

function section(c: TextCtx, heading: string, paragraphs: number, refs: number): string[] {
  const items = LIST_ITEMS[heading];
  if (LIST_HEADINGS.has(heading) && items) {
    const n = c.rng.range(2, 5);
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(`- ${expand(pickFresh(c, items), c)}`);
    return [heading, '', lines.join('\n'), ''];
  }
  const past = PAST_HEADINGS.has(heading);
  const out = [heading, ''];
  for (let i = 0; i < paragraphs; i++) {
    const text = paragraph(
      c,
      past ? HISTORY : DESCRIPTION,
      c.rng.range(3, 6),
      past ? 'past' : 'present',
      0.6,
    );
    out.push(cite(c, text, refs), '');
  }
  return out;
}

/** One article; `medianBytes` sets the length distribution (see targetBytes). */
export function wikiDoc(rng: Rng, medianBytes: number): GenDoc {
  const kind = rng.pick(WIKI_KINDS);
  const subject = wikiSubject(rng, kind);
  const revised = randomDate(rng, 2019, 2024);
  const c = newCtx(rng, pickTopic(rng, KIND_TOPICS[kind]), revised.year, subject);
  if (kind === 'person') c.people.push(subject);
  const target = targetBytes(rng, medianBytes);
  // Many short articles have no reference list (and so no citation marks).
  const refs = rng.chance(0.6) ? rng.range(1, 4) : 0;
  const opening = expand(rng.pick(LEADS[kind]), c);
  const lead = `${opening} ${paragraph(c, DESCRIPTION, rng.range(1, 4), 'present', 0.6)}`;
  const lines = [subject, '', cite(c, lead, refs), ''];
  // Short articles have fewer sections, as stubs and start-class articles do.
  const sections = Math.max(1, Math.round(target / 600));
  const headings = HEADINGS[kind].filter(() => rng.chance(0.75)).slice(0, sections);
  // About 420 bytes per paragraph: spread the paragraphs the target needs over the chosen sections.
  const total = Math.max(headings.length, Math.round((target - lead.length) / 420));
  headings.forEach((h, i) => {
    const share = Math.floor(total / headings.length) + (i < total % headings.length ? 1 : 0);
    lines.push(...section(c, h, share, refs));
  });
  lines.push('See also', '');
  const seeAlso: string[] = [];
  for (let i = rng.range(1, 3); i > 0; i--) seeAlso.push(`- ${wikiSubject(rng, kind)}`);
  lines.push(seeAlso.join('\n'));
  const refLines: string[] = [];
  for (let i = 1; i <= refs; i++) refLines.push(`${i}. ${expand(pickFresh(c, REFERENCES), c)}`);
  if (refs > 0) lines.push('', 'References', '', refLines.join('\n'));
  const pageId = rng.range(100000, 9999999);
  return {
    text: lines.join('\n'),
    url: `https://reference.example.org/wiki/${subject.replace(/ /g, '_')}`,
    date: isoDate(revised),
    meta: { page_id: pageId, revision: pageId * 7 + rng.range(1, 999), kind, topic: c.topic.slug },
  };
}

/**
 * The slots templates can name (`{n}`, `{person}`, `{date}`...) and the per-document context they read.
 * Each slot is one function of the context; adding a slot here makes it available to every template.
 */
import {
  countryName,
  emailAddress,
  firstName,
  grouped,
  lastName,
  longDate,
  moneyAmount,
  orgName,
  percent,
  personName,
  randomDate,
  siteHost,
  slugify,
  townName,
  userName,
  weekday,
} from './entities.js';
import { GENERAL, type TopicLexicon } from './lexicon.js';
import type { Rng } from './rng.js';
import { PROFESSIONS, TAXA } from './vocab-en.js';

/** Everything a document's sentences share, so that a page stays about one place, topic and cast. */
export interface TextCtx {
  rng: Rng;
  topic: TopicLexicon;
  place: string;
  country: string;
  org: string;
  /** Full names mentioned so far; later mentions use the surname, as news writing does. */
  people: string[];
  /** What a wiki article or forum thread is about. */
  subject: string;
  /** Anchor year for dates in the text. */
  year: number;
  /** Unique per document; pickFresh compares it with Template.lastDoc. */
  serial: number;
}

export type SlotFn = (c: TextCtx) => string;

/** 55% of open-class words come from the page's topic, the rest from the general tables. */
const TOPIC_SHARE = 0.55;

function mention(c: TextCtx): string {
  const known = c.people;
  if (known.length > 0 && c.rng.chance(0.45)) return c.rng.pick(known);
  const full = personName(c.rng);
  known.push(full);
  return full;
}

function later(c: TextCtx): string {
  if (c.people.length === 0) return mention(c);
  const full = c.rng.pick(c.people);
  return full.slice(full.lastIndexOf(' ') + 1);
}

export const SLOTS: Record<string, SlotFn> = {
  n: (c) => (c.rng.float() < TOPIC_SHARE ? c.topic.nouns.one.sample(c.rng) : GENERAL.nouns.one.sample(c.rng)),
  ns: (c) =>
    c.rng.float() < TOPIC_SHARE ? c.topic.nouns.many.sample(c.rng) : GENERAL.nouns.many.sample(c.rng),
  tn: (c) => c.topic.nouns.one.sample(c.rng),
  tns: (c) => c.topic.nouns.many.sample(c.rng),
  a: (c) =>
    c.rng.float() < TOPIC_SHARE ? c.topic.adjectives.sample(c.rng) : GENERAL.adjectives.sample(c.rng),
  adv: (c) => GENERAL.adverbs.sample(c.rng),
  adv2: (c) => GENERAL.adverbsAfter.sample(c.rng),
  v: (c) =>
    c.rng.float() < TOPIC_SHARE ? c.topic.verbs.base.sample(c.rng) : GENERAL.verbs.base.sample(c.rng),
  vd: (c) =>
    c.rng.float() < TOPIC_SHARE ? c.topic.verbs.past.sample(c.rng) : GENERAL.verbs.past.sample(c.rng),
  vs: (c) =>
    c.rng.float() < TOPIC_SHARE ? c.topic.verbs.third.sample(c.rng) : GENERAL.verbs.third.sample(c.rng),
  vn: (c) =>
    c.rng.float() < TOPIC_SHARE
      ? c.topic.verbs.participle.sample(c.rng)
      : GENERAL.verbs.participle.sample(c.rng),
  cns: (c) =>
    c.rng.float() < TOPIC_SHARE ? c.topic.nouns.counted.sample(c.rng) : GENERAL.nouns.counted.sample(c.rng),
  vg: (c) =>
    c.rng.float() < TOPIC_SHARE ? c.topic.verbs.ing.sample(c.rng) : GENERAL.verbs.ing.sample(c.rng),
  prep: (c) => GENERAL.prepositions.sample(c.rng),
  conj: (c) => GENERAL.conjunctions.sample(c.rng),
  person: mention,
  later,
  first: (c) => firstName(c.rng),
  last: (c) => lastName(c.rng),
  user: (c) => userName(c.rng),
  place: (c) => (c.rng.chance(0.7) ? c.place : townName(c.rng)),
  town: (c) => townName(c.rng),
  country: (c) => (c.rng.chance(0.6) ? c.country : countryName(c.rng)),
  org: (c) => (c.rng.chance(0.6) ? c.org : orgName(c.rng)),
  subject: (c) => c.subject,
  topic: (c) => c.topic.name.toLowerCase(),
  num: (c) => String(c.rng.range(2, 40)),
  count: (c) => grouped(c.rng.range(120, 98000)),
  year: (c) => String(c.year - c.rng.int(12)),
  oldyear: (c) => String(c.rng.range(1780, 1990)),
  date: (c) => longDate(randomDate(c.rng, c.year - 1, c.year), c.rng.chance(0.3)),
  weekday: (c) => weekday(c.rng),
  money: (c) => moneyAmount(c.rng),
  pct: (c) => percent(c.rng),
  email: (c) => emailAddress(c.rng),
  url: (c) => `https://${siteHost(c.rng)}/${c.topic.slug}/${slugify(c.topic.nouns.many.sample(c.rng))}`,
  decade: (c) => `${c.rng.range(178, 199)}0s`,
  job: (c) => c.rng.pick(PROFESSIONS),
  taxon: (c) => c.rng.pick(TAXA),
  newperson: (c) => personName(c.rng),
  span: (c) => {
    const from = c.rng.range(1780, 1980);
    return `${from} to ${from + c.rng.range(1, 40)}`;
  },
  lifespan: (c) => {
    const born = c.rng.range(1780, 1940);
    return `${born}–${born + c.rng.range(30, 85)}`;
  },
};

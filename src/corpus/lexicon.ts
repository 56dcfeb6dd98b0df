/**
 * Inflected, Zipf-weighted word bags built once from the word tables: sampling a word is then one
 * binary search and one array read, which the benchmark corpus depends on.
 */
import { WordBag } from './rng.js';
import { ADJECTIVES, ADVERBS, ADVERBS_AFTER, CONJUNCTIONS, NOUNS, PREPOSITIONS, VERBS } from './vocab-en.js';
import { TOPICS } from './vocab-topics.js';

const VOWEL_Y = /[aeiou]y$/;

/** `city` -> `cities`, `box` -> `boxes`; `person/people` overrides the rule. */
export function pluralize(entry: string): string {
  const slash = entry.indexOf('/');
  if (slash >= 0) return entry.slice(slash + 1);
  if (/(s|x|z|ch|sh)$/.test(entry)) return entry + 'es';
  if (entry.endsWith('y') && !VOWEL_Y.test(entry)) return entry.slice(0, -1) + 'ies';
  return entry + 's';
}

export function singular(entry: string): string {
  const slash = entry.indexOf('/');
  return slash >= 0 ? entry.slice(0, slash) : entry;
}

export interface VerbForms {
  base: string;
  past: string;
  third: string;
  ing: string;
  participle: string;
}

/** `base[:past[:ing[:participle]]]`; empty or missing forms follow the regular English rules. */
export function inflectVerb(entry: string): VerbForms {
  const [base = '', pastOverride, ingOverride, participleOverride] = entry.split(':');
  const consonantY = base.endsWith('y') && !VOWEL_Y.test(base);
  let past = base.endsWith('e') ? base + 'd' : consonantY ? base.slice(0, -1) + 'ied' : base + 'ed';
  let ing = base.endsWith('ie')
    ? base.slice(0, -2) + 'ying'
    : base.endsWith('e') && !base.endsWith('ee')
      ? base.slice(0, -1) + 'ing'
      : base + 'ing';
  if (pastOverride) past = pastOverride;
  if (ingOverride) ing = ingOverride;
  const third = /(s|x|z|ch|sh|o)$/.test(base)
    ? base + 'es'
    : consonantY
      ? base.slice(0, -1) + 'ies'
      : base + 's';
  return { base, past, third, ing, participle: participleOverride || past };
}

/** One bag per form, over the same lemmas in the same frequency order. */
export class NounBag {
  readonly one: WordBag;
  readonly many: WordBag;
  /** Plurals of countable nouns only, for "{count} {cns}" ("12 storms", never "12 wildlife"). */
  readonly counted: WordBag;
  constructor(entries: readonly string[], q = 1) {
    this.one = new WordBag(entries.map(singular), q);
    this.many = new WordBag(entries.map(pluralize), q);
    const countable = entries.filter((e) => pluralize(e) !== singular(e));
    this.counted = new WordBag(countable.map(pluralize), q);
  }
}

export class VerbBag {
  readonly base: WordBag;
  readonly past: WordBag;
  readonly third: WordBag;
  readonly ing: WordBag;
  readonly participle: WordBag;
  constructor(entries: readonly string[], q = 1) {
    const forms = entries.map(inflectVerb);
    this.participle = new WordBag(
      forms.map((f) => f.participle),
      q,
    );
    this.base = new WordBag(
      forms.map((f) => f.base),
      q,
    );
    this.past = new WordBag(
      forms.map((f) => f.past),
      q,
    );
    this.third = new WordBag(
      forms.map((f) => f.third),
      q,
    );
    this.ing = new WordBag(
      forms.map((f) => f.ing),
      q,
    );
  }
}

export interface TopicLexicon {
  name: string;
  slug: string;
  nouns: NounBag;
  adjectives: WordBag;
  verbs: VerbBag;
}

export const GENERAL = {
  nouns: new NounBag(NOUNS),
  adjectives: new WordBag(ADJECTIVES),
  adverbs: new WordBag(ADVERBS),
  adverbsAfter: new WordBag(ADVERBS_AFTER, 2),
  prepositions: new WordBag(PREPOSITIONS, 3),
  conjunctions: new WordBag(CONJUNCTIONS, 2),
  verbs: new VerbBag(VERBS),
};

export const TOPIC_LEXICONS: readonly TopicLexicon[] = TOPICS.map((t) => ({
  name: t.name,
  slug: t.slug,
  // A flatter head than general words: a page about cars says "car" often, but not every other word.
  nouns: new NounBag(t.nouns, 2),
  adjectives: new WordBag(t.adjectives, 2),
  verbs: new VerbBag(t.verbs, 2),
}));

export function topicBySlug(slug: string): TopicLexicon {
  const found = TOPIC_LEXICONS.find((t) => t.slug === slug);
  if (!found) throw new Error(`corpus lexicon: unknown topic ${slug}`);
  return found;
}

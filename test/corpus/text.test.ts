import { describe, expect, it } from 'vitest';
import { forumDoc, makeForums } from '../../src/corpus/domain-forum.js';
import { makeSites, webDoc } from '../../src/corpus/domain-web.js';
import { wikiDoc } from '../../src/corpus/domain-wiki.js';
import { newCtx, pickTopic } from '../../src/corpus/domains.js';
import { intlDoc, LANGUAGE_CODES } from '../../src/corpus/intl-text.js';
import { inflectVerb, pluralize } from '../../src/corpus/lexicon.js';
import { Rng } from '../../src/corpus/rng.js';
import { compile, expand } from '../../src/corpus/template.js';
import { ADJECTIVES, FIRST_NAMES, LAST_NAMES, NOUNS, VERBS } from '../../src/corpus/vocab-en.js';
import { LANGUAGES } from '../../src/corpus/vocab-intl.js';
import { TOPICS } from '../../src/corpus/vocab-topics.js';

describe('inflection', () => {
  it.each([
    ['city', 'cities'],
    ['box', 'boxes'],
    ['day', 'days'],
    ['person/people', 'people'],
    ['leaf/leaves', 'leaves'],
  ])('pluralize(%s) = %s', (entry, plural) => {
    expect(pluralize(entry)).toBe(plural);
  });

  it.each([
    ['announce', { past: 'announced', third: 'announces', ing: 'announcing', participle: 'announced' }],
    ['study', { past: 'studied', third: 'studies', ing: 'studying', participle: 'studied' }],
    ['fix', { past: 'fixed', third: 'fixes', ing: 'fixing', participle: 'fixed' }],
    ['see:saw::seen', { past: 'saw', third: 'sees', ing: 'seeing', participle: 'seen' }],
    ['run:ran:running:run', { past: 'ran', third: 'runs', ing: 'running', participle: 'run' }],
  ])('inflectVerb(%s)', (entry, forms) => {
    expect(inflectVerb(entry)).toMatchObject(forms);
  });
});

describe('word tables', () => {
  const tables: [string, string[]][] = [
    ['NOUNS', NOUNS],
    ['ADJECTIVES', ADJECTIVES],
    ['VERBS', VERBS],
    ['FIRST_NAMES', FIRST_NAMES],
    ['LAST_NAMES', LAST_NAMES],
    ...TOPICS.flatMap((t): [string, string[]][] => [
      [`${t.slug} nouns`, t.nouns],
      [`${t.slug} adjectives`, t.adjectives],
      [`${t.slug} verbs`, t.verbs],
    ]),
    ...LANGUAGES.flatMap((l) =>
      Object.entries(l.classes).map(([k, v]): [string, string[]] => [`${l.code} ${k}`, v]),
    ),
  ];
  it.each(tables)('%s has no duplicate entries', (_name, words) => {
    expect(words.length).toBeGreaterThan(3);
    expect(new Set(words).size).toBe(words.length);
  });

  it('has a few hundred words per language', () => {
    for (const l of LANGUAGES) {
      expect(Object.values(l.classes).flat().length, l.code).toBeGreaterThanOrEqual(140);
    }
  });
});

describe('templates', () => {
  it('rejects unknown slots with the template in the message', () => {
    expect(() => compile('The {nope} said.')).toThrow(/unknown slot \{nope\} in "The \{nope\} said\."/);
  });

  it.each([
    ['{an} {a} day', /^(A|An) /],
    ['an item {an} hour', /an hour$/],
    ['{an} unit', /^A unit$/],
    ['{an} apple', /^An apple$/],
  ])('resolves a/an in %j', (source, expected) => {
    const c = newCtx(new Rng(1, 'an'), pickTopic(new Rng(1, 't')), 2020);
    expect(expand(compile(source), c)).toMatch(expected);
  });
});

describe('domain documents', () => {
  const sites = makeSites(1, 10);
  const forums = makeForums(1, 5);
  const makers = {
    web: (rng: Rng) => webDoc(rng, sites[0]!, 1600),
    forum: (rng: Rng) => forumDoc(rng, forums[0]!, 1200),
    wiki: (rng: Rng) => wikiDoc(rng, 2200),
  };

  it.each(Object.entries(makers))('%s: same stream, same document; no repeated line', (_d, make) => {
    for (let i = 0; i < 30; i++) {
      const a = make(new Rng(5, `t/${i}`));
      expect(make(new Rng(5, `t/${i}`))).toEqual(a);
      expect(a.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(a.url).toMatch(/^https:\/\//);
      const lines = a.text.split('\n').filter((l) => l.trim() !== '');
      expect(new Set(lines).size, a.text).toBe(lines.length);
      expect(a.text).not.toMatch(/\{\w+\}|undefined|NaN/);
    }
  });

  it('gives the web and wiki domains distinct shapes', () => {
    const web = makers.web(new Rng(1, 'shape'));
    const forum = makers.forum(new Rng(1, 'shape'));
    const wiki = makers.wiki(new Rng(1, 'shape'));
    expect(forum.text).toMatch(/replied (at|on) /);
    expect(wiki.text).toMatch(/\n(See also)\n/);
    expect(web.text.split('\n')[0]).not.toBe('');
  });
});

describe('non-English documents', () => {
  const scripts: Record<string, RegExp> = {
    de: /\b(der|die|und|nicht)\b/,
    fr: /\b(le|la|les|et|des)\b/,
    es: /\b(el|la|los|y|de)\b/,
    ru: /\p{Script=Cyrillic}{3}/u,
    zh: /\p{Script=Han}{2}/u,
    ar: /\p{Script=Arabic}{3}/u,
  };
  it.each(LANGUAGE_CODES)('%s has its script and function words', (code) => {
    const text = intlDoc(new Rng(1, `lang/${code}`), code, 1500);
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(1500);
    expect(text).toMatch(scripts[code]!);
    expect(text).not.toMatch(/\b(the|and|with)\b/);
  });
});

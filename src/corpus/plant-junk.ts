/**
 * Whole planted pages that a quality pipeline should drop: short pages (< 50 words), junk (symbol soup,
 * repeated characters, "enable JavaScript" shells, keyword lists, encoded blobs, number dumps) and
 * boilerplate-heavy pages. Each carries something random (a name, a length, a URL) so that no two are
 * identical: exact duplicates are planted, and counted, separately.
 */

import { wikiSubject } from './domain-wiki.js';
import { type DomainName, newCtx, paragraph, pickTopic } from './domains.js';
import { isoDate, longDate, randomDate, siteHost, slugify, userName } from './entities.js';
import type { Rng } from './rng.js';
import { compileAll, expand, titleCase } from './template.js';
import { THREAD_TITLES } from './templates-forum.js';
import { HEADLINES, NEWS } from './templates-web.js';

export type JunkKind =
  | 'symbols'
  | 'repeated_chars'
  | 'javascript'
  | 'keywords'
  | 'encoded_blob'
  | 'number_dump';
export const JUNK_KINDS: readonly JunkKind[] = [
  'symbols',
  'repeated_chars',
  'javascript',
  'keywords',
  'encoded_blob',
  'number_dump',
];

const SHORT_WEB = compileAll([
  'Page not found\n\nSorry, the page you were looking for on {place} news could not be found.',
  'This article is for subscribers only. Log in or subscribe to keep reading about the {a} {tn}.',
  'The {a} {tn}, {money}. In stock. Ships within {num} business days.',
  'Coming soon! Our {a} {tn} guide launches on {date}.',
  'Posted by {person} on {date}\n\nNo comments yet.',
  'This listing for {an} {a} {tn} in {place} has expired.',
]);

/** A page of fewer than 50 words for `domain`. */
export function shortPage(rng: Rng, domain: DomainName): string {
  const c = newCtx(rng, pickTopic(rng), rng.range(2015, 2024));
  if (domain === 'wiki') {
    const subject = wikiSubject(rng, 'town');
    const stub = 'This article is a stub. You can help by expanding it.';
    return `${subject}\n\n${subject} is a village in ${c.country}.\n\n${stub}`;
  }
  if (domain === 'forum') {
    const title = expand(rng.pick(THREAD_TITLES), c);
    const tail = rng.chance(0.5) ? 'bump' : `Thread closed by moderator ${userName(rng)}.`;
    return `${title}\n\n${userName(rng)} · ${isoDate(randomDate(rng, 2012, 2024))}\n${tail}`;
  }
  return `${titleCase(expand(rng.pick(HEADLINES), c))}\n\n${expand(rng.pick(SHORT_WEB), c)}`;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SYMBOLS = '!@#$%^&*()_+=[]{}|\\:;<>?/~`▲►■◆★•°±§¶';
const KEYWORD_HEADS = ['cheap', 'best', 'free', 'top', 'buy', 'discount', 'online', 'used', 'new', 'local'];
const KEYWORD_TAILS = [
  'near me',
  'deals',
  'reviews',
  'online',
  'for sale',
  'price',
  '2024',
  'coupon',
  'uk',
  'usa',
];

function randomRun(rng: Rng, alphabet: string, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet.charAt(rng.int(alphabet.length));
  return s;
}

/** One junk page of `kind`. */
export function junkPage(rng: Rng, kind: JunkKind): string {
  const c = newCtx(rng, pickTopic(rng), 2024);
  const lines: string[] = [];
  switch (kind) {
    case 'symbols':
      for (let i = rng.range(5, 20); i > 0; i--)
        lines.push(randomRun(rng, `${SYMBOLS}   `, rng.range(20, 90)));
      break;
    case 'repeated_chars':
      for (let i = rng.range(4, 15); i > 0; i--)
        lines.push(rng.pick(['a', '!', '=', '.', 'x', '?']).repeat(rng.range(10, 200)));
      break;
    case 'javascript': {
      const host = siteHost(rng);
      lines.push(
        host,
        'JavaScript must be enabled to use this site.',
        'Please enable JavaScript in your browser and reload.',
      );
      lines.push('Loading...', `© ${rng.range(2015, 2024)} ${host}`);
      break;
    }
    case 'keywords':
      for (let i = rng.range(30, 120); i > 0; i--) {
        lines.push(`${rng.pick(KEYWORD_HEADS)} ${c.topic.nouns.many.sample(rng)} ${rng.pick(KEYWORD_TAILS)}`);
      }
      return lines.join(rng.pick([', ', ' | ', '\n']));
    case 'encoded_blob':
      lines.push(`data:application/octet-stream;base64,${randomRun(rng, BASE64, rng.range(1500, 6000))}==`);
      break;
    case 'number_dump':
      for (let i = rng.range(10, 60); i > 0; i--) {
        const row: string[] = [];
        for (let k = rng.range(4, 9); k > 0; k--) row.push(`${rng.int(1000)}.${rng.int(100)}`);
        lines.push(row.join(' | '));
      }
      break;
  }
  return lines.join('\n');
}

const COOKIE =
  'We use cookies to improve your experience. By continuing to browse, you agree to our use of cookies.';
const CHROME = [
  'Skip to main content',
  'Menu',
  'Search',
  'Sign in | Register | Cart (0)',
  'Accept | Decline',
];
const SHARE = 'Share: Facebook | Twitter | LinkedIn | Email';
const FOOT = [
  'Subscribe to our newsletter',
  'Back to top',
  'Home | About | Contact | Privacy Policy | Terms of Use',
];

/** A page that is mostly navigation, cookie banners, share bars and footers around one or two sentences. */
export function boilerplatePage(rng: Rng): { text: string; boilerplateFraction: number } {
  const c = newCtx(rng, pickTopic(rng), rng.range(2016, 2024));
  const host = siteHost(rng);
  const nav = `Home | ${c.topic.name} | Shop | Blog | Contact`;
  const title = titleCase(expand(rng.pick(HEADLINES), c));
  const body = paragraph(c, NEWS, rng.range(1, 2));
  const related: string[] = [];
  for (let i = rng.range(4, 9); i > 0; i--) related.push(`- ${titleCase(expand(rng.pick(HEADLINES), c))}`);
  const tags = `Tags: ${c.topic.nouns.one.sample(rng)}, ${c.topic.nouns.one.sample(rng)}, ${c.topic.slug}`;
  const top = [nav, ...CHROME, COOKIE, title, longDate(randomDate(rng, 2016, 2024))];
  const bottom = [
    SHARE,
    'Related posts',
    ...related,
    tags,
    nav,
    SHARE,
    ...FOOT,
    `Copyright © ${c.year} ${host}. All rights reserved.`,
  ];
  const text = [...top, '', body, '', ...bottom, `https://${host}/${slugify(title)}`].join('\n');
  return { text, boilerplateFraction: 1 - body.length / text.length };
}

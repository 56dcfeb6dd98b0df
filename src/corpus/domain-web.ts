/**
 * The `web` domain: news, blog and how-to pages from a fixed pool of made-up sites. Each site repeats its
 * own navigation and footer lines on every page, as real sites do, so line-level dedup has work to do.
 */
import { type GenDoc, newCtx, paragraph, pickTopic, targetBytes } from './domains.js';
import { isoDate, longDate, personName, randomDate, siteHost, slugify } from './entities.js';
import { Rng } from './rng.js';
import { expand, pickFresh, type Template, type TextCtx, titleCase } from './template.js';
import { BLOG, CLOSERS, HEADLINES, HOWTO_STEPS, NEWS, SUBHEADINGS } from './templates-web.js';

export type WebStyle = 'news' | 'blog' | 'howto';

export interface Site {
  name: string;
  host: string;
  style: WebStyle;
  nav: string;
  footer: string;
  /** Policy links; pages that carry them are the ones C4's policy rule trims. */
  legal: string;
}

const NAV_ITEMS = [
  'News',
  'Opinion',
  'Local',
  'Sports',
  'Business',
  'Recipes',
  'Reviews',
  'Guides',
  'Archive',
];
const LEGAL = [
  'About Us',
  'Contact',
  'Privacy Policy',
  'Terms of Use',
  'Cookie Policy',
  'Advertise',
  'Careers',
];

function siteName(host: string): string {
  const core = host.replace(/^www\./, '').split('.')[0] ?? host;
  return core.charAt(0).toUpperCase() + core.slice(1);
}

/** The site pool is a pure function of the seed: the same sites (and boilerplate) in every run. */
export function makeSites(seed: number, count: number): Site[] {
  const rng = new Rng(seed, 'web/sites');
  const sites: Site[] = [];
  for (let i = 0; i < count; i++) {
    const host = siteHost(rng);
    const name = siteName(host);
    const nav = ['Home', ...rng.shuffled(NAV_ITEMS).slice(0, rng.range(3, 6)), 'Contact'].join(' | ');
    const year = rng.range(2019, 2024);
    const footer = rng.chance(0.5)
      ? `Copyright © ${year} ${name}. All rights reserved.`
      : `© ${year} ${name} Media. All rights reserved.`;
    const legal = rng.shuffled(LEGAL).slice(0, rng.range(3, 5)).join(' | ');
    sites.push({
      name,
      host,
      style: rng.pick(['news', 'news', 'blog', 'howto'] as const),
      nav,
      footer,
      legal,
    });
  }
  return sites;
}

function byline(c: TextCtx, style: WebStyle, date: string): string {
  const author = personName(c.rng);
  if (style === 'news') return c.rng.chance(0.5) ? `By ${author} | ${date}` : `${date} · By ${author}`;
  return c.rng.chance(0.5) ? `Posted on ${date} by ${author}` : `${author} · ${date}`;
}

function bodyBlock(c: TextCtx, style: WebStyle, step: number): string {
  if (style === 'howto' && c.rng.chance(0.4)) {
    const n = c.rng.range(3, 6);
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(`${step + i}. ${expand(pickFresh(c, HOWTO_STEPS), c)}`);
    return lines.join('\n');
  }
  const templates: readonly Template[] = style === 'news' ? NEWS : BLOG;
  return paragraph(c, templates, c.rng.range(2, 6), 'past');
}

/** One page of `site`; `medianBytes` sets the body length distribution (see targetBytes). */
export function webDoc(rng: Rng, site: Site, medianBytes: number): GenDoc {
  const topic = pickTopic(rng);
  const day = randomDate(rng, 2016, 2024);
  const c = newCtx(rng, topic, day.year);
  const title = titleCase(expand(rng.pick(HEADLINES), c));
  const target = targetBytes(rng, medianBytes);
  const lines: string[] = [];
  const boilerplate = rng.chance(0.6);
  if (boilerplate) lines.push(site.nav, '');
  lines.push(title, byline(c, site.style, longDate(day, rng.chance(0.3))), '');
  let size = 0;
  let step = 1;
  let blocks = 0;
  const headings = new Set<string>();
  while (size < target) {
    if (blocks > 2 && rng.chance(0.15)) {
      const h = titleCase(expand(rng.pick(SUBHEADINGS), c));
      if (!headings.has(h)) {
        headings.add(h);
        lines.push(h, '');
      }
    }
    const block = bodyBlock(c, site.style, step);
    if (block.startsWith(`${step}. `)) step += block.split('\n').length;
    lines.push(block, '');
    size += block.length + 2;
    blocks++;
  }
  if (rng.chance(0.06)) lines.push(expand(rng.pick(CLOSERS), c), '');
  if (rng.chance(0.1)) lines.push(`Read more: https://${site.host}/${topic.slug}/${slugify(title)}`, '');
  if (boilerplate) lines.push(site.footer, site.legal);
  const month = String(day.month).padStart(2, '0');
  return {
    text: lines.join('\n').trimEnd(),
    url: `https://${site.host}/${topic.slug}/${day.year}/${month}/${slugify(title)}`,
    date: isoDate(day),
    meta: { site: site.name, topic: topic.slug, style: site.style, http_status: 200 },
  };
}

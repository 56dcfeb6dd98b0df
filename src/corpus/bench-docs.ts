/**
 * Fast English web documents for throughput benchmarks. The template generator makes ~40 MB/s of text
 * (CPU time, Node 20), too slow for multi-GB corpora, so this one expands the same templates once into
 * per-topic phrase pools (~0.5 s at start-up) and then assembles documents from pooled sentences and from
 * fresh combinations of pooled subjects, predicates and tails: ~150 MB/s on one core, measured by
 * bench-corpus. Sentences repeat across a large corpus; documents and paragraphs do not.
 */
import { clausePools } from './clauses.js';
import { makeSites, type Site } from './domain-web.js';
import { newCtx } from './domains.js';
import { isoDate, longDate, personName, randomDate } from './entities.js';
import type { CorpusRow } from './generate.js';
import { TOPIC_LEXICONS, type TopicLexicon } from './lexicon.js';
import { Rng } from './rng.js';
import { expand, pickFresh, type Template, titleCase } from './template.js';
import { BLOG, HEADLINES, NEWS } from './templates-web.js';

/** Entries per pool: 13 topics x ~9k phrases, built in about 0.2 s. */
const POOL = 2048;

interface TopicPools {
  topic: TopicLexicon;
  sentences: string[];
  openers: string[];
  subjects: string[];
  subjectsCapitalised: string[];
  predicates: string[];
  tails: string[];
  titles: string[];
}

/**
 * A flat copy of `s`. Expanded templates are ropes; a document holding a pooled rope makes every later
 * flatten (JSON.stringify, Buffer.from) walk that rope again: 25 MB/s instead of 300 MB/s measured here.
 */
function flat(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

function fill(size: number, make: (i: number) => string): string[] {
  const out: string[] = new Array(size);
  for (let i = 0; i < size; i++) out[i] = flat(make(i));
  return out;
}

function buildPools(seed: number, topic: TopicLexicon): TopicPools {
  const rng = new Rng(seed, `bench/pool/${topic.slug}`);
  let c = newCtx(rng, topic, 2020);
  // A fresh context every 16 phrases: names, places and organisations vary across the pool.
  const ctx = (i: number) => {
    if (i % 16 === 0) c = newCtx(rng, topic, rng.range(2015, 2024));
    return c;
  };
  const parts = clausePools();
  const sentences = fill(POOL, (i) => expand(pickFresh(ctx(i), i % 2 === 0 ? NEWS : BLOG), c));
  const subjects = fill(POOL, (i) => expand(rng.pick(parts.subjects) as Template, ctx(i), false));
  return {
    topic,
    sentences,
    openers: fill(256, (i) => expand(rng.pick(parts.openers) as Template, ctx(i))),
    subjects,
    subjectsCapitalised: subjects.map((s) => flat(s.charAt(0).toUpperCase() + s.slice(1))),
    predicates: fill(POOL, (i) => expand(rng.pick(parts.past) as Template, ctx(i), false)),
    tails: fill(POOL, (i) => {
      const tail = expand(rng.pick(parts.tails) as Template, ctx(i), false);
      return tail.charCodeAt(0) === 44 ? tail : ` ${tail}`;
    }),
    titles: fill(512, (i) => titleCase(expand(rng.pick(HEADLINES), ctx(i)))),
  };
}

/** Pushes one sentence's pieces onto `out` (joined once per document: a flat string, no rope). */
function sentence(rng: Rng, p: TopicPools, out: string[]): void {
  if (rng.chance(0.5)) {
    out.push(p.sentences[rng.int(POOL)] as string);
    return;
  }
  if (rng.chance(0.3)) out.push(p.openers[rng.int(256)] as string, ' ', p.subjects[rng.int(POOL)] as string);
  else out.push(p.subjectsCapitalised[rng.int(POOL)] as string);
  out.push(' ', p.predicates[rng.int(POOL)] as string);
  if (rng.chance(0.65)) out.push(p.tails[rng.int(POOL)] as string);
  out.push('.');
}

export class BenchDocs {
  private readonly pools: TopicPools[];
  private readonly sites: Site[];

  constructor(private readonly seed: number) {
    this.pools = TOPIC_LEXICONS.map((t) => buildPools(seed, t));
    this.sites = makeSites(seed, 60);
  }

  /** Document `index` (its own random stream), with a body of about docBytes x U(0.5, 1.5). */
  doc(index: number, docBytes: number): CorpusRow {
    const rng = new Rng(this.seed, `bench/${index}`);
    const p = rng.pick(this.pools);
    const site = rng.pick(this.sites);
    const day = randomDate(rng, 2016, 2024);
    const title = p.titles[rng.int(512)] as string;
    const chrome = rng.chance(0.6);
    const out: string[] = chrome ? [site.nav, '\n\n', title, '\n'] : [title, '\n'];
    out.push('By ', personName(rng), ' | ', longDate(day), '\n');
    const target = docBytes * (0.5 + rng.float());
    let size = 0;
    while (size < target) {
      const from = out.length;
      out.push('\n');
      sentence(rng, p, out);
      for (let n = rng.range(1, 5); n > 0; n--) {
        out.push(' ');
        sentence(rng, p, out);
      }
      out.push('\n');
      for (let i = from; i < out.length; i++) size += (out[i] as string).length;
    }
    if (chrome) out.push('\n', site.footer, '\n', site.legal);
    const text = out.join('');
    const id = `bench-${String(index).padStart(9, '0')}`;
    const month = String(day.month).padStart(2, '0');
    return {
      id,
      text,
      url: `https://${site.host}/${p.topic.slug}/${day.year}/${month}/${id}`,
      domain: 'web',
      date: isoDate(day),
      meta: { site: site.name, topic: p.topic.slug, style: site.style, http_status: 200 },
    };
  }
}

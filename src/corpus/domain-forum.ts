/**
 * The `forum` domain: Q&A threads with a breadcrumb, a question, numbered replies by user names, and
 * a good share of one-line replies. Reply headers carry the reply number and time, so no line repeats
 * inside a thread (FineWeb's char_dup_ratio would otherwise drop most threads).
 */
import { type GenDoc, newCtx, paragraph, pickTopic, targetBytes } from './domains.js';
import {
  addDays,
  type DayDate,
  isoDate,
  longDate,
  randomDate,
  siteHost,
  slugify,
  userName,
} from './entities.js';
import { Rng } from './rng.js';
import { expand, type TextCtx } from './template.js';
import { ANSWER, CONTACT, QUESTION, SHORT_REPLIES, SUBFORUMS, THREAD_TITLES } from './templates-forum.js';

export interface Forum {
  name: string;
  host: string;
  topics: readonly string[];
}

const FORUM_TOPICS = ['tech', 'cars', 'home', 'food', 'health', 'travel', 'culture', 'education'];
const FORUM_WORDS = ['Forums', 'Community', 'Board', 'Talk', 'Exchange'];

/** The forum pool is a pure function of the seed. */
export function makeForums(seed: number, count: number): Forum[] {
  const rng = new Rng(seed, 'forum/sites');
  const forums: Forum[] = [];
  for (let i = 0; i < count; i++) {
    const base = siteHost(rng).replace(/^www\./, '');
    const host = rng.chance(0.5) ? `forum.${base}` : `community.${base}`;
    const core = base.split('.')[0] ?? base;
    const name = `${core.charAt(0).toUpperCase()}${core.slice(1)} ${rng.pick(FORUM_WORDS)}`;
    forums.push({ name, host, topics: rng.shuffled(FORUM_TOPICS).slice(0, rng.range(1, 3)) });
  }
  return forums;
}

function clock(minutes: number): string {
  const m = minutes % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** `April 2, 2019 at 17:05`, `minutes` after midnight of `day`: replies get increasing stamps. */
function stamp(day: DayDate, minutes: number): string {
  return `${longDate(addDays(day, Math.floor(minutes / 1440)))} at ${clock(minutes)}`;
}

/**
 * `user replied at 17:05`, with the full date only when it is needed to keep the header unique. Fewer
 * number tokens per reply: with a date on every header, Gopher's alpha-word ratio failed 30% of threads.
 */
function replyHeader(who: string, day: DayDate, minutes: number, seen: Set<string>): string {
  let header = `${who} replied at ${clock(minutes)}`;
  if (seen.has(header)) header = `${who} replied on ${stamp(day, minutes)}`;
  seen.add(header);
  return header;
}

function replyBody(c: TextCtx, usedShort: Set<number>): string {
  if (c.rng.chance(0.3)) {
    const k = c.rng.int(SHORT_REPLIES.length);
    if (!usedShort.has(k)) {
      usedShort.add(k);
      return expand(SHORT_REPLIES[k]!, c);
    }
  }
  let text = paragraph(c, ANSWER, c.rng.range(1, 5), 'past', 0.8);
  if (c.rng.chance(0.02)) text += ` ${expand(c.rng.pick(CONTACT), c)}`;
  // Some answers are split over lines the way people type in a reply box.
  return c.rng.chance(0.3) ? text.replace(/\. /g, '.\n') : text;
}

/** One thread on `forum`; `medianBytes` sets the length distribution (see targetBytes). */
export function forumDoc(rng: Rng, forum: Forum, medianBytes: number): GenDoc {
  const topic = pickTopic(rng, forum.topics);
  const day = randomDate(rng, 2012, 2024);
  const c = newCtx(rng, topic, day.year);
  const title = expand(rng.pick(THREAD_TITLES), c);
  const target = targetBytes(rng, medianBytes);
  const asker = userName(rng);
  const lines = [`${forum.name} › ${topic.name} › ${rng.pick(SUBFORUMS)}`, title, ''];
  let minutes = rng.int(1440);
  lines.push(
    `Asked by ${asker} on ${stamp(day, minutes)}`,
    paragraph(c, QUESTION, rng.range(2, 5), 'present', 0.8),
  );
  if (rng.chance(0.15)) lines.push(`Edit: ${paragraph(c, QUESTION, 1, 'present', 1)}`);
  let size = lines.join('\n').length;
  const usedShort = new Set<number>();
  const headers = new Set<string>();
  let replies = 0;
  while (size < target || replies === 0) {
    replies++;
    const who = rng.chance(0.15) ? asker : userName(rng);
    minutes += rng.chance(0.8) ? rng.range(2, 600) : rng.range(600, 40000);
    const block = `${replyHeader(who, day, minutes, headers)}\n${replyBody(c, usedShort)}`;
    lines.push('', block);
    size += block.length + 2;
  }
  const views = rng.range(replies * 20, replies * 900);
  const threadId = rng.range(10000, 999999);
  return {
    text: lines.join('\n'),
    url: `https://${forum.host}/t/${slugify(title)}/${threadId}`,
    date: isoDate(day),
    meta: {
      forum: forum.name,
      topic: topic.slug,
      thread_id: threadId,
      replies,
      views,
      solved: title.startsWith('[Solved]'),
    },
  };
}

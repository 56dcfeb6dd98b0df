/**
 * Named things for synthetic text: people, invented towns and organisations, sites, user names, dates,
 * numbers, e-mail addresses and URLs. E-mail addresses use reserved example domains (RFC 2606) so the
 * corpus never names a real mailbox.
 */
import { type Rng, WordBag } from './rng.js';
import {
  COUNTRIES,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  LAST_NAMES,
  MONTHS,
  PLACE_PREFIXES,
  PLACE_SUFFIXES,
  SITE_WORDS,
  TLDS,
  WEEKDAYS,
} from './vocab-en.js';

const firstNames = new WordBag(FIRST_NAMES, 8);
const lastNames = new WordBag(LAST_NAMES, 8);
const countries = new WordBag(COUNTRIES, 4);
const ORG_KINDS = ['Institute', 'Foundation', 'Group', 'Partners', 'Cooperative', 'Trust', 'Labs', 'Society'];
const ORG_FIELDS = ['Research', 'Health', 'Energy', 'Transit', 'Heritage', 'Water', 'Design', 'Farming'];
const USER_WORDS = ['fan', 'guy', 'dev', 'mom', 'dad', 'pro', 'nerd', 'rider', 'cook', 'runner', 'grower'];
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function firstName(rng: Rng): string {
  return firstNames.sample(rng);
}

export function lastName(rng: Rng): string {
  return lastNames.sample(rng);
}

export function personName(rng: Rng): string {
  const middle = rng.chance(0.08) ? ` ${String.fromCharCode(65 + rng.int(26))}.` : '';
  return `${firstNames.sample(rng)}${middle} ${lastNames.sample(rng)}`;
}

export function townName(rng: Rng): string {
  const pre = rng.pick(PLACE_PREFIXES);
  const suf = rng.pick(PLACE_SUFFIXES);
  return rng.chance(0.15) ? `${pre} ${suf.charAt(0).toUpperCase()}${suf.slice(1)}` : pre + suf;
}

export function countryName(rng: Rng): string {
  return countries.sample(rng);
}

export function orgName(rng: Rng): string {
  const k = rng.int(8);
  if (k === 0) return `${lastNames.sample(rng)} & ${lastNames.sample(rng)}`;
  if (k <= 3) return `${townName(rng)} ${rng.pick(ORG_FIELDS)} ${rng.pick(ORG_KINDS)}`;
  if (k <= 5) return `${rng.pick(ORG_FIELDS)} ${rng.pick(ORG_KINDS)} of ${townName(rng)}`;
  return `${lastNames.sample(rng)} ${rng.pick(ORG_FIELDS)}`;
}

/** A host name such as `www.maplegazette.com`. */
export function siteHost(rng: Rng): string {
  const name = `${rng.pick(PLACE_PREFIXES)}${rng.pick(SITE_WORDS)}`.toLowerCase();
  return `${rng.chance(0.7) ? 'www.' : ''}${name}.${rng.pick(TLDS)}`;
}

export function userName(rng: Rng): string {
  const base = rng.chance(0.5)
    ? firstNames.sample(rng).toLowerCase()
    : rng.pick(PLACE_PREFIXES).toLowerCase();
  const sep = rng.pick(['', '_', '.', '']);
  const tail = rng.chance(0.5) ? String(rng.range(1, 99)) : rng.pick(USER_WORDS);
  return base + sep + tail;
}

export function emailAddress(rng: Rng, name?: string): string {
  const who = (name ?? personName(rng)).toLowerCase().replace(/[^a-z ]/g, '');
  const parts = who.split(' ').filter((p) => p.length > 0);
  const local = rng.chance(0.5) ? parts.join('.') : `${(parts[0] ?? 'info').charAt(0)}${parts.at(-1) ?? ''}`;
  const digits = rng.chance(0.3) ? String(rng.range(1, 99)) : '';
  return `${local}${digits}@${rng.pick(EMAIL_DOMAINS)}`;
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

export interface DayDate {
  year: number;
  month: number;
  day: number;
}

export function randomDate(rng: Rng, fromYear: number, toYear: number): DayDate {
  const month = rng.int(12);
  return {
    year: rng.range(fromYear, toYear),
    month: month + 1,
    day: rng.range(1, DAYS_IN_MONTH[month] ?? 28),
  };
}

/** `d` plus `days` (>= 0) calendar days; February always has 28 days here. */
export function addDays(d: DayDate, days: number): DayDate {
  let { year, month, day } = d;
  day += days;
  for (let len = DAYS_IN_MONTH[month - 1] ?? 31; day > len; len = DAYS_IN_MONTH[month - 1] ?? 31) {
    day -= len;
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return { year, month, day };
}

/** `2024-03-07` */
export function isoDate(d: DayDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** `March 7, 2024` or `7 March 2024`. */
export function longDate(d: DayDate, dayFirst = false): string {
  const month = MONTHS[d.month - 1] ?? 'January';
  return dayFirst ? `${d.day} ${month} ${d.year}` : `${month} ${d.day}, ${d.year}`;
}

export function weekday(rng: Rng): string {
  return rng.pick(WEEKDAYS);
}

/** Integer with thousands separators: `12,480`. */
export function grouped(n: number): string {
  const s = String(n);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ',';
    out += s.charAt(i);
  }
  return out;
}

export function moneyAmount(rng: Rng): string {
  if (rng.chance(0.4)) return `$${rng.range(2, 900)}`;
  const whole = rng.range(1, 99);
  const unit = rng.chance(0.7) ? 'million' : 'billion';
  return rng.chance(0.5) ? `$${whole}.${rng.int(10)} ${unit}` : `$${whole} ${unit}`;
}

export function percent(rng: Rng): string {
  const n = rng.range(2, 95);
  return rng.chance(0.4) ? `${n}.${rng.int(10)} percent` : `${n}%`;
}

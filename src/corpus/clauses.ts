/**
 * Compositional sentences: optional opener + subject + predicate + optional tail, each part a small
 * template. Tens of thousands of skeletons keep long documents from repeating their own n-grams, which
 * whole-sentence templates alone would do (and Gopher's repetition rules would then flag them).
 */
import type { Rng } from './rng.js';
import { compileAll, expand, type Template, type TextCtx } from './template.js';

export type Tense = 'past' | 'present';

const OPENERS = compileAll([
  'in {year},',
  'last {weekday},',
  'according to {org},',
  'however,',
  'meanwhile,',
  'for example,',
  'at the same time,',
  'in {place},',
  'since {year},',
  'as a result,',
  'on {date},',
  'earlier that year,',
  'even so,',
  'in practice,',
  'by contrast,',
  'after {num} months,',
]);

/** Singular subjects, so present-tense predicates agree with all of them. */
const SUBJECTS = compileAll([
  'the {a} {n}',
  '{person}',
  '{later}',
  '{org}',
  'the {tn} in {place}',
  'the {n} of the {tn}',
  'every {a} {tn}',
  'one {a} {n}',
  'the {a} {tn}',
  'the {n}',
]);

const PAST = compileAll([
  '{vd} the {a} {n}',
  '{vd} {an} {a} {tn}',
  '{vd} {count} {cns}',
  '{adv} {vd} the {tns}',
  '{vd} {money} on the {n}',
  '{vd} the {n} of the {tn}',
  '{vd} {ns} and {tns}',
  '{vd} plans to {v} the {tn}',
  '{vd} the {tn} that {later} had {vn}',
  '{vd} the {a} {tns} {adv2}',
  'had {adv} {vn} the {tn}',
  'was {vg} the {a} {tn}',
]);

const PRESENT = compileAll([
  '{vs} the {a} {n}',
  '{vs} {an} {a} {tn}',
  '{vs} {count} {cns}',
  '{adv} {vs} the {tns}',
  '{vs} the {n} of the {tn}',
  '{vs} {ns} and {tns}',
  'is {an} {a} {n}',
  'is {vg} the {a} {tn}',
  'has {adv} {vn} the {tn}',
  '{vs} the {a} {tns} {adv2}',
]);

const TAILS = compileAll([
  'in {place}',
  'after the {n} {vd}',
  'because the {ns} had {vn}',
  'with {an} {a} {n}',
  'for {count} {cns}',
  ', which {vd} the {a} {n}',
  'before {date}',
  'during the {a} {n}',
  'despite the {a} {n}',
  'to {v} the {a} {tns}',
  'as part of {an} {a} {n}',
  ', {vg} the {n}',
  'at {org}',
  'without {vg} the {tn}',
  'over the past {num} years',
  'near the {n} in {place}',
  'so that the {ns} could {v} the {tn}',
  'while the {a} {ns} {vd} {adv2}',
  'and {adv} {vd} the {a} {n} of the {tn}',
  'according to the {a} {n}',
  'in the {a} {n} of {place}',
  'under the {a} {n}',
  'as the {n} {vd} the {tns}',
  'until the {a} {tn} was {vn}',
  'but the {ns} {vd} the {a} {n}',
  'even though the {n} was {a}',
]);

function part(c: TextCtx, templates: readonly Template[]): string {
  return expand(c.rng.pick(templates) as Template, c, false);
}

/** One sentence ending in a full stop. */
export function clauseSentence(c: TextCtx, tense: Tense): string {
  const rng: Rng = c.rng;
  let s = rng.chance(0.3)
    ? `${expand(rng.pick(OPENERS), c)} ${part(c, SUBJECTS)}`
    : expand(rng.pick(SUBJECTS), c);
  s += ` ${part(c, tense === 'past' ? PAST : PRESENT)}`;
  if (rng.chance(0.8)) s += tail(c);
  if (rng.chance(0.4)) s += tail(c);
  return `${s}.`;
}

function tail(c: TextCtx): string {
  const t = part(c, TAILS);
  return t.charCodeAt(0) === 44 ? t : ` ${t}`;
}

/**
 * Sometimes lengthens a finished sentence with a tail. Short sentences give too many "." tokens per
 * word: Gopher's alpha-word ratio (>= 0.8 of tokens) failed half of the pages before this.
 */
export function extendSentence(c: TextCtx, sentence: string, p: number): string {
  if (!sentence.endsWith('.') || !c.rng.chance(p)) return sentence;
  return `${sentence.slice(0, -1)}${tail(c)}.`;
}

/** The clause parts, for generators that pre-expand them (bench-docs.ts). */
export function clausePools(): {
  openers: readonly Template[];
  subjects: readonly Template[];
  past: readonly Template[];
  tails: readonly Template[];
} {
  return { openers: OPENERS, subjects: SUBJECTS, past: PAST, tails: TAILS };
}

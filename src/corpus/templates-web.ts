/**
 * Sentence templates for the `web` domain: news reports (past tense, attributed quotes), personal blog
 * posts (first person) and how-to steps. Fixed words between slots are kept under five, so that two
 * pages built from the same template rarely share a word 5-gram by construction.
 */
import { compileAll } from './template.js';

export const NEWS = compileAll([
  '{person}, {an} {a} {n} at {org}, said the {ns} would {v} the {tn} by {year}.',
  'The {place} {tn} {vd} {an} {a} {n} on {weekday}, according to {org}.',
  'Officials in {place} {vd} the {a} {tn} after {num} {cns} {vd} {prep} the {n}.',
  '"We {v} {ns} every {n}, and this {tn} will {v} the {n}," {later} said.',
  'The {tn} cost {money}, {pct} more than the {a} {n}.',
  'About {count} {cns} {vd} the {a} {tn} in {year}.',
  '{later} {adv} {vd} that the {tn} had {vn} {pct} over the past {num} months.',
  'It was not clear whether the {ns} would {v} the {a} {n} before {date}.',
  '{org} {vd} {an} {a} {tn} in {place}, {country}, last {weekday}.',
  'Critics {vd} the {n}, arguing that {ns} {prep} {place} {vd} too little.',
  'Under the {a} {n}, {ns} will {v} {ns} {prep} the {a} {tn}.',
  'The {tn} is expected to {v} {count} {cns} by {year}.',
  '{person} {vd} the {tn} {prep} {place}, {vg} {an} {a} {n} for the {ns}.',
  'A spokesperson for {org} {vd} the {a} {n} {prep} {date}.',
  'The {ns} {vd} {prep} {place} {conj} the {a} {tn} {vd} {adv2}.',
  'Residents can {v} the {tn} until {date}, {org} said in a statement.',
  'Last {weekday}, {count} {cns} {vd} {prep} the {a} {tn}.',
  'The {a} {tn} {vd} {money} in {year}, up from {money} {num} years earlier.',
  '"It is {a}, but the {ns} are {a}," said {person}, who {vd} the {tn} in {year}.',
  'Data from {org} {vd} that {pct} of {ns} in {place} {vd} {an} {a} {tn}.',
  '{later} {vd} the {ns} to {v} {prep} the {n} {conj} the {tn} {vd}.',
  'The {n} {vd} {adv2} after {an} {a} {tn} {vd} {prep} the {n} in {place}.',
  'Neither {org} nor {person} replied to questions about the {tn}.',
  'The decision {vd} {an} {a} {n} among {ns} and {ns} in {place}.',
  'By {date}, the {a} {tns} had {vn} {count} {cns}.',
  'Some {ns} {adv} {vd} the {a} {tn}, {conj} others {vd} it.',
]);

export const BLOG = compileAll([
  'I {adv} {vd} {an} {a} {tn} {prep} my {n}, and it worked better than I expected.',
  'We {vd} {num} {cns} last {n} and {adv} {vd} the {a} one.',
  'If you {v} {an} {a} {tn}, {v} the {n} first.',
  'My {n} {vd} the {tn} {prep} the {n} for {num} weeks.',
  'Honestly, the {a} {tn} is the part I {v} most about {topic}.',
  'Here is what I {vd} after {num} months of {vg} {tns}.',
  'The {a} {tn} {vs} {adv2}, so you do not have to {v} it every {n}.',
  'You can {v} the {tn} in about {num} minutes.',
  'It {vs} {ns} well, but the {n} could be more {a}.',
  'I have been {vg} {tns} since {year}, and the {tn} still surprises me.',
  'A reader named {first} asked me how to {v} {an} {a} {tn}.',
  'My friend {first} {vd} the {a} {tn} and {vd} the {ns} {prep} the {n}.',
  'The first {n} I {vd} was {an} {a} {tn} from {place}.',
  'That is why I {adv} {v} {ns} with {an} {a} {n}.',
  'To be fair, the {tn} {vs} more than {money}, which is not cheap.',
  'After {num} tries, we {vd} the {tn} and it {vd} {adv2}.',
  'I {vd} {prep} the {a} {n} {conj} my {n} {vd} the {tns}.',
  'There are {num} {a} {ns} you should {v} before you {v} {an} {tn}.',
  'Looking back, I would {v} the {a} {tn} sooner.',
  'Our {a} {tn} {vd} {prep} {place} on {date}.',
]);

export const HOWTO_STEPS = compileAll([
  '{v} the {tn} {prep} {an} {a} {n}.',
  '{v} {num} {cns} and {v} them {adv2}.',
  'Check that the {tn} is {a} before you {v} the {n}.',
  '{v} the {a} {tn} for about {num} minutes.',
  'Use {an} {a} {n} to {v} the {tns}.',
  'Do not {v} the {tn} until the {n} is {a}.',
  'Once the {tn} is {a}, {v} it {prep} the {n}.',
  'Repeat with the remaining {tns}.',
]);

export const HEADLINES = compileAll([
  '{place} {tn} {vs} {a} {n}',
  '{org} to {v} {tns} in {place}',
  '{num} {a} {cns} to {v} this {n}',
  'How to {v} {an} {a} {tn}',
  'Why {ns} are {vg} {tns}',
  'Review: the {a} {tn}',
  '{person} {vs} {a} {tn} plan',
  'What the {a} {tn} means for {ns}',
  '{place} {ns} {v} {a} {tn} after {n}',
  'My {a} {tn}: {num} things I {vd}',
]);

export const SUBHEADINGS = compileAll([
  'Why the {tn} matters',
  'What {ns} should know',
  'The {a} {tn}',
  'How to {v} {an} {a} {tn}',
  'What happens next',
  'Background',
  'A {a} {n} for {ns}',
  'What I {vd}',
]);

export const CLOSERS = compileAll([
  'For more information, contact {email}.',
  'Questions about the {tn} can be sent to {email}.',
  'Got a tip? Email the newsroom at {email}.',
  'You can reach the author at {email}.',
]);

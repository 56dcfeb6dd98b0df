/**
 * Sentence templates for the `wiki` domain: encyclopedic, third person, about one `{subject}`, with
 * history in the past tense and description in the present. Leads and headings depend on the kind of
 * article (town, person, species, organisation).
 */
import { compileAll, type Template } from './template.js';

export type WikiKind = 'town' | 'person' | 'species' | 'organisation';
export const WIKI_KINDS: readonly WikiKind[] = ['town', 'person', 'species', 'organisation'];

export const HISTORY = compileAll([
  'The {n} was first recorded in {oldyear} as {an} {a} {n}.',
  'In {oldyear}, {person} {vd} the first {tn} in the area.',
  'During the {decade}, {subject} {vd} {an} {a} {n}.',
  'The {a} {tn} was {vn} in {oldyear} and later {vd} by {org}.',
  '{subject} {vd} {an} {a} {n} of {org} from {span}.',
  'After the {a} {n} of {oldyear}, many {cns} moved to {town}.',
  '{an} {a} {tn} was {vn} by {person} in {oldyear}.',
  'By the {decade} the {cns} of {subject} had {vn} the {a} {tn}.',
  'Records from {oldyear} {vd} {count} {cns} and {num} {a} {cns}.',
  'The {n} was {adv} {vn} during the {decade}.',
  'In the {decade}, {org} {vd} the {a} {tns} of {subject}.',
  '{later} {vd} to {town} in {oldyear}, where the {tn} was {vn}.',
]);

export const DESCRIPTION = compileAll([
  '{subject} is known for its {a} {ns} and {a} {tns}.',
  'The {a} {tn} of {subject} {vs} {prep} the {n}.',
  'According to {org}, {subject} accounts for about {pct} of the regional {n}.',
  'It {vs} {an} {a} {n} with {count} {cns}.',
  'The {n} is {a} and {a}, with {an} {a} {tn} {prep} the {n}.',
  'Most {cns} in {subject} are {a}.',
  '{subject} is {vn} by {org}.',
  'The name is thought to derive from {an} {a} word for "{n}".',
  'As of {year}, the {tn} {vs} {count} {cns}.',
  'Several {a} {cns} are {vn} {prep} the {a} {tn}.',
  'The {a} {n} {vs} the {tns} of {subject}.',
  'It is one of {num} {a} {cns} in {country}.',
]);

export const LEADS: Record<WikiKind, Template[]> = {
  town: compileAll([
    '{subject} is {an} {a} town in {country}, on the {n} {prep} {town}.',
    '{subject} is {an} {a} village and civil parish in {country}.',
  ]),
  person: compileAll([
    '{subject} (born {date}) is {an} {job} from {country}, known for work on the {tn}.',
    '{subject} ({lifespan}) was {an} {job} and {job} from {country}.',
  ]),
  species: compileAll([
    '{subject} is a species of {taxon} native to {country}.',
    '{subject} is {an} {a} {taxon} first described in {oldyear} by {person}.',
  ]),
  organisation: compileAll([
    '{subject} is {an} {a} organisation based in {place}, {country}.',
    '{subject} is {an} {a} {tn} cooperative founded in {oldyear} by {person}.',
  ]),
};

/** Section headings per kind: the body picks some of them, in this order. */
export const HEADINGS: Record<WikiKind, readonly string[]> = {
  town: ['History', 'Geography', 'Economy', 'Transport', 'Culture', 'Notable people'],
  person: ['Early life', 'Career', 'Later years', 'Personal life', 'Selected works'],
  species: ['Taxonomy', 'Description', 'Distribution and habitat', 'Behaviour', 'Conservation'],
  organisation: ['History', 'Activities', 'Structure', 'Funding', 'Reception'],
};

/** Headings whose section is a list rather than prose. */
export const LIST_HEADINGS = new Set(['Notable people', 'Selected works']);

/** Headings whose prose is history (past tense); the rest use the present. */
export const PAST_HEADINGS = new Set(['History', 'Early life', 'Career', 'Later years', 'Taxonomy']);

export const LIST_ITEMS: Record<string, Template[]> = {
  'Notable people': compileAll(['{newperson} ({lifespan}), {job}', '{newperson} (born {oldyear}), {job}']),
  'Selected works': compileAll([
    '{an} {a} {tn} ({oldyear})',
    'The {a} {tns} ({oldyear})',
    '{tns} of {town} ({year})',
  ]),
};

export const REFERENCES = compileAll([
  '{last}, {first} ({year}). "The {a} {tns} of {subject}". {org}. Retrieved {date}.',
  '{last}, {first}; {last}, {first} ({oldyear}). Notes on {a} {tns}. {town}: {org}.',
  '"{subject}". {org}. {year}. Retrieved {date}.',
]);

/**
 * A small, deterministic sample of dropped documents per stage and reason, for the report. Each document
 * gets a seeded hash of its id; a task keeps the SAMPLE_PER_REASON smallest per reason, and merging keeps
 * the smallest overall, so the sample is the same for any worker count, rank split or merge order.
 */
import { hashString32 } from '../text/hash.js';

/** Documents kept per stage and reason (in each task, and after merging). */
export const SAMPLE_PER_REASON = 5;
/** Code points of text kept per sampled document: enough to see why it went, small enough for a report. */
export const SAMPLE_TEXT_CHARS = 300;

/** One sampled drop: `h` orders the sample (dropped from report.json); `chars` is the full text length. */
export interface DropSample {
  h: number;
  id: string;
  value: number | string | null;
  detail?: string;
  /** The first SAMPLE_TEXT_CHARS code points, with '…' when cut. */
  text: string;
  /** Length of the whole text in code points. */
  chars: number;
}

/** The hash seed of a stage's sample: the run seed mixed with the stage id, so stages sample independently. */
export function sampleSeed(seed: number, stageId: string): number {
  return hashString32(`drop_sample:${stageId}`, seed);
}

/** Total order of samples: hash, then the fields, so equal hashes (a repeated id) still sort one way. */
export function compareSamples(a: DropSample, b: DropSample): number {
  return (
    a.h - b.h ||
    cmp(a.id, b.id) ||
    cmp(String(a.value), String(b.value)) ||
    cmp(a.detail ?? '', b.detail ?? '') ||
    cmp(a.text, b.text)
  );
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** True when a drop with hash `h` could enter `list` (checked before building the sample's text). */
export function wouldKeep(list: readonly DropSample[] | undefined, h: number): boolean {
  return list === undefined || list.length < SAMPLE_PER_REASON || h <= list[list.length - 1]!.h;
}

/** Inserts `s` into the sorted `list`, keeping at most SAMPLE_PER_REASON. */
export function offerSample(list: DropSample[], s: DropSample): void {
  let i = list.length;
  while (i > 0 && compareSamples(list[i - 1]!, s) > 0) i--;
  if (i >= SAMPLE_PER_REASON) return;
  list.splice(i, 0, s);
  if (list.length > SAMPLE_PER_REASON) list.pop();
}

/** A sample entry for a dropped document's text; `value`/`detail` as the stage passed them to `drop`. */
export function makeSample(
  h: number,
  id: string,
  text: string,
  value: number | string | null,
  detail: string | undefined,
): DropSample {
  let chars = 0;
  let cut = -1;
  for (const _ of text) {
    if (chars === SAMPLE_TEXT_CHARS) cut = cutIndex(text);
    chars++;
  }
  const s: DropSample = { h, id, value, text: cut < 0 ? text : `${text.slice(0, cut)}…`, chars };
  if (detail !== undefined) s.detail = detail;
  return s;
}

/** UTF-16 index after the first SAMPLE_TEXT_CHARS code points (never splits a surrogate pair). */
function cutIndex(text: string): number {
  let i = 0;
  for (let n = 0; n < SAMPLE_TEXT_CHARS; n++) i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  return i;
}

/** Merges the samples of `from` into `into`, per reason (both sorted; `into` is updated in place). */
export function mergeSamples(
  into: Record<string, DropSample[]>,
  from: Record<string, DropSample[]> | undefined,
): void {
  for (const [reason, list] of Object.entries(from ?? {})) {
    const target = (into[reason] ??= []);
    for (const s of list) offerSample(target, s);
  }
}

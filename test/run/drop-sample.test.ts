import { describe, expect, it } from 'vitest';
import {
  type DropSample,
  makeSample,
  mergeSamples,
  offerSample,
  SAMPLE_PER_REASON,
  SAMPLE_TEXT_CHARS,
  sampleSeed,
} from '../../src/run/drop-sample.js';
import { hashString32 } from '../../src/text/hash.js';
import { rng } from '../helpers/xorshift.js';

const seed = sampleSeed(42, 'filter-length');
const sample = (id: string, reason = 'too_few_words'): [string, DropSample] => [
  reason,
  makeSample(hashString32(id, seed), id, `text of ${id}`, 3, undefined),
];

/** Samples of `ids` split into tasks of `sizes` documents, each task sampled alone, then merged in `order`. */
function sampled(ids: string[], sizes: number[], order: 'forward' | 'backward') {
  const tasks: Record<string, DropSample[]>[] = [];
  let at = 0;
  for (const n of sizes) {
    const t: Record<string, DropSample[]> = {};
    for (const id of ids.slice(at, at + n)) {
      const [reason, s] = sample(id, id.endsWith('7') ? 'other_reason' : 'too_few_words');
      offerSample((t[reason] ??= []), s);
    }
    at += n;
    tasks.push(t);
  }
  const merged: Record<string, DropSample[]> = {};
  for (const t of order === 'forward' ? tasks : tasks.reverse()) mergeSamples(merged, t);
  return merged;
}

describe('drop samples', () => {
  const ids = Array.from({ length: 400 }, (_, i) => `doc-${i}`);
  const whole = sampled(ids, [400], 'forward');

  it('keeps the SAMPLE_PER_REASON smallest seeded hashes, in hash order', () => {
    for (const reason of ['too_few_words', 'other_reason']) {
      const all = ids
        .filter((id) => (reason === 'other_reason') === id.endsWith('7'))
        .map((id) => hashString32(id, seed))
        .sort((a, b) => a - b);
      expect(whole[reason]!.map((s) => s.h)).toEqual(all.slice(0, SAMPLE_PER_REASON));
    }
  });

  it.each([
    ['2 tasks', [200, 200]],
    ['3 uneven tasks', [1, 150, 249]],
    ['40 tasks', Array.from({ length: 40 }, () => 10)],
  ])('is the same for any split into tasks (%s) and merge order', (_name, sizes) => {
    expect(sampled(ids, sizes, 'forward')).toEqual(whole);
    expect(sampled(ids, sizes, 'backward')).toEqual(whole);
  });

  it('is the same whatever order the documents arrive in', () => {
    const rand = rng(9);
    const shuffled = [...ids].sort(() => rand() - 0.5);
    expect(sampled(shuffled, [400], 'forward')).toEqual(whole);
  });

  it('orders equal hashes (a repeated id) by the other fields', () => {
    const a = makeSample(5, 'x', 'b text', 1, undefined);
    const b = makeSample(5, 'x', 'a text', 1, undefined);
    const one: DropSample[] = [];
    const two: DropSample[] = [];
    offerSample(one, a);
    offerSample(one, b);
    offerSample(two, b);
    offerSample(two, a);
    expect(one).toEqual(two);
    expect(one.map((s) => s.text)).toEqual(['a text', 'b text']);
  });

  const long = 'a'.repeat(SAMPLE_TEXT_CHARS + 50);
  const emoji = `${'b'.repeat(SAMPLE_TEXT_CHARS - 1)}😀😀`;
  it.each([
    ['short text', 'short', 'short', 5],
    ['exactly the limit', 'c'.repeat(SAMPLE_TEXT_CHARS), 'c'.repeat(SAMPLE_TEXT_CHARS), SAMPLE_TEXT_CHARS],
    ['longer: cut with an ellipsis', long, `${'a'.repeat(SAMPLE_TEXT_CHARS)}…`, SAMPLE_TEXT_CHARS + 50],
    [
      'astral characters count once and are not split',
      emoji,
      `${'b'.repeat(SAMPLE_TEXT_CHARS - 1)}😀…`,
      SAMPLE_TEXT_CHARS + 1,
    ],
  ])('text of %s', (_name, text, shown, chars) => {
    const s = makeSample(1, 'id', text, null, undefined);
    expect(s.text).toBe(shown);
    expect(s.chars).toBe(chars);
  });

  it('keeps the value and detail the stage passed', () => {
    expect(makeSample(1, 'id', 't', 0.5, 'cluster_id=3')).toEqual({
      h: 1,
      id: 'id',
      value: 0.5,
      detail: 'cluster_id=3',
      text: 't',
      chars: 1,
    });
  });

  it('seeds differ per stage', () => {
    expect(sampleSeed(42, 'a')).not.toBe(sampleSeed(42, 'b'));
    expect(sampleSeed(42, 'a')).not.toBe(sampleSeed(43, 'a'));
  });
});

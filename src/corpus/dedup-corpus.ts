/**
 * Near-duplicate benchmark corpus (issue 4's accuracy floor): families of one base document and 0–3
 * copies, each copy exact (15%) or edited by word substitutions to a target word-5-gram Jaccard drawn
 * uniformly from [0.5, 0.95]. Documents are shuffled within blocks of 4,096 so copies often come before
 * their base. A pure function of the seed and the base texts.
 */
import { Rng } from './rng.js';
import { ADJECTIVES, NOUNS } from './vocab-en.js';

export interface DedupRow {
  id: string;
  text: string;
  /** Index of the family (= of its base text). */
  family: number;
  /** 'base', 'exact' or 'edited'. */
  kind: string;
  /** Intended Jaccard to the base (1 for the base and exact copies). */
  target_jaccard: number;
}

const SUBSTITUTES = [...NOUNS, ...ADJECTIVES];
const BLOCK = 4096;

/**
 * `text` with word substitutions spread evenly, so that its word 5-gram Jaccard to `text` is about
 * `target`: m separated substitutions remove 5m of the S shingles and add 5m, J = (S − 5m)/(S + 5m).
 */
export function editToJaccard(text: string, target: number, rng: Rng): string {
  const tokens = text.split(' ');
  const shingles = Math.max(1, tokens.length - 4);
  const m = Math.max(1, Math.round((shingles * (1 - target)) / (5 * (1 + target))));
  for (let k = 0; k < m; k++) {
    const at = Math.min(tokens.length - 1, Math.floor(((k + rng.float()) * tokens.length) / m));
    tokens[at] = `${rng.pick(SUBSTITUTES)}${rng.pick(SUBSTITUTES)}`;
  }
  return tokens.join(' ');
}

/** The family of base `f`: the base first, then its copies. */
export function family(seed: number, f: number, base: string): DedupRow[] {
  const rng = new Rng(seed, `dedup-family/${f}`);
  const out: DedupRow[] = [{ id: `f${f}-base`, text: base, family: f, kind: 'base', target_jaccard: 1 }];
  const r = rng.float();
  const copies = r < 0.4 ? 0 : r < 0.7 ? 1 : r < 0.9 ? 2 : 3;
  for (let c = 1; c <= copies; c++) {
    const exact = rng.float() < 0.15;
    const target = exact ? 1 : 0.5 + 0.45 * rng.float();
    out.push({
      id: `f${f}-copy${c}`,
      text: exact ? base : editToJaccard(base, target, rng),
      family: f,
      kind: exact ? 'exact' : 'edited',
      target_jaccard: Number(target.toFixed(4)),
    });
  }
  return out;
}

/**
 * Yields about `docs` rows (whole families; at least one), or the families of all `families` bases, from
 * bases `base(0)`, `base(1)`, ...: blocks of families are shuffled with a seeded Fisher–Yates, so memory
 * holds one block, not the corpus.
 */
export function* dedupCorpus(
  seed: number,
  docs: number,
  base: (f: number) => string,
  families = Number.POSITIVE_INFINITY,
): Generator<DedupRow> {
  let f = 0;
  let emitted = 0;
  while (emitted < docs && f < families) {
    const block: DedupRow[] = [];
    while (block.length < BLOCK && emitted + block.length < docs && f < families)
      block.push(...family(seed, f, base(f++)));
    const rng = new Rng(seed, `dedup-block/${f}`);
    for (let i = block.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [block[i], block[j]] = [block[j]!, block[i]!];
    }
    emitted += block.length;
    yield* block;
  }
}

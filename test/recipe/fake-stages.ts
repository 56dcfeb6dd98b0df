import { z } from '../../src/core/schema.js';
import type { StageRegistry } from '../../src/recipe/schema.js';
import { defineStage, type StageDef } from '../../src/stages/define.js';

const passThrough = () => ({ process: (batch: never[]) => batch });

/** A few stand-in stages, so recipe tests do not depend on which real stages exist yet. */
export const fakeStages: StageDef[] = [
  defineStage({
    name: 'filter-length',
    kind: 'map',
    description: 'Drops documents with too few or too many words',
    options: z.object({
      min_words: z.number().int().min(0).default(50).describe('Gopher: 50 words (arxiv 2112.11446)'),
      max_words: z.number().int().positive().optional(),
    }),
    create: passThrough,
  }),
  defineStage({
    name: 'sample',
    kind: 'map',
    description: 'Keeps a seeded share of documents',
    options: z.object({ rate: z.number().gt(0).max(1).default(1) }),
    create: passThrough,
  }),
  defineStage({
    name: 'tag-domain',
    kind: 'map',
    description: 'Sets a domain label',
    options: z.object({ domain: z.string().min(1), overwrite: z.boolean().default(false) }),
    create: passThrough,
  }),
  defineStage({
    name: 'dedup-exact',
    kind: 'global',
    description: 'Drops exact duplicates',
    options: z.object({
      field: z.enum(['text', 'id']).default('text'),
      normalize: z.boolean().default(true),
    }),
    reduceTasks: () => 1,
    observer: () => ({ observe: () => {}, finish: async () => {} }),
    reduce: async () => ({ counters: {} }),
    applier: passThrough,
  }),
];

/** A registry over `stages` (default: {@link fakeStages}). */
export function fakeRegistry(stages: StageDef[] = fakeStages): StageRegistry {
  const byName = new Map(stages.map((s) => [s.name, s]));
  return {
    getStage: (name) => byName.get(name),
    stageNames: () => [...byName.keys()].sort(),
  };
}

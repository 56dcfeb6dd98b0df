import dedupExact from './dedup-exact.js';
import type { StageDef } from './define.js';
import filterLength from './filter-length.js';
import filterUrl from './filter-url.js';
import normalize from './normalize.js';
import redactPii from './redact-pii.js';
import renameFields from './rename-fields.js';
import sample from './sample.js';
import selectFields from './select-fields.js';

/**
 * Every stage, by recipe name. A stage's file name is its recipe name (test/stages/registry.test.ts
 * checks that they do not drift); adding a stage means adding its import here.
 */
const stages: StageDef[] = [
  dedupExact,
  filterLength,
  filterUrl,
  normalize,
  redactPii,
  renameFields,
  sample,
  selectFields,
];

const byName = new Map<string, StageDef>();
for (const s of stages) {
  if (byName.has(s.name)) throw new Error(`stage registry: duplicate stage name ${s.name}`);
  byName.set(s.name, s);
}

export function getStage(name: string): StageDef | undefined {
  return byName.get(name);
}

export function stageNames(): string[] {
  return [...byName.keys()].sort();
}

export function allStages(): StageDef[] {
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

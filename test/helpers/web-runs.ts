/**
 * Runs one filter on real web files from ../shared/data (inside a describeWithData block) and reports drop
 * rates: the shared scaffolding of the real-data tests of the Gopher filters.
 */
import path from 'node:path';
import { beforeAll } from 'vitest';
import type { Doc } from '../../src/core/doc.js';
import type { StageDef } from '../../src/stages/define.js';
import { sharedPath } from './shared-data.js';
import { docsFromJsonl, runStage, type StageRun } from './stage-harness.js';

/** The files the real-data tests read, by short name. */
export const WEB_FILES = {
  c4: 'llamafactory_c4_demo.jsonl.gz',
  dolma: 'dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz',
  sms: 'sms_spam_collection.jsonl.gz',
} as const;

/** Docs with their ids, or `<file name>@<line index>` for files without ids (the fixtures' keys). */
export function loadWebDocs(file: string): Doc[] {
  return docsFromJsonl(sharedPath('web', file)).map((d, i) => ({
    ...d,
    id: typeof d.row.id === 'string' ? d.row.id : `${path.basename(file)}@${i}`,
  }));
}

/** Registers a beforeAll that runs `def` with default options on every WEB_FILES file. */
export function webRuns(def: StageDef) {
  const runs = new Map<keyof typeof WEB_FILES, { docs: Doc[]; run: StageRun }>();
  beforeAll(async () => {
    for (const [k, f] of Object.entries(WEB_FILES) as [keyof typeof WEB_FILES, string][]) {
      const docs = loadWebDocs(f);
      runs.set(k, { docs, run: await runStage(def, {}, docs, { batchSize: 100 }) });
    }
  });
  /** Share of a file's documents kept (no reason) or dropped for `reason`. */
  const rate = (k: keyof typeof WEB_FILES, reason?: string) => {
    const { docs, run } = runs.get(k)!;
    return (reason === undefined ? run.kept.length : (run.reasons[reason] ?? 0)) / docs.length;
  };
  return { runs, rate };
}

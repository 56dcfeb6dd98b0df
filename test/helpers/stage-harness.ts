import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Doc } from '../../src/core/doc.js';
import { validate } from '../../src/core/schema.js';
import type { BatchContext, StageDef, StageEnv } from '../../src/stages/define.js';
import { sharedPath } from './shared-data.js';

/** One dropped document as the harness's BatchContext recorded it. */
export interface DropRecord {
  id: string;
  reason: string;
  value: number | string | undefined;
}

export interface StageRun {
  /** Kept documents, in input order. */
  kept: Doc[];
  drops: DropRecord[];
  /** Drops per reason. */
  reasons: Record<string, number>;
  /** `ctx.count` totals. */
  counters: Record<string, number>;
  /** `ctx.observe` values, in call order. */
  observations: Record<string, number[]>;
}

export interface RunOptions {
  env?: Partial<StageEnv>;
  /** Documents per `process` call (default: all in one batch). */
  batchSize?: number;
}

/** A StageEnv for tests: seed 1, task 0 of 1, a throwaway work dir; warnings go to `warnings`. */
export function testEnv(overrides: Partial<StageEnv> = {}, warnings: string[] = []): StageEnv {
  return {
    stageId: 'test',
    seed: 1,
    taskIndex: 0,
    taskCount: 1,
    workDir: '/nonexistent/work/test',
    warn: (m) => warnings.push(m),
    ...overrides,
  };
}

/** Parses options through the stage's own schema; throws with every issue's path and message. */
export function parseOptions(def: StageDef, options: unknown): Record<string, unknown> {
  const r = validate(def.options, options);
  if (r.ok) return r.value as Record<string, unknown>;
  const lines = r.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(`stage ${def.name}: invalid options: ${lines.join('; ')}`);
}

function recordingContext(run: StageRun): BatchContext {
  return {
    drop(doc, reason, value) {
      run.drops.push({ id: doc.id, reason, value });
      run.reasons[reason] = (run.reasons[reason] ?? 0) + 1;
    },
    count(counter, n = 1) {
      run.counters[counter] = (run.counters[counter] ?? 0) + n;
    },
    observe(metric, value) {
      const values = run.observations[metric];
      if (values === undefined) run.observations[metric] = [value];
      else values.push(value);
    },
  };
}

/** Fails the test when a batch's output breaks the MapProcessor contract (order, or a doc neither kept nor dropped). */
function checkAccounting(def: StageDef, batch: Doc[], out: Doc[], dropped: Set<string>): void {
  let j = 0;
  for (const doc of batch) {
    if (j < out.length && out[j] === doc) j++;
    else if (!dropped.has(doc.id))
      throw new Error(`stage ${def.name}: doc ${doc.id} neither kept nor dropped`);
  }
  if (j !== out.length) throw new Error(`stage ${def.name}: output is not an in-order subset of its input`);
}

/** Runs a map stage over `docs` in batches of `batchSize`, recording drops, counters and observations. */
export async function runStage(
  def: StageDef,
  options: unknown,
  docs: Doc[],
  opts: RunOptions = {},
): Promise<StageRun> {
  if (def.kind !== 'map')
    throw new Error(`stage harness: ${def.name} is a ${def.kind} stage; only map stages run here`);
  const parsed = parseOptions(def, options);
  const processor = await def.create(parsed, testEnv(opts.env));
  const run: StageRun = { kept: [], drops: [], reasons: {}, counters: {}, observations: {} };
  const ctx = recordingContext(run);
  const size = opts.batchSize ?? Math.max(1, docs.length);
  for (let start = 0; start < docs.length; start += size) {
    const batch = docs.slice(start, start + size);
    const dropsBefore = run.drops.length;
    const out = await processor.process(batch, ctx);
    checkAccounting(def, batch, out, new Set(run.drops.slice(dropsBefore).map((d) => d.id)));
    run.kept.push(...out);
  }
  return run;
}

/** Docs `d0, d1, ...` with the given texts and an input row `{ text }` plus `extra` fields. */
export function docsFromTexts(texts: string[], extra: Record<string, unknown> = {}): Doc[] {
  return texts.map((text, i) => ({ id: `d${i}`, text, row: { text, ...structuredClone(extra) } }));
}

/** Reads a JSONL or JSONL.gz file (gunzip by magic bytes) into rows; for tests only. */
export function readJsonlRows(file: string): Record<string, unknown>[] {
  let buf = readFileSync(file);
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
  return buf
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The `text` field of every row of a file under ../shared/data (path relative to it). */
export function sharedTexts(relative: string): string[] {
  return (readJsonlRows(sharedPath(relative)) as { text: string }[]).map((r) => r.text);
}

/** Docs from a shared-data JSONL file; ids from `idField` when present, else `<file>@<line>`. */
export function docsFromJsonl(file: string, fields: { text?: string; id?: string } = {}): Doc[] {
  const textField = fields.text ?? 'text';
  const idField = fields.id ?? 'id';
  return readJsonlRows(file).map((row, i) => {
    const id = row[idField];
    return {
      id: typeof id === 'string' || typeof id === 'number' ? String(id) : `${file}@${i}`,
      text: String(row[textField] ?? ''),
      row,
    };
  });
}

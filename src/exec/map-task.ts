import { DatamillError } from '../errors.js';
import type { MapPhase } from '../plan/phases.js';
import type { Plan } from '../plan/plan.js';
import { type RunPaths, taskTag } from '../run/paths.js';
import { emptyDomainStats, emptyStageStats, emptyTaskStats, type TaskStats } from '../run/stats.js';
import { DropRecorder } from './recorder.js';
import { outputSink, type Sink, spillSink, tokenCounter } from './sink.js';
import { readInputDocs, type SourceBatch } from './source.js';
import { readSpill, spillFile } from './spill.js';
import { guard, setupObserver, setupProcessors, taskDomain } from './stage-setup.js';

export interface TaskHooks {
  warn(message: string): void;
  /** Called after each batch with the records and bytes it consumed. */
  progress(records: number, bytes: number): void;
}

/**
 * One map task: read (input slice or spill) → apply → fused map stages → output or spill (+ observe).
 * Stage accounting is checked per batch: every document a stage does not return must have been dropped.
 */
export async function runMapTask(
  plan: Plan,
  paths: RunPaths,
  phase: MapPhase,
  task: number,
  hooks: TaskHooks,
): Promise<TaskStats> {
  const t0 = performance.now();
  const tag = taskTag(task);
  const { input } = plan.sourceTasks[task]!;
  const spec = plan.recipe.inputs[input]!;
  const domain = taskDomain(plan, task);
  const { output } = plan.recipe;
  const rowSpec = {
    inText: spec.text_field,
    outText: output.text_field ?? spec.text_field,
    inId: spec.id_field,
    outId: output.id_field,
  };
  const stats = emptyTaskStats(phase.name, task);
  stats.domains[domain] = emptyDomainStats();
  const dom = stats.domains[domain]!;
  const procs = await setupProcessors(plan, paths, phase, task, hooks.warn);
  for (const p of procs) stats.stages[p.id] = emptyStageStats();
  const observer = await setupObserver(plan, paths, phase, task, hooks.warn);
  // The observing stage's time (signatures, scores) counts in its wall_ms; its documents are counted in apply.
  const observed = observer ? (stats.stages[phase.observe!] ??= emptyStageStats()) : undefined;
  const recorder = new DropRecorder({
    ledgerDir: paths.ledger,
    quarantineDir: paths.quarantine,
    rejectedDir: output.keep_rejected ? paths.rejected : undefined,
    prefix: `part-p${phase.index}-${tag}`,
    rowSpec,
    seed: plan.recipe.runtime.seed,
  });
  const stages = procs.map((p) => ({ ...p, ctx: recorder.contextFor(p.id, stats.stages[p.id]!) }));
  const verbatim = verbatimOk(plan, rowSpec, procs);
  const sink: Sink = phase.observe
    ? phase.noSpill
      ? NO_SPILL
      : await spillSink(spillFile(paths.spill(phase.index), tag))
    : await outputSink(plan, task, paths.data, `part-${tag}`, rowSpec, verbatim);
  const countOut = phase.observe ? undefined : await tokenCounter(plan);
  // Source lines serve a verbatim output or a spill (a later phase may write them verbatim); else none is kept.
  const keepRaw = phase.observe ? !phase.noSpill : verbatim;
  try {
    for await (const batch of source(plan, paths, phase, task, keepRaw)) {
      stats.records_in += phase.spillFrom === undefined ? batch.records : 0;
      stats.bytes_in += batch.bytes;
      stats.docs_in += batch.docs.length;
      dom.docs_in += batch.docs.length;
      if (batch.bad.length && !phase.reread) {
        stats.quarantined += batch.bad.length;
        recorder.quarantine(batch.bad);
      }
      let docs = batch.docs;
      for (const { id, proc, ctx } of stages) {
        const st = stats.stages[id]!;
        recorder.dropsInBatch = 0;
        const s0 = performance.now();
        const kept = await guard(id, () => proc.process(docs, ctx));
        st.wall_ms += performance.now() - s0;
        st.in += docs.length;
        st.out += kept.length;
        if (kept.length + recorder.dropsInBatch !== docs.length) {
          throw new DatamillError(
            'accounting',
            `stage ${id}: got ${docs.length} documents, returned ${kept.length} and dropped ${recorder.dropsInBatch} (a stage must drop through ctx.drop, with a reason)`,
          );
        }
        docs = kept;
      }
      if (observer) {
        const o0 = performance.now();
        await guard(phase.observe!, () => observer.observe(docs));
        observed!.wall_ms += performance.now() - o0;
      }
      await sink.write(docs);
      stats.docs_out += docs.length;
      countOut?.(docs, dom);
      await recorder.flush();
      hooks.progress(batch.records, batch.bytes);
    }
    if (observer) {
      const o0 = performance.now();
      await guard(phase.observe!, () => observer.finish());
      observed!.wall_ms += performance.now() - o0;
    }
    stats.files.push(...(await sink.close()), ...(await recorder.close()));
  } catch (e) {
    await sink.abort();
    await recorder.abort();
    throw e;
  }
  stats.wall_ms = performance.now() - t0;
  retained.lastTask = { procs, recorder, sink, observer };
  return stats;
}

/**
 * The last finished task's stage processors, recorder, sink and observer, kept alive until the next task on
 * this thread has finished. V8 holds a function's optimized code weakly, for the closures created later: once
 * every closure using it is collected, the next task's closures (each task creates its stages anew) must be
 * optimized again. Without this, on 1 GB (64 tasks, one worker) TurboFan compiled 453 functions, one of them
 * 18 times, for 2.8 s of compile time; with it (and class-based stage contexts) 385 for 1.9 s. What it
 * keeps is one finished task's state.
 */
const retained: { lastTask?: unknown } = {};

/** The sink of an observing phase whose spill would copy the input (`noSpill`): documents go nowhere. */
const NO_SPILL: Sink = { write: async () => {}, close: async () => [], abort: async () => {} };

async function* source(
  plan: Plan,
  paths: RunPaths,
  phase: MapPhase,
  task: number,
  keepRaw: boolean,
): AsyncGenerator<SourceBatch> {
  if (phase.spillFrom !== undefined) {
    for await (const docs of readSpill(spillFile(paths.spill(phase.spillFrom), taskTag(task)))) {
      yield { docs, bad: [], records: docs.length, bytes: 0 };
    }
    return;
  }
  const { input, slice } = plan.sourceTasks[task]!;
  const spec = plan.recipe.inputs[input]!;
  const { runtime } = plan.recipe;
  yield* readInputDocs(
    slice,
    { textField: spec.text_field, idField: spec.id_field },
    { batchBytes: runtime.batch_bytes, warn: () => {} },
    runtime.on_bad_record === 'quarantine',
    keepRaw,
  );
}

/** Unchanged JSONL documents may be written as read: JSONL out, same text field, every stage row-preserving. */
function verbatimOk(
  plan: Plan,
  rowSpec: { inText: string; outText: string },
  procs: { preservesRow: boolean }[],
): boolean {
  return (
    plan.recipe.output.format === 'jsonl' &&
    rowSpec.inText === rowSpec.outText &&
    procs.every((p) => p.preservesRow)
  );
}

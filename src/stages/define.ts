import type { Doc } from '../core/doc.js';
import type { ZodObjectAny, z } from '../core/schema.js';

/** What a stage sees while processing one batch. Drops go through `drop`, which counts and records. */
export interface BatchContext {
  /**
   * Records a dropped document with a snake_case reason and the value that decided it; `detail` (or a
   * string value) goes to the ledger's detail column, e.g. which document it duplicates.
   */
  drop(doc: Doc, reason: string, value?: number | string, detail?: string): void;
  /** Adds to a named counter shown in the report under this stage. */
  count(counter: string, n?: number): void;
  /** Adds a value to a named distribution (histogram in the report). */
  observe(metric: string, value: number): void;
}

/** Facts a stage may need when it is set up inside a task. */
export interface StageEnv {
  /** The stage's id in the recipe (its name unless `id:` was given). */
  stageId: string;
  seed: number;
  /** Index of the task in its phase, and the number of tasks in the phase. */
  taskIndex: number;
  taskCount: number;
  /** Directory for this stage's partials and decisions: `work/<stage id>/`. */
  workDir: string;
  /** In map tasks (observe, apply, map stages): the domain of the task's input, as the report names it. */
  domain?: string;
  warn(message: string): void;
}

export interface MapProcessor {
  /** Returns the kept documents in input order; every other document must have gone through `ctx.drop`. */
  process(batch: Doc[], ctx: BatchContext): Doc[] | Promise<Doc[]>;
}

/** Per task, on the documents before a global stage: writes a compact partial into `workDir`. */
export interface Observer {
  observe(batch: Doc[]): void | Promise<void>;
  finish(): Promise<void>;
}

/** Result of a reduce task: counters for the report (cluster sizes etc.). */
export interface ReduceResult {
  counters: Record<string, number>;
  /**
   * Anything small the report should show (tables), concatenated over reduce tasks; a key ending in
   * `_sample` is a set, so rows several tasks return are shown once.
   */
  details?: Record<string, unknown>;
}

interface StageBase<S extends ZodObjectAny> {
  name: string;
  description: string;
  options: S;
  /**
   * True when the stage (or a global stage's applier) changes a document only through `doc.text` and
   * fields under `dm`, never other fields of `doc.row`. Unchanged JSONL documents are then written back
   * as the line they were read from. Absent = false: the row is re-serialized (always correct).
   */
  preservesRow?: (options: z.output<S>) => boolean;
}

export interface MapStageDef<S extends ZodObjectAny = ZodObjectAny> extends StageBase<S> {
  kind: 'map';
  create(options: z.output<S>, env: StageEnv): MapProcessor | Promise<MapProcessor>;
}

export interface GlobalStageDef<S extends ZodObjectAny = ZodObjectAny> extends StageBase<S> {
  kind: 'global';
  /** Number of parallel reduce tasks (hash buckets); each observer writes one partial per bucket. */
  reduceTasks(options: z.output<S>): number;
  observer(options: z.output<S>, env: StageEnv & { observeTasks: number }): Observer | Promise<Observer>;
  /** Reduce task `env.taskIndex` of `env.taskCount`; `observeTasks` partials exist per bucket. */
  reduce(options: z.output<S>, env: StageEnv & { observeTasks: number }): Promise<ReduceResult>;
  /** Per task, after the barrier: reads the decision and continues the stream. */
  applier(
    options: z.output<S>,
    env: StageEnv & { reduceTasks: number },
  ): MapProcessor | Promise<MapProcessor>;
  /**
   * For a stage that needs its global phase only under some options (percentile cut-offs need every
   * document's score; given cut-offs do not): false = plan it as a map stage that runs `create`.
   */
  needsGlobal?(options: z.output<S>): boolean;
  create?(options: z.output<S>, env: StageEnv): MapProcessor | Promise<MapProcessor>;
}

export type StageDef = MapStageDef | GlobalStageDef;

/** The map processor factory of a stage planned as a map stage under these options, else undefined. */
export function mapFactory(
  def: StageDef,
  options: Record<string, unknown>,
): MapStageDef['create'] | undefined {
  if (def.kind === 'map') return def.create;
  if (def.create && def.needsGlobal?.(options as never) === false) return def.create;
  return undefined;
}

/** Identity helper so a stage's option types are inferred from its one schema declaration. */
export function defineStage<S extends ZodObjectAny>(def: MapStageDef<S>): MapStageDef<S>;
export function defineStage<S extends ZodObjectAny>(def: GlobalStageDef<S>): GlobalStageDef<S>;
export function defineStage(def: StageDef): StageDef {
  return def;
}

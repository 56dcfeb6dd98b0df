/**
 * Adapter for piscina: the only module that imports it. ~20 µs per task here (research/packages.md §3),
 * negligible against tasks of many megabytes.
 */
import { setFlagsFromString } from 'node:v8';
import { Piscina } from 'piscina';
import type { TaskReply, TaskRequest } from './worker.js';

export interface WorkerPool {
  run(req: TaskRequest): Promise<TaskReply>;
  close(): Promise<void>;
}

/**
 * Young generation of workers that run stages: 64 MB (~21 MB semi-spaces; V8 sizes it at 3 semi-spaces),
 * against V8's 48 MB default (16 MB semi-spaces). A stage chain leaves megabytes of short-lived strings and
 * arrays per batch; with the default, scavenges promoted much of a batch still in use. The FineWeb chain on
 * 200 MB, one core (`taskset -c 0`): 11.07–11.33 s by default, 10.36–10.58 s at 64 MB, 10.43–10.67 s at
 * 96 MB, which only cost more memory (2-worker MinHash at 1M documents: 470 → 586 MB peak RSS). A recipe
 * without stages (a format conversion) gains nothing (2 GB JSONL passthrough 9.46 → 9.35–9.45 s) and keeps
 * the default, which holds 2 workers converting 2 GB of Parquet under 500 MB (500–532 MB at 96 MB).
 */
const STAGE_YOUNG_GENERATION_MB = 64;

/**
 * Initial old generation of those workers. V8 otherwise starts a worker's old-generation limit small and ran
 * a full mark-compact about every 300 ms of the FineWeb chain (its live heap is ~17 MB; each batch promotes
 * a few MB of documents still in use), with its concurrent marking taking the core from the stages. At
 * 256 MB the worker ran 1 mark-compact on 200 MB of the chain instead of 14 (`--trace-gc`), and 1 GB on one
 * core (`taskset -c 0`, one worker) took 27.39, 27.60, 27.09 s instead of 29.25, 29.53, 29.23 s; peak RSS
 * 291 -> 337 MB. 128 and 1024 MB measured the same as 256 (27.8, 27.8 s) and the same RSS: V8 still
 * collects when its other heuristics say so.
 */
const STAGE_INITIAL_OLD_GENERATION_MB = 256;

/** What sizes a pool's workers: the old-generation budget (runtime.worker_heap_mb) and whether stages run. */
export interface PoolLimits {
  heapMb: number | undefined;
  stages: boolean;
}

export function createPool(workers: number, limits: PoolLimits): WorkerPool {
  if (limits.stages) {
    // A V8 flag, so process-wide: read when an isolate is created, so it sizes the workers created after it
    // (the main thread's isolate exists already). Never above half the recipe's old-generation budget.
    const mb = Math.min(STAGE_INITIAL_OLD_GENERATION_MB, Math.floor((limits.heapMb ?? Infinity) / 2));
    setFlagsFromString(`--initial-old-space-size=${mb}`);
  }
  const pool = new Piscina({
    filename: new URL('./worker-entry.cjs', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    resourceLimits: {
      ...(limits.stages ? { maxYoungGenerationSizeMb: STAGE_YOUNG_GENERATION_MB } : {}),
      ...(limits.heapMb === undefined ? {} : { maxOldGenerationSizeMb: limits.heapMb }),
    },
  });
  return {
    run: (req) => pool.run(req) as Promise<TaskReply>,
    close: () => pool.destroy(),
  };
}

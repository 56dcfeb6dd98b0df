/**
 * Adapter for piscina: the only module that imports it. ~20 µs per task here (research/packages.md §3),
 * negligible against tasks of many megabytes.
 */
import { Piscina } from 'piscina';
import type { TaskReply, TaskRequest } from './worker.js';

export interface WorkerPool {
  run(req: TaskRequest): Promise<TaskReply>;
  close(): Promise<void>;
}

/**
 * Each worker's young generation: 96 MB, i.e. 32 MB semi-spaces (V8 sizes it at 3 semi-spaces) against
 * V8's 16 MB default. A stage chain leaves megabytes of short-lived strings and arrays per batch; with the
 * default, scavenges promoted much of a batch still in use. The FineWeb chain on 200 MB, one core: 11.07–11.33
 * → 10.53–10.67 s (`taskset -c 0`, 3 runs each); I/O passthrough was unchanged; peak RSS +5–20 MB per worker.
 */
const YOUNG_GENERATION_MB = 96;

/** `heapMb`, when given, caps each worker's V8 old generation: the run's memory budget (runtime.worker_heap_mb). */
export function createPool(workers: number, heapMb?: number): WorkerPool {
  const pool = new Piscina({
    filename: new URL('./worker-entry.cjs', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    resourceLimits: {
      maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
      ...(heapMb === undefined ? {} : { maxOldGenerationSizeMb: heapMb }),
    },
  });
  return {
    run: (req) => pool.run(req) as Promise<TaskReply>,
    close: () => pool.destroy(),
  };
}

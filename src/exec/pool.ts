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

/** `heapMb`, when given, caps each worker's V8 old generation: the run's memory budget (runtime.worker_heap_mb). */
export function createPool(workers: number, heapMb?: number): WorkerPool {
  const pool = new Piscina({
    filename: new URL('./worker-entry.cjs', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    ...(heapMb === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: heapMb } }),
  });
  return {
    run: (req) => pool.run(req) as Promise<TaskReply>,
    close: () => pool.destroy(),
  };
}

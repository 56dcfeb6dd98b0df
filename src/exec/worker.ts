import { readFile } from 'node:fs/promises';
import { toWire } from '../errors.js';
import type { Plan } from '../plan/plan.js';
import { runPaths } from '../run/paths.js';
import type { TaskStats } from '../run/stats.js';
import { runTask } from './run-task.js';

/** What the scheduler sends to a worker: small, so nothing but this and the stats cross threads. */
export interface TaskRequest {
  runDir: string;
  phase: number;
  task: number;
  /** [records, bytes] counters the worker adds to after each batch, read by the progress display. */
  progress: SharedArrayBuffer;
}

export type TaskReply =
  | { ok: true; stats: TaskStats; warnings: string[] }
  | { ok: false; error: ReturnType<typeof toWire>; warnings: string[] };

const plans = new Map<string, Promise<Plan>>();

function loadPlan(runDir: string): Promise<Plan> {
  let p = plans.get(runDir);
  if (!p) {
    p = readFile(runPaths(runDir).runJson, 'utf8').then((s) => (JSON.parse(s) as { plan: Plan }).plan);
    plans.set(runDir, p);
  }
  return p;
}

/** Runs one task inside the worker; failures come back as data, so the error's code survives the thread hop. */
export async function handleTask(req: TaskRequest): Promise<TaskReply> {
  const warnings: string[] = [];
  const counters = new BigInt64Array(req.progress);
  try {
    const plan = await loadPlan(req.runDir);
    const stats = await runTask(plan, runPaths(req.runDir), req.phase, req.task, {
      warn: (m) => warnings.push(m),
      progress: (records, bytes) => {
        Atomics.add(counters, 0, BigInt(records));
        Atomics.add(counters, 1, BigInt(bytes));
      },
    });
    return { ok: true, stats, warnings };
  } catch (e) {
    return { ok: false, error: toWire(e), warnings };
  }
}

export default handleTask;

/**
 * The run's wall time, from the start and end timestamps (epoch ms) every task records: for a run split
 * over ranks or Slurm array jobs, the span from the earliest task start to the latest task end is the only
 * figure that does not depend on which process wrote the report.
 */
import type { TaskStats } from './stats.js';

export interface PhaseTiming {
  phase: string;
  tasks: number;
  /** Latest end − earliest start over the phase's tasks, seconds; null when a task has no timestamps. */
  wall_s: number | null;
  /** Task time summed over the phase's tasks, seconds. */
  task_s: number;
}

export interface RunTiming {
  /** Latest task end − earliest task start, seconds (includes pauses between attempts of a resumed run). */
  wall_s: number | null;
  /** Time during which at least one task was running, seconds (the union of the tasks' intervals). */
  busy_s: number | null;
  started_at: string | null;
  ended_at: string | null;
  phases: PhaseTiming[];
}

const seconds = (ms: number) => Math.round(ms) / 1000;

/** Timing of `tasks` (every task of the run), phases in `phases` order. */
export function runTiming(tasks: TaskStats[], phases: readonly string[]): RunTiming {
  const spans = intervals(tasks);
  const [start, end] = spans ? extent(spans) : [undefined, undefined];
  return {
    wall_s: start === undefined || end === undefined ? null : seconds(end - start),
    busy_s: spans ? seconds(unionLength(spans)) : null,
    started_at: start === undefined ? null : new Date(start).toISOString(),
    ended_at: end === undefined ? null : new Date(end).toISOString(),
    phases: phases.map((phase) => {
      const mine = tasks.filter((t) => t.phase === phase);
      const s = intervals(mine);
      const [lo, hi] = s ? extent(s) : [0, undefined];
      return {
        phase,
        tasks: mine.length,
        wall_s: hi === undefined ? null : seconds(hi - lo),
        task_s: seconds(mine.reduce((a, t) => a + t.wall_ms, 0)),
      };
    }),
  };
}

/** [start, end] of each task; undefined when there are none or one lacks timestamps (an older run). */
function intervals(tasks: TaskStats[]): [number, number][] | undefined {
  if (tasks.length === 0) return undefined;
  const out: [number, number][] = [];
  for (const t of tasks) {
    if (typeof t.started_ms !== 'number' || typeof t.ended_ms !== 'number') return undefined;
    out.push([t.started_ms, t.ended_ms]);
  }
  return out;
}

/** Earliest start and latest end (a loop: a spread of 100k tasks would overflow the call stack). */
function extent(spans: [number, number][]): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const [s, e] of spans) {
    if (s < lo) lo = s;
    if (e > hi) hi = e;
  }
  return [lo, hi];
}

function unionLength(spans: [number, number][]): number {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [lo, hi] = sorted[0]!;
  for (const [s, e] of sorted.slice(1)) {
    if (s > hi) {
      total += hi - lo;
      lo = s;
      hi = e;
    } else if (e > hi) hi = e;
  }
  return total + hi - lo;
}

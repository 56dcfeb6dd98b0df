import { type DropSample, mergeSamples } from './drop-sample.js';
import { addValue, emptyMetric, type Metric, mergeMetric, reviveMetric } from './metric.js';

/** Counters of one stage in one task; merged across tasks for the report. */
export interface StageStats {
  in: number;
  out: number;
  dropped: Record<string, number>;
  wall_ms: number;
  counters: Record<string, number>;
  metrics: Record<string, Metric>;
  /** Per reason, a deterministic sample of the dropped documents (src/run/drop-sample.ts). */
  drop_samples: Record<string, DropSample[]>;
}

export interface DomainStats {
  docs_in: number;
  docs_out: number;
  chars_out: number;
  /** Tokens counted exactly on `token_docs` sampled documents holding `token_chars` bytes. */
  token_docs: number;
  token_chars: number;
  tokens: number;
}

/** What one task reports: written to stats/<phase>/<task>.json, merged into report.json. */
export interface TaskStats {
  phase: string;
  task: number;
  wall_ms: number;
  /** When the task started and ended (epoch ms): the run's wall time is the span over every task. */
  started_ms?: number;
  ended_ms?: number;
  /** Records read from input slices (valid docs + bad records); 0 for phases reading a spill. */
  records_in: number;
  docs_in: number;
  bytes_in: number;
  quarantined: number;
  docs_out: number;
  stages: Record<string, StageStats>;
  domains: Record<string, DomainStats>;
  files: string[];
  reduce?: { counters: Record<string, number>; details?: Record<string, unknown> };
}

export function emptyTaskStats(phase: string, task: number): TaskStats {
  return {
    phase,
    task,
    wall_ms: 0,
    records_in: 0,
    docs_in: 0,
    bytes_in: 0,
    quarantined: 0,
    docs_out: 0,
    stages: {},
    domains: {},
    files: [],
  };
}

export function emptyStageStats(): StageStats {
  return { in: 0, out: 0, dropped: {}, wall_ms: 0, counters: {}, metrics: {}, drop_samples: {} };
}

export function emptyDomainStats(): DomainStats {
  return { docs_in: 0, docs_out: 0, chars_out: 0, token_docs: 0, token_chars: 0, tokens: 0 };
}

export function addDrop(s: StageStats, reason: string): void {
  s.dropped[reason] = (s.dropped[reason] ?? 0) + 1;
}

export function addObservation(s: StageStats, metric: string, value: number): void {
  let m = s.metrics[metric];
  if (!m) {
    m = emptyMetric();
    s.metrics[metric] = m;
  }
  addValue(m, value);
}

export function mergeStageStats(into: StageStats, from: StageStats): void {
  into.in += from.in;
  into.out += from.out;
  into.wall_ms += from.wall_ms;
  for (const [k, n] of Object.entries(from.dropped)) into.dropped[k] = (into.dropped[k] ?? 0) + n;
  for (const [k, n] of Object.entries(from.counters)) into.counters[k] = (into.counters[k] ?? 0) + n;
  for (const [k, m] of Object.entries(from.metrics)) {
    const target = into.metrics[k] ?? emptyMetric();
    mergeMetric(target, reviveMetric(m));
    into.metrics[k] = target;
  }
  // Stats written before drop samples existed have none.
  mergeSamples(into.drop_samples, from.drop_samples);
}

export function mergeDomainStats(into: DomainStats, from: DomainStats): void {
  into.docs_in += from.docs_in;
  into.docs_out += from.docs_out;
  into.chars_out += from.chars_out;
  into.token_docs += from.token_docs;
  into.token_chars += from.token_chars;
  into.tokens += from.tokens;
}

export function totalDropped(s: StageStats): number {
  let n = 0;
  for (const v of Object.values(s.dropped)) n += v;
  return n;
}

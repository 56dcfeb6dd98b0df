/**
 * The value of a parsed metric in a report.json. Only the fields read here are typed, so report.json may
 * grow without touching checks. Counts the report leaves out because they are zero (a drop reason or a
 * counter that never fired) are 0; anything else missing is undefined ("not in the report").
 */
import type { Metric } from './metrics.js';

type Counts = Record<string, number>;

/** The parts of report.json that checks read. */
export interface ReportView {
  documents: { read: number; quarantined: number; out: number; dropped: number };
  input_bytes: number;
  tokens?: Record<string, unknown>;
  stages: {
    id: string;
    in: number;
    out: number;
    dropped: Counts;
    dropped_total: number;
    counters?: Counts;
    metric_summary?: Record<string, Record<string, number | null>>;
  }[];
  reduce?: Record<string, { counters?: Counts }>;
  domains?: Record<string, Counts>;
}

/** n / d, and 0 when there was nothing to divide: a stage that saw no documents dropped none of them. */
export function rate(n: number, d: number): number {
  return d === 0 ? 0 : n / d;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The metric's value, or undefined when the report does not hold it. */
export function resolveMetric(report: ReportView, m: Metric): number | undefined {
  switch (m.kind) {
    case 'documents':
      return documentValue(report.documents, m.field);
    case 'input_bytes':
      return num(report.input_bytes);
    case 'tokens':
      return num(report.tokens?.[m.field]);
    case 'domain':
      return domainValue(report.domains?.[m.domain], m.field);
    case 'reduce': {
      const r = report.reduce?.[m.id];
      return r === undefined ? undefined : (r.counters?.[m.name] ?? 0);
    }
  }
  const stage = report.stages.find((s) => s.id === m.id);
  if (stage === undefined) return undefined;
  switch (m.kind) {
    case 'stage':
      if (m.field === 'dropped') return stage.dropped_total;
      if (m.field === 'drop_rate') return rate(stage.dropped_total, stage.in);
      return num(stage[m.field as 'in' | 'out']);
    case 'reasons':
      return stage.dropped[m.name] ?? 0;
    case 'counters':
      return stage.counters?.[m.name] ?? 0;
    case 'metrics':
      return num(stage.metric_summary?.[m.name]?.[m.stat]);
  }
}

function documentValue(d: ReportView['documents'], field: string): number | undefined {
  switch (field) {
    case 'kept_rate':
      return rate(d.out, d.read);
    case 'drop_rate':
      return rate(d.dropped, d.read);
    case 'quarantine_rate':
      return rate(d.quarantined, d.read);
    default:
      return num((d as unknown as Counts)[field]);
  }
}

function domainValue(d: Counts | undefined, field: string): number | undefined {
  if (d === undefined) return undefined;
  if (field === 'kept_rate') return rate(d.docs_out ?? 0, d.docs_in ?? 0);
  return num(d[field]);
}

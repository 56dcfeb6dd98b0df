/**
 * The shape shared by the Data-Juicer-style statistic filters: compute one number per document, observe
 * it, store it under `dm.stats.<stat>` when asked, and keep the document when `min <= value <= max`
 * (DJ `get_keep_boolean` with closed intervals; an absent bound is no bound).
 */
import { type Doc, dmOf } from '../core/doc.js';
import { z } from '../core/schema.js';
import type { BatchContext, MapProcessor } from './define.js';

interface BoundSpec {
  side: 'min' | 'max';
  /** Stat key, e.g. `alnum_ratio`; the drop reason is `<stat>_below_min` / `<stat>_above_max`. */
  stat: string;
  /** Sentence citing where the default comes from. */
  source: string;
  int?: boolean;
}

function boundText(s: BoundSpec): string {
  const which = s.side === 'min' ? 'at least' : 'at most';
  const reason = `${s.stat}_${s.side === 'min' ? 'below_min' : 'above_max'}`;
  return `Keep documents whose ${s.stat} is ${which} this (bound included, as DJ), else drop with ${reason}. ${s.source}`;
}

/** A bound option with a default. */
export function bound(s: BoundSpec, dflt: number): z.ZodDefault<z.ZodNumber> {
  const base = s.int ? z.number().int().min(0) : z.number().min(0);
  return base.default(dflt).describe(boundText(s));
}

/** A bound option without a default (absent = no bound). */
export function optionalBound(s: BoundSpec): z.ZodOptional<z.ZodNumber> {
  const base = s.int ? z.number().int().min(0) : z.number().min(0);
  return base.optional().describe(`${boundText(s)} Absent = no bound.`);
}

/** The `keep_stats` option. */
export function keepStats(stat: string): z.ZodDefault<z.ZodBoolean> {
  return z
    .boolean()
    .default(false)
    .describe(
      `Also store the statistic as dm.stats.${stat} on every document (kept or dropped), like DJ's __dj__stats__.`,
    );
}

/** For `.superRefine`: min above max is a recipe error. */
export function checkMinMax(
  o: { min?: number | undefined; max?: number | undefined },
  ctx: z.RefinementCtx,
): void {
  if (o.min !== undefined && o.max !== undefined && o.min > o.max) {
    ctx.addIssue({ code: 'custom', path: ['min'], message: `expected at most max (${o.max})` });
  }
}

export interface StatBounds {
  min?: number | undefined;
  max?: number | undefined;
  keep_stats: boolean;
}

/** Stores `value` under `dm.stats.<stat>`. */
export function storeStat(doc: Doc, stat: string, value: number): void {
  const dm = dmOf(doc);
  let stats = dm.stats as Record<string, unknown> | undefined;
  if (stats === undefined || typeof stats !== 'object' || stats === null) {
    stats = {};
    dm.stats = stats;
  }
  stats[stat] = value;
}

/** Keeps or drops one document on its statistic; true when kept. */
export function decide(doc: Doc, stat: string, value: number, o: StatBounds, ctx: BatchContext): boolean {
  ctx.observe(stat, value);
  if (o.keep_stats) storeStat(doc, stat, value);
  if (o.min !== undefined && value < o.min) {
    ctx.drop(doc, `${stat}_below_min`, value);
    return false;
  }
  if (o.max !== undefined && value > o.max) {
    ctx.drop(doc, `${stat}_above_max`, value);
    return false;
  }
  return true;
}

/** A processor that computes `compute(doc)` per document and decides on it. */
export function statProcessor(stat: string, o: StatBounds, compute: (doc: Doc) => number): MapProcessor {
  return {
    process(batch, ctx) {
      const kept: Doc[] = [];
      for (const doc of batch) if (decide(doc, stat, compute(doc), o, ctx)) kept.push(doc);
      return kept;
    },
  };
}

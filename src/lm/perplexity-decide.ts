/** What filter-perplexity does with one scored document: store the fields, count, and keep or drop. */
import type { Doc } from '../core/doc.js';
import type { BatchContext } from '../stages/define.js';
import type { Bucket } from './perplexity-buckets.js';

export interface DecideOptions {
  max: number | null;
  min: number | null;
  drop_buckets: Bucket[];
  perplexity_field: string;
  bucket_field: string;
}

/**
 * Sets `row[perplexity_field]` (null when no line was scored) and, with buckets, `row[bucket_field]`;
 * drops above `max` (perplexity_too_high), below `min` (perplexity_too_low) or in a dropped bucket
 * (perplexity_bucket_<name>), each with the perplexity as value. A document without a score is never
 * dropped by max/min. Returns true to keep.
 */
export function decide(
  doc: Doc,
  pp: number,
  bucket: Bucket | undefined,
  o: DecideOptions,
  ctx: BatchContext,
): boolean {
  const scored = !Number.isNaN(pp);
  doc.row[o.perplexity_field] = scored ? pp : null;
  if (Number.isFinite(pp)) ctx.observe('perplexity', pp);
  else if (!scored) ctx.count('not_scored');
  if (bucket !== undefined) {
    doc.row[o.bucket_field] = bucket;
    ctx.count(`bucket_${bucket}`);
  }
  if (o.max !== null && pp > o.max) {
    ctx.drop(doc, 'perplexity_too_high', pp);
    return false;
  }
  if (o.min !== null && pp < o.min) {
    ctx.drop(doc, 'perplexity_too_low', pp);
    return false;
  }
  if (bucket !== undefined && o.drop_buckets.includes(bucket)) {
    ctx.drop(doc, `perplexity_bucket_${bucket}`, scored ? pp : undefined);
    return false;
  }
  return true;
}

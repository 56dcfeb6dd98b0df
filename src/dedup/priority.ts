/** Sort rank of a document under `keep: priority`: lower is kept; a missing or non-numeric priority loses. */
export function priorityRank(row: Record<string, unknown>, field: string): number {
  const p = Number(row[field]);
  return Number.isFinite(p) ? -p : Number.POSITIVE_INFINITY;
}

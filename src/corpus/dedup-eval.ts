/**
 * Reads the clusters a dedup-minhash run decided: kept documents carry `dm.dedup_minhash.cluster_id`
 * (with `annotate: true`), dropped ones the ledger detail `cluster_id=N`; any other document is alone.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileRows } from '../io/file-rows.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(jsonl|parquet)(\.gz|\.zst)?$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Cluster label per document of `ids` (index order); singletons get labels −1, −2, ... */
export async function clustersFromRun(runDir: string, ids: string[]): Promise<Int32Array> {
  const label = new Map<string, number>();
  const warn = () => {};
  for (const file of filesUnder(path.join(runDir, 'data')))
    for await (const batch of fileRows(file, warn))
      for (const row of batch.rows) {
        const dm = row.dm as { dedup_minhash?: { cluster_id: number } } | undefined;
        if (dm?.dedup_minhash) label.set(String(row.id), dm.dedup_minhash.cluster_id);
      }
  for (const file of filesUnder(path.join(runDir, 'ledger')))
    for await (const batch of fileRows(file, warn))
      for (const row of batch.rows) {
        const m = /^cluster_id=(\d+)$/.exec(String(row.detail ?? ''));
        if (row.reason === 'near_duplicate' && m) label.set(String(row.id), Number(m[1]));
      }
  return Int32Array.from(ids, (id, i) => label.get(id) ?? -(i + 1));
}

import { mkdirSync } from 'node:fs';
import type { Doc } from '../core/doc.js';
import { createJsonlWriter } from '../io/jsonl-write.js';
import { createParquetWriter } from '../io/parquet-write.js';
import type { BadRecord, PartWriter } from '../io/types.js';
import { makeSample, offerSample, sampleSeed, wouldKeep } from '../run/drop-sample.js';
import { addDrop, addObservation, type StageStats } from '../run/stats.js';
import type { BatchContext } from '../stages/define.js';
import { hashString32 } from '../text/hash.js';
import { docToRow, type RowSpec } from './rows.js';

export interface RecorderOptions {
  ledgerDir: string;
  quarantineDir: string;
  /** Directory for a stage's rejected documents, or undefined when the recipe does not keep them. */
  rejectedDir?: (stageId: string) => string;
  /** File stem shared by every file this task writes, e.g. `part-p0-00003`. */
  prefix: string;
  rowSpec: RowSpec;
  /** The run's seed: which dropped documents the report samples (src/run/drop-sample.ts). */
  seed: number;
}

interface LedgerRow {
  id: string;
  stage: string;
  reason: string;
  value: number | null;
  detail: string | null;
}

/**
 * The one path by which documents leave the stream: every drop and every bad record is counted in the
 * stage's stats, written to the ledger (Parquet) and, when asked, the document to rejected/<stage>/.
 */
export class DropRecorder {
  private ledger: LedgerRow[] = [];
  private rejected = new Map<string, Record<string, unknown>[]>();
  private quarantined: Record<string, unknown>[] = [];
  private writers = new Map<string, PartWriter>();
  dropsInBatch = 0;

  constructor(private readonly opts: RecorderOptions) {}

  /**
   * The context a stage drops, counts and observes through; one per stage for the task (its methods live on
   * the prototype, so they are optimized once per thread, not once per task or batch).
   */
  contextFor(stageId: string, stats: StageStats): BatchContext {
    return new StageContext(this, stageId, stats, sampleSeed(this.opts.seed, stageId));
  }

  /** Records one drop: stage stats, report sample, ledger row and, when kept, the rejected document. */
  recordDrop(
    stageId: string,
    stats: StageStats,
    seed: number,
    doc: Doc,
    reason: string,
    value?: number | string,
    detail?: string,
  ): void {
    this.dropsInBatch++;
    addDrop(stats, reason);
    const num = typeof value === 'number' ? value : null;
    const text = detail ?? (typeof value === 'string' ? value : null);
    const h = hashString32(doc.id, seed);
    const sample = stats.drop_samples[reason];
    if (wouldKeep(sample, h)) {
      const s = makeSample(h, doc.id, doc.text, value ?? null, detail);
      if (sample) offerSample(sample, s);
      else stats.drop_samples[reason] = [s];
    }
    this.ledger.push({ id: doc.id, stage: stageId, reason, value: num, detail: text });
    if (this.opts.rejectedDir) {
      const row = docToRow(doc, this.opts.rowSpec);
      row.dm = {
        ...(row.dm as object | undefined),
        drop: { stage: stageId, reason, value: value ?? null },
      };
      const list = this.rejected.get(stageId) ?? [];
      list.push(row);
      this.rejected.set(stageId, list);
    }
  }

  quarantine(bad: BadRecord[]): void {
    for (const b of bad) {
      this.quarantined.push({ where: b.where, message: b.message, raw: b.raw });
      this.ledger.push({ id: b.where, stage: 'read', reason: 'bad_record', value: null, detail: b.message });
    }
  }

  /** Writes what the last batch recorded. */
  async flush(): Promise<void> {
    const { opts } = this;
    if (this.ledger.length) await this.writer('ledger', opts.ledgerDir, 'parquet').write(this.take('ledger'));
    if (this.quarantined.length) {
      const rows = this.quarantined;
      this.quarantined = [];
      await this.writer('quarantine', opts.quarantineDir, 'jsonl').write(rows);
    }
    for (const [stageId, rows] of this.rejected) {
      if (rows.length && opts.rejectedDir)
        await this.writer(`rejected:${stageId}`, opts.rejectedDir(stageId), 'jsonl').write(rows);
    }
    this.rejected.clear();
  }

  async close(): Promise<string[]> {
    await this.flush();
    const files: string[] = [];
    for (const w of this.writers.values()) files.push(...(await w.close()));
    return files;
  }

  async abort(): Promise<void> {
    for (const w of this.writers.values()) await w.abort();
  }

  private take(_: 'ledger'): Record<string, unknown>[] {
    const rows = this.ledger as unknown as Record<string, unknown>[];
    this.ledger = [];
    return rows;
  }

  private writer(key: string, dir: string, format: 'jsonl' | 'parquet'): PartWriter {
    const existing = this.writers.get(key);
    if (existing) return existing;
    {
      mkdirSync(dir, { recursive: true });
      const base = { dir, prefix: this.opts.prefix, targetPartBytes: 1 << 30 };
      const w =
        format === 'parquet'
          ? createParquetWriter({ ...base, format, compression: 'zstd' })
          : createJsonlWriter({ ...base, format, compression: key === 'quarantine' ? 'none' : 'gzip' });
      this.writers.set(key, w);
      return w;
    }
  }
}

class StageContext implements BatchContext {
  constructor(
    private readonly recorder: DropRecorder,
    private readonly stageId: string,
    private readonly stats: StageStats,
    private readonly seed: number,
  ) {}

  drop(doc: Doc, reason: string, value?: number | string, detail?: string): void {
    this.recorder.recordDrop(this.stageId, this.stats, this.seed, doc, reason, value, detail);
  }

  count(counter: string, n = 1): void {
    this.stats.counters[counter] = (this.stats.counters[counter] ?? 0) + n;
  }

  observe(metric: string, value: number): void {
    addObservation(this.stats, metric, value);
  }
}

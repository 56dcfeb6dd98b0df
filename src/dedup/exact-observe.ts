import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Doc } from '../core/doc.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { Observer, StageEnv } from '../stages/define.js';
import { xxh64 } from '../text/xxhash.js';
import { EXACT_RECORD_BYTES, partialFile } from './exact-files.js';
import { priorityRank } from './priority.js';

export interface ExactOptions {
  mode: 'bytes' | 'normalized';
  keep: 'first' | 'priority';
  priority_field: string;
  buckets: number;
}

/** Text as hashed in `normalized` mode: NFKC, lowercase, whitespace runs → one space, trimmed. */
export function normalizeForExact(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Hashes each document, buckets by the hash's high word, and writes one sorted run per bucket. */
export class ExactObserver implements Observer {
  private his: number[][];
  private los: number[][];
  private ranks: number[][];
  private ords: number[][];
  private ordinal = 0;

  constructor(
    private readonly o: ExactOptions,
    private readonly env: StageEnv,
  ) {
    const make = () => Array.from({ length: o.buckets }, () => [] as number[]);
    this.his = make();
    this.los = make();
    this.ranks = make();
    this.ords = make();
  }

  observe(batch: Doc[]): void {
    const { o } = this;
    for (const doc of batch) {
      const [hi, lo] = xxh64(o.mode === 'normalized' ? normalizeForExact(doc.text) : doc.text);
      const b = hi % o.buckets;
      const rank = o.keep === 'priority' ? priorityRank(doc.row, o.priority_field) : 0;
      this.his[b]!.push(hi);
      this.los[b]!.push(lo);
      this.ranks[b]!.push(rank);
      this.ords[b]!.push(this.ordinal++);
    }
  }

  async finish(): Promise<void> {
    await mkdir(path.join(this.env.workDir, 'partials'), { recursive: true });
    for (let b = 0; b < this.o.buckets; b++) {
      await writeFileAtomic(partialFile(this.env.workDir, this.env.taskIndex, b), this.sortedRun(b));
    }
  }

  private sortedRun(b: number): Buffer {
    const hi = this.his[b]!,
      lo = this.los[b]!,
      rank = this.ranks[b]!,
      ord = this.ords[b]!;
    const idx = Array.from(hi.keys()).sort(
      (x, y) => hi[x]! - hi[y]! || lo[x]! - lo[y]! || rank[x]! - rank[y]! || ord[x]! - ord[y]!,
    );
    const buf = Buffer.alloc(idx.length * EXACT_RECORD_BYTES);
    const task = this.env.taskIndex;
    idx.forEach((i, k) => {
      const at = k * EXACT_RECORD_BYTES;
      buf.writeUInt32LE(hi[i]!, at);
      buf.writeUInt32LE(lo[i]!, at + 4);
      buf.writeDoubleLE(rank[i]!, at + 8);
      buf.writeUInt32LE(task, at + 16);
      buf.writeUInt32LE(ord[i]!, at + 20);
    });
    return buf;
  }
}

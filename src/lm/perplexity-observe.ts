/** filter-perplexity's observer and reduce: per task, every document's perplexity and group; then cut-offs per group. */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Doc } from '../core/doc.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { Observer, ReduceResult } from '../stages/define.js';
import type { NgramModel } from './model.js';
import { documentPerplexity, type PerplexityOptions } from './perplexity.js';
import { type Histogram, mergeHistogram, percentiles } from './perplexity-buckets.js';
import {
  type CutoffTable,
  cutoffsFile,
  encodeScores,
  groupsFile,
  readJson,
  scoresFile,
  type TaskGroups,
} from './perplexity-files.js';

/** Scores each document once; `finish` writes the scores (read back by the applier) and the histograms. */
export class PerplexityObserver implements Observer {
  private scores = new Float64Array(1024);
  private groups = new Uint32Array(1024);
  private n = 0;
  private readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly histograms: Histogram[] = [];

  constructor(
    private readonly model: NgramModel,
    private readonly o: PerplexityOptions,
    private readonly group: (doc: Doc) => string,
    private readonly workDir: string,
    private readonly task: number,
  ) {}

  observe(batch: Doc[]): void {
    for (const doc of batch) {
      const pp = documentPerplexity(this.model, doc.text, this.o);
      const name = this.group(doc);
      let g = this.index.get(name);
      if (g === undefined) {
        g = this.names.length;
        this.names.push(name);
        this.index.set(name, g);
        this.histograms.push(new Map());
      }
      if (this.n === this.scores.length) this.grow();
      this.scores[this.n] = pp;
      this.groups[this.n++] = g;
      // Infinite perplexities (from -inf log probabilities) sort last; they cannot be JSON numbers.
      if (Number.isFinite(pp)) {
        const h = this.histograms[g] as Histogram;
        h.set(pp, (h.get(pp) ?? 0) + 1);
      }
    }
  }

  private grow(): void {
    const s = new Float64Array(this.scores.length * 2);
    s.set(this.scores);
    this.scores = s;
    const g = new Uint32Array(this.groups.length * 2);
    g.set(this.groups);
    this.groups = g;
  }

  async finish(): Promise<void> {
    const scores = scoresFile(this.workDir, this.task);
    const groups = groupsFile(this.workDir, this.task);
    await mkdir(path.dirname(scores), { recursive: true });
    await mkdir(path.dirname(groups), { recursive: true });
    await writeFileAtomic(scores, encodeScores(this.scores, this.groups, this.n));
    const table: TaskGroups = { names: this.names, histograms: this.histograms.map((h) => [...h]) };
    await writeFileAtomic(groups, JSON.stringify(table));
  }
}

/** The one reduce task: merges every task's histograms per group and writes the percentile cut-offs. */
export async function reducePerplexity(
  workDir: string,
  observeTasks: number,
  q: [number, number],
): Promise<ReduceResult> {
  const merged = new Map<string, Histogram>();
  for (let t = 0; t < observeTasks; t++) {
    const { names, histograms } = readJson<TaskGroups>(groupsFile(workDir, t));
    names.forEach((name, g) => {
      let h = merged.get(name);
      if (h === undefined) {
        h = new Map();
        merged.set(name, h);
      }
      mergeHistogram(h, histograms[g] ?? []);
    });
  }
  const table: CutoffTable = { percentiles: q, groups: {} };
  let documents = 0;
  for (const name of [...merged.keys()].sort()) {
    const h = merged.get(name) as Histogram;
    let n = 0;
    for (const c of h.values()) n += c;
    documents += n;
    if (n === 0) continue;
    const [head, tail] = percentiles(h, q) as [number, number];
    table.groups[name] = { head, tail, documents: n };
  }
  await writeFileAtomic(cutoffsFile(workDir), JSON.stringify(table));
  return {
    counters: { groups: Object.keys(table.groups).length, scored_documents: documents },
    details: { percentiles: { head: q[0], tail: q[1] }, cutoffs: table.groups },
  };
}

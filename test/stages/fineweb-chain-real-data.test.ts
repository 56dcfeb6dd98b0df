/**
 * pipelines/fineweb.yaml's heuristic chain without language ID, on ~3,000 real documents: pins every
 * document's decision (stage, reason, value), every keep_stats statistic and every surviving text to a
 * fixture generated from the code before its speed work, so an optimisation provably changes no decision.
 * Regenerate (only for an intended change of behaviour): DATAMILL_UPDATE_FIXTURES=1 npx vitest run <this file>.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import type { Doc } from '../../src/core/doc.js';
import type { StageDef } from '../../src/stages/define.js';
import filterC4 from '../../src/stages/filter-c4.js';
import filterFineweb from '../../src/stages/filter-fineweb.js';
import filterGopherQuality from '../../src/stages/filter-gopher-quality.js';
import filterGopherRepetition from '../../src/stages/filter-gopher-repetition.js';
import filterUrl from '../../src/stages/filter-url.js';
import redactPii from '../../src/stages/redact-pii.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';
import { docsFromJsonl, runStage } from '../helpers/stage-harness.js';

/** English, raw multilingual crawl, Pile chunks, books and UDHR translations (Unicode paths). */
const FILES = [
  'web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz',
  'web/dsir_toy_pile_chunks.jsonl.gz',
  'web/llamafactory_c4_demo.jsonl.gz',
  'web/llamafactory_wiki_demo.jsonl.gz',
  'web/dclm_quality_labels/majority_data.jsonl.gz',
  'web/dolma_ccnet_head/cc_en_head-0091.jsonl.gz',
  'web/dolma_ccnet_head/cc_en_head-0174.jsonl.gz',
  'web/dolma_misc/provided_documents_000.json.gz',
  'web/nltk_state_union.jsonl.gz',
  'web/nltk_inaugural.jsonl.gz',
  'web/gutenberg_botchan.jsonl',
  'web/datajuicer/arxiv-sections.jsonl',
  'web/datajuicer/demo-dataset-web-junk.jsonl',
  'web/datajuicer/redpajama-cc-2023-06-refined.jsonl',
  'web/datajuicer/redpajama-pile-stackexchange-refined.jsonl',
  'multilingual/udhr2_388.jsonl.gz',
  'multilingual/aozora_wagahaiwa_nekodearu.jsonl.gz',
];

/** pipelines/fineweb.yaml's stages after filter-language, with its options. */
const CHAIN: [StageDef, Record<string, unknown>][] = [
  [filterUrl, {}],
  [filterGopherRepetition, {}],
  [filterGopherQuality, {}],
  [filterC4, { filter_no_terminal_punct: false }],
  [filterFineweb, {}],
  [redactPii, { types: ['email', 'ip_address'] }],
];
const WITH_STATS = new Set([
  'filter-gopher-repetition',
  'filter-gopher-quality',
  'filter-c4',
  'filter-fineweb',
]);

/** Fresh docs, ids `<file>#<line index>`; a URL from Dolma's metadata when there is one. */
function loadDocs(): Doc[] {
  return FILES.flatMap((f) =>
    docsFromJsonl(sharedPath(f)).map((d, i) => {
      const url = (d.row.metadata as { url?: unknown } | undefined)?.url;
      return {
        ...d,
        id: `${path.basename(f)}#${i}`,
        row: typeof url === 'string' ? { ...d.row, url } : d.row,
      };
    }),
  );
}

/** One line per document: `id stage reason value` for drops, `id kept <sha1 of the final text>` otherwise. */
async function runChain(keepStats: boolean): Promise<{ lines: string[]; stats: string[] }> {
  let docs = loadDocs();
  const all = docs;
  const dropped = new Map<string, string>();
  for (const [def, options] of CHAIN) {
    const o = keepStats && WITH_STATS.has(def.name) ? { ...options, keep_stats: true } : options;
    const run = await runStage(def, o, docs, { batchSize: 100 });
    for (const d of run.drops)
      dropped.set(d.id, `${d.id} ${def.name} ${d.reason} ${JSON.stringify(d.value)}`);
    docs = run.kept;
  }
  const lines = all.map((d) => dropped.get(d.id) ?? `${d.id} kept ${sha1(d.text)}`);
  const stats = all.map((d) => `${d.id} ${JSON.stringify((d.row as { dm?: unknown }).dm ?? null)}`);
  return { lines, stats };
}

function sha1(s: string): string {
  return createHash('sha1').update(s).digest('hex');
}

interface Fixture {
  _about: string;
  docs: number;
  reasons: Record<string, number>;
  decisions_sha1: string;
  stats_sha1: string;
  /** Every 100th decision and statistics line, verbatim (a readable diff when a hash breaks). */
  sample: { decision: string; stats: string }[];
}

function reasonCounts(lines: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of lines) {
    const [, stage, reason] = l.split(' ');
    const key = stage === 'kept' ? 'kept' : `${stage} ${reason}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(out).sort());
}

const FIXTURE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'fixtures/fineweb-chain-decisions.json',
);

describeWithData('the fineweb.yaml chain minus language ID on real documents', () => {
  let plain: { lines: string[]; stats: string[] };
  let measured: { lines: string[]; stats: string[] };
  let fixture: Fixture;
  beforeAll(async () => {
    plain = await runChain(false);
    measured = await runChain(true);
    if (process.env.DATAMILL_UPDATE_FIXTURES === '1') {
      const made: Fixture = {
        _about:
          'Per-document decisions of filter-url → gopher-repetition → gopher-quality → c4 (no terminal punct) → ' +
          'fineweb → redact-pii on the files of fineweb-chain-real-data.test.ts, generated from the code; see that file.',
        docs: plain.lines.length,
        reasons: reasonCounts(plain.lines),
        decisions_sha1: sha1(plain.lines.join('\n')),
        stats_sha1: sha1(measured.stats.join('\n')),
        sample: plain.lines
          .map((decision, i) => ({ decision, stats: measured.stats[i]! }))
          .filter((_, i) => i % 100 === 0),
      };
      writeFileSync(FIXTURE, `${JSON.stringify(made, null, 1)}\n`);
    }
    fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Fixture;
  }, 120_000);

  it('reads every document and keeps or drops each of them the same way', () => {
    expect(plain.lines.length).toBe(fixture.docs);
    expect(reasonCounts(plain.lines)).toEqual(fixture.reasons);
  });

  it('keep_stats changes no decision', () => {
    expect(measured.lines).toEqual(plain.lines);
  });

  it('the sampled documents have their pinned decisions and statistics, verbatim', () => {
    const at = new Map(plain.lines.map((l, i) => [l.split(' ')[0]!, i]));
    for (const s of fixture.sample) {
      const i = at.get(s.decision.split(' ')[0]!)!;
      expect(plain.lines[i]).toBe(s.decision);
      expect(measured.stats[i]).toBe(s.stats);
    }
  });

  it('every decision, value, surviving text and statistic hashes as pinned', () => {
    expect(sha1(plain.lines.join('\n'))).toBe(fixture.decisions_sha1);
    expect(sha1(measured.stats.join('\n'))).toBe(fixture.stats_sha1);
  });
});

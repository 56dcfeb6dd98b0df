import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Planted } from '../../src/corpus/planted.js';
import { halfway, writeSampleData } from '../../src/corpus/write-sample.js';
import { parquetInfo, readParquetSlice } from '../../src/io/parquet-read.js';

const COMMITTED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../sample-data');
const HAS_COMMITTED = existsSync(path.join(COMMITTED, 'planted.json'));
const describeCommitted = HAS_COMMITTED ? describe : describe.skip;

async function idsIn(file: string): Promise<string[]> {
  if (file.endsWith('.jsonl.gz')) {
    const text = gunzipSync(await readFile(file)).toString('utf8');
    return text
      .split('\n')
      .filter((l) => l.length > 0)
      .map((l) => (JSON.parse(l) as { id: string }).id);
  }
  const info = await parquetInfo(file);
  const slice = { path: file, shard: file, format: 'parquet' as const, compression: 'none' as const };
  const ids: string[] = [];
  const batches = readParquetSlice(
    { ...slice, start: 0, end: info.rowGroups.length },
    {
      batchBytes: 1 << 20,
      warn: () => {},
    },
  );
  for await (const batch of batches) ids.push(...batch.rows.map((r) => r.id as string));
  return ids;
}

describe('halfway', () => {
  it.each([
    [[10, 10], 1, 10],
    [[1, 1, 1], 2, 2],
    [[5, 1, 1, 1], 1, 5],
    [[1, 1, 1, 5], 4, 8],
  ])('cuts %j after row %i (%i bytes)', (sizes, index, bytes) => {
    expect(halfway(sizes)).toEqual({ index, bytes });
  });
});

describeCommitted(
  HAS_COMMITTED
    ? 'committed sample-data/'
    : `committed sample-data/ (skipped: ${COMMITTED}/planted.json missing; run node dist/corpus/sample-data.js)`,
  () => {
    let dir: string;
    let planted: Planted;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'datamill-sample-'));
      planted = (await writeSampleData(dir, 1)).planted;
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it.each(['planted.json', 'README.md'])('%s regenerates byte for byte', async (name) => {
      expect((await readFile(path.join(dir, name))).equals(await readFile(path.join(COMMITTED, name)))).toBe(
        true,
      );
    });

    it('regenerates every data file: Parquet byte for byte, JSONL.gz identical once decompressed', async () => {
      for (const f of planted.files ?? []) {
        const mine = await readFile(path.join(dir, f.path));
        const committed = await readFile(path.join(COMMITTED, f.path));
        if (f.path.endsWith('.gz')) expect(gunzipSync(mine).equals(gunzipSync(committed)), f.path).toBe(true);
        else expect(mine.equals(committed), f.path).toBe(true);
      }
    });

    it('has two parts per domain holding the ids planted.json says', async () => {
      const files = planted.files ?? [];
      expect(files.map((f) => f.path)).toEqual([
        'web/part-0000.jsonl.gz',
        'web/part-0001.jsonl.gz',
        'forum/part-0000.jsonl.gz',
        'forum/part-0001.jsonl.gz',
        'wiki/part-0000.parquet',
        'wiki/part-0001.parquet',
      ]);
      for (const f of files) {
        const ids = await idsIn(path.join(COMMITTED, f.path));
        expect(ids.length, f.path).toBe(f.rows);
        expect([ids[0], ids.at(-1)], f.path).toEqual([f.first_id, f.last_id]);
      }
    });

    it('has exact duplicates across files of one domain and across domains', () => {
      const groups = planted.exact_duplicates;
      const crossFile = groups.filter((g) => new Set(g.domains).size === 1 && new Set(g.files).size > 1);
      const crossDomain = groups.filter((g) => new Set(g.domains).size > 1);
      expect(crossFile.length).toBeGreaterThan(0);
      expect(crossDomain.length).toBeGreaterThan(0);
    });
  },
);

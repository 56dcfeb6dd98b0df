import { execFileSync } from 'node:child_process';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BLOCK, GzipBlocks } from '../../src/io/gzip-blocks.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';
import { readJsonlRows } from '../helpers/stage-harness.js';
import { rng } from '../helpers/xorshift.js';

/** Compresses `data` written in chunks of `chunk` bytes (0: one write). */
async function compress(data: Buffer, chunk: number, level = 6): Promise<Buffer> {
  const g = new GzipBlocks(level);
  const out: Buffer[] = [];
  g.on('data', (c: Buffer) => out.push(c));
  const ended = new Promise((resolve, reject) => {
    g.on('end', resolve);
    g.on('error', reject);
  });
  if (chunk === 0) g.write(data);
  else for (let i = 0; i < data.length; i += chunk) g.write(data.subarray(i, i + chunk));
  g.end();
  await ended;
  return Buffer.concat(out);
}

/** Seeded text-like bytes: words from a small vocabulary, so blocks refer back across block boundaries. */
function textBytes(size: number, seed: number): Buffer {
  const next = rng(seed);
  const words = ['the', 'data', 'mill', 'token', 'é', '中文', '\n', '{"text":', '0123', 'zebra'];
  const parts: string[] = [];
  let n = 0;
  while (n < size) {
    const w = `${words[Math.floor(next() * words.length)]} `;
    parts.push(w);
    n += Buffer.byteLength(w);
  }
  return Buffer.from(parts.join('')).subarray(0, size);
}

describe('GzipBlocks', () => {
  it.each([0, 1, 100, BLOCK - 1, BLOCK, BLOCK + 1, 3 * BLOCK + 12345])(
    '%i bytes: gunzip gives them back, and the bytes do not depend on how writes were cut',
    async (size) => {
      const data = textBytes(size, size + 1);
      const whole = await compress(data, 0);
      expect(gunzipSync(whole).equals(data)).toBe(true);
      for (const chunk of [1000, 700_001]) expect((await compress(data, chunk)).equals(whole)).toBe(true);
    },
  );

  it('writes one standard member that gzip(1) itself verifies and decompresses', async () => {
    const data = textBytes(2 * BLOCK + 777, 5);
    const gz = await compress(data, 65536);
    expect(gz.subarray(0, 4)).toEqual(Buffer.from([0x1f, 0x8b, 8, 0]));
    expect(execFileSync('gzip', ['-dc'], { input: gz, maxBuffer: 1 << 26 }).equals(data)).toBe(true);
  });

  it('carries the window across blocks: within 0.5% of one-shot gzip at the same level', async () => {
    const data = textBytes(4 * BLOCK, 9);
    const ours = await compress(data, 0);
    const reference = gzipSync(data, { level: 6 });
    expect(ours.length / reference.length).toBeLessThan(1.005);
  });
});

describeWithData('GzipBlocks on real web text', () => {
  it('round-trips C4 and Common Crawl pages at gzip -6 size (within 0.5%)', async () => {
    const rows = [
      ...readJsonlRows(sharedPath('web/llamafactory_c4_demo.jsonl.gz')),
      ...readJsonlRows(sharedPath('web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz')),
    ];
    const data = Buffer.from(rows.map((r) => JSON.stringify(r)).join('\n'));
    expect(data.length).toBeGreaterThan(2 * BLOCK);
    const ours = await compress(data, 1 << 20);
    expect(gunzipSync(ours).equals(data)).toBe(true);
    expect(ours.length / gzipSync(data, { level: 6 }).length).toBeLessThan(1.005);
  });
});

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Doc } from '../../src/core/doc.js';
import { createSpillWriter, readSpill } from '../../src/exec/spill.js';

describe('spill', () => {
  it('round-trips documents with values JSON cannot hold, in order', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dm-spill-'));
    const file = path.join(dir, 'part-00000.spill');
    const w = await createSpillWriter(file);
    const batches: Doc[][] = [];
    for (let b = 0; b < 5; b++) {
      const docs = Array.from({ length: 300 }, (_, i) => ({
        id: `d${b}-${i}`,
        text: `text ${b} ${i} ✓`,
        row: {
          n: BigInt(i) * 10n ** 15n,
          when: new Date(Date.UTC(2020, 0, i + 1)),
          raw: new Uint8Array([b, i % 256]),
          nested: { a: [1, null] },
        },
      }));
      batches.push(docs);
      await w.write(docs);
    }
    await w.close();
    const back: Doc[] = [];
    for await (const docs of readSpill(file)) back.push(...docs);
    expect(back).toEqual(batches.flat());
  });
});

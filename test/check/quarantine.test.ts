import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quarantineSamples } from '../../src/check/quarantine.js';

describe('quarantineSamples', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dm-quarantine-'));
  const q = path.join(dir, 'quarantine');
  mkdirSync(q);
  const rec = (i: number) => `${JSON.stringify({ where: `a.jsonl@${i}`, message: `bad ${i}`, raw: 'x' })}\n`;
  // File-name order, not write order: p0-00001 comes after p0-00000.
  writeFileSync(path.join(q, 'part-p0-00001-0000.jsonl'), rec(3) + 'not json\n');
  writeFileSync(path.join(q, 'part-p0-00000-0000.jsonl'), rec(0) + rec(1) + rec(2));
  writeFileSync(path.join(q, '.part-p0-00002-0000.jsonl.abc.tmp'), rec(9));

  it.each([
    [2, ['a.jsonl@0: bad 0', 'a.jsonl@1: bad 1']],
    [
      10,
      [
        'a.jsonl@0: bad 0',
        'a.jsonl@1: bad 1',
        'a.jsonl@2: bad 2',
        'a.jsonl@3: bad 3',
        'part-p0-00001-0000.jsonl: not json',
      ],
    ],
  ])('limit %i', async (limit, expected) => {
    expect(await quarantineSamples(dir, limit)).toEqual(expected);
  });

  it('is empty for a run that quarantined nothing', async () => {
    expect(await quarantineSamples(path.join(dir, 'nothing-here'), 5)).toEqual([]);
  });
});

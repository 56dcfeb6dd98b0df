import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempPathFor, writeFileAtomic } from '../../src/io/atomic.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dm-atomic-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('tempPathFor', () => {
  it('is a hidden, distinct name in the same directory', () => {
    const final = path.join(dir, 'sub', 'part-0000.jsonl');
    const a = tempPathFor(final);
    const b = tempPathFor(final);
    expect(path.dirname(a)).toBe(path.dirname(final));
    expect(path.basename(a)).toMatch(/^\.part-0000\.jsonl\.[0-9a-f]{12}\.tmp$/);
    expect(a).not.toBe(b);
  });
});

describe('writeFileAtomic', () => {
  it.each([
    ['a string', 'hello\n', 'hello\n'],
    ['bytes', new Uint8Array([104, 105]), 'hi'],
    ['an empty marker', '', ''],
  ])('writes %s and leaves no temp file', async (_name, data, text) => {
    const file = path.join(dir, `out-${text.length}.txt`);
    await writeFileAtomic(file, data);
    expect(await readFile(file, 'utf8')).toBe(text);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces an existing file', async () => {
    const file = path.join(dir, 'replace.json');
    await writeFile(file, 'old');
    await writeFileAtomic(file, 'new', { fsync: true });
    expect(await readFile(file, 'utf8')).toBe('new');
  });

  it('fails without leaving a temp file when the target cannot be replaced', async () => {
    const target = path.join(dir, 'is-a-dir');
    await mkdir(path.join(target, 'child'), { recursive: true });
    await expect(writeFileAtomic(target, 'x')).rejects.toMatchObject({ code: expect.stringMatching(/^E/) });
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('fails when the directory does not exist', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'x.json'), '{}')).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * A temporary directory for one test file (created before its tests, removed after): `put(name, content)`
 * writes a file there and returns its path; `dir()` is the directory.
 */
export function tempFiles(tag: string) {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), `dm-${tag}-`));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    dir: () => dir,
    async put(name: string, content: string | Uint8Array): Promise<string> {
      const file = path.join(dir, name);
      await writeFile(file, content);
      return file;
    },
  };
}

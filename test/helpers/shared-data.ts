import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));

/** `../shared/data` beside the repository (CI and developer machines have it; a user's clone may not). */
export const SHARED_DATA = path.resolve(here, '../../../shared/data');
export const HAS_SHARED_DATA = existsSync(SHARED_DATA);

export function sharedPath(...parts: string[]): string {
  return path.join(SHARED_DATA, ...parts);
}

/** `describe` that skips, with a message naming the missing folder, when ../shared/data is absent. */
export function describeWithData(name: string, fn: () => void): void {
  if (HAS_SHARED_DATA) {
    describe(name, fn);
  } else {
    describe.skip(`${name} (skipped: ${SHARED_DATA} not found; these tests need the shared data folder)`, fn);
  }
}

/** The lines of a gzipped JSONL file under ../shared/data, each as its own Buffer (bytes, not decoded). */
export function sharedLines(file: string): Buffer[] {
  const bytes = gunzipSync(readFileSync(sharedPath(file)));
  const lines: Buffer[] = [];
  for (let s = 0; s < bytes.length; ) {
    let e = bytes.indexOf(10, s);
    if (e < 0) e = bytes.length;
    lines.push(Buffer.from(bytes.subarray(s, e)));
    s = e + 1;
  }
  return lines;
}

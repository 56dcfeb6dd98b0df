import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

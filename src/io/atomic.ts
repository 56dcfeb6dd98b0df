/**
 * Atomic file output: every file is written under a temp name in its final directory and renamed into place,
 * so a reader (or a resumed run) sees either the whole file or no file.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * A temp name beside `finalPath` (same directory, so the rename never crosses file systems). Hidden and
 * random, so two attempts of the same task on a shared file system never write the same temp file.
 */
export function tempPathFor(finalPath: string): string {
  const dir = path.dirname(finalPath);
  const base = path.basename(finalPath);
  return path.join(dir, `.${base}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Renames `tempPath` onto `finalPath`, replacing any existing file in one step. */
export async function commitTemp(tempPath: string, finalPath: string): Promise<void> {
  await rename(tempPath, finalPath);
}

/** Removes a file if it exists; for cleaning up temps after a failure, so it never throws on a missing file. */
export async function removeQuietly(filePath: string): Promise<void> {
  await rm(filePath, { force: true });
}

export interface AtomicWriteOptions {
  /**
   * Flush to disk before the rename. Off by default: the run's completion markers are written last, so a
   * killed process never leaves a half file that looks finished; only a machine crash needs the fsync.
   */
  fsync?: boolean;
}

/** Writes `data` to `filePath` through a temp file and a rename; the temp is removed if anything fails. */
export async function writeFileAtomic(
  filePath: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const temp = tempPathFor(filePath);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(data);
      if (options.fsync === true) await handle.sync();
    } finally {
      await handle.close();
    }
    await commitTemp(temp, filePath);
  } catch (err) {
    await removeQuietly(temp);
    throw err;
  }
}

/**
 * The first quarantined records of a run (quarantine/*.jsonl, uncompressed, `{where, message, raw}`), as
 * `where: message` lines: the reason a "no bad records" check failed, shown in check.md and JUnit.
 */
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';

/** Up to `limit` `where: message` lines, in file-name order; [] when the run quarantined nothing. */
export async function quarantineSamples(runDir: string, limit: number): Promise<string[]> {
  const dir = path.join(runDir, 'quarantine');
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.jsonl')).sort();
  const out: string[] = [];
  for (const f of files) {
    for (const line of await headLines(path.join(dir, f))) {
      if (out.length >= limit) return out;
      if (line === '') continue;
      try {
        const r = JSON.parse(line) as { where?: unknown; message?: unknown };
        out.push(`${String(r.where)}: ${String(r.message)}`);
      } catch {
        out.push(`${f}: ${line.slice(0, 200)}`);
      }
    }
  }
  return out;
}

// A quarantine file can hold millions of records; the first MiB holds the first ones (raw is capped at a
// few KiB per record by the readers).
const HEAD_BYTES = 1 << 20;

/** The complete lines within the first {@link HEAD_BYTES} of a file. */
async function headLines(file: string): Promise<string[]> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    const lines = buf.toString('utf8', 0, bytesRead).split('\n');
    if (bytesRead === HEAD_BYTES) lines.pop();
    return lines;
  } finally {
    await fh.close();
  }
}

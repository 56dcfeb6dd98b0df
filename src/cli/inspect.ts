import { badRecordError } from '../errors.js';
import { fileRows } from '../io/file-rows.js';
import { stringifyRow } from '../io/jsonl-write.js';

/** `datamill inspect FILE [-n N]`: the first N records as JSONL on stdout (any input format). */
export async function inspectCommand(file: string, flags: { n: number }): Promise<void> {
  const warn = (m: string) => process.stderr.write(`datamill: warning: ${m}\n`);
  let left = flags.n;
  for await (const batch of fileRows(file, warn)) {
    if (batch.bad.length > 0) {
      const b = batch.bad[0]!;
      throw badRecordError(b.where, b.message);
    }
    const lines: string[] = [];
    for (const row of batch.rows) {
      if (left-- <= 0) break;
      lines.push(stringifyRow(row));
    }
    if (lines.length) {
      const ok = process.stdout.write(`${lines.join('\n')}\n`);
      if (!ok) await new Promise((r) => process.stdout.once('drain', r));
    }
    if (left <= 0) return;
  }
}

/** Lines of a plain, gzip or zstd text file, streamed (the whole text is never held), with line numbers. */
import { open } from 'node:fs/promises';
import { DatamillError, inputError } from '../errors.js';
import { readChunks } from '../io/line-source.js';
import type { Compression } from '../io/types.js';

/** Detects the compression from the magic bytes; bzip2 and xz are refused with a way out. */
export async function arpaCompression(file: string): Promise<Compression> {
  let head: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      head = Buffer.alloc(6);
      const { bytesRead } = await handle.read(head, 0, 6, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new DatamillError('input_missing', `${file}: file not found, expected an ARPA model`, {
        cause: err,
      });
    }
    throw inputError(file, `cannot read the model (${(err as Error).message})`, err);
  }
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.readUInt32LE(0) === 0xfd2fb528 && head.length >= 4) return 'zstd';
  // No well-kept bzip2 package for Node (research/packages.md lists none), so bz2 is refused.
  if (head.toString('latin1', 0, 3) === 'BZh') {
    throw inputError(
      file,
      'bzip2-compressed ARPA is not supported, expected plain, gzip or zstd text (decompress it: bzip2 -dk FILE, or recompress: bzip2 -dc FILE | gzip > FILE.gz)',
    );
  }
  if (head[0] === 0xfd && head.toString('latin1', 1, 6) === '7zXZ\u0000') {
    throw inputError(
      file,
      'xz-compressed ARPA is not supported, expected plain, gzip or zstd text (decompress it: xz -dk FILE)',
    );
  }
  return 'none';
}

/** Lines of a file in batches (one per read chunk): `first` is the 1-based number of `lines[0]`. */
export interface LineBatch {
  first: number;
  lines: string[];
}

/** Yields the file's lines in batches (`\r\n` and `\n` endings stripped), decoding UTF-8 per line. */
export async function* arpaLineBatches(file: string): AsyncGenerator<LineBatch> {
  const compression = await arpaCompression(file);
  let carry: Buffer | undefined;
  let lineNo = 1;
  for await (const chunk of readChunks(file, file, compression)) {
    let buf = chunk;
    if (carry) {
      buf = Buffer.concat([carry, chunk]);
      carry = undefined;
    }
    const lines: string[] = [];
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(10, start);
      if (nl < 0) break;
      const end = nl > start && buf[nl - 1] === 13 ? nl - 1 : nl;
      lines.push(buf.toString('utf8', start, end));
      start = nl + 1;
    }
    // The chunk is reused by the reader: copy the unfinished line.
    if (start < buf.length) carry = Buffer.from(buf.subarray(start));
    if (lines.length > 0) yield { first: lineNo, lines };
    lineNo += lines.length;
  }
  if (carry && carry.length > 0) {
    const end = carry[carry.length - 1] === 13 ? carry.length - 1 : carry.length;
    yield { first: lineNo, lines: [carry.toString('utf8', 0, end)] };
  }
}

/** Yields `[lineNumber, text]` (1-based), one line at a time. */
export async function* arpaLines(file: string): AsyncGenerator<[number, string]> {
  for await (const { first, lines } of arpaLineBatches(file)) {
    for (let i = 0; i < lines.length; i++) yield [first + i, lines[i] as string];
  }
}

/** A line cursor over `arpaLineBatches`: synchronous within a batch, so a hot loop awaits once per chunk. */
export class LineCursor {
  private lines: string[] = [];
  private i = 0;
  private first = 1;
  /** Number of the line last returned (0 before the first). */
  lineNo = 0;
  private readonly it: AsyncGenerator<LineBatch>;

  constructor(file: string) {
    this.it = arpaLineBatches(file);
  }

  /** The next line of the current batch, or undefined when it is used up (then `refill`). */
  nextSync(): string | undefined {
    if (this.i === this.lines.length) return undefined;
    this.lineNo = this.first + this.i;
    return this.lines[this.i++];
  }

  /** Loads the next batch; false at the end of the file. */
  async refill(): Promise<boolean> {
    const r = await this.it.next();
    if (r.done) return false;
    this.lines = r.value.lines;
    this.first = r.value.first;
    this.i = 0;
    return true;
  }

  /** The next line, or undefined at the end of the file. */
  async next(): Promise<string | undefined> {
    for (;;) {
      const line = this.nextSync();
      if (line !== undefined) return line;
      if (!(await this.refill())) return undefined;
    }
  }

  async close(): Promise<void> {
    await this.it.return(undefined);
  }
}

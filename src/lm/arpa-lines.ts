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

/** Yields `[lineNumber, text]` (1-based; `\r\n` and `\n` endings stripped), decoding UTF-8 per line. */
export async function* arpaLines(file: string): AsyncGenerator<[number, string]> {
  const compression = await arpaCompression(file);
  let carry: Buffer | undefined;
  let lineNo = 0;
  for await (const chunk of readChunks(file, file, compression)) {
    let buf = chunk;
    if (carry) {
      buf = Buffer.concat([carry, chunk]);
      carry = undefined;
    }
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(10, start);
      if (nl < 0) break;
      lineNo++;
      const end = nl > start && buf[nl - 1] === 13 ? nl - 1 : nl;
      yield [lineNo, buf.toString('utf8', start, end)];
      start = nl + 1;
    }
    // The chunk is reused by the reader: copy the unfinished line.
    if (start < buf.length) carry = Buffer.from(buf.subarray(start));
  }
  if (carry && carry.length > 0) {
    lineNo++;
    const end = carry[carry.length - 1] === 13 ? carry.length - 1 : carry.length;
    yield [lineNo, carry.toString('utf8', 0, end)];
  }
}

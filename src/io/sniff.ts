/** Deciding an input file's format and compression from its first bytes; the extension is only a hint. */
import { open } from 'node:fs/promises';
import path from 'node:path';
import { inputError } from '../errors.js';
import { readChunks, readFailure } from './line-source.js';
import type { Compression, InputFormat } from './types.js';

export interface Sniffed {
  format: InputFormat;
  compression: Compression;
  /** Something the user should hear about (mislabeled extension, empty file); the caller prints it. */
  warning?: string;
}

/** Bytes inspected, raw or decompressed: enough to get past leading whitespace in practice. */
const HEAD_BYTES = 64 * 1024;

/** Formats recognised only to refuse them with a way out. */
const UNSUPPORTED: { magic: number[]; what: string; hint: string }[] = [
  { magic: [0x42, 0x5a, 0x68], what: 'bzip2', hint: 'recompress it: bzip2 -dc FILE | zstd -o FILE.zst' },
  {
    magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],
    what: 'xz',
    hint: 'recompress it: xz -dc FILE | zstd -o FILE.zst',
  },
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'zip', hint: 'unzip it and point the recipe at the files inside' },
  { magic: [0xff, 0xfe], what: 'UTF-16 (little-endian BOM)', hint: 'convert it: iconv -f UTF-16 -t UTF-8' },
  { magic: [0xfe, 0xff], what: 'UTF-16 (big-endian BOM)', hint: 'convert it: iconv -f UTF-16 -t UTF-8' },
];

/**
 * Reads the first bytes: gzip 1f8b, zstd 28b52ffd, Parquet 'PAR1' (encrypted 'PARE' is refused), Arrow IPC
 * file 'ARROW1' or stream (0xFFFFFFFF), else JSONL when the first non-whitespace byte (after an optional
 * UTF-8 BOM) is '{'; compressed files are decompressed a little to check that they hold JSONL. bzip2, xz,
 * zip and UTF-16 are refused with a conversion hint. An empty file is JSONL with no rows, plus a warning.
 */
export async function sniffFile(filePath: string): Promise<Sniffed> {
  const head = await readHead(filePath);
  const sniffed = await classify(filePath, head);
  const mismatch = extensionMismatch(filePath, sniffed);
  if (mismatch !== undefined && sniffed.warning === undefined) sniffed.warning = mismatch;
  return sniffed;
}

async function classify(filePath: string, head: Buffer): Promise<Sniffed> {
  for (const u of UNSUPPORTED) {
    if (startsWith(head, u.magic)) {
      throw inputError(
        filePath,
        `${u.what} input is not supported, expected JSONL (plain, gzip or zstd), Parquet or Arrow IPC (${u.hint})`,
      );
    }
  }
  if (head.length === 0) return emptyJsonl(filePath, 'none');
  if (startsWith(head, [0x1f, 0x8b])) return checkCompressed(filePath, 'gzip');
  if (startsWith(head, [0x28, 0xb5, 0x2f, 0xfd])) return checkCompressed(filePath, 'zstd');
  if (head.toString('latin1', 0, 4) === 'PARE') {
    throw inputError(
      filePath,
      'encrypted Parquet (PARE magic) is not supported, expected an unencrypted Parquet file',
    );
  }
  if (head.toString('latin1', 0, 4) === 'PAR1') return { format: 'parquet', compression: 'none' };
  if (head.toString('latin1', 0, 6) === 'ARROW1') return { format: 'arrow', compression: 'none' };
  if (startsWith(head, [0xff, 0xff, 0xff, 0xff])) return { format: 'arrow', compression: 'none' };
  const first = firstContentByte(head);
  if (first === '{') return { format: 'jsonl', compression: 'none' };
  if (first === undefined && head.length < HEAD_BYTES) return emptyJsonl(filePath, 'none');
  throw inputError(filePath, `unrecognised format (${describeBytes(head)}), ${EXPECTED}`);
}

const EXPECTED =
  "expected JSONL (one JSON object per line, first byte '{'), gzip or zstd JSONL, Parquet ('PAR1') or Arrow IPC";

/** Compressed input must hold JSONL: Parquet or Arrow inside gzip/zstd cannot be sliced or read here. */
async function checkCompressed(filePath: string, compression: Compression): Promise<Sniffed> {
  const { bytes, complete } = await decompressedHead(filePath, compression);
  if (bytes.length === 0 && complete) return emptyJsonl(filePath, compression);
  const first = firstContentByte(bytes);
  if (first === '{') return { format: 'jsonl', compression };
  if (first === undefined && complete) return emptyJsonl(filePath, compression);
  throw inputError(
    filePath,
    `${compression} stream does not hold JSONL (decompressed ${describeBytes(bytes)}), expected one JSON object per line (decompress Parquet/Arrow files before reading them)`,
  );
}

/** Up to HEAD_BYTES of decompressed output; a stream that fails after some output is judged on that output. */
async function decompressedHead(
  filePath: string,
  compression: Compression,
): Promise<{ bytes: Buffer; complete: boolean }> {
  const parts: Buffer[] = [];
  let got = 0;
  try {
    for await (const chunk of readChunks(filePath, filePath, compression)) {
      parts.push(chunk);
      got += chunk.length;
      if (got >= HEAD_BYTES) return { bytes: Buffer.concat(parts), complete: false };
    }
  } catch (err) {
    if (got === 0) throw err;
    return { bytes: Buffer.concat(parts), complete: false };
  }
  return { bytes: Buffer.concat(parts), complete: true };
}

async function readHead(filePath: string): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(filePath, 'r');
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } catch (err) {
    throw readFailure(filePath, 'none', 0, err);
  } finally {
    await handle?.close();
  }
}

function emptyJsonl(filePath: string, compression: Compression): Sniffed {
  const what = compression === 'none' ? 'empty file' : `empty ${compression} stream`;
  return { format: 'jsonl', compression, warning: `${filePath}: ${what}, read as JSONL with no rows` };
}

/** Extension-implied compression and format, compared with what the bytes say; undefined when they agree. */
function extensionMismatch(filePath: string, got: Sniffed): string | undefined {
  const name = path.basename(filePath).toLowerCase();
  const ext = path.extname(name);
  const packed: Compression | undefined =
    ext === '.gz' ? 'gzip' : ext === '.zst' || ext === '.zstd' ? 'zstd' : undefined;
  const format = FORMAT_BY_EXT[packed === undefined ? ext : path.extname(name.slice(0, -ext.length))];
  // `x.jsonl` promises an uncompressed file; a bare `x.gz` promises nothing about what is inside.
  const compression = packed ?? (format === undefined ? undefined : 'none');
  const badCompression = compression !== undefined && compression !== got.compression;
  const badFormat = format !== undefined && format !== got.format;
  if (!badCompression && !badFormat) return undefined;
  const said = `${format ?? got.format}${packed === undefined ? '' : `, ${packed}`}`;
  const is = `${got.format}${got.compression === 'none' ? ', uncompressed' : `, ${got.compression}`}`;
  return `${filePath}: the name says ${said} but the first bytes say ${is}; reading it as ${is}`;
}

const FORMAT_BY_EXT: Record<string, InputFormat | undefined> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'jsonl',
  '.parquet': 'parquet',
  '.arrow': 'arrow',
  '.feather': 'arrow',
};

function startsWith(buf: Buffer, magic: number[]): boolean {
  if (buf.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (buf[i] !== magic[i]) return false;
  return true;
}

/** The first byte after an optional UTF-8 BOM and JSON whitespace, as a character; undefined if none. */
function firstContentByte(buf: Buffer): string | undefined {
  let i = startsWith(buf, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < buf.length && (buf[i] === 0x20 || buf[i] === 0x0a || buf[i] === 0x0d || buf[i] === 0x09)) i++;
  return i < buf.length ? String.fromCharCode(buf[i]!) : undefined;
}

function describeBytes(buf: Buffer): string {
  const n = Math.min(buf.length, 8);
  const hex = [...buf.subarray(0, n)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  const text = buf.toString('latin1', 0, n).replace(/[^\x20-\x7e]/g, '.');
  return `first bytes ${hex} = '${text}'`;
}

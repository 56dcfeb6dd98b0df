/**
 * Rows as newline-terminated JSON lines in one pooled Buffer, with each line's size in bytes: exactly the
 * UTF-8 of `stringifyRow(row) + '\n'` (or of a given source line).
 *
 * With the native addon, a long string value (a document's text) is escaped and encoded straight into the
 * buffer (src/native/json_string.cc) instead of JSON.stringify + Buffer.byteLength + buf.write, which read
 * the text three times and built a second copy of it: 4.5x faster on 3,900 web texts (28 vs 125 ms, part-0
 * of the 200 MB filters corpus). Without it, each line is measured then encoded in place (one copy).
 */
import { type NativeAddon, nativeAddon } from '../native/addon.js';
import { keyJson, needsConversion, omitted, stringifyRow, valueJson } from './jsonl-stringify.js';
import { SharedBuffer, type WriteBuffers } from './write-buffers.js';

/** String values at least this long go to the native encoder; shorter ones cost less than the call. */
const LONG_STRING = 256;

export interface EncodedLines {
  shared: SharedBuffer;
  sizes: number[];
}

/** `useNative` false: the string path even when the addon is built (its tests compare the two). */
export function encodeLines(
  rows: Record<string, unknown>[],
  given: (string | undefined)[] | undefined,
  buffers: WriteBuffers,
  useNative = true,
): EncodedLines {
  const addon = useNative ? nativeAddon() : undefined;
  return addon === undefined
    ? encodeViaStrings(rows, given, buffers)
    : new LineEncoder(buffers, addon).encode(rows, given);
}

/** Builds each line as a string, measures it, then encodes all of them into one buffer. */
function encodeViaStrings(
  rows: Record<string, unknown>[],
  given: (string | undefined)[] | undefined,
  buffers: WriteBuffers,
): EncodedLines {
  const lines = rows.map((row, i) => given?.[i] ?? stringifyRow(row));
  const sizes = new Array<number>(lines.length);
  let total = 0;
  for (let i = 0; i < lines.length; i++) {
    const size = Buffer.byteLength(lines[i]!, 'utf8') + 1;
    sizes[i] = size;
    total += size;
  }
  const shared = new SharedBuffer(buffers.acquire(total), buffers);
  const buf = shared.buf;
  let off = 0;
  for (const line of lines) {
    off += buf.write(line, off, 'utf8');
    buf[off++] = 10;
  }
  return { shared, sizes };
}

/** Writes lines into a pooled buffer that it replaces by a larger one when a piece might not fit. */
class LineEncoder {
  private buf: Buffer;
  private off = 0;

  constructor(
    private readonly buffers: WriteBuffers,
    private readonly addon: NativeAddon,
  ) {
    this.buf = buffers.acquire(1 << 20);
  }

  encode(rows: Record<string, unknown>[], given: (string | undefined)[] | undefined): EncodedLines {
    const sizes = new Array<number>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const start = this.off;
      const line = given?.[i];
      const row = rows[i]!;
      if (line !== undefined) this.text(line);
      else if (needsConversion(row)) this.text(stringifyRow(row));
      else this.plainRow(row);
      this.room(1);
      this.buf[this.off++] = 10;
      sizes[i] = this.off - start;
    }
    return { shared: new SharedBuffer(this.buf, this.buffers), sizes };
  }

  /** `stringifyPlainRow(row)`, with long string values encoded natively. */
  private plainRow(row: Record<string, unknown>): void {
    let pending = '{';
    let first = true;
    for (const key of Object.keys(row)) {
      const v = row[key];
      if (omitted(v)) continue;
      pending += first ? '' : ',';
      first = false;
      pending += keyJson(key);
      pending += ':';
      if (typeof v === 'string' && v.length >= LONG_STRING) {
        this.text(pending);
        pending = '';
        this.room(6 * v.length + 2);
        this.off += this.addon.jsonStringInto(v, this.buf, this.off);
      } else pending += valueJson(v);
    }
    this.text(`${pending}}`);
  }

  /** Appends `s` as UTF-8. */
  private text(s: string): void {
    this.room(3 * s.length);
    this.off += this.buf.write(s, this.off, 'utf8');
  }

  /** Makes sure `bytes` more fit, moving what is written into a larger pooled buffer if not. */
  private room(bytes: number): void {
    if (this.buf.length - this.off >= bytes) return;
    const bigger = this.buffers.acquire(Math.max(2 * this.buf.length, this.off + bytes));
    this.buf.copy(bigger, 0, 0, this.off);
    this.buffers.release(this.buf);
    this.buf = bigger;
  }
}

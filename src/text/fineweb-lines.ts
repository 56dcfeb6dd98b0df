/**
 * The line counts FineWeb's rules decide on (DataTrove FineWebQualityFilter, SPEC-filters.md (b4)), over
 * `text.split("\n")`: kept (non-blank) lines, those ending in a stop mark, those of at most `shortMax` code
 * points, the code points of kept lines equal to an earlier one, the newlines, and Python `len(text)`. With the default stop
 * marks (TERMINAL_PUNCTUATION by code point) the native addon counts them in one pass over the text
 * (src/native/fineweb_lines.cc: no line strings, no string hashing); this file's loop is the reference and
 * the fallback, and test/native/fineweb-lines.test.ts requires both to agree.
 */
import { nativeAddon } from '../native/addon.js';
import { nativeText } from '../native/loaded-text.js';
import { endsWithIn, TERMINAL_PUNCTUATION } from './charsets.js';
import { cpLength } from './python.js';
import { isPySpace } from './scan.js';

export interface FineWebLineCounts {
  kept: number;
  punct: number;
  short: number;
  dupChars: number;
  newlines: number;
  /** Python `len(text)`. */
  length: number;
}

/** A line-end test; undefined = TERMINAL_PUNCTUATION by code point (the default, and the native one). */
export type StopTest = ((line: string) => boolean) | undefined;

let terminal: object | null | undefined = null;
const out = new Float64Array(6);

function nativeTerminal(): object | undefined {
  if (terminal === null) {
    terminal = nativeAddon()?.codePointSet(Uint32Array.from(TERMINAL_PUNCTUATION));
  }
  return terminal;
}

/** The counts for `text`; `lines` and `length` give its '\n' split and length when the TypeScript loop needs them. */
export function fineWebLineCounts(
  text: string,
  lines: () => readonly string[],
  length: () => number,
  shortMax: number,
  stop: StopTest,
  useNative = true,
): FineWebLineCounts {
  const set = useNative && stop === undefined ? nativeTerminal() : undefined;
  const addon = set === undefined ? undefined : nativeAddon()!;
  if (addon !== undefined && addon.finewebLines(nativeText(addon, text), set!, shortMax, out) === 0) {
    return {
      kept: out[0]!,
      punct: out[1]!,
      short: out[2]!,
      dupChars: out[3]!,
      newlines: out[4]!,
      length: out[5]!,
    };
  }
  const endsWithStop = stop ?? ((line: string) => endsWithIn(line, TERMINAL_PUNCTUATION));
  const all = lines();
  const counts = { kept: 0, punct: 0, short: 0, dupChars: 0, newlines: all.length - 1, length: length() };
  const seen = new Set<string>();
  for (const l of all) {
    if (!isNotBlank(l)) continue;
    counts.kept++;
    if (endsWithStop(l)) counts.punct++;
    if (isShort(l, shortMax)) counts.short++;
    if (seen.has(l)) counts.dupChars += cpLength(l);
    else seen.add(l);
  }
  return counts;
}

/** True when `line` has a character that is not Python whitespace (`line.strip() != ""`). */
function isNotBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (!isPySpace(line.charCodeAt(i))) return true;
  return false;
}

/** Python `len(line) <= max`; code points are only counted when UTF-16 length cannot decide. */
function isShort(line: string, max: number): boolean {
  return line.length <= max || (line.length <= 2 * max && cpLength(line) <= max);
}

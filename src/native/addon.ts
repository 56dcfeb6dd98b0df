/**
 * Loader of datamill's native addon (src/native/*.cc, built from source by node-gyp at `npm ci` /
 * `npm install`, or `npm run build:native`). The TypeScript implementations stay the reference and the
 * fallback: when the addon is not built, or DATAMILL_NATIVE=0, callers get `undefined` and use them.
 * Whether a run used it is recorded in its run.json (`native`, from `nativeStatus`).
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The addon's functions (see addon.cc for their contracts). */
export interface NativeAddon {
  fastTextHidden(
    shape: {
      dim: number;
      nwords: number;
      minn: number;
      maxn: number;
      bucket: number;
      pruneSize: number;
      joinLines: boolean;
    },
    input: Float32Array,
    prunePairs: Int32Array,
    words: Uint8Array,
    wordEnds: Int32Array,
    labels: Uint8Array,
    cacheEntries: number,
  ): object;
  /** Kernels that read a document's text take undefined for the loaded one (loadText, loaded-text.ts). */
  loadText(text: string): void;
  fastTextHiddenOf(handle: object, text: string | undefined, out: Float32Array): number;
  setTokenClasses(classes: Uint8Array): void;
  scanTokens(text: string | undefined, spans: Int32Array, meta: Int32Array, prefix: Int32Array): number;
  repeatMarks(
    H: Int32Array,
    U: Int32Array,
    count: number,
    pow: Int32Array,
    size: number,
    words: Int32Array,
    prefixes: Int32Array,
    wordSlot: Int32Array,
    prefixSlot: Int32Array,
    run: Int32Array,
    cand: Uint8Array,
  ): number;
  countWords(text: string | undefined): number;
  foldedNeedles(needles: readonly string[]): object;
  foldedNeedlesIn(handle: object, text: string | undefined): boolean;
  stopWordSet(words: readonly string[]): object;
  gopherQuality(
    text: string | undefined,
    spans: Int32Array,
    meta: Int32Array,
    count: number,
    stopWords: object,
    out: Float64Array,
  ): number;
  c4Config(flags: Int32Array, needles: readonly string[]): object;
  c4Lines(
    text: string | undefined,
    config: object,
    testNeedles: boolean,
    ranges: Int32Array,
    out: Float64Array,
  ): number;
  codePointSet(points: Uint32Array): object;
  finewebLines(text: string | undefined, terminal: object, shortMax: number, out: Float64Array): number;
  jsonStringInto(text: string, out: Uint8Array, offset: number): number;
  utf8Text(bytes: Uint8Array, start: number, end: number): string | undefined;
  jsonLine(bytes: Uint8Array, start: number, end: number): Record<string, unknown> | undefined;
  pieceDuplicates(text: string | undefined, from: number, to: number, minRun: 1 | 2, out: Float64Array): void;
  ngramStats(
    text: string | undefined,
    spans: Int32Array,
    meta: Int32Array,
    count: number,
    H: Int32Array,
    hashed: boolean,
    tops: Float64Array,
    stats: boolean,
    len: number,
    dups: Int32Array,
    out: Float64Array,
  ): number;
}

/** Both src/native/addon.ts and dist/native/addon.js sit two levels below the package root. */
export const ADDON_PATH = fileURLToPath(
  new URL('../../src/native/build/Release/datamill_native.node', import.meta.url),
);

let loaded: { addon: NativeAddon | undefined; status: string } | undefined;

function load(): { addon: NativeAddon | undefined; status: string } {
  if (process.env.DATAMILL_NATIVE === '0') return { addon: undefined, status: 'off (DATAMILL_NATIVE=0)' };
  try {
    const addon = createRequire(import.meta.url)(ADDON_PATH) as NativeAddon;
    return { addon, status: 'on' };
  } catch (cause) {
    const why = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    return { addon: undefined, status: `off: not built (${why}); run \`npm run build:native\`` };
  }
}

/** The addon, or undefined when it is not built or DATAMILL_NATIVE=0 (loaded once per thread). */
export function nativeAddon(): NativeAddon | undefined {
  loaded ??= load();
  return loaded.addon;
}

/** One line saying whether the native paths are in use, and why not. */
export function nativeStatus(): string {
  loaded ??= load();
  return loaded.status;
}

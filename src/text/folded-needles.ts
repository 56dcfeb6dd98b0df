/**
 * "Does one of these lowercase needles occur in the text, ignoring case?", answered exactly as the `iu`
 * RegExp of the needles alternated (the reference, and the fallback): filter-c4's per-document shortcut
 * before its lowercase line tests. Natively (src/native/folded_needles.cc) when the addon is built and every
 * needle is lowercase ASCII of four units or more: the RegExp scan took 3.2% of the FineWeb chain's CPU time
 * on one core (1 GB bench corpus, perf), at ~290 MB/s.
 */
import { nativeAddon } from '../native/addon.js';
import { nativeText } from '../native/loaded-text.js';

/** A test of `text` for the needles; undefined when there are none. */
export type NeedleTest = (text: string) => boolean;

const NATIVE_NEEDLE = /^[\x01-\x40\x5b-\x7f]{4,254}$/;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The test for `needles` (lowercase); `useNative` false keeps the RegExp (tests compare the two). */
export function foldedNeedles(needles: readonly string[], useNative = true): NeedleTest | undefined {
  if (needles.length === 0) return undefined;
  const addon = useNative ? nativeAddon() : undefined;
  if (addon !== undefined && needles.every((n) => NATIVE_NEEDLE.test(n))) {
    const handle = addon.foldedNeedles(needles);
    return (text) => addon.foldedNeedlesIn(handle, nativeText(addon, text));
  }
  const re = new RegExp(needles.map(escapeRegExp).join('|'), 'iu');
  return (text) => re.test(text);
}

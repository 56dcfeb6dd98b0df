/**
 * The text the native kernels read when they are given `undefined` for it: a document's text is copied out
 * of V8 once (addon.loadText) and every kernel of the chain reads that copy, instead of each call copying the
 * whole text again (up to eight copies per document in the FineWeb chain). This module mirrors the addon's
 * per-thread state: both live in the same thread, and only nativeText changes either.
 */
import type { NativeAddon } from './addon.js';

let loaded: string | undefined;

/**
 * The argument that makes a kernel read `text` (undefined), once `text` is the loaded one. Comparing with
 * the loaded string is one pointer check for the same document; strings of equal content are as good.
 */
export function nativeText(addon: NativeAddon, text: string): undefined {
  if (loaded !== text) {
    addon.loadText(text);
    loaded = text;
  }
  return undefined;
}

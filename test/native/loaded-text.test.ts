import { describe, expect, it } from 'vitest';
import { nativeAddon } from '../../src/native/addon.js';
import { nativeText } from '../../src/native/loaded-text.js';
import { nativeScanner } from '../../src/text/token-scan.js';

const addon = nativeScanner();

describe.skipIf(addon === undefined || nativeAddon() === undefined)('kernels reading the loaded text', () => {
  it('read the text loadText copied last when given undefined', () => {
    addon!.loadText('one two three');
    expect(addon!.countWords(undefined)).toBe(3);
    addon!.loadText('four');
    expect(addon!.countWords(undefined)).toBe(1);
    // An explicit string is read as given and leaves the loaded text alone.
    expect(addon!.countWords('five six')).toBe(2);
    expect(addon!.countWords(undefined)).toBe(1);
  });

  it.each([
    ['the same string object', (s: string) => s],
    ['an equal string built anew', (s: string) => s.split('').join('')],
  ])('nativeText reloads only for a different text (%s)', (_name, again) => {
    const texts = ['alpha beta', 'gamma', 'alpha beta gamma delta', '', 'déjà vu 😀 x'];
    for (const t of texts) {
      expect(addon!.countWords(nativeText(addon!, t))).toBe(addon!.countWords(t));
      expect(addon!.countWords(nativeText(addon!, again(t)))).toBe(addon!.countWords(t));
    }
  });

  it("a text loaded behind nativeText's back is replaced on the next call", () => {
    const t = 'a b c d';
    expect(addon!.countWords(nativeText(addon!, t))).toBe(4);
    addon!.loadText('x');
    // nativeText still believes `t` is loaded: only loadText through it is allowed, which this test breaks
    // on purpose to show the contract (the kernels then read 'x').
    expect(addon!.countWords(nativeText(addon!, t))).toBe(1);
    expect(addon!.countWords(nativeText(addon!, 'y z'))).toBe(2);
  });
});

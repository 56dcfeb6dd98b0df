/**
 * DataTrove's character sets, exactly as SPEC-filters.md lists them ("The two character sets, exactly"):
 * TERMINAL_PUNCTUATION (159 code points) and PUNCTUATION_SET (ASCII punctuation, 34 CJK/typographic
 * marks including the fullwidth digit U+FF11, C0/C1 controls except \t and \n, and the terminal set).
 */
const TERMINAL_HEX =
  '0021 002E 003F 0589 061D 061E 061F 06D4 0700 0701 0702 07F9 0837 0839 083D 083E 0964 0965 104A 104B 1362 1367 1368 166E 1735 1736 17D4 17D5 17D6 17D9 17DA 1803 1809 1944 1945 1AA8 1AA9 1AAA 1AAB 1B5A 1B5B 1B5E 1B5F 1B7D 1B7E 1C3B 1C3C 1C7E 1C7F 203C 203D 2047 2048 2049 2E2E 2E3C 2E53 2E54 3002 A4FF A60E A60F A6F3 A6F7 A876 A877 A8CE A8CF A92F A9C8 A9C9 AA5D AA5E AA5F AAF0 AAF1 ABEB FE52 FE56 FE57 FF01 FF0E FF1F FF61 10A56 10A57 10F55 10F56 10F57 10F58 10F59 10F86 10F87 10F88 10F89 11047 11048 110BE 110BF 110C0 110C1 11141 11142 11143 111C5 111C6 111CD 111DE 111DF 11238 11239 1123B 1123C 112A9 1144B 1144C 115C2 115C3 115C9 115CA 115CB 115CC 115CD 115CE 115CF 115D0 115D1 115D2 115D3 115D4 115D5 115D6 115D7 11641 11642 1173C 1173D 1173E 11944 11946 11A42 11A43 11A9B 11A9C 11C41 11C42 11EF7 11EF8 11F43 11F44 16A6E 16A6F 16AF5 16B37 16B38 16B44 16E98 1BC9F 1DA88';

const EXTRA_PUNCT_HEX =
  '00AB 00B4 00BB 2013 2014 2019 201C 201D 201E 2026 2236 2501 25BA 3001 3002 3008 3009 300A 300B 300C 300D 3010 3011 FF01 FF05 FF08 FF09 FF0C FF0E FF11 FF1A FF1B FF1F FF5E';

const ASCII_PUNCT = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

function hexSet(hex: string): Set<number> {
  return new Set(hex.split(' ').map((h) => Number.parseInt(h, 16)));
}

/** Sentence-final marks across scripts (DataTrove `TERMINAL_PUNCTUATION`), as code points. */
export const TERMINAL_PUNCTUATION: ReadonlySet<number> = hexSet(TERMINAL_HEX);

/** DataTrove `PUNCTUATION_SET`, as code points. */
export const PUNCTUATION_SET: ReadonlySet<number> = (() => {
  const s = hexSet(EXTRA_PUNCT_HEX);
  for (const ch of ASCII_PUNCT) s.add(ch.codePointAt(0)!);
  for (let c = 0x00; c <= 0x1f; c++) if (c !== 0x09 && c !== 0x0a) s.add(c);
  for (let c = 0x7f; c <= 0x9f; c++) s.add(c);
  for (const c of TERMINAL_PUNCTUATION) s.add(c);
  return s;
})();

/** 1 for BMP members of PUNCTUATION_SET: one typed-array read per character on the Gopher hot path. */
const PUNCT_BMP = new Uint8Array(0x10000);
for (const c of PUNCTUATION_SET) if (c < 0x10000) PUNCT_BMP[c] = 1;

/** `PUNCTUATION_SET.has(cp)`, faster. */
export function isPunctuationCode(cp: number): boolean {
  return cp < 0x10000 ? PUNCT_BMP[cp] === 1 : PUNCTUATION_SET.has(cp);
}

/** True when `s` ends with a character of `set` (checks the last code point). */
export function endsWithIn(s: string, set: ReadonlySet<number>): boolean {
  if (s.length === 0) return false;
  const last = s.charCodeAt(s.length - 1);
  // A trailing low surrogate after a high one: read the whole astral code point (a lone one stays itself).
  if (last >= 0xdc00 && last <= 0xdfff && s.length >= 2) {
    const hi = s.charCodeAt(s.length - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return set.has(s.codePointAt(s.length - 2)!);
  }
  return set.has(last);
}

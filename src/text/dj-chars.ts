/**
 * Data-Juicer's character classes, per code point: Python `str.isalnum()` and DJ `SPECIAL_CHARACTERS`
 * (`data_juicer/ops/common/special_characters.py`): `string.punctuation + string.digits +
 * string.whitespace`, the `OTHER_SPECIAL_CHARACTERS` list, and every single-code-point key of
 * `emoji.EMOJI_DATA`.
 *
 * Deviations (documented, small): isalnum is `\p{L}|\p{N}` in Node's Unicode version (Python: alpha =
 * L*, plus Numeric_Type characters, almost all N*); the emoji keys are `\p{Emoji}` minus the regional
 * indicators (emoji-test.txt lists no single regional indicator); the eight invisible spaces at the head
 * of OTHER_SPECIAL_CHARACTERS could not be read byte-exactly from the stored source, so every Unicode
 * space separator (Zs), U+200B and U+FFFC are special.
 */

const OTHER_SPECIAL =
  '\u3000\u200b\ufffc’“”–ー一▬…✦�£•€«»°·═×士＾˘⇓↓↑←→（）§″′´¿−±∈¢ø‚„½¼¾¹²³―⁃，ˌ¸‹›ʺˈʻ¦‐⠀‰‑≤≥‖' +
  '◆●■►▼▲▴∆▻¡★☆✱ːº。¯˜¥ɪ≈†上ン：∼⁄・♡✓⊕․．⋅÷１‟；،、¨ाাी्े◦˚゜ʼ≖ʼ¤ッツシ℃√！【】‿∞➤～πه۩☛₨➩☻๑٪♥ıॽ《‘©﴿٬？▷Г♫∟™ª₪®「—❖」﴾》';

const ASCII_SPECIAL = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~0123456789 \t\n\r\x0b\x0c';

const ALNUM = 1;
const SPECIAL = 2;

const ALNUM_RE = /^[\p{L}\p{N}]$/u;
const EMOJI_RE = /^\p{Emoji}$/u;
const ZS_RE = /^\p{Zs}$/u;

let bmp: Uint8Array | undefined;
const astral = new Map<number, number>();
let otherSet: Set<number> | undefined;

function classify(cp: number): number {
  otherSet ??= new Set(Array.from(OTHER_SPECIAL + ASCII_SPECIAL, (c) => c.codePointAt(0)!));
  if (cp >= 0xd800 && cp <= 0xdfff) return 0;
  const ch = String.fromCodePoint(cp);
  let flags = ALNUM_RE.test(ch) ? ALNUM : 0;
  const isRegional = cp >= 0x1f1e6 && cp <= 0x1f1ff;
  if (otherSet.has(cp) || ZS_RE.test(ch) || (EMOJI_RE.test(ch) && !isRegional)) flags |= SPECIAL;
  return flags;
}

/** The BMP table, built on first use (about 10 ms): one byte of flags per code unit. */
function table(): Uint8Array {
  if (bmp !== undefined) return bmp;
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = classify(c);
  bmp = t;
  return t;
}

function flagsOf(cp: number): number {
  if (cp < 0x10000) return table()[cp]!;
  let f = astral.get(cp);
  if (f === undefined) {
    f = classify(cp);
    astral.set(cp, f);
  }
  return f;
}

/** Python `ch.isalnum()` for one code point (see the module note on Unicode versions). */
export function isAlnumCp(cp: number): boolean {
  return (flagsOf(cp) & ALNUM) !== 0;
}

/** True when the code point is in DJ `SPECIAL_CHARACTERS`. */
export function isSpecialCp(cp: number): boolean {
  return (flagsOf(cp) & SPECIAL) !== 0;
}

/** Counts of one text, in Python code points: `chars` (= `len(text)`), `alnum`, `special`. */
export interface CharCounts {
  chars: number;
  alnum: number;
  special: number;
}

/** Fills `out` in one pass, allocating nothing (a lone surrogate counts as one char of neither class). */
export function countChars(text: string, out: CharCounts): CharCounts {
  const t = table();
  let chars = 0;
  let alnum = 0;
  let special = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let cp = text.charCodeAt(i);
    if ((cp & 0xfc00) === 0xd800 && i + 1 < n) {
      const lo = text.charCodeAt(i + 1);
      if ((lo & 0xfc00) === 0xdc00) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    const f = cp < 0x10000 ? t[cp]! : flagsOf(cp);
    chars++;
    alnum += f & ALNUM;
    special += (f & SPECIAL) >>> 1;
  }
  out.chars = chars;
  out.alnum = alnum;
  out.special = special;
  return out;
}

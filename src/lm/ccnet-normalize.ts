/**
 * cc_net's line normalisation before KenLM scoring, ported from facebookresearch/cc_net
 * cc_net/text_normalizer.py `normalize(line, accent=True, case=True, numbers=True, punct=1)`: strip, lower,
 * strip accents (NFD, drop Mn), digits -> 0, unicode punctuation mapped (punct 1) or removed (punct 2), then
 * control characters removed. Pure functions; no allocation beyond the strings returned.
 */
import { pyStrip } from '../text/python.js';

export interface CcnetNormalizeOptions {
  lowercase: boolean;
  strip_accents: boolean;
  digits_to_zero: boolean;
  /** cc_net `punct`: 'replace' = 1 (map to ASCII), 'remove' = 2, 'keep' = 0. */
  punctuation: 'replace' | 'remove' | 'keep';
}

/** cc_net's defaults (text_normalizer.py `normalize`: accent, case, numbers on; punct=1). */
export const CCNET_DEFAULTS: Readonly<CcnetNormalizeOptions> = {
  lowercase: true,
  strip_accents: true,
  digits_to_zero: true,
  punctuation: 'replace',
};

/** cc_net text_normalizer.py UNICODE_PUNCT, verbatim (including its "１" -> '"'). */
export const UNICODE_PUNCT: Readonly<Record<string, string>> = {
  '，': ',',
  '。': '.',
  '、': ',',
  '„': '"',
  '”': '"',
  '“': '"',
  '«': '"',
  '»': '"',
  '１': '"',
  '」': '"',
  '「': '"',
  '《': '"',
  '》': '"',
  '´': "'",
  '∶': ':',
  '：': ':',
  '？': '?',
  '！': '!',
  '（': '(',
  '）': ')',
  '；': ';',
  '–': '-',
  '—': ' - ',
  '．': '. ',
  '～': '~',
  '’': "'",
  '…': '...',
  '━': '-',
  '〈': '<',
  '〉': '>',
  '【': '[',
  '】': ']',
  '％': '%',
  '►': '-',
};

const PUNCT_RE = new RegExp(`[${Object.keys(UNICODE_PUNCT).join('')}]`, 'g');
const MN_RE = /\p{Mn}/gu;
// Python's `\d` on str matches every Unicode decimal digit (category Nd), not only 0-9.
const DIGIT_RE = /\p{Nd}/gu;
const ASCII_DIGIT_RE = /[0-9]/g;
// cc_net NON_PRINTING_CHARS_RE: chr(0..31) and chr(127..159); this removes tabs too.
const NON_PRINTING_RE = /[\u0000-\u001f\u007f-\u009f]/g;
const NON_ASCII_RE = /[^\u0000-\u007f]/;

function mapPunct(c: string): string {
  return UNICODE_PUNCT[c] ?? c;
}

/** cc_net `normalize(line, ...)` with the given switches (the defaults of cc_net are all on, 'replace'). */
export function ccnetNormalize(line: string, o: CcnetNormalizeOptions): string {
  let s = pyStrip(line);
  if (s === '') return s;
  if (o.lowercase) s = s.toLowerCase();
  // ASCII needs no NFD, has no Mn, no non-ASCII digits and no mapped punctuation: skip those passes.
  if (!NON_ASCII_RE.test(s)) {
    if (o.digits_to_zero) s = s.replace(ASCII_DIGIT_RE, '0');
    return s.replace(NON_PRINTING_RE, '');
  }
  if (o.strip_accents) s = s.normalize('NFD').replace(MN_RE, '');
  if (o.digits_to_zero) s = s.replace(DIGIT_RE, '0');
  if (o.punctuation === 'replace') s = s.replace(PUNCT_RE, mapPunct);
  else if (o.punctuation === 'remove') s = s.replace(PUNCT_RE, '');
  return s.replace(NON_PRINTING_RE, '');
}

import { pyStrip } from '../text/python.js';

/**
 * cc_net's UNICODE_PUNCT keys (`cc_net/text_normalizer.py`): the only "punctuation" its line dedup removes;
 * ASCII punctuation such as `|` or `.` is kept, as in cc_net.
 */
const UNICODE_PUNCT = '，。、„”“«»１」「《》´∶：？！（）；–—．～’…━〈〉【】％►';
/** PUNCT_OR_NON_PRINTING_CHARS_RE: those characters plus the C0 and C1 controls (0–31, 127–159). */
const PUNCT_OR_NON_PRINTING_RE = new RegExp(`[${UNICODE_PUNCT}\\x00-\\x1f\\x7f-\\x9f]`, 'g');
/** Python 3's `\d` on str: any Unicode decimal digit. */
const DIGIT_RE = /\p{Nd}/gu;
/** Fast path: printable ASCII without digits or upper case is already normalized (after strip). */
const ASCII_CLEAN_RE = /^[\x20-\x2f\x3a-\x40\x5b-\x7e]*$/;

/**
 * cc_net's `normalize_for_dedup` (`cc_net/text_normalizer.py`): strip, lowercase, every digit → "0",
 * remove cc_net's Unicode punctuation and non-printing characters. Pure; "" for blank lines.
 */
export function normalizeLine(line: string): string {
  const s = pyStrip(line);
  if (s === '' || ASCII_CLEAN_RE.test(s)) return s;
  return s.toLowerCase().replace(DIGIT_RE, '0').replace(PUNCT_OR_NON_PRINTING_RE, '');
}

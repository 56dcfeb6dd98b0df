import { type CcnetNormalizeOptions, ccnetNormalize } from '../lm/ccnet-normalize.js';
import { pyStrip } from '../text/python.js';

/**
 * cc_net's `normalize_for_dedup` is its `normalize` with case and numbers on, accents kept and punctuation
 * removed (`cc_net/text_normalizer.py`): only cc_net's Unicode punctuation goes, ASCII punctuation such as
 * `|` or `.` is kept, as in cc_net.
 */
const FOR_DEDUP: CcnetNormalizeOptions = {
  lowercase: true,
  strip_accents: false,
  digits_to_zero: true,
  punctuation: 'remove',
};

/** Fast path: printable ASCII without digits or upper case is already normalized (after strip). */
const ASCII_CLEAN_RE = /^[\x20-\x2f\x3a-\x40\x5b-\x7e]*$/;

/**
 * cc_net's `normalize_for_dedup` (`cc_net/text_normalizer.py`): strip, lowercase, every digit → "0",
 * remove cc_net's Unicode punctuation and non-printing characters. Pure; "" for blank lines.
 */
export function normalizeLine(line: string): string {
  const s = pyStrip(line);
  if (s === '' || ASCII_CLEAN_RE.test(s)) return s;
  return ccnetNormalize(s, FOR_DEDUP);
}

/**
 * Number-shaped PII detectors: phone numbers, payment card numbers (Luhn-checked, known issuer prefixes)
 * and IBANs (country length + ISO 7064 mod 97-10). Tuned on web/dolma_cc_raw to skip dates, ISBNs and
 * version strings; see test/text/pii.test.ts for the accepted and rejected shapes.
 */
import type { PiiSpan } from './pii.js';

/** `+CC` international numbers: 8–15 digits in total (E.164), groups split by space, '.', '-' or '()'. */
const PHONE_INTL = /(?<![\w+])\+[1-9]\d{0,2}(?:[ .-]?\(?\d{1,4}\)?){2,6}(?![\w-]|\.\d)/g;
/** North American: (NXX) NXX-XXXX or NXX-NXX-XXXX with one consistent separator. */
const PHONE_NANP =
  /(?<![\w+.-])(?:\([2-9]\d{2}\) ?[2-9]\d{2}[-. ]\d{4}|[2-9]\d{2}([-.])[2-9]\d{2}\1\d{4})(?![\w-]|\.\d)/g;
/** National numbers with a trunk 0: (0AA) BBB BBB, 0AAA BBB BBB, 0A BB BB BB BB; 9–12 digits. */
const PHONE_TRUNK =
  /(?<![\w+./-])(?:\(0\d{1,4}\) ?|0\d{1,4}[ .-])\d{2,4}(?:[ .-]?\d{2,4}){1,3}(?![\w-]|\.\d)/g;
const DATE_LIKE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}/;
const ISBN_BEFORE = /(?:isbn|issn|doi|isan)[\s:-]*(?:1[03])?[\s:-]*$/i;

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) n++;
  }
  return n;
}

function pushPhones(text: string, re: RegExp, min: number, max: number, out: PiiSpan[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const s = m[0];
    const n = digitCount(s);
    if (n < min || n > max || DATE_LIKE.test(s.charCodeAt(0) === 0x2b ? '' : s)) continue;
    // Dotted digit groups are often ids or grant numbers ("016.146.301"); phones written so have 10+ digits.
    if (n < 10 && /^[\d.]+$/.test(s)) continue;
    if (ISBN_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    out.push({ type: 'phone', start: m.index, end: m.index + s.length });
  }
}

/** Phone numbers; candidates need a '+' or a separator pattern, so bare digit runs (ids, years) never match. */
export function findPhones(text: string, out: PiiSpan[]): void {
  if (text.indexOf('+') >= 0) pushPhones(text, PHONE_INTL, 8, 15, out);
  pushPhones(text, PHONE_NANP, 10, 10, out);
  pushPhones(text, PHONE_TRUNK, 9, 12, out);
}

/** True when the digits of `s` (other characters skipped) pass the Luhn check. */
export function luhnValid(s: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = s.length - 1; i >= 0; i--) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) continue;
    sum += double ? (d > 4 ? d * 2 - 9 : d * 2) : d;
    double = !double;
  }
  return sum % 10 === 0;
}

const CARD = /(?<![\w.,/=#-])\d{4}([ -]?)\d{2,6}(?:\1\d{1,6}){1,3}(?![\w-]|[.,]\d)/g;
/**
 * Issuer prefix and length (ISO/IEC 7812 ranges as published by the networks): Visa 4 (13, 16, 19),
 * Mastercard 51–55 and 2221–2720 (16), Amex 34/37 (15), Diners 36/38/300–305 (14, 16), Discover 6011/65
 * (16–19), JCB 3528–3589 (16–19), UnionPay 62 (16–19).
 */
const ISSUER =
  /^(?:4(?:\d{12}|\d{15}|\d{18})|(?:5[1-5]\d\d|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)\d{12}|3[47]\d{13}|(?:3[68]\d\d|30[0-5]\d)(?:\d{10}|\d{12})|(?:6011|65\d\d|62\d\d|35(?:2[89]|[3-8]\d))\d{12,15})$/;

/** Card numbers: 13–19 digits, groups split by one consistent space or '-', a known issuer, Luhn-valid. */
export function findCards(text: string, out: PiiSpan[]): void {
  CARD.lastIndex = 0;
  for (let m = CARD.exec(text); m !== null; m = CARD.exec(text)) {
    const digits = m[1] === '' ? m[0] : m[0].replaceAll(m[1]!, '');
    if (digits.length < 13 || digits.length > 19 || !/^\d+$/.test(digits)) continue;
    if (!ISSUER.test(digits) || !luhnValid(digits)) continue;
    out.push({ type: 'credit_card', start: m.index, end: m.index + m[0].length });
  }
}

/** IBAN lengths by country (ISO 13616 registry, SWIFT release 2024). */
const IBAN_LENGTH: Record<string, number> = Object.fromEntries(
  (
    'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 DO28 ' +
    'EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 ' +
    'JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 ' +
    'NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 ' +
    'TL23 TN24 TR26 UA29 VA22 VG24 XK20'
  )
    .split(' ')
    .map((e) => [e.slice(0, 2), Number(e.slice(2))]),
);

/** ISO 7064 mod 97-10 over the IBAN moved 4 characters left, letters as 10..35; valid iff 1. */
export function ibanChecksumValid(iban: string): boolean {
  let r = 0;
  for (let k = 0; k < iban.length; k++) {
    const c = iban.charCodeAt((k + 4) % iban.length);
    r = c <= 0x39 ? (r * 10 + c - 0x30) % 97 : (r * 100 + c - 55) % 97;
  }
  return r === 1;
}

const IBAN_START = /(?<![A-Za-z0-9])[A-Z]{2}\d{2} ?[A-Z0-9]{4}/g;

/** IBANs, electronic (no spaces) or printed (groups of 4 split by single spaces). */
export function findIbans(text: string, out: PiiSpan[]): void {
  IBAN_START.lastIndex = 0;
  for (let m = IBAN_START.exec(text); m !== null; m = IBAN_START.exec(text)) {
    const len = IBAN_LENGTH[m[0].slice(0, 2)];
    if (len === undefined) continue;
    let compact = '';
    let e = m.index;
    while (e < text.length && compact.length < len) {
      const c = text.charCodeAt(e);
      if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a)) compact += text[e];
      else if (c !== 0x20 || text.charCodeAt(e - 1) === 0x20) break;
      e++;
    }
    const next = e < text.length ? text.charCodeAt(e) : 0;
    if (compact.length !== len || (next >= 0x30 && next <= 0x39) || ((next | 0x20) - 0x61) >>> 0 < 26)
      continue;
    if (!ibanChecksumValid(compact)) continue;
    out.push({ type: 'iban', start: m.index, end: e });
    IBAN_START.lastIndex = e;
  }
}

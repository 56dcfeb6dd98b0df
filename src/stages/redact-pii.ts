import { type Doc, dmOf } from '../core/doc.js';
import { z } from '../core/schema.js';
import { findPii, PII_TYPES, type PiiSpan, type PiiType, redactSpans } from '../text/pii.js';
import { defineStage } from './define.js';

const DEFAULT_PLACEHOLDERS: Record<PiiType, string> = {
  email: '<EMAIL>',
  ip_address: '<IP_ADDRESS>',
  phone: '<PHONE>',
  credit_card: '<CREDIT_CARD>',
  iban: '<IBAN>',
};

const options = z.strictObject({
  types: z
    .array(z.enum(PII_TYPES))
    .min(1)
    .default([...PII_TYPES])
    .describe(
      'Detectors to run: email, ip_address (public IPv4/IPv6 only, as DataTrove PIIFormatter keeps only ' +
        'global IPs), phone, credit_card (Luhn), iban (mod 97). DataTrove/FineWeb redact email and ip_address.',
    ),
  mode: z
    .enum(['redact', 'drop', 'flag'])
    .default('redact')
    .describe(
      "'redact' replaces each match in the text by its placeholder; 'drop' drops documents with PII " +
        "(reason pii_<type> of the first match); 'flag' stores counts in dm.pii = {email: n, ...}.",
    ),
  placeholders: z
    .strictObject({
      email: z.string().optional(),
      ip_address: z.string().optional(),
      phone: z.string().optional(),
      credit_card: z.string().optional(),
      iban: z.string().optional(),
    })
    .default({})
    .transform((p) => ({ ...DEFAULT_PLACEHOLDERS, ...p }))
    .describe(
      'Replacement per type in redact mode; unset types use <EMAIL>, <IP_ADDRESS>, <PHONE>, <CREDIT_CARD>, ' +
        '<IBAN> (typed placeholders, unlike DataTrove, which substitutes a fake address).',
    ),
});

/** Adds per-type counts of `spans` into `counts` (zeroed by the caller). */
function countTypes(spans: readonly PiiSpan[], counts: Map<PiiType, number>): void {
  for (const s of spans) counts.set(s.type, (counts.get(s.type) ?? 0) + 1);
}

export default defineStage({
  name: 'redact-pii',
  kind: 'map',
  description:
    'Finds e-mail addresses, public IP addresses, phone numbers, card numbers and IBANs; redacts them with ' +
    'typed placeholders, drops documents containing them (pii_<type>), or flags counts in dm.pii. Counts ' +
    'every match per type (counters email, ip_address, phone, credit_card, iban) and pii_docs.',
  options,
  preservesRow: () => true,
  create(o) {
    const types = new Set<PiiType>(o.types);
    const spans: PiiSpan[] = [];
    const counts = new Map<PiiType, number>();
    return {
      process(batch, ctx) {
        const kept: Doc[] = [];
        for (const doc of batch) {
          spans.length = 0;
          findPii(doc.text, types, spans);
          if (spans.length === 0) {
            kept.push(doc);
            continue;
          }
          counts.clear();
          countTypes(spans, counts);
          for (const [type, n] of counts) ctx.count(type, n);
          ctx.count('pii_docs');
          if (o.mode === 'drop') {
            const first = spans[0]!;
            ctx.drop(doc, `pii_${first.type}`, spans.length);
            continue;
          }
          if (o.mode === 'redact') doc.text = redactSpans(doc.text, spans, o.placeholders);
          else dmOf(doc).pii = Object.fromEntries(counts);
          kept.push(doc);
        }
        return kept;
      },
    };
  },
});

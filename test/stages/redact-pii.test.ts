import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import redactPii from '../../src/stages/redact-pii.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';
import { docsFromJsonl, docsFromTexts, runStage } from '../helpers/stage-harness.js';

const TEXTS = [
  'Write to ann@example.com or 8.8.8.8; card 4111 1111 1111 1111.',
  'No personal data here, version 1.2.3.4.5 from 2019-07-17.',
  'Call +44 20 7946 0958, IBAN GB82WEST12345698765432.',
];

describe('redact-pii', () => {
  it('redact: typed placeholders, per-type counters, row otherwise untouched', async () => {
    const run = await runStage(redactPii, {}, docsFromTexts(TEXTS));
    expect(run.kept.map((d) => d.text)).toEqual([
      'Write to <EMAIL> or <IP_ADDRESS>; card <CREDIT_CARD>.',
      TEXTS[1],
      'Call <PHONE>, IBAN <IBAN>.',
    ]);
    expect(run.counters).toEqual({ email: 1, ip_address: 1, credit_card: 1, phone: 1, iban: 1, pii_docs: 2 });
    expect(run.kept[0]!.row.dm).toBeUndefined();
  });

  it('placeholders override per type; types selects the detectors', async () => {
    const opts = { types: ['email', 'phone'], placeholders: { email: '[redacted]' } };
    const run = await runStage(redactPii, opts, docsFromTexts(TEXTS));
    expect(run.kept[0]!.text).toBe('Write to [redacted] or 8.8.8.8; card 4111 1111 1111 1111.');
    expect(run.kept[2]!.text).toBe('Call <PHONE>, IBAN GB82WEST12345698765432.');
  });

  it('drop: reason pii_<type> of the first match, value = number of matches (never the PII itself)', async () => {
    const run = await runStage(redactPii, { mode: 'drop' }, docsFromTexts(TEXTS));
    expect(run.kept.map((d) => d.id)).toEqual(['d1']);
    expect(run.drops).toEqual([
      { id: 'd0', reason: 'pii_email', value: 3 },
      { id: 'd2', reason: 'pii_phone', value: 2 },
    ]);
  });

  it('flag: counts in dm.pii, text unchanged', async () => {
    const run = await runStage(redactPii, { mode: 'flag' }, docsFromTexts(TEXTS));
    expect(run.kept.map((d) => d.text)).toEqual(TEXTS);
    expect(run.kept.map((d) => d.row.dm)).toEqual([
      { pii: { email: 1, credit_card: 1, ip_address: 1 } },
      undefined,
      { pii: { phone: 1, iban: 1 } },
    ]);
  });

  it('rejects unknown types and placeholder keys', async () => {
    await expect(runStage(redactPii, { types: ['ssn'] }, [])).rejects.toThrow(/types/);
    await expect(runStage(redactPii, { placeholders: { ssn: 'x' } }, [])).rejects.toThrow(/placeholders/);
  });
});

const RAW = 'web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz';

describeWithData('redact-pii on real data', () => {
  it('web/dolma_cc_raw: counts and hand-checked cases', async () => {
    const run = await runStage(redactPii, {}, docsFromJsonl(sharedPath(RAW)));
    expect(run.counters).toEqual({ email: 50, phone: 34, ip_address: 1, pii_docs: 30 });
    const byId = new Map(run.kept.map((d) => [d.id, d.text]));
    for (const [id, expected] of CHECKED) expect(byId.get(id)).toContain(expected);
  });
});

/** Checked by hand in web/dolma_cc_raw: what the redacted text must contain (true positives and kept lookalikes). */
const CHECKED: [string, string][] = [
  ['zu4asflgbrwjmzkqhtwdm7fvgzx2mrip', 'Telefon: <PHONE>\nE-Mail: <EMAIL>'],
  ['weld754q2ekntea25ghcmvm6ic7cjfyp', 'mob. <PHONE>, <PHONE> <EMAIL>'],
  ['6pvjf3lp7bdetufjj5qo5mfzzxdb33fl', "'email': '<EMAIL>'"],
  ['gzzvhepg6oprfvpkynx37ntxmt3og6hy', 'Обговорення користувача:<IP_ADDRESS>'],
  ['kiiridzv7regj4zqdlez556vqh4ialy4', 'faksem: <PHONE> lub'],
  ['cago3l2fljivuxows5h76jfkhch3z6pt', 'tel <PHONE> | port 335.5475910'],
  // ZIP+4 codes next to phone numbers stay; only the (661) numbers go.
  ['pzzrlxk7dmor6hmrfltrofudcfoe7qli', '93241-1413\n\n    <PHONE>'],
  // A 15-digit Facebook page id passes Luhn but is in a URL path and has no valid issuer length.
  ['qiogog5d7yycghu3tynl3ltlsf35stix', 'facebook.com/pages/p/388213067901331'],
];

const SAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../sample-data');

describe('redact-pii on sample-data/web', () => {
  it('redacts every planted e-mail (sample-data/planted.json pii_emails)', async () => {
    const planted = JSON.parse(readFileSync(path.join(SAMPLE, 'planted.json'), 'utf8')) as {
      pii_emails: { id: string; emails: string[] }[];
    };
    const docs = ['part-0000.jsonl.gz', 'part-0001.jsonl.gz'].flatMap((f) =>
      docsFromJsonl(path.join(SAMPLE, 'web', f)),
    );
    const run = await runStage(redactPii, { types: ['email'] }, docs);
    const byId = new Map(run.kept.map((d) => [d.id, d.text]));
    const original = new Map(docs.map((d) => [d.id, d.row.text as string]));
    expect(planted.pii_emails.length).toBeGreaterThan(0);
    for (const { id, emails } of planted.pii_emails) {
      const text = byId.get(id);
      if (text === undefined) continue; // planted in another source (forum)
      for (const e of emails) {
        expect(original.get(id)).toContain(e);
        expect(text).not.toContain(e);
      }
      expect(text).toContain('<EMAIL>');
    }
  });
});

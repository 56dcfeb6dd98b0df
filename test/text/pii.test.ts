import { describe, expect, it } from 'vitest';
import { findPii, PII_TYPES, type PiiType, redactSpans } from '../../src/text/pii.js';
import { ibanChecksumValid, luhnValid } from '../../src/text/pii-numbers.js';

const ALL = new Set(PII_TYPES);

/** The matched strings of `type` in `text`. */
function found(text: string, type: PiiType): string[] {
  return findPii(text, ALL)
    .filter((s) => s.type === type)
    .map((s) => text.slice(s.start, s.end));
}

const POSITIVES: [PiiType, string, string][] = [
  ['email', 'write to jane.doe+news@mail.example.co.uk today', 'jane.doe+news@mail.example.co.uk'],
  ['email', "'email': 'bob@example.com',", 'bob@example.com'],
  ['email', '(kbk518@naver.com)', 'kbk518@naver.com'],
  ['email', 'mail me at a_b@sub.example.org.', 'a_b@sub.example.org'],
  ['ip_address', 'from 8.8.8.8 today', '8.8.8.8'],
  ['ip_address', 'user:195.234.74.142', '195.234.74.142'],
  ['ip_address', 'ping 2606:4700:4700::1111 now', '2606:4700:4700::1111'],
  ['ip_address', 'host 2a00:1450:4001:0829:0000:0000:0000:200e', '2a00:1450:4001:0829:0000:0000:0000:200e'],
  ['phone', 'Telefon: +49 561 9804848', '+49 561 9804848'],
  ['phone', 'Reach Us +441474556909', '+441474556909'],
  ['phone', 'Tel: +32 (0)2 790 75 75 Fax', '+32 (0)2 790 75 75'],
  ['phone', 'call (612) 439-4474 now', '(612) 439-4474'],
  ['phone', 'call 330-788-8771', '330-788-8771'],
  ['phone', 'call 910.538.0115.', '910.538.0115'],
  ['phone', 'London Tel. 020 7393 1500', '020 7393 1500'],
  ['phone', 'tel 02.45486217 |', '02.45486217'],
  ['phone', 'Helpline: 0800 652 7330.', '0800 652 7330'],
  ['credit_card', 'card 4111 1111 1111 1111 exp', '4111 1111 1111 1111'],
  ['credit_card', 'card 5500-0000-0000-0004.', '5500-0000-0000-0004'],
  ['credit_card', 'amex 378282246310005', '378282246310005'],
  ['iban', 'IBAN DE89 3704 0044 0532 0130 00 bitte', 'DE89 3704 0044 0532 0130 00'],
  ['iban', 'iban: GB82WEST12345698765432', 'GB82WEST12345698765432'],
  ['iban', 'FR14 2004 1010 0505 0001 3M02 606', 'FR14 2004 1010 0505 0001 3M02 606'],
];

const NEGATIVES: [PiiType, string][] = [
  ['email', 'see @username on twitter'],
  ['email', 'user@localhost is local'],
  ['email', 'version pkg@1.2.3'],
  ['email', 'a@b..com'],
  ['ip_address', 'private 192.168.1.20 and 10.0.0.1 and 172.16.5.4'],
  ['ip_address', 'loopback 127.0.0.1, link-local 169.254.10.1, cgnat 100.64.0.1'],
  ['ip_address', 'documentation 192.0.2.5 198.51.100.7 203.0.113.9'],
  ['ip_address', 'multicast 224.0.0.1 broadcast 255.255.255.255'],
  ['ip_address', 'version 1.2.3.4.5 and v8.8.8.8'],
  ['ip_address', 'ipv6 ::1 fe80::1 fd00::1 2001:db8::1'],
  ['ip_address', 'C++ std::cout and a::b and 12:30:45'],
  ['ip_address', 'mac 00:1A:2B:3C:4D:5E'],
  ['phone', 'on 2019-07-17 and 17.07.2019 and 01.02.2019 10:30'],
  ['phone', 'ISBN 978-3-16-148410-0 and ISBN: 0-306-40615-2'],
  ['phone', 'version 10.0.19041.1052 and 1.2.3'],
  ['phone', 'grant number 016.146.301'],
  ['phone', 'zip 93241-1413 and 1,234,567 people in 2018'],
  ['phone', 'numbers 123-456-7890 (area code cannot start with 1)'],
  ['credit_card', 'card 4111 1111 1111 1112 (bad Luhn)'],
  ['credit_card', 'page www.facebook.com/pages/p/388213067901331'],
  ['credit_card', 'id 1234567890123456 and 9999 9999 9999 9995'],
  ['iban', 'IBAN DE89 3704 0044 0532 0130 01 (bad checksum)'],
  ['iban', 'DE89370400440532013000123 (too long)'],
  ['iban', 'ZZ89370400440532013000 (no such country)'],
];

describe('pii detectors', () => {
  it.each(POSITIVES)('%s: finds it in %j', (type, text, value) => {
    expect(found(text, type)).toEqual([value]);
  });

  it.each(NEGATIVES)('%s: nothing in %j', (type, text) => {
    expect(found(text, type)).toEqual([]);
  });

  it('checks Luhn and mod 97 directly', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(ibanChecksumValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanChecksumValid('GB82WEST12345698765433')).toBe(false);
  });

  it('only runs the requested detectors; earlier detectors win overlaps', () => {
    const text = 'a@example.com 8.8.8.8 +1 212 555 0100';
    expect(findPii(text, new Set<PiiType>(['ip_address'])).map((s) => s.type)).toEqual(['ip_address']);
    expect(findPii('IBAN GB82WEST12345698765432', ALL).map((s) => s.type)).toEqual(['iban']);
  });

  it('redacts sorted spans with typed placeholders', () => {
    const text = 'Mail a@example.com or call +44 20 7946 0958 from 8.8.8.8.';
    const spans = findPii(text, ALL);
    const placeholders = {
      email: '<EMAIL>',
      ip_address: '<IP_ADDRESS>',
      phone: '<PHONE>',
      credit_card: '<CREDIT_CARD>',
      iban: '<IBAN>',
    };
    expect(redactSpans(text, spans, placeholders)).toBe('Mail <EMAIL> or call <PHONE> from <IP_ADDRESS>.');
  });
});

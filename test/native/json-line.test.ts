import { describe, expect, it } from 'vitest';
import { nativeAddon } from '../../src/native/addon.js';
import { describeWithData, sharedLines } from '../helpers/shared-data.js';
import { rng } from '../helpers/xorshift.js';

const addon = nativeAddon();

/** Keys in order and values with -0 told apart from 0: what "the same object" means here. */
function shape(value: unknown): string {
  if (typeof value !== 'object' || value === null) throw new Error('expected an object');
  const entries = Object.entries(value).map(([k, v]) => [k, Object.is(v, -0) ? '-0' : v]);
  return JSON.stringify([Object.getPrototypeOf(value) === Object.prototype, entries]);
}

/** undefined when the native parse agrees with JSON.parse (or refuses); else what went wrong. */
function disagreement(bytes: Buffer): string | undefined {
  const native = addon!.jsonLine(bytes, 0, bytes.length);
  if (native === undefined) return undefined;
  let v8: unknown;
  try {
    v8 = JSON.parse(bytes.toString('utf8'));
  } catch {
    return `accepted invalid JSON: ${bytes.toString('utf8').slice(0, 80)}`;
  }
  if (!Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)) return 'accepted invalid UTF-8';
  return shape(native) === shape(v8) ? undefined : `${shape(native)} != ${shape(v8)}`.slice(0, 200);
}

/** Flat lines the parser must accept, each equal to JSON.parse's object. */
const ACCEPTED: [string, string][] = [
  ['empty object', '{}'],
  ['spaces everywhere', ' \t{ "a" : 1 , "b":"x" }\r '],
  ['plain ASCII strings (no copy)', '{"id":"doc-1","text":"The quick brown fox jumps over the lazy dog"}'],
  ['every short escape', '{"t":"q\\" b\\\\ s\\/ \\b\\f\\n\\r\\t end"}'],
  ['unicode escapes, upper and lower hex', '{"t":"\\u00e9\\u00C9\\u20ac\\ud83d\\ude00"}'],
  ['lone surrogate escapes stay lone', '{"t":"a\\ud800b\\udc00"}'],
  ['UTF-8 of every length', '{"t":"café € 漢字 😀 \u{10ffff}"}'],
  ['Latin-1 only (one-byte string)', '{"t":"naïve ÿ façade, déjà vu"}'],
  ['non-ASCII keys', '{"clé":1,"键":"v"}'],
  [
    'numbers',
    '{"a":0,"b":-0,"c":1.5e3,"d":-2E-2,"e":123456789012345678901,"g":5e-324,"h":0.1,"i":2.2250738585072011e-308}',
  ],
  ['literals', '{"t":true,"f":false,"n":null}'],
  ['duplicate keys: last value, first position', '{"a":1,"b":2,"a":3}'],
  ['integer-like keys', '{"b":1,"10":2,"2":3}'],
  [
    'nested values go to JSON.parse',
    '{"id":"x","meta":{"a":[1,{"b":"}]"}],"__proto__":2},"tags":["a","b\\"c"],"e":[]}',
  ],
  ['long text crossing many 16-byte blocks', `{"text":"${'word '.repeat(400)}\\n${'é'.repeat(50)}"}`],
];

/** Lines the parser must leave to V8: invalid JSON (nested values included) and the special cases. */
const REFUSED: [string, string][] = [
  ['not an object', '[1,2]'],
  ['invalid JSON inside a nested value', '{"a":{"b":1]}'],
  ['unbalanced nested value', '{"a":{"b":[1}'],
  ['a __proto__ key (JSON.parse makes an own property)', '{"__proto__":{"x":1}}'],
  ['an escaped __proto__ key', '{"\\u005f_proto__":1}'],
  ['trailing comma', '{"a":1,}'],
  ['missing colon', '{"a" 1}'],
  ['trailing garbage', '{"a":1} x'],
  ['unterminated string', '{"a":"abc'],
  ['raw control character in a string', '{"a":"x\u0001y"}'],
  ['raw newline in a string', '{"a":"x\ny"}'],
  ['bad escape', '{"a":"\\x41"}'],
  ['short unicode escape', '{"a":"\\u12"}'],
  ['leading zero', '{"a":01}'],
  ['bare minus', '{"a":-}'],
  ['dot without digits', '{"a":1.}'],
  ['exponent without digits', '{"a":1e}'],
  ['plus sign', '{"a":+1}'],
  ['a number beyond a double (JSON.parse: Infinity)', '{"a":1e400}'],
  ['a number below the least double (JSON.parse: 0)', '{"a":1e-400}'],
  ['a number of over 64 characters', `{"a":1${'0'.repeat(70)}}`],
  ['single quotes', "{'a':1}"],
  ['truncated literal', '{"a":tru}'],
];

describe.skipIf(addon === undefined)(
  'native JSONL object parsing (json_line.cc) is JSON.parse where it answers',
  () => {
    it.each(ACCEPTED)('accepts: %s', (_name, line) => {
      const bytes = Buffer.from(line, 'utf8');
      const native = addon!.jsonLine(bytes, 0, bytes.length);
      expect(native).toBeDefined();
      expect(shape(native)).toBe(shape(JSON.parse(line)));
    });

    it.each(REFUSED)('refuses: %s', (_name, line) => {
      const bytes = Buffer.from(line, 'utf8');
      expect(addon!.jsonLine(bytes, 0, bytes.length)).toBeUndefined();
    });

    it.each([
      ['a top-level string', '{"t":"ab', 'cd"}'],
      ['a nested value', '{"t":["ab', 'cd"]}'],
    ])('refuses invalid UTF-8 in %s (V8 then reports it)', (_name, before, after) => {
      for (const hex of ['c3', 'ed a0 80', 'f4 90 80 80', '80', 'e2 82']) {
        const bytes = Buffer.concat([
          Buffer.from(before),
          Buffer.from(hex.replace(/ /g, ''), 'hex'),
          Buffer.from(after),
        ]);
        expect(addon!.jsonLine(bytes, 0, bytes.length)).toBeUndefined();
      }
    });

    it('parses only the range asked for, and checks it', () => {
      const bytes = Buffer.from('xx{"a":"b"}yy');
      expect(addon!.jsonLine(bytes, 2, 11)).toEqual({ a: 'b' });
      expect(() => addon!.jsonLine(bytes, 2, 99)).toThrow(/range/);
    });

    it('seeded random flat objects, half of them with one byte corrupted', () => {
      const next = rng(31);
      const pieces = [
        'a',
        ' ',
        'word',
        '"',
        '\\',
        '/',
        '\n',
        '\t',
        '\u0001',
        '\u007f',
        'é',
        'ÿ',
        '€',
        '😀',
        '\ud800',
      ];
      const pick = () => pieces[Math.floor(next() * pieces.length)]!;
      const str = () => Array.from({ length: Math.floor(next() * 40) }, pick).join('');
      const values = [
        str,
        () => next() * 1e6 - 5e5,
        () => Math.floor(next() * 100),
        () => null,
        () => next() < 0.5,
      ];
      const failures: string[] = [];
      let accepted = 0;
      for (let t = 0; t < 4000; t++) {
        const obj: Record<string, unknown> = {};
        for (let k = Math.floor(next() * 6); k > 0; k--)
          obj[str()] = values[Math.floor(next() * values.length)]!();
        const bytes = Buffer.from(JSON.stringify(obj), 'utf8');
        if (next() < 0.5 && bytes.length > 0)
          bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
        if (addon!.jsonLine(bytes, 0, bytes.length) !== undefined) accepted++;
        const d = disagreement(bytes);
        if (d !== undefined) failures.push(d);
      }
      expect(failures).toEqual([]);
      expect(accepted).toBeGreaterThan(2000);
    });
  },
);

describeWithData('native JSONL object parsing of real lines', () => {
  it.each([
    ['C4 pages', 'web/llamafactory_c4_demo.jsonl.gz'],
    [
      'raw Common Crawl pages (nested metadata)',
      'web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz',
    ],
    ['UDHR, 388 languages', 'multilingual/udhr2_388.jsonl.gz'],
    ['lingua, 75 languages', 'multilingual/lingua_sentences_75langs.jsonl.gz'],
  ])('%s', (_name, file) => {
    const lines = sharedLines(file);
    const failures: string[] = [];
    let accepted = 0;
    for (const line of lines) {
      if (addon?.jsonLine(line, 0, line.length) !== undefined) accepted++;
      const d = addon === undefined ? undefined : disagreement(line);
      if (d !== undefined) failures.push(d);
    }
    expect(lines.length).toBeGreaterThanOrEqual(300);
    expect(failures).toEqual([]);
    // Every line of these files is a valid JSON object: the native path must have answered for all of them.
    if (addon !== undefined) expect(accepted).toBe(lines.length);
  });
});

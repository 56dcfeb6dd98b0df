import { describe, expect, it } from 'vitest';
import { pySplit, pyStrip } from '../../src/text/python.js';
import { countWords, countWordsUpTo, hasLongWord, isPySpace, strip } from '../../src/text/scan.js';
import { splitIntoWords } from '../../src/text/words.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';
import { readJsonlRows } from '../helpers/stage-harness.js';

const SAMPLES = [
  '',
  '   ',
  ' a b ',
  "Hello!!! (e.g. this) don't e-mail 3.14",
  '\x1c\x1dx\x1f',
  '\ufeffx\ufeff',
  'a\u00a0b\u3000c\u2028d',
  '«Привет», — сказал он…',
  '😀 emoji 😀! ©2024 → next',
  '!!! ... ---',
  '中文没有空格。日本語',
  'tab\tnl\ncr\rvt\vff\f',
];

describe('scan: non-allocating equivalents', () => {
  it.each(SAMPLES)(
    '%j: strip = pyStrip, countWords = splitIntoWords length, countWordsUpTo ≤ pySplit',
    (s) => {
      expect(strip(s)).toBe(pyStrip(s));
      expect(countWords(s)).toBe(splitIntoWords(s).length);
      expect(countWordsUpTo(s, 1000)).toBe(pySplit(s).length);
      expect(countWordsUpTo(s, 2)).toBe(Math.min(2, pySplit(s).length));
    },
  );

  it('isPySpace is Python str.isspace on the BMP', () => {
    const py = new Set([
      0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002,
      0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
    ]);
    for (let c = 0; c < 0x10000; c++) if (isPySpace(c) !== py.has(c)) throw new Error(`0x${c.toString(16)}`);
  });

  it.each([
    ['x'.repeat(1000), 1000, false],
    ['x'.repeat(1001), 1000, true],
    [`a ${'x'.repeat(1001)} b`, 1000, true],
    ['😀'.repeat(1000), 1000, false], // 2000 UTF-16 units, 1000 code points
    ['😀'.repeat(1001), 1000, true],
  ])('hasLongWord(%#) over %i → %s', (line, max, expected) => {
    expect(hasLongWord(line, max)).toBe(expected);
  });
});

describeWithData('scan on real web text', () => {
  it('countWords equals splitIntoWords(text).length and strip equals pyStrip on every raw-crawl document', () => {
    const rows = readJsonlRows(
      sharedPath('web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz'),
    );
    for (const r of rows) {
      const t = String(r.text);
      expect(countWords(t)).toBe(splitIntoWords(t).length);
      for (const line of t.split('\n'))
        if (strip(line) !== pyStrip(line)) throw new Error(JSON.stringify(line));
    }
  });
});

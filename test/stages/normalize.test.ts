import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import normalize, {
  compileSteps,
  normalizeText,
  removeControlChars,
  stripBom,
  tidyWhitespace,
  toNfc,
  toNfkc,
  unifyNewlines,
} from '../../src/stages/normalize.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';
import { docsFromJsonl, docsFromTexts, parseOptions, runStage } from '../helpers/stage-harness.js';

const DEFAULTS = {
  unicode: 'NFC',
  whitespace: true,
  control_chars: true,
  bom: true,
  newlines: true,
} as const;

describe('normalize steps', () => {
  it.each([
    [stripBom, '\uFEFFtext', 'text'],
    [stripBom, 'a\uFEFFb', 'a\uFEFFb'],
    [unifyNewlines, 'a\r\nb\rc\n\r\n', 'a\nb\nc\n\n'],
    [removeControlChars, 'a\x00b\x07c\td\ne\rf\x0Bg\x7Fh', 'abc\td\ne\rfgh'],
    [removeControlChars, 'don\u0092t \u0085x\u009F', 'dont x'],
    [removeControlChars, 'ok 😀 lone \uD800 and \uDC00 end\uD83D', 'ok 😀 lone  and  end'],
    [removeControlChars, '£ é \u00A0 \u00A9', '£ é \u00A0 \u00A9'],
    [toNfc, 'e\u0301 A\u030A', 'é Å'],
    [toNfc, 'already é', 'already é'],
    [toNfc, '\u212B', '\u00C5'],
    [toNfkc, 'ﬁ ２ x\u00A0y', 'fi 2 x y'],
    [toNfkc, 'plain ascii', 'plain ascii'],
    [tidyWhitespace, 'a  b\t\tc \t d', 'a b c d'],
    [tidyWhitespace, 'a\tb', 'a b'],
    [tidyWhitespace, 'trail  \nx\t\nlast \t', 'trail\nx\nlast'],
    [tidyWhitespace, '    indented  code\n\tif x:\n\t\treturn', '    indented code\n\tif x:\n\t\treturn'],
    [tidyWhitespace, 'a\n\n\n\n\nb', 'a\n\n\nb'],
    [tidyWhitespace, 'a\n\n\nb', 'a\n\n\nb'],
    [tidyWhitespace, 'a\n  \n \t\n\n\nb', 'a\n\n\nb'],
    [tidyWhitespace, 'keep\u00A0\u00A0nbsp', 'keep\u00A0\u00A0nbsp'],
  ])('%o(%j) = %j', (step, input, expected) => {
    expect(step(input)).toBe(expected);
  });

  it('runs the steps in order: bom, newlines, control_chars, unicode, whitespace', () => {
    const steps = compileSteps({ ...DEFAULTS, unicode: 'NFKC' });
    expect(steps.map((s) => s.counter)).toEqual([
      'changed_bom',
      'changed_newlines',
      'changed_control_chars',
      'changed_unicode',
      'changed_whitespace',
    ]);
    // Control removal and NFKC create the double spaces that whitespace then collapses.
    expect(normalizeText('\uFEFFa \x01 b\u3000 c  \r\n', steps)).toBe('a b c\n');
  });

  it('compiles only the enabled steps', () => {
    const none = {
      unicode: 'none',
      whitespace: false,
      control_chars: false,
      bom: false,
      newlines: false,
    } as const;
    expect(compileSteps(none)).toEqual([]);
    expect(normalizeText('\uFEFFx\r\n', compileSteps(none))).toBe('\uFEFFx\r\n');
  });

  // Justifies the NFC fast path: any string of code units below U+0300 is already NFC.
  it('every pair of code units below U+0300 is NFC, so such text skips normalize()', () => {
    let bad = 0;
    for (let a = 0; a < 0x300; a++) {
      for (let b = 0; b < 0x300; b++) {
        const s = String.fromCharCode(a, b);
        if (s.normalize('NFC') !== s) bad++;
      }
    }
    expect(bad).toBe(0);
    for (let c = 0; c < 0xa0; c++)
      expect(String.fromCharCode(c).normalize('NFKC')).toBe(String.fromCharCode(c));
  });
});

describe('normalize stage', () => {
  it('rewrites doc.text, never drops, and counts changed documents and steps', async () => {
    const docs = docsFromTexts(['clean text', '\uFEFFbom\r\n', 'e\u0301', 'a  b']);
    const run = await runStage(normalize, {}, docs);
    expect(run.kept.map((d) => d.text)).toEqual(['clean text', 'bom\n', 'é', 'a b']);
    expect(run.drops).toEqual([]);
    expect(run.counters).toEqual({
      changed: 3,
      changed_bom: 1,
      changed_newlines: 1,
      changed_unicode: 1,
      changed_whitespace: 1,
    });
    // Stages write doc.text; the row's text field is rewritten by the writer.
    expect(docs[1]?.row.text).toBe('\uFEFFbom\r\n');
  });

  it.each([
    [{ unicode: 'NFD' }, 'unicode'],
    [{ whitespace: 'yes' }, 'whitespace'],
    [{ bom: 1 }, 'bom'],
    [{ newline: true }, 'newline'],
  ])('rejects %j', (o, message) => {
    expect(() => parseOptions(normalize, o)).toThrow(message);
  });

  it('fills every default', () => {
    expect(parseOptions(normalize, {})).toEqual(DEFAULTS);
  });
});

describeWithData('normalize on real data', () => {
  const steps = compileSteps(DEFAULTS);

  it('web/gutenberg_botchan.jsonl: strips the BOM and turns CRLF into LF', async () => {
    const raw = readFileSync(sharedPath('web/gutenberg_botchan.jsonl'), 'utf8');
    const original = (JSON.parse(raw) as { text: string }).text;
    expect(original.startsWith('\uFEFF')).toBe(true);
    const docs = docsFromJsonl(sharedPath('web/gutenberg_botchan.jsonl'));
    const run = await runStage(normalize, { whitespace: false }, docs);
    const text = run.kept[0]?.text ?? '';
    expect(text).toBe(original.slice(1).replaceAll('\r\n', '\n'));
    expect(text.includes('\r')).toBe(false);
    expect(run.counters).toMatchObject({ changed: 1, changed_bom: 1, changed_newlines: 1 });
  });

  it('web/sms_spam_collection.jsonl.gz: removes the C1 controls and keeps £', async () => {
    const docs = docsFromJsonl(sharedPath('web/sms_spam_collection.jsonl.gz'), { id: 'line' });
    const withControls = docs.filter((d) => /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/.test(d.text)).length;
    const pounds = docs.filter((d) => d.text.includes('£')).length;
    expect(withControls).toBeGreaterThan(0);
    const run = await runStage(normalize, {}, docs, { batchSize: 500 });
    expect(run.kept).toHaveLength(5574);
    expect(run.counters.changed_control_chars).toBe(withControls);
    expect(run.kept.filter((d) => /[\x80-\x9F]/.test(d.text))).toEqual([]);
    expect(run.kept.filter((d) => d.text.includes('£')).length).toBe(pounds);
  });

  it.each([
    ['web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz'],
    ['web/sms_spam_collection.jsonl.gz'],
    ['web/gutenberg_botchan.jsonl'],
    ['web/nltk_state_union.jsonl.gz'],
  ])('%s: is idempotent and matches the slow reference', (file) => {
    for (const { text } of docsFromJsonl(sharedPath(file))) {
      const once = normalizeText(text, steps);
      expect(normalizeText(once, steps)).toBe(once);
      expect(once).toBe(reference(text));
    }
  });
});

/** Straightforward version of the default pipeline, without fast paths. */
function reference(text: string): string {
  let s = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  s = s.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/g, '');
  s = s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
  s = s.normalize('NFC');
  const lines = s.split('\n').map((raw) => {
    const line = raw.replace(/[ \t]+$/, '');
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    return indent + line.slice(indent.length).replace(/[ \t]+/g, ' ');
  });
  return lines.join('\n').replace(/\n{4,}/g, '\n\n\n');
}

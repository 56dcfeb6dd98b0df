import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/evaluate.js';
import { escapeXml, renderJunit } from '../../src/check/junit.js';
import { parseXml } from './xml.js';

function result(name: string, pass: boolean, message = `${name} = 1, expected ≤ 0`, details: string[] = []) {
  return { name, metric: 'documents.quarantined', value: 1, max: 0, pass, message, details } as CheckResult;
}

describe('escapeXml', () => {
  it.each([
    ['a < b & c > d', 'a &lt; b &amp; c &gt; d'],
    [`say "hi" it's`, 'say &quot;hi&quot; it&apos;s'],
    ['tab\tnl\ncr\r', 'tab\tnl\ncr\r'],
    ['nul\u0000 bell\u0007 esc\u001b', 'nul\uFFFD bell\uFFFD esc\uFFFD'],
    ['lone \uD800 high, lone \uDC00 low', 'lone \uFFFD high, lone \uFFFD low'],
    ['pair \uD83D\uDE00 kept', 'pair \uD83D\uDE00 kept'],
    ['\uFFFE\uFFFF', '\uFFFD\uFFFD'],
    ['&amp; stays escaped once', '&amp;amp; stays escaped once'],
  ])('%j → %j', (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });
});

describe('renderJunit', () => {
  const nasty = 'reason <b>&"quoted"\' \u0001 \uD800 ]]> |pipe|';
  const results = [
    result('documents.read ≥ 1', true),
    result(nasty, false, `value ${nasty}`, ['quarantined: in.jsonl@0: text field "text": expected a string']),
    result('plain', false),
  ];
  const xml = renderJunit(results, 'suite <&> "x"');
  const root = parseXml(xml);

  it('is one testsuite inside testsuites, with counts', () => {
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({ tests: '3', failures: '2', errors: '0' });
    expect(root.children.map((c) => c.name)).toEqual(['testsuite']);
    const suite = root.children[0]!;
    expect(suite.attrs).toMatchObject({ name: 'suite <&> "x"', tests: '3', failures: '2', skipped: '0' });
    expect(suite.children.map((c) => c.name)).toEqual(['testcase', 'testcase', 'testcase']);
  });

  it('gives each failed check a failure with the message and details; passed ones none', () => {
    const [pass, fail1, fail2] = root.children[0]!.children;
    expect(pass!.children).toEqual([]);
    const failure = fail1!.children[0]!;
    expect(failure.name).toBe('failure');
    expect(failure.attrs.type).toBe('check_failed');
    // Control characters and lone surrogates cannot be in XML at all: they become U+FFFD.
    const cleaned = nasty.replace('\u0001', '\uFFFD').replace('\uD800', '\uFFFD');
    expect(fail1!.attrs.name).toBe(cleaned);
    expect(failure.attrs.message).toBe(`value ${cleaned}`);
    expect(failure.text).toBe(
      `value ${cleaned}\nquarantined: in.jsonl@0: text field "text": expected a string`,
    );
    expect(fail2!.children[0]!.attrs.message).toBe('plain = 1, expected ≤ 0');
  });

  it('is well-formed with no checks', () => {
    const empty = parseXml(renderJunit([], 'none'));
    expect(empty.attrs.tests).toBe('0');
    expect(empty.children[0]!.children).toEqual([]);
  });

  it('the checker rejects what is not well-formed', () => {
    for (const bad of [
      '<a>',
      '<a></b>',
      '<a x="1" x="2"/>',
      '<a>&foo;</a>',
      '<a>&</a>',
      '<a>\u0001</a>',
      '<a/><b/>',
    ])
      expect(() => parseXml(bad)).toThrow();
  });
});

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { datamill, tempDir } from '../../e2e/cli.js';
import { randomCorpus } from './helpers.js';

// Runs the built CLI: `npx tsc` first.
describe('datamill lm train (built CLI)', () => {
  const dir = tempDir('lm-train-cli');
  const lines = randomCorpus(21, 600, 120);
  // Documents of 1–3 lines: the JSONL input splits text on newlines, so it trains on the same sentences.
  const docs: string[] = [];
  for (let i = 0; i < lines.length; i += 3)
    docs.push(JSON.stringify({ id: i, text: lines.slice(i, i + 3).join('\n') }));
  writeFileSync(path.join(dir, 'corpus.txt'), `${lines.join('\n')}\n`);
  writeFileSync(path.join(dir, 'empty.txt'), '\n  \n');
  writeFileSync(path.join(dir, 'docs.jsonl'), `${docs.join('\n')}\n`);
  mkdirSync(path.join(dir, 'run', 'data'), { recursive: true });
  writeFileSync(path.join(dir, 'run', 'data', 'part-00000.jsonl'), `${docs.join('\n')}\n`);

  it('trains from .txt, JSONL and a run directory to the same ARPA; .gz is gzip; --json summary', () => {
    const txt = datamill([
      'lm',
      'train',
      '--order',
      '3',
      '-o',
      path.join(dir, 'a.arpa'),
      path.join(dir, 'corpus.txt'),
    ]);
    expect(txt.status, txt.stderr).toBe(0);
    expect(txt.stdout).toMatch(/wrote .*a\.arpa: order 3, 1-grams 123/);
    const jsonl = datamill([
      'lm',
      'train',
      '--order',
      '3',
      '-o',
      path.join(dir, 'b.arpa.gz'),
      '--json',
      path.join(dir, 'docs.jsonl'),
    ]);
    expect(jsonl.status, jsonl.stderr).toBe(0);
    const summary = JSON.parse(jsonl.stdout);
    expect(summary.sentences).toBe(600);
    expect(summary.counts).toHaveLength(3);
    const run = datamill([
      'lm',
      'train',
      '--order',
      '3',
      '-o',
      path.join(dir, 'c.arpa'),
      '--from-run',
      path.join(dir, 'run'),
      '--memory',
      '50kB',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const a = readFileSync(path.join(dir, 'a.arpa'), 'utf8');
    expect(a.startsWith('\\data\\\nngram 1=123\n')).toBe(true);
    expect(gunzipSync(readFileSync(path.join(dir, 'b.arpa.gz'))).toString('utf8')).toBe(a);
    expect(readFileSync(path.join(dir, 'c.arpa'), 'utf8')).toBe(a);
  });

  it.each([
    [['--order', '3', '-o', 'x.arpa', 'missing.txt'], 3, /missing\.txt: input file not found/],
    [['--order', '6', '-o', 'x.arpa', 'corpus.txt'], 2, /--order must be 1\.\.5/],
    [['--order', '3', '-o', 'x.txt', 'corpus.txt'], 2, /--out must end in \.arpa/],
    [['--order', '3', '-o', 'x.arpa', '--from-run', '.'], 3, /not a run directory/],
    [['--order', '3', '-o', 'x.arpa', 'empty.txt'], 3, /no sentences in the input/],
    [
      ['--order', '5', '-o', 'x.arpa', '--no-discount-fallback', 'corpus.txt'],
      3,
      /discounts .*use --discount-fallback/,
    ],
  ])('%j exits %i', (args, code, message) => {
    const r = datamill(['lm', 'train', ...args], dir);
    expect(r.status).toBe(code);
    expect(r.stderr).toMatch(message);
  });
});

import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datamill, tempDir, writeRecipe } from '../e2e/cli.js';
import { missingFromHtml } from '../run/report-html-parity.js';

const HOSTILE = '</script><img src=x onerror=alert(1)>';
const FORMATS = ['report.json', 'report.md', 'report.html'] as const;

function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32;
  };
}

/**
 * Two domains of 150-word documents sharing a hostile boilerplate line; per domain 3 exact copies, 3 copies
 * with one word changed (MinHash near-duplicates), 3 short documents and one invalid JSON line. One
 * document's id is the hostile string, and it has a near copy, so it reaches the duplicate-pair sample.
 */
function writeCorpus(dir: string): void {
  const rand = rng(7);
  // Letters only: MinHash's simplification maps digits to 0, which would make every document alike.
  const word = () => [...String(Math.floor(rand() * 5000))].map((d) => 'abcdefghij'[Number(d)]).join('');
  const words = () => Array.from({ length: 150 }, () => `w${word()}`);
  for (const domain of ['web', 'forum']) {
    const docs: { id: string; text: string }[] = [];
    for (let i = 0; i < 30; i++) {
      const id = domain === 'web' && i === 0 ? HOSTILE : `${domain}-${i}`;
      docs.push({ id, text: `${words().join(' ')}\n${HOSTILE} subscribe now` });
    }
    for (let i = 0; i < 3; i++) docs.push({ id: `${domain}-exact-${i}`, text: docs[i]!.text });
    for (let i = 0; i < 3; i++) {
      docs.push({ id: `${domain}-near-${i}`, text: docs[i]!.text.replace(/^w[a-j]+/, 'changed') });
    }
    for (let i = 0; i < 3; i++) docs.push({ id: `${domain}-short-${i}`, text: 'too short' });
    const lines = docs.map((d) => JSON.stringify(d));
    lines.splice(10, 0, '{"id": "broken", "text": ');
    writeFileSync(path.join(dir, `${domain}.jsonl`), `${lines.join('\n')}\n`);
  }
}

const RECIPE = `inputs:
  - path: web.jsonl
    domain: web
  - path: forum.jsonl
    domain: forum
output:
  dir: out
  format: jsonl
  compression: none
runtime:
  workers: 2
  on_bad_record: quarantine
stages:
  - stage: filter-length
    options:
      min_words: 10
  - stage: dedup-exact
  - stage: dedup-lines
    options:
      mode: first
      min_chars: 100
  - stage: dedup-minhash
`;

const read = (dir: string) =>
  Object.fromEntries(FORMATS.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));

describe('datamill report RUN_DIR', () => {
  const dir = tempDir('report');
  writeCorpus(dir);
  const out = path.join(dir, 'out');
  const run = datamill(['run', writeRecipe(dir, 'r.yaml', RECIPE), '--quiet']);
  const written = run.status === 0 ? read(out) : {};
  /** A copy of the finished run directory, to change without disturbing the other tests. */
  const copy = (tag: string) => {
    const to = path.join(tempDir(`report-${tag}`), 'run');
    cpSync(out, to, { recursive: true });
    return to;
  };

  it('the run writes all three reports', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(written['report.json']!);
    expect(report.documents).toMatchObject({ quarantined: 2, balanced: true });
    expect(report.stages.map((s: { dropped: object }) => Object.keys(s.dropped))).toEqual([
      ['too_few_words'],
      ['exact_duplicate'],
      [],
      ['near_duplicate'],
    ]);
  });

  it('report.html shows everything report.md does, with the hostile id and line as text only', () => {
    const html = written['report.html']!;
    expect(missingFromHtml(written['report.md']!, html)).toEqual([]);
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toMatch(/<(script|img)\b/i);
    for (const section of [
      'id="funnel"',
      'id="stage-3"',
      'aria-label="histogram of words (log scale)"',
      '<h2>dedup-exact</h2>',
      '<h3>top_lines</h3>',
      'aria-label="p_candidate against similarity"',
      '<h3>duplicate_pairs_sample</h3>',
    ])
      expect(html).toContain(section);
    expect(html).toContain('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; subscribe now');
    expect(html).toContain('<td>&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</td><td>web-near-0</td>');
    expect(html).toContain('<details><summary>Dropped documents (sample): 5 of 6</summary>');
  });

  it('report.md shows the hostile id and line escaped, and a sample of the dropped documents', () => {
    const md = written['report.md']!;
    expect(md).not.toContain(HOSTILE);
    expect(md).toContain('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; subscribe now');
    expect(md).toMatch(
      /<details><summary>filter-length: 5 sampled of 6 dropped<\/summary>\n\n\| reason \| id \| value \| chars \| text \|/,
    );
    expect(md).toContain('| too_few_words | web-short-');
  });

  it('rebuilds byte-identical reports from the run directory', () => {
    const again = copy('again');
    for (const f of FORMATS) rmSync(path.join(again, f));
    const r = datamill(['report', again]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(read(again)).toEqual(written);
  });

  it('gives the same report for a moved run directory', () => {
    const moved = copy('moved');
    expect(datamill(['report', moved]).status).toBe(0);
    expect(read(moved)).toEqual(written);
  });

  it.each([
    [['--stdout'], 'report.md'],
    [['--format', 'md', '--stdout'], 'report.md'],
    [['--format', 'json', '--stdout'], 'report.json'],
    [['--format', 'html', '--stdout'], 'report.html'],
  ] as const)('%j prints %s and writes nothing', (flags, file) => {
    const bare = copy('stdout');
    for (const f of FORMATS) rmSync(path.join(bare, f));
    const r = datamill(['report', bare, ...flags]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(written[file]);
    for (const f of FORMATS) expect(existsSync(path.join(bare, f))).toBe(false);
  });

  it('--format html writes only report.html', () => {
    const bare = copy('html');
    for (const f of FORMATS) rmSync(path.join(bare, f));
    expect(datamill(['report', bare, '--format', 'html']).status).toBe(0);
    expect(FORMATS.map((f) => existsSync(path.join(bare, f)))).toEqual([false, false, true]);
  });

  it('refuses an incomplete run, naming how many tasks of which phase are not done (exit 2)', () => {
    const partial = copy('partial');
    const phases = JSON.parse(readFileSync(path.join(partial, 'run.json'), 'utf8')).plan.phases as {
      name: string;
      tasks: number;
    }[];
    const reduce = phases.find((p) => p.name.includes('reduce-dedup-lines'))!;
    rmSync(path.join(partial, 'tasks', reduce.name, '00000.done'));
    rmSync(path.join(partial, 'tasks', phases[0]!.name, '00001.done'));
    const r = datamill(['report', partial]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the run is not complete, 2 task(s) have no done marker');
    expect(r.stderr).toContain(`phase ${phases[0]!.name}: 1 of ${phases[0]!.tasks} tasks`);
    expect(r.stderr).toContain(`phase ${reduce.name}: 1 of ${reduce.tasks} tasks`);
  });

  it.each([
    [
      'a missing directory',
      (d: string) => path.join(d, 'nope'),
      'no such directory, expected a datamill run directory',
    ],
    ['a directory without run.json', (d: string) => d, 'not a datamill run directory (no run.json)'],
    [
      'a run.json that is not JSON',
      (d: string) => {
        writeFileSync(path.join(d, 'run.json'), '{');
        return d;
      },
      'run.json: invalid JSON',
    ],
    [
      'a run.json without a plan',
      (d: string) => {
        writeFileSync(path.join(d, 'run.json'), '{"plan_hash": "x"}');
        return d;
      },
      "no plan with phases and stages, expected datamill's run.json",
    ],
  ])('refuses %s (exit 2)', (_name, make, message) => {
    const r = datamill(['report', make(tempDir('report-bad'))]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

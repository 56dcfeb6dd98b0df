import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { describeWithData, HAS_SHARED_DATA, sharedPath } from '../helpers/shared-data.js';
import { datamill, readReport, tempDir, writeRecipe } from './cli.js';

const dir = tempDir('fmt');
const rows = Array.from({ length: 300 }, (_, i) => ({
  id: `r${i}`,
  text: i % 7 === 0 ? `emoji 🎉 and 日本語 ${i}` : `plain text number ${i}\nsecond line`,
  n: i,
  x: i / 3,
  ok: i % 2 === 0,
  tags: ['a', String(i)],
  meta: { source: 'gen', depth: { k: i } },
  maybe: i % 5 === 0 ? null : 'v',
}));
writeFileSync(path.join(dir, 'rows.jsonl'), rows.map((r) => `${JSON.stringify(r)}\n`).join(''));

function convert(input: string, out: string, format: string, compression = 'zstd'): string {
  const recipe = writeRecipe(
    dir,
    `${out}.yaml`,
    `inputs:\n  - path: ${input}\noutput:\n  dir: ${out}\n  format: ${format}\n  compression: ${compression}\nruntime:\n  token_count: exact\nstages: []\n`,
  );
  const r = datamill(['run', recipe, '--quiet']);
  if (r.status !== 0) throw new Error(r.stderr);
  const files = readdirSync(path.join(dir, out, 'data')).sort();
  return path.join(dir, out, 'data', files[0]!);
}

function readJsonl(file: string): unknown[] {
  const buf = readFileSync(file);
  const text = file.endsWith('.gz') ? gunzipSync(buf).toString('utf8') : buf.toString('utf8');
  return text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

describe('JSONL ↔ Parquet through the CLI', () => {
  it.each(['zstd', 'gzip', 'none'])('JSONL → Parquet (%s) → JSONL keeps every field and type', (codec) => {
    const pq = convert('rows.jsonl', `pq-${codec}`, 'parquet', codec);
    const back = convert(pq, `back-${codec}`, 'jsonl', 'gzip');
    expect(readJsonl(back)).toEqual(rows);
  });

  it('inspect prints the first records of a Parquet file as JSONL', () => {
    const pq = convert('rows.jsonl', 'pq-inspect', 'parquet');
    const r = datamill(['inspect', pq, '-n', '3']);
    expect(r.status).toBe(0);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual(rows.slice(0, 3));
  });

  it('stats profiles documents, fields and types', () => {
    const r = datamill(['stats', path.join(dir, 'rows.jsonl'), '--json']);
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ documents: 300, bad_records: 0, missing_text: 0 });
    expect(s.fields.maybe).toEqual({ null: 60, string: 240 });
    expect(s.fields.meta).toEqual({ object: 300 });
    expect(s.tokens_cl100k_estimated).toBeGreaterThan(1000);
  });

  it('exact token counting matches counting every output document', () => {
    convert('rows.jsonl', 'tok', 'jsonl');
    const report = readReport(path.join(dir, 'tok'));
    expect(report.tokens.counted_docs).toBe(300);
    expect(report.tokens.estimated_total).toBe(report.domains.input0.tokens);
  });
});

describeWithData('Parquet from other writers through the CLI', () => {
  it.each([
    ['web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.duckdb-zstd.parquet', 697],
    ['web/llamafactory_c4_demo.duckdb-snappy.parquet', 300],
    ['web/dclm_quality_labels/majority_data.hyparquet-snappy-rg100.parquet', 499],
    ['multilingual/lingua_sentences_75langs.hyparquet-snappy-rg10000.parquet', 74141],
  ])('%s: Parquet → Parquet keeps the rows (%d)', (file, n) => {
    const out = `pp-${path.basename(file)}`;
    const pq = convert(sharedPath(file), out, 'parquet');
    const report = readReport(path.join(dir, out));
    expect(report.documents).toMatchObject({ read: n, out: n, balanced: true });
    const parse = (f: string) =>
      datamill(['inspect', f, '-n', '50'])
        .stdout.trim()
        .split('\n')
        .map((l) => JSON.parse(l));
    const original = parse(sharedPath(file));
    // Inputs without an id field get the generated id (`<shard>#<row>`) written out.
    const written = parse(pq).map((r, i) => ('id' in original[i] ? r : { ...r, id: undefined }));
    expect(JSON.parse(JSON.stringify(written))).toEqual(original);
  });
  void HAS_SHARED_DATA;
});

describe('keep_rejected and the ledger', () => {
  it('writes dropped documents with their reason, and one ledger row per drop', () => {
    const recipe = writeRecipe(
      dir,
      'rej.yaml',
      `inputs:\n  - path: rows.jsonl\noutput:\n  dir: rej\n  format: jsonl\n  keep_rejected: true\nstages:\n  - stage: filter-length\n    options: { max_words: 4 }\n`,
    );
    expect(datamill(['run', recipe, '--quiet']).status).toBe(0);
    const report = readReport(path.join(dir, 'rej'));
    const dropped = report.stages[0].dropped.too_many_words;
    expect(dropped).toBeGreaterThan(0);
    const rejected = readJsonl(
      path.join(dir, 'rej', 'rejected', 'filter-length', 'part-p0-00000-0000.jsonl.gz'),
    ) as { dm: { drop: unknown } }[];
    expect(rejected).toHaveLength(dropped);
    expect(rejected[0]!.dm.drop).toMatchObject({ stage: 'filter-length', reason: 'too_many_words' });
    const ledger = datamill([
      'inspect',
      path.join(dir, 'rej', 'ledger', 'part-p0-00000-0000.parquet'),
      '-n',
      '100000',
    ])
      .stdout.trim()
      .split('\n');
    expect(ledger).toHaveLength(dropped);
    expect(JSON.parse(ledger[0]!)).toMatchObject({
      stage: 'filter-length',
      reason: 'too_many_words',
      value: expect.any(Number),
    });
  });
});

describe('unchanged JSONL documents are written as they were read', () => {
  const lines = [
    '{"id": "a",  "text": "kept as is, spacing and key order too", "k": 1}',
    '{"text": "no id of its own, so it is re-serialized", "k": 2}',
    '{"id": "c", "text": "  needs   normalizing  ", "k": 3}',
    '{"id": "d", "text": "x", "k": 4}',
    '{"id": "e", "text": "naïve café, 東京 🙂 \\u00e9", "k": 5}',
  ];
  writeFileSync(path.join(dir, 'verbatim.jsonl'), `${lines.join('\n')}\n`);

  function run(out: string, stages: string): string[] {
    const recipe = writeRecipe(
      dir,
      `${out}.yaml`,
      `inputs:\n  - path: verbatim.jsonl\noutput:\n  dir: ${out}\n  format: jsonl\n  compression: none\nstages:\n${stages}`,
    );
    const r = datamill(['run', recipe, '--quiet']);
    if (r.status !== 0) throw new Error(r.stderr);
    return readFileSync(path.join(dir, out, 'data', 'part-00000-0000.jsonl'), 'utf8')
      .trim()
      .split('\n');
  }

  it.each([
    [
      'row-preserving stages',
      '  - stage: normalize\n  - stage: filter-length\n    options: { min_chars: 2 }\n',
      [
        lines[0],
        '{"text":"no id of its own, so it is re-serialized","k":2,"id":"verbatim.jsonl@70"}',
        '{"id":"c","text":"  needs normalizing","k":3}',
        lines[4],
      ],
    ],
    [
      'a stage that rewrites rows',
      '  - stage: select-fields\n    options: { fields: [id, text] }\n',
      [
        '{"id":"a","text":"kept as is, spacing and key order too"}',
        '{"text":"no id of its own, so it is re-serialized","id":"verbatim.jsonl@70"}',
        '{"id":"c","text":"  needs   normalizing  "}',
        '{"id":"d","text":"x"}',
        '{"id":"e","text":"naïve café, 東京 🙂 é"}',
      ],
    ],
    [
      'stats added under dm',
      '  - stage: filter-length\n    options: { min_chars: 2, keep_stats: true }\n',
      null,
    ],
  ])('%s', (_name, stages, want) => {
    const got = run(`verbatim-${_name.replace(/\W+/g, '-')}`, stages);
    if (want) expect(got).toEqual(want);
    else for (const l of got) expect(JSON.parse(l).dm.length).toBeDefined();
  });
});

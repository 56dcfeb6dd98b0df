import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED_DATA, sharedPath } from '../helpers/shared-data.js';
import { datamill, readReport, tempDir, writeRecipe } from './cli.js';

const dir = tempDir('bad');
const good = '{"id":"a","text":"hello world"}\n';

/** Each case: a file to write (or a shared file), what `run` must exit with and say. */
const cases: { name: string; make: () => string; code: number; err: RegExp; quarantined?: number }[] = [
  {
    name: 'invalid JSON line',
    make: () => put('bad.jsonl', `${good}{"id":"b","text":}\n${good}`),
    code: 3,
    err: /bad\.jsonl:2: invalid JSON/,
    quarantined: 1,
  },
  {
    name: 'text that is not a string',
    make: () => put('num.jsonl', `${good}{"id":"n","text":42}\n`),
    code: 3,
    err: /num\.jsonl:2: text field "text": expected a string, got number/,
    quarantined: 1,
  },
  {
    name: 'a line that is not an object',
    make: () => put('arr.jsonl', `${good}[1,2]\n`),
    code: 3,
    err: /arr\.jsonl:2: .*expected a JSON object/,
    quarantined: 1,
  },
  {
    name: 'invalid UTF-8',
    make: () =>
      putBytes(
        'utf.jsonl',
        Buffer.concat([Buffer.from(good), Buffer.from('{"id":"u","text":"a\xff"}\n', 'latin1')]),
      ),
    code: 3,
    err: /utf\.jsonl:2: invalid UTF-8/,
    quarantined: 1,
  },
  {
    name: 'truncated gzip',
    make: () => putBytes('trunc.jsonl.gz', truncatedGzip()),
    code: 3,
    err: /trunc\.jsonl\.gz: truncated or corrupt gzip/,
  },
];
if (HAS_SHARED_DATA) {
  cases.push(
    {
      name: 'missing text field (dolma formats_test)',
      make: () => sharedPath('web/dolma_misc/formats_test.jsonl'),
      code: 3,
      err: /formats_test\.jsonl:1: text field "text": expected a string, got no such field \(fields: message/,
      quarantined: 1,
    },
    {
      name: 'encrypted Parquet',
      make: () => sharedPath('parquet/apache-parquet-testing/data/uniform_encryption.parquet.encrypted'),
      code: 3,
      err: /encrypt/i,
    },
    {
      name: 'corrupt Parquet (bad_data)',
      make: () => sharedPath('parquet/apache-parquet-testing/bad_data/PARQUET-1481.parquet'),
      code: 3,
      err: /PARQUET-1481\.parquet/,
    },
  );
}

/** Varied lines, so that cutting the file in half really cuts the deflate stream. */
function truncatedGzip(): Buffer {
  let s = '';
  for (let i = 0; i < 5000; i++)
    s += `${JSON.stringify({ id: `d${i}`, text: `doc ${i} ${((i * 7919) % 10007).toString(36).repeat(5)}` })}\n`;
  const gz = gzipSync(Buffer.from(s));
  return gz.subarray(0, gz.length >> 1);
}

function put(name: string, text: string): string {
  return putBytes(name, Buffer.from(text));
}
function putBytes(name: string, bytes: Buffer): string {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

function recipe(file: string, onBad: string, out: string, stages = '[]'): string {
  return writeRecipe(
    dir,
    `${out}.yaml`,
    `inputs:\n  - path: ${file}\noutput:\n  dir: ${out}\n  format: jsonl\nruntime:\n  on_bad_record: ${onBad}\n  workers: 1\nstages: ${stages}\n`,
  );
}

describe('bad input through the CLI', () => {
  it.each(cases)('$name: exit $code with file and line, no stack trace', ({ name, make, code, err }) => {
    const r = datamill(['run', recipe(make(), 'fail', `out-fail-${name.replace(/\W+/g, '-')}`), '--quiet']);
    expect(r.stderr).toMatch(err);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(r.status).toBe(code);
  });

  it.each(cases.filter((c) => c.quarantined !== undefined))(
    '$name: quarantined and counted with on_bad_record: quarantine',
    ({ name, make, quarantined }) => {
      const out = `out-q-${name.replace(/\W+/g, '-')}`;
      const r = datamill(['run', recipe(make(), 'quarantine', out), '--quiet']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const report = readReport(path.join(dir, out));
      expect(report.documents.quarantined).toBe(quarantined);
      expect(report.documents.balanced).toBe(true);
      const q = readFileSync(path.join(dir, out, 'quarantine', 'part-p0-00000-0000.jsonl'), 'utf8')
        .trim()
        .split('\n');
      expect(q).toHaveLength(quarantined!);
      expect(JSON.parse(q[0]!)).toMatchObject({ where: expect.any(String), message: expect.any(String) });
    },
  );

  it.each(cases.filter((c) => c.quarantined !== undefined))(
    '$name: counted once when a global stage first rereads the input',
    ({ name, make, quarantined }) => {
      const out = `out-qg-${name.replace(/\W+/g, '-')}`;
      const r = datamill(['run', recipe(make(), 'quarantine', out, '[{ stage: dedup-exact }]'), '--quiet']);
      expect(r.status).toBe(0);
      const report = readReport(path.join(dir, out));
      expect(report.documents.quarantined).toBe(quarantined);
      expect(report.documents.balanced).toBe(true);
      expect(readdirSync(path.join(dir, out, 'quarantine'))).toEqual(['part-p0-00000-0000.jsonl']);
    },
  );

  it('an empty file is zero documents, not an error', () => {
    const r = datamill(['run', recipe(put('empty.jsonl', ''), 'fail', 'out-empty'), '--quiet']);
    expect(r.status).toBe(0);
    expect(readReport(path.join(dir, 'out-empty')).documents).toMatchObject({ read: 0, out: 0 });
  });

  it.runIf(HAS_SHARED_DATA)('a plain JSONL file named .zst is read, with a warning', () => {
    const p = path.join(dir, 'mislabeled.jsonl.zst');
    copyFileSync(sharedPath('web/dolma_cc_raw/mislabeled_plain_jsonl_with_zst_extension.jsonl.zst'), p);
    const r = datamill(['run', recipe(p, 'fail', 'out-zst')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning: .*mislabeled\.jsonl\.zst/);
    expect(readReport(path.join(dir, 'out-zst')).documents.read).toBe(697);
  });
});

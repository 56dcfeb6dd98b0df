import { fileRows } from '../io/file-rows.js';
import { addValue, emptyMetric, type Metric, quantile } from '../run/metric.js';
import { unitHash } from '../text/hash.js';
import { loadTokenizer } from '../text/tokens.js';

export interface StatsFlags {
  textField: string;
  tokenSampleRate: number;
  json?: boolean;
}

interface Profile {
  files: number;
  records: number;
  bad_records: number;
  text_bytes: number;
  missing_text: number;
  chars: Metric;
  fields: Record<string, Record<string, number>>;
  token_docs: number;
  token_chars: number;
  tokens: number;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'date';
  if (v instanceof Uint8Array) return 'bytes';
  return typeof v;
}

/** `datamill stats FILE...`: documents, bytes, tokens, length distribution, fields and their types. */
export async function statsCommand(files: string[], flags: StatsFlags): Promise<void> {
  const warn = (m: string) => process.stderr.write(`datamill: warning: ${m}\n`);
  const count = await loadTokenizer('cl100k_base');
  const p: Profile = {
    files: files.length,
    records: 0,
    bad_records: 0,
    text_bytes: 0,
    missing_text: 0,
    chars: emptyMetric(),
    fields: {},
    token_docs: 0,
    token_chars: 0,
    tokens: 0,
  };
  for (const file of files) {
    for await (const batch of fileRows(file, warn)) {
      p.bad_records += batch.bad.length;
      for (const [i, row] of batch.rows.entries()) {
        p.records++;
        for (const [k, v] of Object.entries(row)) {
          const f = (p.fields[k] ??= {});
          const t = typeName(v);
          f[t] = (f[t] ?? 0) + 1;
        }
        const text = row[flags.textField];
        if (typeof text !== 'string') {
          p.missing_text++;
          continue;
        }
        const bytes = Buffer.byteLength(text);
        p.text_bytes += bytes;
        addValue(p.chars, text.length);
        if (unitHash(0x746f6b, `${file}:${batch.pos[i]}`) < flags.tokenSampleRate) {
          p.token_docs++;
          p.token_chars += bytes;
          p.tokens += count(text);
        }
      }
    }
  }
  const tokens = p.token_chars > 0 ? Math.round((p.tokens / p.token_chars) * p.text_bytes) : 0;
  const lengths = {
    mean: p.chars.count ? p.chars.sum / p.chars.count : 0,
    min: p.chars.min,
    p10: quantile(p.chars, 0.1),
    p50: quantile(p.chars, 0.5),
    p90: quantile(p.chars, 0.9),
    max: p.chars.max,
  };
  const result = {
    files: p.files,
    documents: p.records,
    bad_records: p.bad_records,
    missing_text: p.missing_text,
    text_bytes: p.text_bytes,
    tokens_cl100k_estimated: tokens,
    token_sample_docs: p.token_docs,
    text_chars: lengths,
    fields: p.fields,
  };
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const lines = [
    `files ${p.files}, documents ${p.records}, bad records ${p.bad_records}, without text "${flags.textField}" ${p.missing_text}`,
    `text ${(p.text_bytes / 1e6).toFixed(2)} MB, tokens (cl100k, est. from ${p.token_docs} docs) ${tokens}`,
    `chars per doc: mean ${lengths.mean.toFixed(0)}, min ${lengths.min}, p10 ~${lengths.p10.toFixed(0)}, p50 ~${lengths.p50.toFixed(0)}, p90 ~${lengths.p90.toFixed(0)}, max ${lengths.max}`,
    'fields:',
    ...Object.entries(p.fields).map(
      ([k, t]) =>
        `  ${k}: ${Object.entries(t)
          .map(([n, c]) => `${n} ${c}`)
          .join(', ')}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

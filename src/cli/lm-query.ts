/**
 * `datamill lm query MODEL [FILE]`: KenLM `query` output for each line of FILE (or stdin): per word
 * `word=id ngram_length log10prob`, then `Total: <sum> OOV: <n>`, and at the end KenLM's summary
 * (perplexity including and excluding OOVs, OOVs, tokens). Numbers print as C++ ostream does (6 significant
 * digits), so the output can be diffed against KenLM's (lm/ngram_query.hh).
 */
import { createInterface } from 'node:readline';
import { arpaLines } from '../lm/arpa-lines.js';
import { loadArpa } from '../lm/arpa-read.js';
import { CCNET_DEFAULTS, ccnetNormalize } from '../lm/ccnet-normalize.js';

export interface LmQueryFlags {
  /** cc_net's line normalisation before scoring. */
  normalize?: boolean;
  /** Only the final summary (KenLM `query -v summary`). */
  summary?: boolean;
  /** A model without `<s>`/`</s>`: refuse (KenLM's default) or treat as `<unk>`. */
  missingMarkers?: 'error' | 'unk';
}

/** KenLM reads words separated by spaces and tabs (util/file_piece kSpaces). */
const WORDS_RE = /[ \t\r\f\v]+/;

/** C++ `ostream << double` with the default precision 6 (printf %g). */
export function formatG6(x: number): string {
  if (Number.isNaN(x)) return x < 0 ? '-nan' : 'nan';
  if (!Number.isFinite(x)) return x < 0 ? '-inf' : 'inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const exp = Number(x.toExponential(5).split('e')[1]);
  if (exp < -4 || exp >= 6) {
    const [m, e] = x.toExponential(5).split('e') as [string, string];
    const mant = m.includes('.') ? m.replace(/\.?0+$/, '') : m;
    const n = Number(e);
    return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  const s = x.toPrecision(6);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

async function* inputLines(file: string | undefined): AsyncGenerator<string> {
  if (file !== undefined) {
    for await (const [, line] of arpaLines(file)) yield line;
    return;
  }
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY }))
    yield line;
}

export async function lmQueryCommand(
  modelFile: string,
  file: string | undefined,
  flags: LmQueryFlags,
): Promise<void> {
  const warn = (m: string) => process.stderr.write(`datamill: warning: ${m}\n`);
  const t0 = performance.now();
  const model = await loadArpa(modelFile, { warn, missingMarkers: flags.missingMarkers });
  const loadMs = performance.now() - t0;
  let out = '';
  let corpusTotal = 0;
  let corpusOovOnly = 0;
  let corpusOov = 0;
  let tokens = 0;
  for await (const raw of inputLines(file)) {
    const line = flags.normalize === true ? ccnetNormalize(raw, CCNET_DEFAULTS) : raw;
    const words = line.split(WORDS_RE).filter((w) => w !== '');
    const scores = model.scoreWords(words);
    let total = 0;
    let oov = 0;
    for (const s of scores) {
      total = Math.fround(total + s.log10Prob);
      if (s.id === 0) {
        oov++;
        corpusOovOnly += s.log10Prob;
      }
      if (flags.summary !== true) out += `${s.word}=${s.id} ${s.ngramLength} ${formatG6(s.log10Prob)}\t`;
    }
    tokens += scores.length;
    corpusTotal += total;
    corpusOov += oov;
    if (flags.summary !== true) out += `Total: ${formatG6(total)} OOV: ${oov}\n`;
    if (out.length > 1 << 16) {
      process.stdout.write(out);
      out = '';
    }
  }
  const pplAll = 10 ** -(corpusTotal / tokens);
  const pplNoOov = 10 ** -((corpusTotal - corpusOovOnly) / (tokens - corpusOov));
  out += `Perplexity including OOVs:\t${formatG6(pplAll)}\nPerplexity excluding OOVs:\t${formatG6(pplNoOov)}\nOOVs:\t${corpusOov}\nTokens:\t${tokens}\n`;
  process.stdout.write(out);
  process.stderr.write(
    `datamill: lm query: ${model.order}-gram ${model.counts.join('/')} loaded in ${(loadMs / 1000).toFixed(2)} s, ${(model.bytes / model.counts.reduce((a, b) => a + b, 0)).toFixed(1)} bytes per n-gram\n`,
  );
}

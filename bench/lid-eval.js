// Language-ID candidates on ../shared/data: accuracy on the lingua 75-language sentences, speed (one thread,
// warm), load time, RSS. Prints the table of docs/language-id.md. Candidates that are not installed are listed
// as such: in the repo only fasttext.wasm.js is; to compare all, copy this file into a scratch directory and
// install the others there (docs/language-id.md, "Reproduce").
// Usage: node bench/lid-eval.js [candidate ...]   (SHARED_DATA=<dir> overrides the data folder)
// Each candidate runs in a child process so load times and memory do not mix.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const DATA = process.env.SHARED_DATA ?? path.resolve(here, '../../shared/data');

/** ISO 639-3 (and the odd WP/CLD code) to the ISO 639-1 codes the lingua set uses. */
const TO_ISO1 = {
  afr: 'af',
  arb: 'ar',
  ara: 'ar',
  azj: 'az',
  aze: 'az',
  bel: 'be',
  bul: 'bg',
  ben: 'bn',
  bos: 'bs',
  cat: 'ca',
  ces: 'cs',
  cym: 'cy',
  dan: 'da',
  deu: 'de',
  ell: 'el',
  eng: 'en',
  epo: 'eo',
  spa: 'es',
  est: 'et',
  ekk: 'et',
  eus: 'eu',
  pes: 'fa',
  fas: 'fa',
  prs: 'fa',
  fin: 'fi',
  fra: 'fr',
  gle: 'ga',
  guj: 'gu',
  heb: 'he',
  hin: 'hi',
  hrv: 'hr',
  hun: 'hu',
  hye: 'hy',
  ind: 'id',
  isl: 'is',
  ita: 'it',
  jpn: 'ja',
  kat: 'ka',
  kaz: 'kk',
  kor: 'ko',
  lat: 'la',
  lug: 'lg',
  lit: 'lt',
  lvs: 'lv',
  lav: 'lv',
  mri: 'mi',
  mkd: 'mk',
  khk: 'mn',
  mon: 'mn',
  mar: 'mr',
  zlm: 'ms',
  zsm: 'ms',
  msa: 'ms',
  nob: 'nb',
  nor: 'nb',
  nld: 'nl',
  nno: 'nn',
  pan: 'pa',
  pol: 'pl',
  por: 'pt',
  ron: 'ro',
  rus: 'ru',
  slk: 'sk',
  slv: 'sl',
  sna: 'sn',
  som: 'so',
  als: 'sq',
  sqi: 'sq',
  srp: 'sr',
  sot: 'st',
  swe: 'sv',
  swh: 'sw',
  swa: 'sw',
  tam: 'ta',
  tel: 'te',
  tha: 'th',
  tgl: 'tl',
  tsn: 'tn',
  tur: 'tr',
  tso: 'ts',
  ukr: 'uk',
  urd: 'ur',
  vie: 'vi',
  xho: 'xh',
  yor: 'yo',
  cmn: 'zh',
  zho: 'zh',
  zul: 'zu',
  no: 'nb',
  iw: 'he',
  fil: 'tl',
};
const iso1 = (code) => TO_ISO1[code] ?? code;

/** Languages every candidate claims to support: the common subset. */
const COMMON20 = 'ar bg cs de el en es fa fi fr hi hu it ja ko nl pl pt ru tr'.split(' ');
const CONFUSABLE = ['bs', 'hr', 'sr', 'nb', 'nn', 'ms', 'id'];

/** Each candidate: async () => (text) => ISO 639-1 code of the top language ('' = none). */
const CANDIDATES = {
  'fasttext.wasm.js': async () => {
    const { getLIDModel } = await import('fasttext.wasm.js');
    const model = await (await getLIDModel()).load();
    return (text) => {
      const v = model.predict(text.replaceAll('\n', ' '), 1, 0);
      const top = v.size() > 0 ? v.get(0)[1].slice(9) : '';
      v.delete();
      return iso1(top);
    };
  },
  'fasttext.wasm.js k=-1': async () => {
    const { getLIDModel } = await import('fasttext.wasm.js');
    const model = await (await getLIDModel()).load();
    return (text) => {
      const v = model.predict(text.replaceAll('\n', ' '), -1, 0);
      const n = v.size();
      let top = '';
      for (let i = 0; i < n; i++) {
        const label = v.get(i)[1];
        if (i === 0) top = label.slice(9);
      }
      v.delete();
      return iso1(top);
    };
  },
  'cld3-asm': async () => {
    const { loadModule } = await import('cld3-asm');
    const id = (await loadModule()).create(0, 1000);
    return (text) => iso1(id.findLanguage(text).language.split('-')[0]);
  },
  'eld (large)': async () => {
    const { eld } = await import('eld/large');
    return (text) => iso1(eld.detect(text).language);
  },
  'eld (medium)': async () => {
    const { eld } = await import('eld/medium');
    return (text) => iso1(eld.detect(text).language);
  },
  franc: async () => {
    const { franc } = await import('franc');
    return (text) => iso1(franc(text));
  },
  'franc-min': async () => {
    const { franc } = await import('franc-min');
    return (text) => iso1(franc(text));
  },
  tinyld: async () => {
    const { detect } = await import('tinyld');
    return (text) => iso1(detect(text));
  },
  'tinyld (heavy)': async () => {
    const { detect } = await import('tinyld/heavy');
    return (text) => iso1(detect(text));
  },
};

function readJsonl(file) {
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));
}

/** Child process: loads one candidate, measures, prints one JSON line. */
async function runOne(name) {
  const t0 = performance.now();
  const detect = await CANDIDATES[name]();
  detect('warm up the first call');
  const load_ms = performance.now() - t0;
  const rows = readJsonl(path.join(DATA, 'multilingual/lingua_sentences_75langs.jsonl.gz'));
  for (let i = 0; i < rows.length; i += 15) detect(rows[i].text); // warm: JIT, caches
  const per = {};
  const t1 = performance.now();
  for (const r of rows) {
    const p = (per[r.lang] ??= { n: 0, ok: 0, got: {} });
    const got = detect(r.text);
    p.n++;
    if (got === r.lang) p.ok++;
    else p.got[got] = (p.got[got] ?? 0) + 1;
  }
  const sent_s = (performance.now() - t1) / 1000;
  const bytes = rows.reduce((s, r) => s + Buffer.byteLength(r.text), 0);
  const web = readJsonl(
    path.join(DATA, 'web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz'),
  );
  const webBytes = web.reduce((s, r) => s + Buffer.byteLength(r.text), 0);
  const t2 = performance.now();
  for (let k = 0; k < 3; k++) for (const r of web) detect(r.text);
  const web_s = (performance.now() - t2) / 1000 / 3;
  const webEn = web.filter((r) => detect(r.text) === 'en').length;
  console.log(
    JSON.stringify({
      name,
      load_ms,
      per,
      sentences_per_s: rows.length / sent_s,
      sentences_mb_s: bytes / 1e6 / sent_s,
      web_mb_s: webBytes / 1e6 / web_s,
      web_en: webEn,
      rss_mb: process.memoryUsage().rss / 1e6,
    }),
  );
}

function accuracy(per, langs) {
  let n = 0;
  let ok = 0;
  for (const l of langs) {
    n += per[l]?.n ?? 0;
    ok += per[l]?.ok ?? 0;
  }
  return n === 0 ? 0 : ok / n;
}

const pct = (x) => `${(100 * x).toFixed(1)}%`;

async function main() {
  const [, , flag, ...rest] = process.argv;
  if (flag === '--child') return runOne(rest.join(' '));
  const wanted = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(CANDIDATES);
  console.log(
    '| candidate | acc 75 | acc common 20 | bs | hr | sr | nb | nn | ms | id | sent/s | MB/s sent | MB/s web | load ms | RSS MB | web en |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const name of wanted) {
    let r;
    try {
      const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', name], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 1 << 26,
      });
      r = JSON.parse(out.trim().split('\n').pop());
    } catch (e) {
      const err = String(e.stderr ?? e.message);
      const why = err.includes('ERR_MODULE_NOT_FOUND') ? 'not installed' : err.split('\n')[0];
      console.log(`| ${name} | ${why} |`);
      continue;
    }
    const all = Object.keys(r.per);
    const cells = [
      pct(accuracy(r.per, all)),
      pct(accuracy(r.per, COMMON20)),
      ...CONFUSABLE.map((l) => pct(accuracy(r.per, [l]))),
      Math.round(r.sentences_per_s),
      r.sentences_mb_s.toFixed(2),
      r.web_mb_s.toFixed(2),
      Math.round(r.load_ms),
      Math.round(r.rss_mb),
      r.web_en,
    ];
    console.log(`| ${name} | ${cells.join(' | ')} |`);
    if (process.env.LID_EVAL_DETAIL) console.error(JSON.stringify(r.per));
  }
}

await main();

/**
 * Language ID with fastText's lid.176 model (CC BY-SA 3.0, Joulin et al. 2016), as shipped inside the npm
 * package fasttext.wasm.js, run by datamill's own TypeScript fastText predictor (src/text/fasttext/): the
 * same labels and scores as the package's WebAssembly build (test/text/fasttext.test.ts: top label equal on
 * all 74,141 lingua sentences and 697 Common Crawl pages, scores within 1e-5), 1.5x faster on web pages
 * (filter-language alone on 25 MB of web text: 4.3 s with the WASM build, see the figure in the commit).
 * Evaluation and choice of the model: docs/language-id.md.
 */

import { DatamillError } from '../errors.js';
import { loadLid176 } from './fasttext/lid176.js';

/** One language and its fastText probability (0..1; fastText adds 1e-5, as in Python). */
export interface LanguageScore {
  language: string;
  score: number;
}

export interface LanguageId {
  /**
   * Languages of `text`, best first: the top `k` (-1 = every label fastText scores above ~1e-5, as DataTrove's
   * `predict(k=-1)`). Newlines become spaces first (DataTrove `text.replace("\n", " ")`): fastText would
   * otherwise read only the first line. Empty text still gets a (low-scoring) answer.
   */
  identify(text: string, k?: number): LanguageScore[];
}

/**
 * The 176 labels of lid.176, in the model's order, without `__label__`. They are Wikipedia codes: ISO 639-1
 * where one exists (but `no` = Norwegian Bokmål, `sh` = Serbo-Croatian, `he`, `id`), else ISO 639-3
 * (`ceb`, `arz`) or other (`als`, `eml`, `bh`). test/text/lid.test.ts checks this list against the model.
 */
export const LID176_LABELS: readonly string[] = (
  'en ru de fr it ja es ceb tr pt uk eo pl sv nl he zh hu ar ca fi cs fa sr el vi bg ko no mk ro id th hy ' +
  'da ta hi hr sh be ka te kk war lt gl sk bn eu sl kn ml mr et az ms sq la bs nn ur lv my tt af oc nds ky ' +
  'ast tl is ia si gu km br ba uz bo pa vo als ne cy jbo fy mn lb ce ug tg sco sa cv jv min io or as new ga ' +
  'mg an ckb sw bar lmo yi arz mhr azb sah pnb su bpy pms ilo wuu ku ps ie xmf yue gom li mwl kw sd hsb scn ' +
  'gd pam bh mai vec mt dv wa mzn am qu eml cbk tk rm os vls yo lo lez so myv diq mrj dsb frr ht gn bxr kv ' +
  'sc nah krc bcl nap gv av rue xal pfl dty hif co lrc vep tyv'
).split(' ');

async function load(): Promise<LanguageId> {
  const model = loadLid176();
  return {
    identify: (text, k = -1) => model.predict(text, k, 0).map((p) => ({ language: p.label, score: p.score })),
  };
}

let loading: Promise<LanguageId> | undefined;

/** The model, loaded on first call and shared by later calls on this thread (60–130 ms; ~35 MB per thread, most of it the token-vector cache). */
export function loadLanguageId(): Promise<LanguageId> {
  loading ??= load().catch((cause: unknown) => {
    loading = undefined;
    throw new DatamillError('stage_failed', `language id: cannot load fastText lid.176 (${String(cause)})`, {
      cause,
    });
  });
  return loading;
}

/**
 * Adapter for fasttext.wasm.js: the only module that imports it. The package ships fastText (MIT) compiled
 * to WebAssembly with the lid.176.ftz language-ID model inside the tarball (CC BY-SA 3.0, Joulin et al.
 * 2016), so nothing is fetched at run time. Evaluation and choice: docs/language-id.md.
 */
import { getLIDModel } from 'fasttext.wasm.js';
import { DatamillError } from '../errors.js';

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

const LABEL_PREFIX = '__label__'.length;

/** The slice of the package's embind API this adapter uses. */
interface Predictions {
  size(): number;
  get(i: number): [number, string];
  delete(): void;
}

async function load(): Promise<LanguageId> {
  const model = await (await getLIDModel()).load();
  return {
    identify(text, k = -1) {
      const v = model.predict(text.replaceAll('\n', ' '), k, 0) as unknown as Predictions;
      try {
        const n = v.size();
        const out: LanguageScore[] = new Array(n);
        for (let i = 0; i < n; i++) {
          const [score, label] = v.get(i);
          out[i] = { language: label.slice(LABEL_PREFIX), score };
        }
        return out;
      } finally {
        v.delete(); // embind vectors live on the WASM heap until deleted
      }
    },
  };
}

let loading: Promise<LanguageId> | undefined;

/** The model, loaded on first call and shared by later calls on this thread (60–110 ms, ~20 MB RSS). */
export function loadLanguageId(): Promise<LanguageId> {
  loading ??= load().catch((cause: unknown) => {
    loading = undefined;
    throw new DatamillError(
      'stage_failed',
      `language id: cannot load fastText lid.176 from fasttext.wasm.js (${String(cause)})`,
      { cause },
    );
  });
  return loading;
}

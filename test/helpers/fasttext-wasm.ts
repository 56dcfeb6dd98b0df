/**
 * Reference for tests only: fastText's own code (compiled to WebAssembly by the fasttext.wasm.js package)
 * running lid.176, against which datamill's TypeScript predictor (src/text/fasttext/) is checked.
 */
import { getLIDModel } from 'fasttext.wasm.js';
import type { LanguageId, LanguageScore } from '../../src/text/lid.js';

interface Predictions {
  size(): number;
  get(i: number): [number, string];
  delete(): void;
}

const LABEL_PREFIX = '__label__'.length;

/** The WASM build behind the same interface as src/text/lid.ts (newlines → spaces, labels unprefixed). */
export async function loadWasmLanguageId(): Promise<LanguageId> {
  const model = await (await getLIDModel()).load();
  return {
    identify(text: string, k = -1): LanguageScore[] {
      const v = model.predict(text.replaceAll('\n', ' '), k, 0) as unknown as Predictions;
      try {
        const out: LanguageScore[] = [];
        for (let i = 0; i < v.size(); i++) {
          const [score, label] = v.get(i);
          out.push({ language: label.slice(LABEL_PREFIX), score });
        }
        return out;
      } finally {
        v.delete();
      }
    },
  };
}

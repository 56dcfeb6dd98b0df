/**
 * The trainer's vocabulary: word → id in order of first appearance, with lmplz's fixed ids for the specials
 * (lm/builder/corpus_count.cc: `<unk>` 0, `<s>` 1, `</s>` 2). Held in memory, as lmplz holds its vocab hash.
 */
export const UNK = 0;
export const BOS = 1;
export const EOS = 2;

export class TrainVocab {
  private readonly ids = new Map<string, number>([
    ['<unk>', UNK],
    ['<s>', BOS],
    ['</s>', EOS],
  ]);
  readonly words: string[] = ['<unk>', '<s>', '</s>'];

  /** Id of `word`, assigned on first sight; the specials return their fixed ids (the caller rejects them). */
  intern(word: string): number {
    const id = this.ids.get(word);
    if (id !== undefined) return id;
    const next = this.words.length;
    this.ids.set(word, next);
    this.words.push(word);
    return next;
  }

  get size(): number {
    return this.words.length;
  }
}

/**
 * lmplz splits a line on exactly these bytes (corpus_count.cc: `BoolCharacter::Build("\0\t\n\r ", ...)`), not
 * on Unicode spaces, so a no-break space stays inside a word as it does for KenLM.
 */
const SPLIT = /[\0\t\n\r ]+/;

/** Words of one line as lmplz sees them (no empty strings). */
export function lineWords(line: string): string[] {
  const parts = line.split(SPLIT);
  if (parts.length > 0 && parts[0] === '') parts.shift();
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

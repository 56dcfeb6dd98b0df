/** Word → id map of a model. Id 0 is `<unk>` (as in KenLM), so an unknown word maps to 0. */
export class Vocab {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = ['<unk>'];

  constructor() {
    this.ids.set('<unk>', 0);
  }

  /** Id of the word, or 0 (`<unk>`) when absent. */
  index(word: string): number {
    return this.ids.get(word) ?? 0;
  }

  /** Id of the word, or -1 when absent (distinguishes a literal `<unk>` from a miss). */
  find(word: string): number {
    return this.ids.get(word) ?? -1;
  }

  /** Id of the word, assigning the next id on first sight. */
  intern(word: string): number {
    const id = this.ids.get(word);
    if (id !== undefined) return id;
    const next = this.words.length;
    this.ids.set(word, next);
    this.words.push(word);
    return next;
  }

  word(id: number): string {
    return this.words[id] ?? '<unk>';
  }

  get size(): number {
    return this.words.length;
  }
}

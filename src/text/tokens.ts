/**
 * Adapter for gpt-tokenizer (pure JS; its counts match tiktoken exactly, research/packages.md §8):
 * the only module that imports it. Encodings load lazily, since most runs need only one.
 */
export type TokenizerName = 'cl100k_base' | 'o200k_base';

type Counter = (text: string) => number;
const loaded = new Map<TokenizerName, Counter>();

/** Loads the encoding once per thread; call before `countTokens`. */
export async function loadTokenizer(name: TokenizerName): Promise<Counter> {
  let counter = loaded.get(name);
  if (!counter) {
    const mod =
      name === 'o200k_base'
        ? await import('gpt-tokenizer/encoding/o200k_base')
        : await import('gpt-tokenizer/encoding/cl100k_base');
    counter = (text: string) => mod.countTokens(text);
    loaded.set(name, counter);
  }
  return counter;
}

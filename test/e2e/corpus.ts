import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const WORDS =
  'the of and to in data model train token filter stage shard worker corpus text quality dedup web page news forum wiki river mountain city market science history music'.split(
    ' ',
  );

/** Seeded JSONL corpus with ~10% exact duplicates; returns the directory. Deterministic for a seed. */
export function writeCorpus(dir: string, files: number, docsPerFile: number, seed = 7): string {
  mkdirSync(dir, { recursive: true });
  let s = seed >>> 0;
  const rand = () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
  const texts: string[] = [];
  for (let f = 0; f < files; f++) {
    const lines: string[] = [];
    for (let i = 0; i < docsPerFile; i++) {
      let text: string;
      if (texts.length > 10 && rand() < 0.1) text = texts[Math.floor(rand() * texts.length)]!;
      else {
        const n = 20 + Math.floor(rand() * 400);
        const w: string[] = [];
        for (let k = 0; k < n; k++) w.push(WORDS[Math.floor(rand() * WORDS.length)]!);
        text = `${w.join(' ')}.`;
        texts.push(text);
      }
      lines.push(JSON.stringify({ id: `f${f}-${i}`, text, n: i, tags: ['a', i % 3 ? 'b' : null] }));
    }
    const body = `${lines.join('\n')}\n`;
    if (f % 2 === 0) writeFileSync(path.join(dir, `part-${f}.jsonl`), body);
    else writeFileSync(path.join(dir, `part-${f}.jsonl.gz`), gzipSync(body));
  }
  return dir;
}

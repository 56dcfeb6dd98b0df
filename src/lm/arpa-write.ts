/**
 * ARPA output as KenLM's lmplz writes it (lm/common/print.cc, `PrintARPA`): `\data\`, `ngram k=count`,
 * one `\k-grams:` section per order with `log10prob<TAB>words[<TAB>log10backoff]` (back-off on every entry
 * but the highest order's), `\end\`. Values are float32 printed in their shortest round-trip form, as
 * KenLM's float output does. Entries arrive interleaved across orders, so each order's section is spooled
 * to a temp file and the sections are concatenated (gzip when the name ends in `.gz`) into an atomic output.
 */
import {
  closeSync,
  createReadStream,
  createWriteStream,
  mkdtempSync,
  openSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { commitTemp, removeQuietly, tempPathFor } from '../io/atomic.js';

/** Shortest decimal that reads back as the same float32 (so 9 significant digits at most). */
export function formatFloat32(x: number): string {
  const v = Math.fround(x);
  if (v === 0) return '0';
  // Most values need 7 to 9 digits: start at 7 and walk down or up (2–3 toPrecision calls instead of up
  // to 9; formatting was 25% of a 3-gram training's time).
  let best = v.toPrecision(7);
  if (Math.fround(Number(best)) === v) {
    for (let p = 6; p >= 1; p--) {
      const s = v.toPrecision(p);
      if (Math.fround(Number(s)) !== v) break;
      best = s;
    }
  } else {
    best = v.toPrecision(8);
    if (Math.fround(Number(best)) !== v) best = v.toPrecision(9);
  }
  // String(Number(s)) undoes toPrecision's exponent form for integers ("1e+2" → "100").
  return String(Number(best));
}

const FLUSH_BYTES = 1 << 20;

/** Spools ARPA lines per order, then assembles the file. */
export class ArpaWriter {
  private readonly dir: string;
  private readonly files: string[];
  private readonly fds: number[];
  private readonly pending: string[][];
  private readonly pendingBytes: number[];
  readonly counts: number[];

  constructor(
    readonly order: number,
    tmpParent: string,
  ) {
    this.dir = mkdtempSync(path.join(tmpParent, 'datamill-arpa-'));
    this.files = Array.from({ length: order }, (_, k) => path.join(this.dir, `${k + 1}-grams.txt`));
    this.fds = this.files.map((f) => openSync(f, 'w'));
    this.pending = this.files.map(() => []);
    this.pendingBytes = this.files.map(() => 0);
    this.counts = new Array<number>(order).fill(0);
  }

  /** One entry; `backoff` is ignored for the highest order (lmplz prints none there). */
  entry(k: number, words: string, log10Prob: number, log10Backoff: number | undefined): void {
    const line =
      k === this.order || log10Backoff === undefined
        ? `${formatFloat32(log10Prob)}\t${words}\n`
        : `${formatFloat32(log10Prob)}\t${words}\t${formatFloat32(log10Backoff)}\n`;
    this.pending[k - 1]!.push(line);
    this.counts[k - 1]!++;
    this.pendingBytes[k - 1]! += line.length;
    if (this.pendingBytes[k - 1]! >= FLUSH_BYTES) this.flush(k - 1);
  }

  private flush(i: number): void {
    writeSync(this.fds[i]!, this.pending[i]!.join(''));
    this.pending[i] = [];
    this.pendingBytes[i] = 0;
  }

  /** Writes the whole ARPA file to `outFile` through a temp name and a rename; removes the spools. */
  async finish(outFile: string): Promise<void> {
    for (let i = 0; i < this.order; i++) {
      this.flush(i);
      closeSync(this.fds[i]!);
    }
    const files = this.files;
    const counts = this.counts;
    async function* text(): AsyncGenerator<string | Buffer> {
      yield `\\data\\\n${counts.map((c, k) => `ngram ${k + 1}=${c}\n`).join('')}\n`;
      for (let k = 0; k < files.length; k++) {
        yield `\\${k + 1}-grams:\n`;
        for await (const chunk of createReadStream(files[k]!)) yield chunk as Buffer;
        yield '\n';
      }
      yield '\\end\\\n';
    }
    const temp = tempPathFor(outFile);
    try {
      if (outFile.endsWith('.gz')) await pipeline(text(), createGzip(), createWriteStream(temp));
      else await pipeline(text(), createWriteStream(temp));
      await commitTemp(temp, outFile);
    } catch (err) {
      await removeQuietly(temp);
      throw err;
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }

  /** Closes and removes the spools after a failure. */
  abort(): void {
    for (let i = 0; i < this.order; i++) {
      try {
        closeSync(this.fds[i]!);
      } catch {
        // already closed by finish()
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

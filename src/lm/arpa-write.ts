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

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** round(a·10^s): the p-digit integer of the decimal nearest to `a` with s = p − 1 − exponent. */
function digitsAt(a: number, s: number): number {
  return s >= 0 ? Math.round(a * POW10[s]!) : Math.round(a / POW10[-s]!);
}

/** The double nearest to m·10^−s. */
function decimalValue(m: number, s: number): number {
  return s >= 0 ? m / POW10[s]! : m * POW10[-s]!;
}

/**
 * Shortest decimal that reads back as the same float32, as KenLM prints floats (util/float_to_string.cc:
 * double-conversion's shortest form, exponent below 1e-6 and from 1e21, like JavaScript's `String`).
 * Digits are found by integer rounding and written by hand (toPrecision and String(number) were a third
 * of a 5-gram training's time).
 */
export function formatFloat32(x: number): string {
  const v = Math.fround(x);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (!(a >= 1e-6 && a < 1e15)) return slowFormat(v);
  let e = Math.floor(Math.log10(a));
  if (a >= 10 ** (e + 1)) e++;
  else if (a < 10 ** e) e--;
  let s = 6 - e;
  let m = digitsAt(a, s);
  if (Math.fround(decimalValue(m, s)) === a) {
    // Fewer digits while they still read back (a p-digit rounding is never farther than a (p−1)-digit one).
    for (let p = 6; p >= 1; p--) {
      const m2 = digitsAt(a, p - 1 - e);
      if (Math.fround(decimalValue(m2, p - 1 - e)) !== a) break;
      m = m2;
      s = p - 1 - e;
    }
  } else {
    s = 7 - e;
    m = digitsAt(a, s);
    if (Math.fround(decimalValue(m, s)) !== a) {
      s = 8 - e;
      m = digitsAt(a, s);
    }
  }
  return (v < 0 ? '-' : '') + decimal(m, s);
}

/** m·10^−s in plain decimal notation without trailing zeros. */
function decimal(m: number, s: number): string {
  let digits = String(m);
  while (s > 0 && digits.length > 1 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    s--;
  }
  if (s <= 0) return digits + '0'.repeat(-s);
  if (digits.length > s) return `${digits.slice(0, digits.length - s)}.${digits.slice(digits.length - s)}`;
  return `0.${'0'.repeat(s - digits.length)}${digits}`;
}

function slowFormat(v: number): string {
  for (let p = 1; p < 9; p++) {
    const s = v.toPrecision(p);
    if (Math.fround(Number(s)) === v) return String(Number(s));
  }
  return String(Number(v.toPrecision(9)));
}

const CHUNK_BYTES = 1 << 20;
const TAB = 9;
const SPACE = 32;
const NEWLINE = 10;

/** Spools ARPA lines per order (bytes, words pre-encoded), then assembles the file. */
export class ArpaWriter {
  private readonly dir: string;
  private readonly files: string[];
  private readonly fds: number[];
  private readonly bufs: Buffer[];
  private readonly pos: number[];
  private readonly wordBytes: Buffer[];
  readonly counts: number[];

  /** `words[id]` is the text of word id (the trainer's vocabulary). */
  constructor(
    readonly order: number,
    tmpParent: string,
    words: readonly string[],
  ) {
    this.dir = mkdtempSync(path.join(tmpParent, 'datamill-arpa-'));
    this.files = Array.from({ length: order }, (_, k) => path.join(this.dir, `${k + 1}-grams.txt`));
    this.fds = this.files.map((f) => openSync(f, 'w'));
    this.bufs = this.files.map(() => Buffer.allocUnsafe(CHUNK_BYTES));
    this.pos = this.files.map(() => 0);
    this.wordBytes = words.map((w) => Buffer.from(w, 'utf8'));
    this.counts = new Array<number>(order).fill(0);
  }

  /** One entry of order `k` (word ids `ids[0..k)`); `backoff` is not printed for the highest order. */
  entry(k: number, ids: ArrayLike<number>, log10Prob: number, log10Backoff: number | undefined): void {
    const i = k - 1;
    let need = 64 + k;
    for (let j = 0; j < k; j++) need += this.wordBytes[ids[j]!]!.length;
    if (this.pos[i]! + need > this.bufs[i]!.length) {
      this.flush(i);
      if (need > this.bufs[i]!.length) this.bufs[i] = Buffer.allocUnsafe(need * 2);
    }
    const buf = this.bufs[i]!;
    let at = this.pos[i]!;
    at += buf.write(formatFloat32(log10Prob), at, 'latin1');
    buf[at++] = TAB;
    for (let j = 0; j < k; j++) {
      if (j > 0) buf[at++] = SPACE;
      const w = this.wordBytes[ids[j]!]!;
      buf.set(w, at);
      at += w.length;
    }
    if (k !== this.order && log10Backoff !== undefined) {
      buf[at++] = TAB;
      at += buf.write(formatFloat32(log10Backoff), at, 'latin1');
    }
    buf[at++] = NEWLINE;
    this.pos[i] = at;
    this.counts[i]!++;
  }

  private flush(i: number): void {
    if (this.pos[i]! > 0) writeSync(this.fds[i]!, this.bufs[i]!, 0, this.pos[i]!);
    this.pos[i] = 0;
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

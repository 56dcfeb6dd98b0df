/**
 * ARPA back-off model reader (the format KenLM and SRILM write), streamed line by line into an
 * `NgramModelBuilder`. Tolerates what real files do (see ../shared/data/arpa/SOURCES.md): text before
 * `\data\`, tab or space separators, trailing spaces, missing back-off weights, blank lines, unsorted
 * entries, header counts that disagree with the entries (warning). Refuses, with `file:line` and what
 * was expected: truncated files, malformed lines, positive log probabilities and models without `<s>` or
 * `</s>` (KenLM's defaults: lm/config.cc `positive_log_probability` and `sentence_marker_missing` are
 * THROW_UP). A model without `<unk>` gets KenLM's `<unk>` of log10 -100 (see model.ts), with a warning.
 */
import { inputError } from '../errors.js';
import { LineCursor } from './arpa-lines.js';
import { type NgramModel, NgramModelBuilder, UNKNOWN_MISSING_LOG10 } from './model.js';

export interface ArpaLoadOptions {
  warn(message: string): void;
  /**
   * A model without `<s>` or `</s>` (e.g. CMU's character-level alphabet model): 'error' (KenLM's default,
   * THROW_UP) or 'unk' (KenLM's COMPLAIN: warn and treat the missing marker as `<unk>`).
   */
  missingMarkers?: 'error' | 'unk';
}

/** 4M entries: at most ~100 MB of table allocated up front on the header's word. */
const PRESIZE_MAX = 1 << 22;
const COUNT_LINE = /^ngram\s+(\d+)\s*=\s*(\d+)$/;
const SECTION_LINE = /^\\(\d+)-grams:$/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const NEG_INF = /^-inf(inity)?$/i;
/** KenLM separates ARPA fields by ASCII spaces and tabs only (kARPASpaces): U+FEFF or U+00A0 can be words. */
const EDGE_SPACE = /^[ \t\r\v\f]+|[ \t\r\v\f]+$/g;

/** Parses an ARPA log10 value; NaN when the token is not a number. */
function parseLog10(token: string): number {
  if (NUMBER.test(token)) return Number(token);
  return NEG_INF.test(token) ? Number.NEGATIVE_INFINITY : Number.NaN;
}

/** Reads an ARPA model (plain, gzip or zstd by magic bytes) into the hashed in-memory model. */
export async function loadArpa(file: string, options: ArpaLoadOptions): Promise<NgramModel> {
  const lines = new LineCursor(file);
  const declared = await readHeader(file, lines);
  const order = declared.length;
  const builder = new NgramModelBuilder(order);
  // Header counts only pre-size the tables (they grow anyway): a bogus huge count must not allocate.
  declared.forEach((count, i) => {
    builder.expect(i + 1, Math.min(count, PRESIZE_MAX));
  });
  const seen = new Array<number>(order).fill(0);
  // readHeader consumed the \1-grams: line.
  const state = {
    section: 1,
    lastLine: 0,
    unknownWords: 0,
    firstUnknown: '',
    topBackoffs: 0,
    firstTopBackoff: '',
  };
  let ended = false;
  for (;;) {
    const raw = lines.nextSync();
    if (raw === undefined) {
      if (await lines.refill()) continue;
      break;
    }
    const lineNo = lines.lineNo;
    state.lastLine = lineNo;
    const line = raw.replace(EDGE_SPACE, '');
    if (line === '') continue;
    if (line.startsWith('\\')) {
      if (line === '\\end\\') {
        ended = true;
        break;
      }
      const m = SECTION_LINE.exec(line);
      const n = m ? Number(m[1]) : 0;
      if (n !== state.section + 1 || n > order) {
        const expected = state.section < order ? `\\${state.section + 1}-grams:` : '\\end\\';
        throw inputError(`${file}:${lineNo}`, `unexpected "${line}", expected ${expected}`);
      }
      state.section = n;
      continue;
    }
    if (state.section === 0) {
      throw inputError(`${file}:${lineNo}`, `unexpected "${clip(line)}", expected \\1-grams:`);
    }
    addEntry(builder, file, lineNo, line, state);
    seen[state.section - 1] = (seen[state.section - 1] as number) + 1;
  }
  if (!ended) {
    const where =
      state.section === 0 ? 'before the \\1-grams: section' : `in the ${state.section}-grams section`;
    throw inputError(
      `${file}:${state.lastLine}`,
      `unexpected end of file ${where} (${seen[Math.max(0, state.section - 1)]} of ${declared[Math.max(0, state.section - 1)]} entries read), expected \\end\\ (truncated file?)`,
    );
  }
  await lines.close();
  return finish(builder, file, declared, seen, state, options);
}

/** Skips text before `\data\`, reads the `ngram N=count` lines up to `\1-grams:`; returns the counts. */
async function readHeader(file: string, lines: LineCursor): Promise<number[]> {
  for (;;) {
    const raw = await lines.next();
    if (raw === undefined)
      throw inputError(`${file}:${lines.lineNo}`, 'no \\data\\ line, expected an ARPA model');
    if (raw.replace(EDGE_SPACE, '') === '\\data\\') break;
  }
  const counts: number[] = [];
  for (;;) {
    const raw = await lines.next();
    if (raw === undefined)
      throw inputError(`${file}:${lines.lineNo}`, 'unexpected end of file in the \\data\\ header');
    const lineNo = lines.lineNo;
    const line = raw.replace(EDGE_SPACE, '');
    if (line === '') continue;
    const m = COUNT_LINE.exec(line);
    if (!m) {
      if (counts.length > 0 && SECTION_LINE.test(line)) {
        if (line !== '\\1-grams:')
          throw inputError(`${file}:${lineNo}`, `unexpected "${line}", expected \\1-grams:`);
        return counts;
      }
      const what =
        counts.length === 0
          ? 'an "ngram 1=<count>" line'
          : `"ngram ${counts.length + 1}=<count>" or \\1-grams:`;
      throw inputError(
        `${file}:${lineNo}`,
        `unexpected "${clip(line)}" in the \\data\\ header, expected ${what}`,
      );
    }
    if (Number(m[1]) !== counts.length + 1) {
      throw inputError(
        `${file}:${lineNo}`,
        `"${line}": n-gram orders must be consecutive from 1, expected ngram ${counts.length + 1}=`,
      );
    }
    counts.push(Number(m[2]));
  }
}

interface ReadState {
  section: number;
  unknownWords: number;
  firstUnknown: string;
  topBackoffs: number;
  firstTopBackoff: string;
}

const idsBuf = new Int32Array(64);

function addEntry(
  builder: NgramModelBuilder,
  file: string,
  lineNo: number,
  line: string,
  state: ReadState,
): void {
  const n = state.section;
  const fields = line.split(/[ \t]+/);
  if (fields.length !== n + 1 && fields.length !== n + 2) {
    throw inputError(
      `${file}:${lineNo}`,
      `${n}-gram entry "${clip(line)}" has ${fields.length - 1} fields after the probability, expected ${n} word${n > 1 ? 's' : ''} and an optional back-off`,
    );
  }
  const prob = parseLog10(fields[0] as string);
  if (Number.isNaN(prob)) {
    throw inputError(`${file}:${lineNo}`, `bad log10 probability "${fields[0]}", expected a number`);
  }
  if (prob > 0) {
    throw inputError(
      `${file}:${lineNo}`,
      `positive log10 probability ${fields[0]}, expected <= 0 (KenLM refuses these too)`,
    );
  }
  let backoff = 0;
  if (fields.length === n + 2) {
    // CMU/SRILM unigram-only models write 0.0000 back-offs; KenLM refuses them, we ignore them (warning).
    if (n === builder.order && state.topBackoffs++ === 0) state.firstTopBackoff = `${file}:${lineNo}`;
    backoff = parseLog10(fields[n + 1] as string);
    if (Number.isNaN(backoff)) {
      throw inputError(`${file}:${lineNo}`, `bad log10 back-off "${fields[n + 1]}", expected a number`);
    }
    if (n === builder.order) backoff = 0;
  }
  for (let i = 0; i < n; i++) {
    const word = fields[i + 1] as string;
    if (n === 1) {
      idsBuf[0] = builder.intern(word);
      continue;
    }
    // KenLM maps a word of a higher-order n-gram that is not a 1-gram to <unk> (read_arpa.hh ReadNGram).
    const id = builder.wordIndex(word);
    if (id < 0 && state.unknownWords++ === 0) state.firstUnknown = `${file}:${lineNo}: "${word}"`;
    idsBuf[i] = Math.max(id, 0);
  }
  builder.addIds(idsBuf, n, prob, backoff);
}

function finish(
  builder: NgramModelBuilder,
  file: string,
  declared: number[],
  seen: number[],
  state: ReadState,
  options: ArpaLoadOptions,
): NgramModel {
  declared.forEach((count, i) => {
    if (count !== seen[i]) {
      options.warn(
        `${file}: the header declares ${count} ${i + 1}-grams but the file has ${seen[i]}; using the entries`,
      );
    }
  });
  if (state.unknownWords > 0) {
    options.warn(
      `${file}: ${state.unknownWords} word(s) of higher-order n-grams are not 1-grams (first ${state.firstUnknown}); mapped to <unk> as KenLM does`,
    );
  }
  if (state.topBackoffs > 0) {
    options.warn(
      `${file}: ${state.topBackoffs} entries of the highest order carry a back-off (first at ${state.firstTopBackoff}); ignored`,
    );
  }
  if (builder.duplicates > 0) {
    options.warn(`${file}: ${builder.duplicates} duplicate n-gram entries; the last one of each is kept`);
  }
  for (const marker of ['<s>', '</s>']) {
    if (builder.hasUnigram(marker)) continue;
    if (options.missingMarkers === 'unk') {
      options.warn(`${file}: the model has no ${marker} 1-gram; treated as <unk> (KenLM's COMPLAIN mode)`);
      continue;
    }
    throw inputError(
      file,
      `the model has no ${marker} 1-gram, expected one (KenLM refuses such models by default: lm/vocab.cc MissingSentenceMarker; missing_markers: unk treats it as <unk>)`,
    );
  }
  const model = builder.build();
  if (!model.hasUnk)
    options.warn(
      `${file}: the model has no <unk>; unknown words get log10 ${UNKNOWN_MISSING_LOG10} as in KenLM`,
    );
  return model;
}

function clip(line: string): string {
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

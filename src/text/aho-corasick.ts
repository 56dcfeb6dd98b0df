/**
 * Aho–Corasick multi-pattern search over UTF-16 code units, compiled to a dense DFA over the alphabet of
 * the patterns (Aho & Corasick 1975). Matching allocates nothing: one table lookup per code unit.
 */

/** Compiled automaton; build with `compileAhoCorasick`. */
export interface AhoCorasick {
  /** Number of columns per state: alphabet classes + 1 (class 0 = a code unit in no pattern). */
  readonly width: number;
  /** Code unit → alphabet class (0 when the unit occurs in no pattern). */
  readonly classOf: Uint16Array;
  /** `next[state * width + class]` = next state; state 0 is the root. */
  readonly next: Int32Array;
  /** Pattern ending at this state (its own, or the longest via suffix links), or -1. */
  readonly match: Int32Array;
  /** Pattern spelled exactly by this state, or -1. */
  readonly own: Int32Array;
  /** Nearest proper-suffix state that spells a pattern, or -1 (lists every pattern ending at a position). */
  readonly outLink: Int32Array;
  /** The patterns, deduplicated, in first-seen order; empty patterns are ignored. */
  readonly patterns: readonly string[];
}

/** Builds the automaton. Patterns are taken as-is (normalise case before, if needed). */
export function compileAhoCorasick(patterns: Iterable<string>): AhoCorasick {
  const uniq = [...new Set(patterns)].filter((p) => p.length > 0);
  const classOf = new Uint16Array(0x10000);
  let width = 1;
  for (const p of uniq) {
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (classOf[c] === 0) classOf[c] = width++;
    }
  }
  // Trie over classes, grown in a plain array of rows, then turned into a DFA breadth-first.
  const rows: Int32Array[] = [new Int32Array(width)];
  const ownList: number[] = [-1];
  uniq.forEach((p, k) => {
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const cls = classOf[p.charCodeAt(i)]!;
      let t = rows[s]![cls]!;
      if (t === 0) {
        t = rows.length;
        rows.push(new Int32Array(width));
        ownList.push(-1);
        rows[s]![cls] = t;
      }
      s = t;
    }
    if (ownList[s] === -1) ownList[s] = k;
  });
  const n = rows.length;
  const own = Int32Array.from(ownList);
  const next = new Int32Array(n * width);
  const fail = new Int32Array(n);
  const match = new Int32Array(n).fill(-1);
  const outLink = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  match[0] = own[0]!;
  for (let cls = 0; cls < width; cls++) {
    const t = rows[0]![cls]!;
    next[cls] = t;
    if (t !== 0) queue[tail++] = t;
  }
  while (head < tail) {
    const s = queue[head++]!;
    const f = fail[s]!;
    outLink[s] = own[f]! >= 0 ? f : outLink[f]!;
    match[s] = own[s]! >= 0 ? own[s]! : match[f]!;
    for (let cls = 0; cls < width; cls++) {
      const t = rows[s]![cls]!;
      if (t === 0) {
        next[s * width + cls] = next[f * width + cls]!;
      } else {
        next[s * width + cls] = t;
        fail[t] = next[f * width + cls]!;
        queue[tail++] = t;
      }
    }
  }
  return { width, classOf, next, match, own, outLink, patterns: uniq };
}

/**
 * Index of the first pattern found in `text` (the one ending earliest; the longest among those ending
 * there), or -1. Stops at the first match. `alnumFolded`: search `text` as filter-url's normalizeWord
 * gives it (every character outside [a-zA-Z0-9] removed, the rest lowercased) without building that string.
 */
export function firstMatch(ac: AhoCorasick, text: string, alnumFolded = false): number {
  const { width, classOf, next, match } = ac;
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (alnumFolded) {
      if (c >= 0x41 && c <= 0x5a) c += 0x20;
      else if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) continue;
    }
    s = next[s * width + classOf[c]!]!;
    const m = match[s]!;
    if (m >= 0) return m;
  }
  return -1;
}

/** Calls `onMatch(pattern index, end)` for every occurrence (overlaps included); `end` is exclusive. */
export function forEachMatch(
  ac: AhoCorasick,
  text: string,
  onMatch: (pattern: number, end: number) => void,
): void {
  const { width, classOf, next, match, own, outLink } = ac;
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    s = next[s * width + classOf[text.charCodeAt(i)]!]!;
    if (match[s]! < 0) continue;
    for (let t = own[s]! >= 0 ? s : outLink[s]!; t >= 0; t = outLink[t]!) onMatch(own[t]!, i + 1);
  }
}

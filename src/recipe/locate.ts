/**
 * Adapter for the YAML library (the only module that imports it): parses a document keeping node ranges,
 * and maps a value path such as `['stages', 1, 'options', 'min_wrds']` back to a line and column.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

/** 1-based line and column. */
export interface Position {
  line: number;
  col: number;
}

export type ValuePath = readonly (string | number)[];

export interface ParsedYaml {
  /** The document as plain data (undefined after syntax errors). */
  value: unknown;
  /** True when the document holds nothing but comments and blank lines. */
  empty: boolean;
  /** Syntax errors, with yaml's own position and first message line. */
  errors: { pos: Position; message: string }[];
  /**
   * Where `path` is written: the key of the last segment (`at: 'key'`) or its value. A path that is not in
   * the document resolves to its deepest ancestor that is (a missing key points at the mapping that lacks it).
   */
  locate(path: ValuePath, at?: 'key' | 'value'): Position;
}

const MAX_ALIASES = 1000;

/** yaml messages that speak of its API or hide the expectation. */
const REWORDED: Partial<Record<string, string>> = {
  MULTIPLE_DOCS: 'expected one YAML document, got a second one (remove the ---)',
  DUPLICATE_KEY: 'duplicate key, expected each key once per mapping',
};

/** Parses one YAML document; never throws on bad syntax (the errors are returned). */
export function parseYaml(source: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true, merge: true });
  const errors = doc.errors.map((e) => ({
    pos: e.linePos?.[0] ?? { line: 1, col: 1 },
    // yaml appends " at line L, column C:" and a code frame; our prefix already says where.
    message: REWORDED[e.code] ?? (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, ''),
  }));
  const start = (offset: number | undefined): Position => lineCounter.linePos(offset ?? 0);
  const locate = (path: ValuePath, at: 'key' | 'value' = 'value'): Position => {
    let node: unknown = doc.contents;
    let found: Position = start(doc.contents?.range?.[0]);
    for (const [i, segment] of path.entries()) {
      if (isAlias(node)) node = node.resolve(doc);
      const pair = isMap(node) ? node.items.find((p) => keyOf(p.key) === String(segment)) : undefined;
      const child = isMap(node) ? pair?.value : isSeq(node) ? node.items[Number(segment)] : undefined;
      if (pair && at === 'key' && i === path.length - 1) return start(rangeOf(pair.key));
      if (child === undefined || child === null || isBlank(child)) {
        // `key:` with no value: point at the key.
        return pair ? start(rangeOf(pair.key)) : found;
      }
      node = child;
      found = start(rangeOf(child));
    }
    return found;
  };
  const empty = doc.contents === null;
  if (errors.length > 0) return { value: undefined, empty, errors, locate };
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIASES }), empty, errors, locate };
  } catch {
    // An alias bomb ("billion laughs") stops here instead of exhausting memory.
    const message = `expected at most ${MAX_ALIASES} alias expansions, got more`;
    return { value: undefined, empty, errors: [{ pos: { line: 1, col: 1 }, message }], locate };
  }
}

function keyOf(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}

function rangeOf(node: unknown): number | undefined {
  return (node as Node | undefined)?.range?.[0];
}

/** A scalar with no text at all (`key:` followed by nothing). */
function isBlank(node: unknown): boolean {
  const r = (node as Node).range;
  return isScalar(node) && node.value === null && r !== undefined && r !== null && r[0] === r[1];
}

/**
 * Schema issues rewritten as recipe errors: a path like `stages[1].options.min_wrds`, a position, and a
 * message of the form "expected X, got Y" (or "unknown key, did you mean ..."). A schema message that
 * starts with "expected" was written by the schema's author and is kept, followed by ", got Y".
 */
import type { SchemaIssue } from '../core/schema.js';
import type { ParsedYaml, Position, ValuePath } from './locate.js';
import { didYouMean } from './suggest.js';

export interface Problem {
  path: ValuePath;
  pos: Position;
  message: string;
}

export type Locate = (path: ValuePath, at?: 'key' | 'value') => Position;

/** `stages[1].options.min_wrds`; keys that are not plain words are quoted: `options["a.b"]`. */
export function formatPath(path: ValuePath): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(p)) out += out === '' ? p : `.${p}`;
    else out += `[${JSON.stringify(p)}]`;
  }
  return out;
}

/** One line per problem, sorted by position: `<file>:<line>:<col>: <path>: <message>`. */
export function formatProblems(file: string, problems: Problem[]): string {
  const sorted = [...problems].sort((a, b) => a.pos.line - b.pos.line || a.pos.col - b.pos.col);
  const lines = sorted.map((p) => {
    const where = formatPath(p.path);
    return `${file}:${p.pos.line}:${p.pos.col}: ${where === '' ? '' : `${where}: `}${p.message}`;
  });
  return [...new Set(lines)].join('\n');
}

/** The YAML syntax errors of a parsed file as problems (empty when it parsed). */
export function yamlProblems(yaml: ParsedYaml): Problem[] {
  return yaml.errors.map((e) => ({ path: [], pos: e.pos, message: `invalid YAML: ${e.message}` }));
}

/** Schema issues as problems; `prefix` places them inside the document (e.g. a stage's options). */
export function issueProblems(
  issues: SchemaIssue[],
  raw: unknown,
  locate: Locate,
  prefix: ValuePath = [],
  keyNoun = 'key',
): Problem[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    const e = issue.expected;
    if (e.kind === 'known_keys') {
      const noun = issue.path.length === 0 ? keyNoun : 'key';
      return (issue.keys ?? []).map((key) => {
        const hint = didYouMean(key, e.keys) || `, expected one of ${e.keys.join(', ') || '(none)'}`;
        return {
          path: [...path, key],
          pos: locate([...path, key], 'key'),
          message: `unknown ${noun}${hint}`,
        };
      });
    }
    const value = valueAt(raw, issue.path);
    const missing = value === undefined && isMissing(raw, issue.path);
    return [{ path, pos: locate(path), message: issueMessage(issue, value, missing) }];
  });
}

/** "expected X, got Y" for one issue whose received value is `value`. */
export function issueMessage(issue: SchemaIssue, value: unknown, missing: boolean): string {
  const e = issue.expected;
  const got = `, got ${describe(value)}`;
  if (missing && (e.kind === 'type' || e.kind === 'one_of')) {
    return `missing required key, expected ${expectedText(issue)}`;
  }
  switch (e.kind) {
    case 'one_of':
      return `expected ${expectedText(issue)}${got}${typeof value === 'string' ? didYouMean(value, e.values.map(String)) : ''}`;
    case 'bound':
      return `expected ${expectedText(issue)}, got ${describeSize(value)}`;
    case 'custom':
      if (issue.message.startsWith('expected ')) return `${issue.message}${got}`;
      return isScalar(value) ? `${issue.message}${got}` : issue.message;
    default:
      return `expected ${expectedText(issue)}${got}`;
  }
}

function expectedText(issue: SchemaIssue): string {
  const e = issue.expected;
  if (issue.message.startsWith('expected ')) return issue.message.slice('expected '.length);
  switch (e.kind) {
    case 'type':
      return e.types.map(typeName).join(' or ');
    case 'one_of':
      return e.values.length === 1 ? literal(e.values[0]) : `one of ${e.values.map(literal).join(', ')}`;
    case 'bound':
      return boundText(e);
    case 'format':
      return e.format === 'regex' ? `string matching ${e.pattern ?? 'a pattern'}` : `${e.format} string`;
    case 'multiple_of':
      return `a multiple of ${e.divisor}`;
    default:
      return issue.message;
  }
}

function boundText(e: Extract<SchemaIssue['expected'], { kind: 'bound' }>): string {
  const n = e.limit;
  if (e.of === 'string' || e.of === 'array' || e.of === 'set') {
    const unit = e.of === 'string' ? 'character' : 'item';
    const amount = `${n} ${unit}${n === 1 ? '' : 's'}`;
    if (e.exact) return `exactly ${amount}`;
    const side = e.side === 'min' ? 'at least' : 'at most';
    return `${side} ${e.inclusive ? amount : `${e.side === 'min' ? n + 1 : n - 1} ${unit}s`}`;
  }
  const op = e.exact ? '=' : e.side === 'min' ? (e.inclusive ? '>=' : '>') : e.inclusive ? '<=' : '<';
  return `${typeName(e.of)} ${op} ${n}`;
}

const TYPE_WORDS: Record<string, string> = { object: 'mapping', array: 'list' };

function typeName(t: string): string {
  return TYPE_WORDS[t] ?? t;
}

function literal(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

function isScalar(v: unknown): boolean {
  return v === null || (typeof v !== 'object' && v !== undefined);
}

/** The received value in words: `string "0.3x"`, `number 5`, `list`, `mapping`, `empty value`. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  // YAML's null is almost always a key with nothing after it.
  if (value === null) return 'empty value';
  if (Array.isArray(value)) return value.length === 0 ? 'empty list' : 'list';
  if (typeof value === 'object') return 'mapping';
  if (typeof value === 'string') {
    const s = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return `string ${JSON.stringify(s)}`;
  }
  return `${typeof value} ${String(value)}`;
}

/** For size bounds the size itself is the useful part: `-1`, `""`, `0 items`. */
function describeSize(value: unknown): string {
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  return describe(value);
}

/** The raw value at `path` (undefined when any step is absent). */
export function valueAt(raw: unknown, path: ValuePath): unknown {
  let v = raw;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

function isMissing(raw: unknown, path: ValuePath): boolean {
  if (path.length === 0) return raw === undefined;
  const parent = valueAt(raw, path.slice(0, -1));
  return parent !== null && typeof parent === 'object' && !Object.hasOwn(parent, String(path.at(-1)));
}

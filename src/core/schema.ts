/**
 * Adapter for the schema library (zod): the only module that imports it. Stages and the recipe declare
 * their options with `z` from here, so swapping the library touches this file.
 */
import { z } from 'zod';

export { z };
export type ZodObjectAny = z.ZodObject<z.ZodRawShape>;

/**
 * What a failed value should have been, in library-neutral terms, so callers can write "expected X, got Y".
 * Type names: number, integer, string, boolean, null, array, object, and the library's other names.
 */
export type Expectation =
  | { kind: 'type'; types: string[] }
  | { kind: 'one_of'; values: unknown[] }
  | { kind: 'bound'; side: 'min' | 'max'; limit: number; inclusive: boolean; exact: boolean; of: string }
  | { kind: 'format'; format: string; pattern?: string }
  | { kind: 'multiple_of'; divisor: number }
  | { kind: 'known_keys'; keys: string[] }
  | { kind: 'custom' };

export interface SchemaIssue {
  path: (string | number)[];
  message: string;
  /** For unrecognized keys: the offending keys. */
  keys?: string[];
  /** What was expected; `custom` means `message` was written by the schema's author. */
  expected: Expectation;
}

/** Validates `value`; returns the parsed value or the issues with their paths. */
export function validate<T>(
  schema: z.ZodType<T>,
  value: unknown,
): { ok: true; value: T } | { ok: false; issues: SchemaIssue[] } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: result.error.issues.flatMap((i) => toIssues(i, [], schema)) };
}

type RawIssue = z.core.$ZodIssue;
type Path = (string | number)[];

const TYPE_NAMES: Record<string, string> = { int: 'integer', tuple: 'array', record: 'object' };

function cleanPath(path: PropertyKey[]): Path {
  return path.filter((p): p is string | number => typeof p !== 'symbol');
}

function toIssues(i: RawIssue, prefix: Path, root: z.ZodType): SchemaIssue[] {
  const path = [...prefix, ...cleanPath(i.path)];
  const at = (expected: Expectation, extra: Partial<SchemaIssue> = {}): SchemaIssue[] => [
    { path, message: i.message, expected, ...extra },
  ];
  switch (i.code) {
    case 'invalid_type':
      return at({ kind: 'type', types: [TYPE_NAMES[i.expected] ?? i.expected] });
    case 'invalid_value':
      return at({ kind: 'one_of', values: [...i.values] });
    case 'too_small':
    case 'too_big': {
      const limit = Number(i.code === 'too_small' ? i.minimum : i.maximum);
      const side = i.code === 'too_small' ? 'min' : 'max';
      const of = TYPE_NAMES[i.origin] ?? i.origin;
      return at({ kind: 'bound', side, limit, inclusive: i.inclusive ?? true, exact: i.exact ?? false, of });
    }
    case 'invalid_format':
      return at({
        kind: 'format',
        format: i.format,
        ...(i.pattern === undefined ? {} : { pattern: i.pattern }),
      });
    case 'not_multiple_of':
      return at({ kind: 'multiple_of', divisor: Number(i.divisor) });
    case 'unrecognized_keys':
      return at({ kind: 'known_keys', keys: knownKeys(root, path) }, { keys: i.keys });
    case 'invalid_union':
      return unionIssues(i, path, root);
    case 'invalid_key':
    case 'invalid_element':
      return i.issues.flatMap((sub) => toIssues(sub, path, root));
    default:
      return at({ kind: 'custom' });
  }
}

/** A union that failed: the branch that got furthest, or "expected A or B" when no branch took the type. */
function unionIssues(i: z.core.$ZodIssueInvalidUnion, path: Path, root: z.ZodType): SchemaIssue[] {
  const message = i.message;
  if (i.discriminator !== undefined && 'options' in i && i.options) {
    const values = [...i.options];
    return [{ path: [...path, i.discriminator], message, expected: { kind: 'one_of', values } }];
  }
  const isTypeMiss = (b: RawIssue[]) => b.every((s) => s.code === 'invalid_type' && s.path.length === 0);
  const deeper = i.errors.find((b) => b.length > 0 && !isTypeMiss(b));
  if (deeper) return deeper.flatMap((s) => toIssues(s, path, root));
  const types = i.errors.flatMap((b) =>
    b.flatMap((s) => (s.code === 'invalid_type' ? [TYPE_NAMES[s.expected] ?? s.expected] : [])),
  );
  if (types.length === 0) return [{ path, message, expected: { kind: 'custom' } }];
  return [{ path, message, expected: { kind: 'type', types: [...new Set(types)] } }];
}

interface Inner {
  _zod: { def: Record<string, unknown> & { type: string } };
}

/** The keys an object schema declares at `path` inside `schema` (through arrays, optionals, unions…). */
export function knownKeys(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  const keys = new Set<string>();
  const visit = (s: Inner | undefined, rest: readonly (string | number)[], depth: number): void => {
    if (s === undefined || depth > 64) return;
    const def = s._zod.def;
    const next = (k: string) => visit(def[k] as Inner | undefined, rest, depth + 1);
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'nonoptional':
      case 'readonly':
      case 'catch':
        next('innerType');
        return;
      case 'pipe':
        next('in');
        return;
      case 'lazy':
        visit((def.getter as () => Inner)(), rest, depth + 1);
        return;
      case 'union':
        for (const o of def.options as Inner[]) visit(o, rest, depth + 1);
        return;
      case 'intersection':
        next('left');
        next('right');
        return;
      case 'object': {
        const shape = def.shape as Record<string, Inner>;
        if (rest.length === 0) for (const k of Object.keys(shape)) keys.add(k);
        else visit(shape[String(rest[0])], rest.slice(1), depth + 1);
        return;
      }
      case 'array':
        if (rest.length > 0) visit(def.element as Inner, rest.slice(1), depth + 1);
        return;
      case 'record':
        if (rest.length > 0) visit(def.valueType as Inner, rest.slice(1), depth + 1);
        return;
    }
  };
  visit(schema as unknown as Inner, path, 0);
  return [...keys];
}

/** The same object schema, refusing keys it does not declare (its refinements and description kept). */
export function strictObject<S extends ZodObjectAny>(schema: S): S {
  const strict = schema.strict();
  return (schema.description === undefined ? strict : strict.describe(schema.description)) as unknown as S;
}

/** JSON Schema (draft 2020-12) of a schema, for editors and `datamill stages`. */
export function toJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

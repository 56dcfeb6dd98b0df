/**
 * Adapter for the schema library (zod): the only module that imports it. Stages and the recipe declare
 * their options with `z` from here, so swapping the library touches this file.
 */
import { z } from 'zod';

export { z };
export type ZodObjectAny = z.ZodObject<z.ZodRawShape>;

export interface SchemaIssue {
  path: (string | number)[];
  message: string;
  /** For unrecognized keys: the offending keys. */
  keys?: string[];
}

/** Validates `value`; returns the parsed value or the issues with their paths. */
export function validate<T>(
  schema: z.ZodType<T>,
  value: unknown,
): { ok: true; value: T } | { ok: false; issues: SchemaIssue[] } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((i) => ({
      path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
      message: i.message,
      keys: i.code === 'unrecognized_keys' ? (i as { keys: string[] }).keys : undefined,
    })),
  };
}

/** JSON Schema (draft 2020-12) of a schema, for editors and `datamill stages`. */
export function toJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

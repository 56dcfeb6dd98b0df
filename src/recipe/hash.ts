/**
 * The recipe hash: what a run directory was made from. Two recipes with the same hash produce the same
 * output, so a rerun may skip finished tasks; `runtime.workers`, `runtime.worker_heap_mb` and `checks` are
 * left out because they never change the output.
 */
import { createHash } from 'node:crypto';
import type { Recipe } from './schema.js';

/**
 * sha256 (hex) of the canonical JSON of `recipe` (keys sorted, undefined dropped) without workers,
 * worker_heap_mb and checks.
 */
export function recipeHash(recipe: Recipe): string {
  const { workers: _workers, worker_heap_mb: _heap, ...runtime } = recipe.runtime;
  // Checks judge the output after the run; changing a bound must not invalidate a finished run directory.
  const { checks: _checks, ...rest } = recipe;
  return createHash('sha256')
    .update(canonicalJson({ ...rest, runtime }))
    .digest('hex');
}

/**
 * JSON with object keys in sorted order at every depth, so equal values give equal text. Undefined
 * members are dropped (as JSON.stringify does); non-finite numbers become null; bigints become strings.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'bigint':
      return JSON.stringify(String(value));
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      return 'null';
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Set) return canonicalJson([...value]);
  if (value instanceof Map) return canonicalJson(Object.fromEntries(value));
  if (value instanceof RegExp) return JSON.stringify(String(value));
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((k) => record[k] !== undefined && typeof record[k] !== 'function')
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`);
  return `{${members.join(',')}}`;
}

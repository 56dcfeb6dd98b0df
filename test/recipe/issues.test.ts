import { describe, expect, it } from 'vitest';
import { knownKeys, validate, z } from '../../src/core/schema.js';
import { describe as describeValue, formatPath, issueMessage } from '../../src/recipe/issues.js';

/** The recipe message for `value` checked against `schema` (one issue expected). */
function messageFor(schema: z.ZodType, value: unknown): string {
  const r = validate(schema, value);
  if (r.ok) throw new Error('expected a failure');
  expect(r.issues).toHaveLength(1);
  return issueMessage(r.issues[0]!, value, false);
}

describe('issue messages', () => {
  it.each([
    ['number', z.number(), 'x', 'expected number, got string "x"'],
    ['integer', z.number().int(), 2.5, 'expected integer, got number 2.5'],
    ['mapping', z.object({}), [1], 'expected mapping, got list'],
    ['list', z.array(z.string()), {}, 'expected list, got mapping'],
    ['boolean', z.boolean(), null, 'expected boolean, got empty value'],
    ['enum', z.enum(['a', 'b']), 'c', 'expected one of "a", "b", got string "c"'],
    ['literal', z.literal(3), 4, 'expected 3, got number 4'],
    ['min', z.number().min(1), 0, 'expected number >= 1, got 0'],
    ['gt', z.number().gt(1), 1, 'expected number > 1, got 1'],
    ['max', z.number().max(1), 2, 'expected number <= 1, got 2'],
    ['lt', z.number().lt(1), 1, 'expected number < 1, got 1'],
    ['min length', z.string().min(3), 'ab', 'expected at least 3 characters, got "ab"'],
    ['max items', z.array(z.number()).max(1), [1, 2], 'expected at most 1 item, got 2 items'],
    ['exact items', z.array(z.number()).length(2), [1], 'expected exactly 2 items, got 1 item'],
    ['regex', z.string().regex(/^a+$/), 'b', 'expected string matching /^a+$/, got string "b"'],
    ['email', z.email(), 'b', 'expected email string, got string "b"'],
    [
      'authored format',
      z.string().regex(/^a$/, 'expected the letter a'),
      'b',
      'expected the letter a, got string "b"',
    ],
    ['multiple', z.number().multipleOf(5), 7, 'expected a multiple of 5, got number 7'],
    ['union', z.union([z.number(), z.boolean()]), 'x', 'expected number or boolean, got string "x"'],
    ['union branch', z.union([z.number().min(5), z.boolean()]), 1, 'expected number >= 5, got 1'],
    ['refine', z.number().refine((n) => n % 2 === 0, 'must be even'), 3, 'must be even, got number 3'],
    [
      'refine on object',
      z.object({ a: z.number() }).refine(() => false, 'a and b clash'),
      { a: 1 },
      'a and b clash',
    ],
  ])('%s', (_name, schema, value, message) => {
    expect(messageFor(schema, value)).toBe(message);
  });

  it('says a missing key is missing', () => {
    const r = validate(z.object({ a: z.number() }), {});
    expect(r.ok || issueMessage(r.issues[0]!, undefined, true)).toBe('missing required key, expected number');
  });

  it('reports unknown keys with the keys the object declares', () => {
    const schema = z.strictObject({ list: z.array(z.strictObject({ alpha: z.number(), beta: z.number() })) });
    const r = validate(schema, { list: [{ alpha: 1, beta: 2, gamma: 3 }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ path: ['list', 0], keys: ['gamma'] });
    expect(r.issues[0]?.expected).toEqual({ kind: 'known_keys', keys: ['alpha', 'beta'] });
  });
});

describe('knownKeys', () => {
  const schema = z.strictObject({
    a: z.object({ x: z.number(), y: z.number() }).optional(),
    b: z.array(z.object({ z: z.string() })).default([]),
    c: z.union([z.object({ p: z.number() }), z.object({ q: z.number() })]),
    d: z.record(z.string(), z.object({ r: z.number() })),
  });
  it.each([
    [[], ['a', 'b', 'c', 'd']],
    [['a'], ['x', 'y']],
    [['b', 3], ['z']],
    [['c'], ['p', 'q']],
    [['d', 'any'], ['r']],
    [['nope'], []],
  ] as const)('%j → %j', (path, keys) => {
    expect(knownKeys(schema, path)).toEqual(keys);
  });
});

describe('formatPath and describe', () => {
  it.each([
    [[], ''],
    [['output', 'format'], 'output.format'],
    [['stages', 1, 'options', 'min_wrds'], 'stages[1].options.min_wrds'],
    [['stages', 0, 'options', 'a.b c'], 'stages[0].options["a.b c"]'],
    [[0], '[0]'],
  ] as const)('%j → %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });

  it.each([
    [undefined, 'nothing'],
    [null, 'empty value'],
    ['x', 'string "x"'],
    [3, 'number 3'],
    [true, 'boolean true'],
    [[], 'empty list'],
    [[1], 'list'],
    [{}, 'mapping'],
    ['y'.repeat(100), `string "${'y'.repeat(57)}..."`],
  ])('%j → %s', (value, text) => {
    expect(describeValue(value)).toBe(text);
  });
});

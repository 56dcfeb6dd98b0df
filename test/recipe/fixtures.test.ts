import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isDatamillError } from '../../src/errors.js';
import { parseRecipe } from '../../src/recipe/load.js';
import { fakeRegistry } from './fake-stages.js';

// Golden fixtures: each bad recipe `name.yaml` sits beside `name.expected.txt`, the exact error text.
// `UPDATE_GOLDEN=1 npx vitest run test/recipe` rewrites the expected files (review the diff).
const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -'.yaml'.length))
  .sort();

function errorText(name: string): string {
  const source = readFileSync(path.join(dir, `${name}.yaml`), 'utf8');
  try {
    parseRecipe(source, `test/recipe/fixtures/${name}.yaml`, fakeRegistry());
  } catch (e) {
    if (!isDatamillError(e)) throw e;
    expect(e.code).toBe('recipe_invalid');
    expect(e.exitCode).toBe(2);
    return `${e.message}\n`;
  }
  throw new Error(`${name}.yaml loaded without error; golden fixtures are bad recipes`);
}

describe('recipe golden fixtures', () => {
  it('has fixtures', () => expect(names.length).toBeGreaterThan(10));

  it.each(names)('%s', (name) => {
    const actual = errorText(name);
    const expectedFile = path.join(dir, `${name}.expected.txt`);
    if (process.env.UPDATE_GOLDEN || !existsSync(expectedFile)) writeFileSync(expectedFile, actual);
    expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
  });
});

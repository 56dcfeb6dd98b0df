import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datamill, ROOT } from './cli.js';

const recipes = readdirSync(path.join(ROOT, 'pipelines')).filter((f) => f.endsWith('.yaml'));

describe('shipped recipes', () => {
  it.each(recipes)('pipelines/%s validates', (file) => {
    const r = datamill(['validate', path.join('pipelines', file)]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.each(recipes)('pipelines/%s plans on the bundled sample data', (file) => {
    const r = datamill(['plan', path.join('pipelines', file)]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/input files/);
  });
});

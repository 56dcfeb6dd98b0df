import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toJsonSchema } from '../../src/core/schema.js';
import type { StageDef } from '../../src/stages/define.js';
import { allStages, getStage, stageNames } from '../../src/stages/registry.js';

const STAGES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/stages');
/** Files in src/stages that are not stages: the contracts, the registry, and `_`-prefixed internals. */
const NOT_STAGES = new Set(['define.ts', 'registry.ts']);

/** Stage files relative to src/stages, and the recipe name each must declare: `dedup/minhash.ts` → `dedup-minhash`. */
function stageFiles(): { file: string; expected: string }[] {
  return readdirSync(STAGES_DIR, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !NOT_STAGES.has(f))
    .filter((f) => !f.split('/').some((part) => part.startsWith('_')))
    .sort()
    .map((file) => ({ file, expected: file.slice(0, -'.ts'.length).replaceAll('/', '-') }));
}

function isStageDef(v: unknown): v is StageDef {
  const s = v as Partial<StageDef> | undefined;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.name === 'string' &&
    (s.kind === 'map' || s.kind === 'global')
  );
}

const files = stageFiles();
const loaded = await Promise.all(
  files.map(async ({ file, expected }) => {
    const mod = (await import(pathToFileURL(path.join(STAGES_DIR, file)).href)) as Record<string, unknown>;
    return { file, expected, def: mod.default, others: Object.values(mod).filter((v) => v !== mod.default) };
  }),
);

describe('stage registry', () => {
  it('finds stage files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(loaded)('$file default-exports one stage named $expected, registered under that name', (s) => {
    expect(isStageDef(s.def), `${s.file}: default export is not a defineStage(...) result`).toBe(true);
    expect(s.others.filter(isStageDef), `${s.file}: one stage per file`).toEqual([]);
    const def = s.def as StageDef;
    expect(def.name, `${s.file}: stage name must equal the file name`).toBe(s.expected);
    expect(getStage(def.name), `${s.file}: not in the stages array of src/stages/registry.ts`).toBe(def);
  });

  it('has unique names, exactly the stage files', () => {
    const names = allStages().map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    expect(stageNames()).toEqual(files.map((f) => f.expected).sort());
  });

  it.each(allStages().map((s) => [s.name, s] as const))(
    '%s: kebab-case name, a description, snake_case options each with a description',
    (name, def) => {
      expect(name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(def.description.trim().length).toBeGreaterThan(0);
      const props = (toJsonSchema(def.options).properties ?? {}) as Record<string, { description?: string }>;
      for (const [key, prop] of Object.entries(props)) {
        expect(key, `${name}: option names are snake_case`).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
        expect(prop.description, `${name}.${key}: option needs .describe()`).toBeTruthy();
      }
    },
  );
});

/**
 * Loading a recipe: YAML → recipe schema → each stage's own options schema → absolute paths and a hash.
 * Every problem is collected and thrown as one recipe error (exit 2), one `file:line:col: path: message`
 * line per problem, sorted by position.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { strictObject, validate } from '../core/schema.js';
import { recipeError } from '../errors.js';
import * as defaultRegistry from '../stages/registry.js';
import { checkChecks, metricContext } from './checks.js';
import { recipeHash } from './hash.js';
import { formatProblems, issueProblems, type Locate, type Problem, yamlProblems } from './issues.js';
import { parseYaml } from './locate.js';
import { type Recipe, type RecipeStage, recipeSchema, type StageRegistry } from './schema.js';
import { didYouMean } from './suggest.js';

export { recipeHash } from './hash.js';
export type { Recipe, RecipeStage, StageRegistry } from './schema.js';

export interface LoadedRecipe {
  recipe: Recipe;
  /** The recipe file, absolute. */
  file: string;
  /** Its directory, absolute: relative paths in the recipe resolve against it. */
  dir: string;
  /** {@link recipeHash} of `recipe`. */
  hash: string;
  /** The YAML text as read. */
  source: string;
}

/** Reads, validates and resolves a recipe file; messages name `file` as given. */
export async function loadRecipe(
  file: string,
  registry: StageRegistry = defaultRegistry,
): Promise<LoadedRecipe> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(code ?? e);
    throw recipeError(`${file}: cannot read the recipe (${why})`);
  }
  return parseRecipe(source, file, registry);
}

/** As {@link loadRecipe}, from the text of a recipe; `file` names it in messages and anchors its paths. */
export function parseRecipe(
  source: string,
  file: string,
  registry: StageRegistry = defaultRegistry,
): LoadedRecipe {
  const yaml = parseYaml(source);
  if (yaml.errors.length > 0) throw recipeError(formatProblems(file, yamlProblems(yaml)));
  if (yaml.empty) {
    const message = 'the recipe is empty, expected a mapping with inputs, output and stages';
    throw recipeError(formatProblems(file, [{ path: [], pos: { line: 1, col: 1 }, message }]));
  }
  const raw = yaml.value;
  const problems: Problem[] = [];
  const parsed = validate(recipeSchema, raw);
  if (!parsed.ok) problems.push(...rootProblems(issueProblems(parsed.issues, raw, yaml.locate)));
  const stages = checkStages(raw, registry, yaml.locate, problems);
  if (isRecord(raw)) checkChecks(raw.checks, metricContext(raw), yaml.locate, problems);
  if (!parsed.ok || problems.length > 0) throw recipeError(formatProblems(file, problems));

  const dir = path.dirname(path.resolve(file));
  const doc = parsed.value;
  const recipe: Recipe = {
    ...doc,
    inputs: doc.inputs.map((input) => ({ ...input, path: path.resolve(dir, input.path) })),
    output: { ...doc.output, dir: path.resolve(dir, doc.output.dir) },
    stages,
  };
  return { recipe, file: path.resolve(file), dir, hash: recipeHash(recipe), source };
}

/** A document that is not a mapping gets one message naming what a recipe is. */
function rootProblems(problems: Problem[]): Problem[] {
  return problems.map((p) =>
    p.path.length === 0 && p.message.startsWith('expected mapping, ')
      ? {
          ...p,
          message: p.message.replace('expected mapping', 'expected a mapping with inputs, output and stages'),
        }
      : p,
  );
}

type Entry = { stage?: unknown; id?: unknown; options?: unknown };

/** Checks stage names, ids and options; the entries' own shape was checked by the recipe schema. */
function checkStages(
  raw: unknown,
  registry: StageRegistry,
  locate: Locate,
  problems: Problem[],
): RecipeStage[] {
  const list = isRecord(raw) && Array.isArray(raw.stages) ? (raw.stages as unknown[]) : [];
  const out: RecipeStage[] = [];
  const seen = new Map<string, number>();
  list.forEach((item, i) => {
    if (!isRecord(item) || typeof item.stage !== 'string' || item.stage === '') return;
    const entry = item as Entry;
    const name = item.stage;
    const where = (key: string, message: string): void => {
      problems.push({ path: ['stages', i, key], pos: locate(['stages', i, key]), message });
    };
    const explicitId = typeof entry.id === 'string' ? entry.id : undefined;
    const id = explicitId ?? name;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else if (explicitId !== undefined)
      where('id', `duplicate stage id "${id}", already used by stages[${first}]`);
    else
      where(
        'stage',
        `stage "${id}" already appears at stages[${first}]; give this step an id: (ids must be unique)`,
      );

    const def = registry.getStage(name);
    if (def === undefined) {
      const hint =
        didYouMean(name, registry.stageNames()) || ', expected a registered stage name (see datamill stages)';
      where('stage', `unknown stage "${name}"${hint}`);
      return;
    }
    const rawOptions = entry.options === undefined ? {} : entry.options;
    if (!isRecord(rawOptions)) return;
    const result = validate(strictObject(def.options), rawOptions);
    if (!result.ok) {
      problems.push(...issueProblems(result.issues, rawOptions, locate, ['stages', i, 'options'], 'option'));
      return;
    }
    out.push({ stage: name, id, options: result.value as Record<string, unknown> });
  });
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

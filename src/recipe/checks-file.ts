/**
 * A checks file for `datamill check FILE... --checks checks.yaml`: a mapping with a `checks:` list, written
 * as in a recipe (so a recipe's section can be copied), validated like one, with errors at file:line:col.
 */
import { readFile } from 'node:fs/promises';
import type { MetricContext } from '../check/metrics.js';
import { validate, z } from '../core/schema.js';
import { recipeError } from '../errors.js';
import { type Check, checkChecks, checkSchema } from './checks.js';
import { formatProblems, issueProblems, type Problem, yamlProblems } from './issues.js';
import { parseYaml } from './locate.js';

const checksFileSchema = z.strictObject({
  checks: z.array(checkSchema).describe('Checks, as in a recipe'),
});

/** Reads and validates a checks file; metric paths are checked against `ctx`. */
export async function loadChecksFile(file: string, ctx: MetricContext): Promise<Check[]> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw recipeError(
      `${file}: cannot read the checks file (${code === 'ENOENT' ? 'no such file' : String(code ?? e)})`,
    );
  }
  return parseChecks(source, file, ctx);
}

/** As {@link loadChecksFile}, from the file's text. */
export function parseChecks(source: string, file: string, ctx: MetricContext): Check[] {
  const yaml = parseYaml(source);
  if (yaml.errors.length > 0) throw recipeError(formatProblems(file, yamlProblems(yaml)));
  const problems: Problem[] = [];
  const parsed = validate(checksFileSchema, yaml.value);
  if (!parsed.ok) problems.push(...issueProblems(parsed.issues, yaml.value, yaml.locate));
  const raw = yaml.value as { checks?: unknown } | null;
  checkChecks(raw?.checks, ctx, yaml.locate, problems);
  if (!parsed.ok || problems.length > 0) throw recipeError(formatProblems(file, problems));
  return parsed.value.checks;
}

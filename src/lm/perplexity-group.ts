/** The group a document's percentile cut-offs are computed in: one for all, its input's domain, or its language. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Doc } from '../core/doc.js';
import { DatamillError } from '../errors.js';
import type { StageEnv } from '../stages/define.js';

export type GroupBy = 'none' | 'domain' | 'language';

/** The group of every document when `group_by` is none, and of documents without a language field. */
export const ALL_GROUP = '_all';
export const NO_LANGUAGE = '_none';

interface PlanSlice {
  sourceTasks: { input: number }[];
  recipe: { inputs: { domain?: string }[] };
}

const plans = new Map<string, Promise<PlanSlice>>();

/**
 * The domain of this task's input, as the report names it (`inputs[i].domain`, else `input<i>`, as
 * exec/map-task.ts does). Tasks keep their index across map phases, so the source task's input is the
 * input of every document of the task. Read from the run's run.json (`<run>/work/<stage id>` is the
 * stage's work dir) unless the environment carries it.
 */
export async function taskDomain(env: StageEnv & { domain?: string }): Promise<string> {
  if (typeof env.domain === 'string') return env.domain;
  const runJson = path.join(path.dirname(path.dirname(env.workDir)), 'run.json');
  let p = plans.get(runJson);
  if (p === undefined) {
    p = readFile(runJson, 'utf8').then((s) => (JSON.parse(s) as { plan: PlanSlice }).plan);
    plans.set(runJson, p);
    p.catch(() => plans.delete(runJson));
  }
  try {
    const plan = await p;
    const input = plan.sourceTasks[env.taskIndex]?.input ?? 0;
    return plan.recipe.inputs[input]?.domain ?? `input${input}`;
  } catch (err) {
    throw new DatamillError(
      'stage_failed',
      `group_by: domain needs the run's plan (${runJson}): ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
}

/** A function from document to group name for this task. */
export async function groupOf(
  groupBy: GroupBy,
  languageField: string,
  env: StageEnv,
): Promise<(doc: Doc) => string> {
  if (groupBy === 'none') return () => ALL_GROUP;
  if (groupBy === 'domain') {
    const domain = await taskDomain(env);
    return () => domain;
  }
  return (doc) => {
    const v = doc.row[languageField];
    return typeof v === 'string' && v !== '' ? v : NO_LANGUAGE;
  };
}

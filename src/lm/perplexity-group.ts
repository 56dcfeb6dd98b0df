/** The group a document's percentile cut-offs are computed in: one for all, its input's domain, or its language. */
import type { Doc } from '../core/doc.js';
import type { StageEnv } from '../stages/define.js';

export type GroupBy = 'none' | 'domain' | 'language';

/** The group of every document when `group_by` is none, and of documents without a language field. */
export const ALL_GROUP = '_all';
export const NO_LANGUAGE = '_none';

/** The domain of this task's input, set by the executor on every map task's environment. */
export function taskDomain(env: StageEnv): string {
  if (env.domain === undefined) throw new Error("group_by: domain needs the task environment's domain");
  return env.domain;
}

/** A function from document to group name for this task. */
export async function groupOf(
  groupBy: GroupBy,
  languageField: string,
  env: StageEnv,
): Promise<(doc: Doc) => string> {
  if (groupBy === 'none') return () => ALL_GROUP;
  if (groupBy === 'domain') {
    const domain = taskDomain(env);
    return () => domain;
  }
  return (doc) => {
    const v = doc.row[languageField];
    return typeof v === 'string' && v !== '' ? v : NO_LANGUAGE;
  };
}

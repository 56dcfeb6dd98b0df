/**
 * The JSON Schema of recipes, for editor autocompletion (`datamill schema`): the recipe schema with each
 * `stages` item a oneOf branch per registered stage, chosen by its `stage` const and carrying that stage's
 * description and options schema.
 */
import { strictObject, toJsonSchema, z } from '../core/schema.js';
import type { StageDef } from '../stages/define.js';
import * as defaultRegistry from '../stages/registry.js';
import { recipeSchema, type StageRegistry, stageEntrySchema } from './schema.js';

/** JSON Schema (draft 2020-12) of a recipe; stage branches are in stage-name order. */
export function recipeJsonSchema(registry: StageRegistry = defaultRegistry): Record<string, unknown> {
  const defs = registry
    .stageNames()
    .map((name) => registry.getStage(name))
    .filter((d): d is StageDef => d !== undefined);
  const branches = defs.map((def) =>
    z
      .strictObject({
        stage: z.literal(def.name),
        id: stageEntrySchema.shape.id,
        options: strictObject(def.options).optional().describe(`Options of ${def.name}`),
      })
      .describe(def.description),
  );
  const [first, ...rest] = branches;
  const item = first === undefined ? stageEntrySchema : z.discriminatedUnion('stage', [first, ...rest]);
  const stages = z.array(item).describe(recipeSchema.shape.stages.description ?? 'Stages in order');
  const json = toJsonSchema(recipeSchema.extend({ stages }));
  dropMachineDefault(json);
  return { title: 'datamill recipe', ...json };
}

/** runtime.workers defaults to this machine's core count; the schema should not publish that number. */
function dropMachineDefault(json: Record<string, unknown>): void {
  const props = (json.properties as Record<string, { properties?: Record<string, Record<string, unknown>> }>)
    ?.runtime?.properties;
  if (props?.workers) delete props.workers.default;
}

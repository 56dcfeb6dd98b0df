import { toJsonSchema } from '../core/schema.js';
import { usageError } from '../errors.js';
import { recipeJsonSchema } from '../recipe/json-schema.js';
import { loadRecipe } from '../recipe/load.js';
import { suggest } from '../recipe/suggest.js';
import { allStages, getStage, stageNames } from '../stages/registry.js';
import { loadPlan } from './load.js';

const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);

/** `datamill validate RECIPE`: schema, stage names and options; exit 2 with every problem listed. */
export async function validateCommand(file: string): Promise<void> {
  const loaded = await loadRecipe(file);
  out(`${file}: ok (${loaded.recipe.stages.length} stages, recipe hash ${loaded.hash.slice(0, 12)})`);
}

/** `datamill plan RECIPE`: phases and tasks, reading only file headers and footers. */
export async function planCommand(file: string, flags: { json?: boolean }): Promise<void> {
  const plan = await loadPlan(file, (m) => process.stderr.write(`datamill: warning: ${m}\n`));
  if (flags.json) {
    out(JSON.stringify({ phases: plan.phases, manifest: plan.manifest, tasks: plan.sourceTasks }, null, 2));
    return;
  }
  const bytes = plan.manifest.reduce((s, f) => s + f.bytes, 0);
  out(
    `${plan.manifest.length} input files, ${(bytes / 1e6).toFixed(1)} MB, ${plan.sourceTasks.length} source tasks`,
  );
  for (const p of plan.phases) {
    if (p.kind === 'reduce') out(`phase ${p.name}: reduce ${p.stage} in ${p.tasks} task(s)`);
    else {
      const from =
        p.spillFrom !== undefined
          ? `spill of phase ${p.spillFrom}`
          : p.reread
            ? 'input (read again)'
            : 'input';
      const to = p.noSpill
        ? '(no spill: the next map phase reads the input again)'
        : p.observe
          ? 'spill'
          : 'output';
      const chain = [
        ...(p.apply ? [`apply ${p.apply}`] : []),
        ...p.stages,
        ...(p.observe ? [`observe ${p.observe}`] : []),
      ];
      out(`phase ${p.name}: ${p.tasks} task(s): ${from} → ${chain.join(' → ') || '(no stages)'} → ${to}`);
    }
  }
}

/** `datamill stages [NAME]`: every stage with its description, or one stage's options from its schema. */
export function stagesCommand(name: string | undefined, flags: { json?: boolean }): void {
  if (!name) {
    const width = Math.max(...allStages().map((s) => s.name.length)) + 2;
    for (const s of allStages()) out(`${s.name.padEnd(width)}${s.kind.padEnd(8)}${s.description}`);
    return;
  }
  const def = getStage(name);
  if (!def) {
    const hint = suggest(name, stageNames());
    throw usageError(
      `unknown stage "${name}"${hint ? `, did you mean "${hint}"?` : ''} (datamill stages lists them)`,
    );
  }
  const schema = toJsonSchema(def.options) as {
    properties?: Record<
      string,
      { description?: string; default?: unknown; type?: unknown; enum?: unknown[] }
    >;
  };
  if (flags.json) {
    out(
      JSON.stringify(
        { name: def.name, kind: def.kind, description: def.description, options: schema },
        null,
        2,
      ),
    );
    return;
  }
  out(`${def.name} (${def.kind}): ${def.description}\n\noptions:`);
  for (const [k, v] of Object.entries(schema.properties ?? {})) {
    const type = v.enum ? v.enum.map((e) => JSON.stringify(e)).join('|') : String(v.type ?? 'any');
    const dflt = v.default === undefined ? '' : ` (default ${JSON.stringify(v.default)})`;
    out(`  ${k}: ${type}${dflt}\n      ${v.description ?? ''}`);
  }
}

/** `datamill schema`: the JSON Schema of recipes, for editor autocompletion. */
export function schemaCommand(): void {
  out(JSON.stringify(recipeJsonSchema(), null, 2));
}

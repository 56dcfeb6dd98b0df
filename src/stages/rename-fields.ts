import { z } from '../core/schema.js';
import { stageError } from '../errors.js';
import { defineStage } from './define.js';

/** The namespace of stage-added fields (src/core/doc.ts `dmOf`), which stages rely on finding. */
const DM = 'dm';

/** Why one `from: to` pair is refused, or undefined; `earlier` holds the targets of the pairs before it. */
function pairProblem(
  map: Record<string, string>,
  from: string,
  to: string,
  earlier: Set<string>,
): string | undefined {
  if (from === DM) return 'expected a field other than dm (stages add their fields there)';
  if (to === DM) return 'expected a new name other than dm (stages add their fields there)';
  if (from === to) return 'expected a different name';
  if (earlier.has(to)) return 'expected a name no other field is renamed to';
  if (Object.hasOwn(map, to))
    return 'expected a name that is not itself renamed (rename in two stages instead)';
  return undefined;
}

const options = z.strictObject({
  fields: z
    .record(z.string().min(1), z.string().min(1))
    .superRefine((map, ctx) => {
      const entries = Object.entries(map);
      if (entries.length === 0)
        ctx.addIssue({ code: 'custom', message: 'expected at least one from: to pair' });
      const targets = new Set<string>();
      for (const [from, to] of entries) {
        const message = pairProblem(map, from, to, targets);
        if (message) ctx.addIssue({ code: 'custom', path: [from], message });
        targets.add(to);
      }
    })
    .describe(
      'Input fields to rename, as from: to. A document without a from field is left alone (counted as ' +
        'missing_field); one that already has a to field fails the run, since renaming would lose data.',
    ),
});

/** Rebuilds `row` in place with `renames` applied, keeping the field order. */
function renameInPlace(row: Record<string, unknown>, renames: ReadonlyMap<string, string>): void {
  const entries = Object.entries(row);
  for (const [key] of entries) delete row[key];
  for (const [key, value] of entries) row[renames.get(key) ?? key] = value;
}

export default defineStage({
  name: 'rename-fields',
  kind: 'map',
  description:
    'Renames input fields (fields: {from: to}), keeping field order; never drops documents. The text and id ' +
    'fields are renamed with output.text_field and output.id_field, not here (the writer writes them last).',
  options,
  create(o, env) {
    const renames = new Map(Object.entries(o.fields));
    return {
      process(batch, ctx) {
        for (const doc of batch) {
          let applies = false;
          for (const [from, to] of renames) {
            if (!Object.hasOwn(doc.row, from)) {
              ctx.count('missing_field');
              continue;
            }
            if (Object.hasOwn(doc.row, to)) {
              throw stageError(
                env.stageId,
                `doc ${doc.id}: cannot rename field "${from}" to "${to}": the document already has "${to}" ` +
                  `(remove it first with select-fields drop_fields, or choose another name)`,
              );
            }
            applies = true;
          }
          if (applies) renameInPlace(doc.row, renames);
        }
        return batch;
      },
    };
  },
});

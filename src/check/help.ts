/** The text after `datamill check --help`: the two modes, the metric paths, the outputs, the exit codes. */
import { DEFAULT_MAX_DUPLICATE_RATE } from './files-recipe.js';
import { METRIC_FORMS } from './metrics.js';

export const CHECK_HELP = `
A recipe (.yaml/.yml) is run exactly as \`datamill run\` runs it (a finished run directory of the same
recipe is resumed at no cost; \`checks:\` is not part of the recipe hash), then its \`checks:\` list is
evaluated on the run's report.json:

  checks:
    - metric: documents.quarantined
      max: 0
    - name: dedup removes under 5%
      metric: stages.dedup-exact.drop_rate
      max: 0.05

Data files, directories or globs are checked without a recipe: datamill runs them with
on_bad_record: quarantine and a dedup-exact stage (into a temp directory, removed afterwards, or --out DIR)
and checks: documents.read ≥ 1, documents.quarantined ≤ 0 (every record is JSON, valid UTF-8, with a
string text field), stages.dedup-exact.drop_rate ≤ --max-duplicate-rate (default ${DEFAULT_MAX_DUPLICATE_RATE}: a shard
written twice into N shards adds only 1/N, so any allowance hides it on a large dataset), plus the
checks of --checks FILE (a YAML mapping with a checks: list, as in a recipe).

Metrics (bounds are inclusive; a rate over zero documents is 0; a drop reason or counter that never
fired is 0; a value the report does not hold fails):
${METRIC_FORMS.map((f) => `  ${f}`).join('\n')}

Outputs: a table on stderr; check.md and check.junit.xml in the run directory; --markdown FILE and
--junit FILE; --json prints {run_dir, passed, checks} on stdout.
Exit codes: 0 every check passed, 5 a check failed, 2 recipe or usage error, 3 unreadable input.
`;

/**
 * Command-line entry: the only module importing commander. User errors print one message and exit with
 * their code; anything else is a bug and prints its stack (exit 1).
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { CHECK_HELP } from '../check/help.js';
import { DEFAULT_CONFIG, DEFAULT_SGD } from '../classify/defaults.js';
import { EXIT, isDatamillError } from '../errors.js';
import { DATAMILL_VERSION } from '../plan/plan.js';

// Command modules load when their command runs: `datamill run` then does not pay for the Parquet writer,
// the tokenizer or the trainers at start-up (main-thread start-up was ~0.3 s of a 2.4 s run).
const classifier = () => import('./classifier.js');
const info = () => import('./info.js');

function int(name: string, min: number) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min)
      throw new InvalidArgumentError(`${name} must be an integer ≥ ${min}, got "${v}"`);
    return n;
  };
}

function rate(v: string): number {
  const n = Number(v);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError(`expected a number in 0..1, got "${v}"`);
  return n;
}

function positiveNumber(name: string) {
  return (v: string) => {
    const n = Number(v);
    if (!(n >= 0 && Number.isFinite(n)))
      throw new InvalidArgumentError(`${name} must be a number ≥ 0, got "${v}"`);
    return n;
  };
}

/** Options `classifier train` and `classifier eval` share: where examples come from and the hold-out split. */
function exampleOptions(cmd: Command): Command {
  return cmd
    .option('--pos <paths...>', 'files, directories or globs of positive documents (with --neg; DCLM style)')
    .option('--neg <paths...>', 'files, directories or globs of negative documents')
    .option('--text-field <name>', 'text field (eval: default the one the model was trained with, else text)')
    .option(
      '--label-field <name>',
      'label field of labelled FILES (values 1/0, true/false, or see --positive)',
    )
    .option('--positive <value>', 'label value that means positive; any other value is negative')
    .addOption(
      new Option('--holdout <share>', 'share of examples held out by a seeded hash of the row index')
        .default(0)
        .argParser(rate),
    )
    .addOption(
      new Option('--seed <n>', 'seed of the hold-out split (and of training)')
        .default(1)
        .argParser(int('--seed', 0)),
    )
    .option('--json', 'machine-readable output');
}

function addClassifierCommands(program: Command): void {
  const cls = program
    .command('classifier')
    .description('train and evaluate the quality classifier (classify-quality)');
  exampleOptions(
    cls
      .command('train')
      .description('train a linear classifier over hashed word unigrams and bigrams; write one model file')
      .argument('[files...]', 'labelled JSONL/Parquet/Arrow files, directories or globs (with --label-field)')
      .requiredOption('-o, --out <file>', 'model file to write'),
  )
    .addOption(
      new Option('--epochs <n>', 'passes over the examples')
        .default(DEFAULT_SGD.epochs)
        .argParser(int('--epochs', 1)),
    )
    .addOption(
      new Option('--lr <rate>', 'initial learning rate, decays linearly to 0')
        .default(DEFAULT_SGD.lr)
        .argParser(positiveNumber('--lr')),
    )
    .addOption(
      new Option('--l2 <penalty>', 'L2 penalty per update')
        .default(DEFAULT_SGD.l2)
        .argParser(positiveNumber('--l2')),
    )
    .addOption(
      new Option('--dim <d>', '0: linear; d > 0: fastText low-rank form (embeddings of size d)')
        .default(DEFAULT_SGD.dim)
        .argParser(int('--dim', 0)),
    )
    .addOption(
      new Option('--bucket-bits <b>', 'log2 of the hash buckets')
        .default(DEFAULT_CONFIG.bucket_bits)
        .argParser(int('--bucket-bits', 1)),
    )
    .addOption(
      new Option('--word-ngrams <n>', 'longest word n-gram (1..5)')
        .default(DEFAULT_CONFIG.word_ngrams)
        .argParser(int('--word-ngrams', 1)),
    )
    .addOption(
      new Option('--tokens <mode>', 'tokens: words, punct (+ punctuation tokens), whitespace (fastText)')
        .default(DEFAULT_CONFIG.tokens)
        .choices(['words', 'punct', 'whitespace']),
    )
    .addOption(
      new Option('--norm <norm>', 'feature sum scaling: sqrt, mean (fastText), sum')
        .default(DEFAULT_CONFIG.norm)
        .choices(['sqrt', 'mean', 'sum']),
    )
    .option('--no-newline-token', 'no token for line breaks')
    .option('--cv <k>', 'also report k-fold cross-validated ROC AUC on the training side', int('--cv', 2))
    .action(async (files: string[], o) => (await classifier()).classifierTrainCommand(files, o));
  exampleOptions(
    cls
      .command('eval')
      .description('accuracy, precision, recall, F1 and ROC AUC of a model on labelled examples')
      .argument('[files...]', 'labelled files, directories or globs (label field: default the training one)')
      .requiredOption('-m, --model <file>', 'model file written by classifier train'),
  )
    .addOption(
      new Option('--threshold <p>', 'score at or above which a document is predicted positive')
        .default(0.5)
        .argParser(rate),
    )
    .action(async (files: string[], o) => {
      await (await classifier()).classifierEvalCommand(files, o);
    });
}

export function buildProgram(): Command {
  const program = new Command('datamill')
    .description(
      'Prepare LLM training data: stream Parquet/JSONL shards through filters, dedup and mixing stages.',
    )
    .version(DATAMILL_VERSION)
    .showSuggestionAfterError(true)
    .exitOverride();
  program
    .command('run')
    .description('run a recipe: read, process and write, into the run directory named by output.dir')
    .argument('<recipe>', 'recipe YAML file')
    .option(
      '-w, --workers <n>',
      'worker threads (default: runtime.workers, else one per core)',
      int('--workers', 1),
    )
    .option(
      '--rank <r>',
      'run only tasks t with t % world-size == r (default: from SLURM_ARRAY_TASK_ID etc.)',
      int('--rank', 0),
    )
    .option('--world-size <w>', 'number of ranks', int('--world-size', 1))
    .option(
      '--phase <n>',
      'run only this phase (see datamill plan); for one array job per phase',
      int('--phase', 0),
    )
    .option('-o, --out <dir>', 'run directory (overrides output.dir)')
    .option('--restart', 'delete a run directory written by a different recipe and start over')
    .option('--no-wait', 'at a barrier held by other ranks, stop instead of waiting')
    .option('-q, --quiet', 'no progress on stderr')
    .option('--json', 'print the summary as JSON on stdout')
    .action(async (recipe: string, o) => (await import('./run.js')).runCommand(recipe, o));
  program
    .command('validate')
    .description('check a recipe without reading data')
    .argument('<recipe>')
    .action(async (r: string) => (await info()).validateCommand(r));
  program
    .command('plan')
    .description('print phases and tasks (reads file headers and footers only)')
    .argument('<recipe>')
    .option('--json', 'machine-readable plan')
    .action(async (r: string, o) => (await info()).planCommand(r, o));
  program
    .command('stages')
    .description("list stages, or show one stage's options")
    .argument('[name]')
    .option('--json', 'options as JSON Schema')
    .action(async (n: string | undefined, o) => (await info()).stagesCommand(n, o));
  program
    .command('schema')
    .description('print the JSON Schema of recipes (for editor autocompletion)')
    .action(async () => (await info()).schemaCommand());
  program
    .command('inspect')
    .description('print records of a JSONL/Parquet/Arrow file as JSONL')
    .argument('<file>')
    .addOption(new Option('-n, --n <n>', 'number of records').default(5).argParser(int('-n', 0)))
    .action(async (f: string, o) => (await import('./inspect.js')).inspectCommand(f, o));
  program
    .command('stats')
    .description('profile files: documents, bytes, tokens, lengths, fields and types')
    .argument('<files...>')
    .option('--text-field <name>', 'text field', 'text')
    .addOption(
      new Option('--token-sample-rate <r>', 'share of documents tokenized exactly')
        .default(0.05)
        .argParser(rate),
    )
    .option('--json', 'machine-readable profile')
    .action(async (f: string[], o) => (await import('./stats.js')).statsCommand(f, o));
  program
    .command('report')
    .description('rebuild report.json, report.md and report.html of a finished run directory from its files')
    .argument('<run-dir>', 'run directory (output.dir of a run)')
    .addOption(new Option('--format <format>', 'only this report').choices(['md', 'html', 'json']))
    .option('--stdout', 'print the report (--format, default md) to stdout instead of writing files')
    .action(async (d: string, o) => (await import('./report.js')).reportCommand(d, o));
  addCheckCommand(program);
  addClassifierCommands(program);
  addLmCommands(program);
  addLaunchCommands(program);
  return program;
}

/** `check`: the data-quality gate (exit 5 when a check fails). */
function addCheckCommand(program: Command): void {
  program
    .command('check')
    .description('quality gate for CI: run a recipe (or check data files) and evaluate checks on the report')
    .argument('<recipe-or-files...>', 'one recipe (.yaml/.yml), or data files, directories or globs')
    .option(
      '-w, --workers <n>',
      'worker threads (default: runtime.workers, else one per core)',
      int('--workers', 1),
    )
    .option(
      '-o, --out <dir>',
      'run directory (recipe: overrides output.dir; files: kept instead of a temp dir)',
    )
    .option('--restart', 'delete a run directory written by a different recipe and start over')
    .option('--junit <file>', 'also write the JUnit XML here')
    .option('--markdown <file>', 'also write check.md here (e.g. $GITHUB_STEP_SUMMARY)')
    .option('--text-field <name>', 'files: the text field (default text)')
    .option('--max-duplicate-rate <r>', 'files: largest share of exact duplicates (default 0)', rate)
    .option('--checks <file>', 'files: YAML with a checks: list to add to the default checks')
    .option('-q, --quiet', 'no progress on stderr (the table is still printed)')
    .option('--json', 'print {run_dir, passed, checks} as JSON on stdout')
    .addHelpText('after', CHECK_HELP)
    .action(async (args: string[], o) => (await import('./check.js')).checkCommand(args, o));
}

/** The `launch` group: submit a recipe to a cluster scheduler as one array job per phase. */
function addLaunchCommands(program: Command): void {
  const launch = program.command('launch').description('run a recipe on a cluster scheduler');
  launch
    .command('slurm')
    .description(
      'write one Slurm array script per phase under RUN_DIR/slurm/ and submit them chained with afterok',
    )
    .argument('<recipe>', 'recipe YAML file')
    .addOption(
      // 64: one modest array per phase (Slurm's default MaxArraySize is 1001); each rank runs its tasks strided.
      new Option('--ranks <n>', 'largest array per phase (a phase with fewer tasks gets one rank per task)')
        .default(64)
        .argParser(int('--ranks', 1)),
    )
    .option(
      '--workers-per-rank <k>',
      'worker threads and --cpus-per-task of each rank (default: runtime.workers, else 1)',
      int('--workers-per-rank', 1),
    )
    .option('--partition <p>', 'sbatch --partition')
    .option('--time <t>', 'sbatch --time, per rank (e.g. 2:00:00)')
    .option('--mem <m>', 'sbatch --mem, per rank (e.g. 8G)')
    .option('--account <a>', 'sbatch --account')
    .option(
      '--sbatch-arg <option>',
      'extra #SBATCH directive, repeatable (e.g. --sbatch-arg=--qos=high)',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option('-o, --out <dir>', 'run directory (overrides output.dir)')
    .option('--restart', 'delete a run directory written by a different recipe and start over')
    .option('--dry-run', 'write the scripts and print the sbatch commands; submit nothing')
    .option('--json', 'print {run_dir, jobs} as JSON on stdout')
    .action(async (r: string, o) => (await import('./launch.js')).launchSlurmCommand(r, o));
}

/** The `lm` group: n-gram language models (train; query is added here too). */
function addLmCommands(program: Command): void {
  const lm = program.command('lm').description('n-gram language models (KenLM ARPA)');
  lm.command('train')
    .description(
      "train an interpolated modified Kneser-Ney model as KenLM's lmplz does (no pruning); write ARPA",
    )
    .argument(
      '[files...]',
      'JSONL/Parquet/Arrow files (a text field) or .txt/.txt.gz (one sentence per line)',
    )
    .addOption(
      new Option('--order <n>', 'n-gram order (1..5)').makeOptionMandatory().argParser(int('--order', 1)),
    )
    .requiredOption('-o, --out <file>', 'ARPA file to write (.arpa or .arpa.gz)')
    .option('--memory <size>', 'memory for counting and sorting; beyond it sorted runs go to disk', '1GB')
    .option('--text-field <name>', 'text field of JSONL/Parquet/Arrow rows', 'text')
    .option('--from-run <dir>', "also read a run directory's output (DIR/data/*)")
    .option(
      '--discount-fallback',
      "lmplz's fallback discounts 0.5 1 1.5 when an order's cannot be estimated (default)",
      true,
    )
    .option('--no-discount-fallback', 'fail instead, as lmplz does without --discount_fallback')
    .option(
      '--normalize',
      "cc_net's line normalisation first (lowercase, strip accents, digits to 0, punctuation)",
    )
    .option('--tmp-dir <dir>', 'where sorted runs go (default: the system temp dir)')
    .option('--json', 'print the summary as JSON')
    .action(async (f: string[], o) => (await import('./lm-train.js')).lmTrainCommand(f, o));
  lm.command('query')
    .description(
      "score each line as KenLM's query does (<s> … </s>): per-word log10 and n-gram length, Total, OOV; then perplexity",
    )
    .argument('<model>', 'ARPA model (plain, gzip or zstd)')
    .argument('[file]', 'text, one sentence per line (plain, gzip or zstd; default stdin)')
    .option(
      '--normalize',
      "cc_net's line normalisation first (lowercase, strip accents, digits to 0, punctuation)",
    )
    .option('--summary', 'only the perplexity summary (KenLM query -v summary)')
    .addOption(
      new Option('--missing-markers <mode>', 'a model without <s> or </s>: error (KenLM default) or unk')
        .choices(['error', 'unk'])
        .default('error'),
    )
    .action(async (m: string, f: string | undefined, o) =>
      (await import('./lm-query.js')).lmQueryCommand(m, f, o),
    );
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (e) {
    if (isDatamillError(e)) {
      process.stderr.write(`datamill: error: ${e.message}\n`);
      return e.exitCode;
    }
    const ce = e as { code?: string; exitCode?: number };
    if (typeof ce.code === 'string' && ce.code.startsWith('commander.')) {
      return ce.code === 'commander.helpDisplayed' || ce.code === 'commander.version' ? EXIT.ok : EXIT.usage;
    }
    process.stderr.write(
      `datamill: internal error (this is a bug, please report it):\n${e instanceof Error ? e.stack : String(e)}\n`,
    );
    return EXIT.bug;
  }
}

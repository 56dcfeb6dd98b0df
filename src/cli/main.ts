/**
 * Command-line entry: the only module importing commander. User errors print one message and exit with
 * their code; anything else is a bug and prints its stack (exit 1).
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { EXIT, isDatamillError } from '../errors.js';
import { DATAMILL_VERSION } from '../plan/plan.js';
import { planCommand, schemaCommand, stagesCommand, validateCommand } from './info.js';
import { inspectCommand } from './inspect.js';
import { runCommand } from './run.js';
import { statsCommand } from './stats.js';

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
    .action((recipe: string, o) => runCommand(recipe, o));
  program
    .command('validate')
    .description('check a recipe without reading data')
    .argument('<recipe>')
    .action((r: string) => validateCommand(r));
  program
    .command('plan')
    .description('print phases and tasks (reads file headers and footers only)')
    .argument('<recipe>')
    .option('--json', 'machine-readable plan')
    .action((r: string, o) => planCommand(r, o));
  program
    .command('stages')
    .description("list stages, or show one stage's options")
    .argument('[name]')
    .option('--json', 'options as JSON Schema')
    .action((n: string | undefined, o) => stagesCommand(n, o));
  program
    .command('schema')
    .description('print the JSON Schema of recipes (for editor autocompletion)')
    .action(() => schemaCommand());
  program
    .command('inspect')
    .description('print records of a JSONL/Parquet/Arrow file as JSONL')
    .argument('<file>')
    .addOption(new Option('-n, --n <n>', 'number of records').default(5).argParser(int('-n', 0)))
    .action((f: string, o) => inspectCommand(f, o));
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
    .action((f: string[], o) => statsCommand(f, o));
  return program;
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

/**
 * Shared plumbing of the corpus scripts (sample-data, bench-corpus): argument parsing with node:util, and
 * the same exit contract as the datamill CLI (user errors: one line and their code; bugs: stack, exit 1).
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { EXIT, isDatamillError, usageError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses `argv` (without node and script); unknown flags and positionals are usage errors (exit 2). */
export function parseFlags<O extends Options>(
  script: string,
  argv: string[],
  options: O,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true }>>['values'] {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw usageError(`${e instanceof Error ? e.message : String(e)} (see ${script} --help)`);
  }
}

/** An integer flag in [min, max]; `name` is for the message. */
export function intFlag(
  name: string,
  value: string | undefined,
  fallback: number,
  min = 0,
  max = 2 ** 53 - 1,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw usageError(`${name}: expected an integer from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

/** Seeds are 32-bit: the generator mixes them with 32-bit integer hashing. */
export const MAX_SEED = 2 ** 32 - 1;

/** Runs a script's main and sets the exit code. */
export async function runScript(name: string, main: () => Promise<void>): Promise<void> {
  try {
    await main();
    process.exitCode = EXIT.ok;
  } catch (e) {
    if (isDatamillError(e)) {
      process.stderr.write(`${name}: error: ${e.message}\n`);
      process.exitCode = e.exitCode;
      return;
    }
    process.stderr.write(
      `${name}: internal error (this is a bug):\n${e instanceof Error ? e.stack : String(e)}\n`,
    );
    process.exitCode = EXIT.bug;
  }
}

/**
 * The one place datamill errors are defined. Every failure a user can cause carries a stable code and an
 * exit status; anything else reaching the top level is a bug (exit 1, with a stack).
 */

export const EXIT = {
  ok: 0,
  bug: 1,
  usage: 2,
  input: 3,
  stage: 4,
  check: 5,
  interrupted: 130,
} as const;

export type ErrorCode =
  | 'usage'
  | 'recipe_invalid'
  | 'recipe_changed'
  | 'input_missing'
  | 'input_format'
  | 'bad_record'
  | 'stage_failed'
  | 'accounting'
  | 'check_failed'
  | 'interrupted';

const exitFor: Record<ErrorCode, number> = {
  usage: EXIT.usage,
  recipe_invalid: EXIT.usage,
  recipe_changed: EXIT.usage,
  input_missing: EXIT.input,
  input_format: EXIT.input,
  bad_record: EXIT.input,
  stage_failed: EXIT.stage,
  accounting: EXIT.stage,
  check_failed: EXIT.check,
  interrupted: EXIT.interrupted,
};

/** A failure the user can act on: `<where>: <what>, expected X, got Y (hint)`. */
export class DatamillError extends Error {
  override readonly name = 'DatamillError';
  readonly code: ErrorCode;
  readonly exitCode: number;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.exitCode = exitFor[code];
  }
}

export function usageError(message: string): DatamillError {
  return new DatamillError('usage', message);
}

export function recipeError(message: string): DatamillError {
  return new DatamillError('recipe_invalid', message);
}

/** Bad input data: `where` is `file:line` or `file#row`. */
export function inputError(where: string, message: string, cause?: unknown): DatamillError {
  return new DatamillError('input_format', `${where}: ${message}`, { cause });
}

export function badRecordError(where: string, message: string): DatamillError {
  return new DatamillError('bad_record', `${where}: ${message}`);
}

export function stageError(stage: string, message: string, cause?: unknown): DatamillError {
  return new DatamillError('stage_failed', `stage ${stage}: ${message}`, { cause });
}

export function isDatamillError(e: unknown): e is DatamillError {
  return e instanceof Error && (e as { name?: string }).name === 'DatamillError' && 'exitCode' in e;
}

/** Errors cross worker threads as plain objects; this restores the class on the main thread. */
export function toWire(e: unknown): { code?: ErrorCode; message: string; stack?: string } {
  if (isDatamillError(e)) return { code: e.code, message: e.message };
  if (e instanceof Error) return { message: e.message, stack: e.stack };
  return { message: String(e) };
}

export function fromWire(w: { code?: ErrorCode; message: string; stack?: string }): Error {
  if (w.code) return new DatamillError(w.code, w.message);
  const err = new Error(w.message);
  if (w.stack) err.stack = w.stack;
  return err;
}

/**
 * Progress on stderr: a live bar on a TTY (cli-progress, the only module importing it), a plain line
 * every 10 s otherwise (CI logs), nothing with --quiet. stdout stays free for data and --json.
 */

export interface ProgressState {
  phase: string;
  records: number;
  bytes: number;
  tasksDone: number;
  tasksTotal: number;
  /** Fraction of the phase's work done, 0..1, for the ETA. */
  fraction: number;
}

export interface Progress {
  start(phase: string): void;
  update(s: ProgressState): void;
  stop(): void;
  log(line: string): void;
}

const MB = 1e6;

function rates(s: ProgressState, startedMs: number) {
  const secs = Math.max(1e-3, (performance.now() - startedMs) / 1000);
  const mbs = s.bytes / MB / secs;
  const eta = s.fraction > 0.01 ? Math.max(0, (secs / s.fraction) * (1 - s.fraction)) : Number.NaN;
  return { mbs, eta: Number.isFinite(eta) ? `${Math.round(eta)}s` : '?' };
}

export async function createProgress(
  mode: 'auto' | 'none',
  stream: NodeJS.WriteStream = process.stderr,
): Promise<Progress> {
  if (mode === 'none') return { start() {}, update() {}, stop() {}, log() {} };
  // Loaded only for a terminal: CI logs and --quiet never pay for it.
  if (stream.isTTY) return ttyProgress(stream, (await import('cli-progress')).default);
  return plainProgress(stream);
}

function ttyProgress(stream: NodeJS.WriteStream, cliProgress: typeof import('cli-progress')): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format:
        '{phase} [{bar}] {percentage}% | {docs} docs | {mb} MB | {mbs} MB/s | tasks {tasks} | ETA {eta_s}',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = performance.now();
  let running = false;
  return {
    start(phase) {
      started = performance.now();
      bar.start(1000, 0, { phase, docs: 0, mb: '0', mbs: '0', tasks: '0/0', eta_s: '?' });
      running = true;
    },
    update(s) {
      const { mbs, eta } = rates(s, started);
      bar.update(Math.round(s.fraction * 1000), {
        phase: s.phase,
        docs: s.records,
        mb: (s.bytes / MB).toFixed(1),
        mbs: mbs.toFixed(1),
        tasks: `${s.tasksDone}/${s.tasksTotal}`,
        eta_s: eta,
      });
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
    log(line) {
      stream.write(`${line}\n`);
    },
  };
}

function plainProgress(stream: NodeJS.WriteStream): Progress {
  let started = performance.now();
  let last = 0;
  return {
    start(phase) {
      started = performance.now();
      last = started;
      stream.write(`datamill: phase ${phase} started\n`);
    },
    update(s) {
      const now = performance.now();
      if (now - last < 10_000) return;
      last = now;
      const { mbs, eta } = rates(s, started);
      stream.write(
        `datamill: ${s.phase} ${(s.fraction * 100).toFixed(0)}% ${s.records} docs ${(s.bytes / MB).toFixed(1)} MB ${mbs.toFixed(1)} MB/s tasks ${s.tasksDone}/${s.tasksTotal} ETA ${eta}\n`,
      );
    },
    stop() {},
    log(line) {
      stream.write(`${line}\n`);
    },
  };
}

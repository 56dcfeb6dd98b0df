import path from 'node:path';

/** Zero-padded task number used in every per-task file name. */
export function taskTag(task: number): string {
  return String(task).padStart(5, '0');
}

/** The run directory layout (docs/ARCHITECTURE.md, "Run directory"). */
export function runPaths(dir: string) {
  return {
    dir,
    runJson: path.join(dir, 'run.json'),
    data: path.join(dir, 'data'),
    ledger: path.join(dir, 'ledger'),
    quarantine: path.join(dir, 'quarantine'),
    rejected: (stageId: string) => path.join(dir, 'rejected', stageId),
    work: (stageId: string) => path.join(dir, 'work', stageId),
    spill: (phase: number) => path.join(dir, 'work', '_spill', String(phase)),
    tasks: (phase: string) => path.join(dir, 'tasks', phase),
    done: (phase: string, task: number) => path.join(dir, 'tasks', phase, `${taskTag(task)}.done`),
    stats: (phase: string, task: number) => path.join(dir, 'stats', phase, `${taskTag(task)}.json`),
    statsDir: path.join(dir, 'stats'),
    reportJson: path.join(dir, 'report.json'),
    reportMd: path.join(dir, 'report.md'),
    reportHtml: path.join(dir, 'report.html'),
  };
}

export type RunPaths = ReturnType<typeof runPaths>;

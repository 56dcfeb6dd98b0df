import { describe, expect, it } from 'vitest';
import { runTiming } from '../../src/run/report-timing.js';
import { emptyTaskStats, type TaskStats } from '../../src/run/stats.js';

const T0 = Date.UTC(2026, 0, 2, 3, 4, 5);

/** A task of `phase` that ran from T0+start to T0+end seconds, busy `busy` seconds of it. */
function task(phase: string, start: number, end: number, busy = end - start): TaskStats {
  return {
    ...emptyTaskStats(phase, 0),
    wall_ms: busy * 1000,
    started_ms: T0 + start * 1000,
    ended_ms: T0 + end * 1000,
  };
}

describe('runTiming', () => {
  it.each([
    ['one task', [task('0-map', 0, 2)], 2, 2],
    ['two parallel tasks', [task('0-map', 0, 2), task('0-map', 1, 3)], 3, 3],
    ['a gap between attempts (resumed run)', [task('0-map', 0, 2), task('0-map', 10, 11)], 11, 3],
    ['tasks listed out of order', [task('1-reduce', 5, 6), task('0-map', 0, 5)], 6, 6],
    [
      'ranks on other machines, nested tasks',
      [task('0-map', 0, 10), task('0-map', 2, 3), task('0-map', 9, 12)],
      12,
      12,
    ],
  ])('%s', (_name, tasks, wall, busy) => {
    const t = runTiming(tasks, ['0-map', '1-reduce']);
    expect(t.wall_s).toBe(wall);
    expect(t.busy_s).toBe(busy);
    expect(t.started_at).toBe(new Date(T0).toISOString());
    expect(t.ended_at).toBe(new Date(T0 + wall * 1000).toISOString());
  });

  it('gives per phase the span and the summed task time', () => {
    const t = runTiming(
      [task('0-map', 0, 4, 3.5), task('0-map', 1, 2), task('1-reduce', 4, 4.25)],
      ['0-map', '1-reduce', '2-map'],
    );
    expect(t.phases).toEqual([
      { phase: '0-map', tasks: 2, wall_s: 4, task_s: 4.5 },
      { phase: '1-reduce', tasks: 1, wall_s: 0.25, task_s: 0.25 },
      { phase: '2-map', tasks: 0, wall_s: null, task_s: 0 },
    ]);
  });

  it('is null where a task has no timestamps (stats of an older datamill)', () => {
    const old = { ...emptyTaskStats('0-map', 1), wall_ms: 500 };
    const t = runTiming([task('0-map', 0, 1), old], ['0-map']);
    expect(t).toMatchObject({ wall_s: null, busy_s: null, started_at: null, ended_at: null });
    expect(t.phases).toEqual([{ phase: '0-map', tasks: 2, wall_s: null, task_s: 1.5 }]);
  });
});

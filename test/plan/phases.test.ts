import { describe, expect, it } from 'vitest';
import { planPhases } from '../../src/plan/phases.js';
import type { StageDef } from '../../src/stages/define.js';

const kinds: Record<string, 'map' | 'global'> = { m: 'map', g: 'global' };
const lookup = (name: string) => ({ kind: kinds[name], reduceTasks: () => 3 }) as unknown as StageDef;
const refs = (...names: string[]) => names.map((n, i) => ({ id: `${n}${i}`, stage: n, options: {} }));

describe('planPhases', () => {
  it('fuses map stages into one phase when there is no global stage', () => {
    expect(planPhases(refs('m', 'm'), 4, lookup)).toEqual([
      { kind: 'map', index: 0, name: '0-map', stages: ['m0', 'm1'], tasks: 4 },
    ]);
  });
  it('cuts at a global stage: observe → reduce → apply', () => {
    const phases = planPhases(refs('m', 'g', 'm'), 4, lookup);
    expect(phases.map((p) => p.name)).toEqual(['0-map', '1-reduce-g1', '2-map']);
    expect(phases[0]).toMatchObject({ stages: ['m0'], observe: 'g1' });
    expect(phases[1]).toMatchObject({ kind: 'reduce', stage: 'g1', tasks: 3, observedBy: 0 });
    expect(phases[2]).toMatchObject({ spillFrom: 0, apply: 'g1', stages: ['m2'] });
  });
  it('chains two global stages', () => {
    const phases = planPhases(refs('g', 'g'), 2, lookup);
    expect(phases.map((p) => p.name)).toEqual(['0-map', '1-reduce-g0', '2-map', '3-reduce-g1', '4-map']);
    // The first global stage observes the input as read: no spill, its apply phase rereads the input.
    expect(phases[0]).toMatchObject({ noSpill: true, observe: 'g0' });
    expect(phases[2]).toMatchObject({ reread: true, apply: 'g0', observe: 'g1' });
    expect(phases[2]).not.toHaveProperty('spillFrom');
    expect(phases[4]).toMatchObject({ spillFrom: 2, apply: 'g1', stages: [] });
    expect(phases[4]).not.toHaveProperty('reread');
  });

  it('spills when map stages run before the global stage', () => {
    const phases = planPhases(refs('m', 'g'), 2, lookup);
    expect(phases[0]).toMatchObject({ stages: ['m0'], observe: 'g1' });
    expect(phases[0]).not.toHaveProperty('noSpill');
    expect(phases[2]).toMatchObject({ spillFrom: 0, apply: 'g1' });
  });
});

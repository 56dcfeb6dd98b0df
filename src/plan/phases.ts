import { mapFactory, type StageDef } from '../stages/define.js';

/** A stage as the plan refers to it: its id in the recipe, its registered name, its parsed options. */
export interface StageRef {
  id: string;
  stage: string;
  options: Record<string, unknown>;
}

/**
 * A map phase streams documents from the input slices (or from the spill an earlier map phase wrote),
 * runs the applier of the global stage before it, then its fused map stages, and writes either the
 * final output or a spill that the next global stage observes on the way.
 */
export interface MapPhase {
  kind: 'map';
  index: number;
  name: string;
  /** Map phase whose spill this phase reads; undefined = read the input slices. */
  spillFrom?: number;
  /** Id of the global stage whose decision is applied first. */
  apply?: string;
  stages: string[];
  /** Id of the global stage that observes this phase's output (then the output is a spill). */
  observe?: string;
  /**
   * The observing phase has no stages of its own and reads the input, so its spill would be a copy of the
   * input: it writes none, and the phase after the reduce reads the input again (`reread`), which saves
   * writing and reading the whole corpus once (dedup-minhash 100k docs: 713 MB of spill).
   */
  noSpill?: boolean;
  /** Reads the input slices a second time; bad records were already quarantined and counted. */
  reread?: boolean;
  tasks: number;
}

export interface ReducePhase {
  kind: 'reduce';
  index: number;
  name: string;
  stage: string;
  /** The map phase whose observers wrote the partials. */
  observedBy: number;
  tasks: number;
}

export type Phase = MapPhase | ReducePhase;

/**
 * Compiles the stage list into phases: consecutive map stages fuse into one map phase; each global
 * stage cuts the list into observe (end of one map phase) → reduce → apply (start of the next).
 */
export function planPhases(
  stages: StageRef[],
  sourceTasks: number,
  lookup: (name: string) => StageDef,
): Phase[] {
  const phases: Phase[] = [];
  let current: MapPhase = newMap(0, undefined, undefined, sourceTasks);
  for (const ref of stages) {
    const def = lookup(ref.stage);
    if (def.kind === 'map' || mapFactory(def, ref.options)) {
      current.stages.push(ref.id);
      continue;
    }
    current.observe = ref.id;
    const passThrough =
      current.stages.length === 0 && current.apply === undefined && current.spillFrom === undefined;
    if (passThrough) current.noSpill = true;
    phases.push(current);
    const reduceTasks = def.reduceTasks(ref.options as never);
    const reduce: ReducePhase = {
      kind: 'reduce',
      index: phases.length,
      name: `${phases.length}-reduce-${ref.id}`,
      stage: ref.id,
      observedBy: current.index,
      tasks: reduceTasks,
    };
    phases.push(reduce);
    const from = current.index;
    current = newMap(phases.length, passThrough ? undefined : from, ref.id, sourceTasks);
    if (passThrough) current.reread = true;
  }
  phases.push(current);
  return phases;
}

function newMap(
  index: number,
  spillFrom: number | undefined,
  apply: string | undefined,
  tasks: number,
): MapPhase {
  const phase: MapPhase = { kind: 'map', index, name: `${index}-map`, stages: [], tasks };
  if (spillFrom !== undefined) phase.spillFrom = spillFrom;
  if (apply !== undefined) phase.apply = apply;
  return phase;
}

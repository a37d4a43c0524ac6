import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/script/runner.ts';
import { planStage } from '../../../src/views/stages.ts';
import { defineSystemViews, registerSystemViews } from '../../../src/views/registry.ts';

// Stand-ins registered by hand (this file does not load src/views/*/index.ts), so paxos has no views here.
const Nothing = () => null;
const views = (sys: string, id: string, order?: number) => defineSystemViews({
  sys, stage: { id, title: id, Town: Nothing, Tech: Nothing, order }, inspect: { node: () => null }, summary: () => [],
});
registerSystemViews(views('raft', 'test-raft'), views('town', 'test-town', 1));

function run(lines: string[]) {
  const s = createSession(1);
  for (const l of lines) {
    const r = s.exec(l);
    if (r.error) throw new Error(`${l}: ${r.error}`);
  }
  return s.sim;
}

describe('which drawings the stage shows', () => {
  it('an empty run gets the town board (its square says how to start one)', () => {
    expect(planStage(run([]))).toEqual({ stages: [expect.objectContaining({ id: 'test-town' })], generic: [] });
  });

  it('a run of one registered system gets that system’s stage only', () => {
    const plan = planStage(run(['raft.start servers=3']));
    expect(plan.stages.map((s) => s.id)).toEqual(['test-raft']);
    expect(plan.generic).toEqual([]);
  });

  it('the town board next to another system stacks under it, whichever was used first', () => {
    const plan = planStage(run(['service name=app', 'raft.start servers=3']));
    expect(plan.stages.map((s) => s.id)).toEqual(['test-raft', 'test-town']);
    expect(plan.generic).toEqual([]);
  });

  it('a system with no views of its own falls back to the generic views', () => {
    const plan = planStage(run(['paxos.start servers=3']));
    expect(plan.stages).toEqual([]);
    expect(plan.generic).toEqual(['paxos']);
  });
});

import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/script/runner.ts';
import { planStage, registerStage } from '../../../src/views/stages.ts';

const Nothing = () => null;
registerStage({ id: 'test-raft', systems: ['raft'], title: 'Raft', Town: Nothing, Tech: Nothing });

function run(lines: string[]) {
  const s = createSession(1);
  for (const l of lines) {
    const r = s.exec(l);
    if (r.error) throw new Error(`${l}: ${r.error}`);
  }
  return s.sim;
}

describe('which drawings the stage shows', () => {
  it('an empty run gets the generic town (it says how to start one)', () => {
    expect(planStage(run([]))).toEqual({ stages: [], generic: ['town'] });
  });

  it('a run of one registered system gets that system’s stage only', () => {
    const plan = planStage(run(['raft.start servers=3']));
    expect(plan.stages.map((s) => s.id)).toEqual(['test-raft']);
    expect(plan.generic).toEqual([]);
  });

  it('the town board next to a registered system: both, the town board drawn by the generic views', () => {
    const plan = planStage(run(['service name=app', 'raft.start servers=3']));
    expect(plan.stages.map((s) => s.id)).toEqual(['test-raft']);
    expect(plan.generic).toEqual(['town']);
  });

  it('a system with no stage of its own falls back to the generic views', () => {
    const plan = planStage(run(['paxos.start servers=3']));
    expect(plan.stages).toEqual([]);
    expect(plan.generic).toContain('paxos');
  });
});

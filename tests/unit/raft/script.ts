// Runs scenario lines against a fresh session and fails loudly on any command error.
import { createSession, type Session } from '../../../src/script/runner.ts';
import type { RaftState } from '../../../src/engine/raft/state.ts';

export function session(seed = 1): Session {
  return createSession(seed);
}

export function run(s: Session, script: string): string[] {
  const out: string[] = [];
  for (const line of script.split('\n')) {
    const r = s.exec(line.trim());
    out.push(...r.output);
    if (r.error) throw new Error(`${line.trim()}: ${r.error}\n${out.join('\n')}`);
  }
  return out;
}

export const raftState = (s: Session): RaftState => s.sim.state<RaftState>('raft');
export const violationNames = (s: Session): string[] => s.sim.violations().map((v) => v.invariant ?? '');
export const logOf = (s: Session, id: string): string[] => raftState(s).servers[id]!.log.map((e) => `${e.term}:${e.command}`);

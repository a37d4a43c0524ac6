import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/script/runner.ts';
import type { TownState } from '../../../src/engine/town/state.ts';
import { recentDrops, stageModel } from '../../../src/views/town/model.ts';
import { describeNode } from '../../../src/views/drawings/node.ts';
import { focusOf, msgFocused, traceAt } from '../../../src/views/shared/highlight.ts';

function session(lines: string[]) {
  const s = createSession(7);
  for (const l of lines) {
    const r = s.exec(l);
    if (r.error) throw new Error(`${l}: ${r.error}`);
  }
  return s;
}
const model = (s: ReturnType<typeof session>) => stageModel(s.sim.state<TownState>('town'), s.sim.nodes());

const town = [
  'service name=app work=5ms', 'service name=analytics work=300ms', 'service name=audit work=30ms',
  'subscribe service=analytics topic=TaskCreated', 'subscribe service=audit topic=TaskCreated',
];

describe('what the town and technical views show', () => {
  it('keeps the board apart from the buildings, in the order they were built', () => {
    const m = model(session(town));
    expect(m.board?.id).toBe('board');
    expect(m.nodes.map((n) => n.id)).toEqual(['app', 'analytics', 'audit']);
    expect(m.nodes.map((n) => n.kind)).toEqual(['house', 'house', 'house']);
  });

  it('shows a caller waiting on the phone while it calls in turn', () => {
    const s = session([...town, 'fanout from=app topic=TaskCreated mode=calls', 'run for=100ms']);
    const m = model(s);
    const app = m.nodes.find((n) => n.id === 'app')!;
    expect(app.service?.waiting).toBe(true);
    expect(app.service?.waitingSince).toBe(0);
    expect(m.calls).toEqual([expect.objectContaining({ from: 'app', to: 'analytics' })]);
    expect(describeNode(app)).toContain('waiting for a reply');
    expect(describeNode(m.nodes.find((n) => n.id === 'analytics')!)).toContain('working on a call');
  });

  it('pins a notice with its readers and counts who has read it; latencies come from the last operation', () => {
    const s = session([...town, 'fanout from=app topic=TaskCreated mode=events', 'run for=100ms']);
    let m = model(s);
    expect(m.notices).toEqual([expect.objectContaining({ topic: 'TaskCreated', from: 'app', readers: ['analytics', 'audit'], read: 1 })]);
    expect(m.topics).toEqual([{ topic: 'TaskCreated', subscribers: ['analytics', 'audit'], pinned: 1 }]);
    expect(m.nodes[0]!.service?.lastOp).toMatchObject({ mode: 'events', waited: 20, finished: null });
    s.exec('run for=1s');
    m = model(s);
    expect(m.notices[0]!.read).toBe(2);
    expect(m.nodes[0]!.service?.lastOp?.finished).toBeGreaterThan(300);
  });

  it('says in words that a building is on fire or frozen', () => {
    const s = session([...town, 'crash node=audit', 'pause node=analytics']);
    const m = model(s);
    expect(describeNode(m.nodes.find((n) => n.id === 'audit')!)).toContain('crashed, on fire');
    expect(describeNode(m.nodes.find((n) => n.id === 'analytics')!)).toContain('paused, frozen');
  });

  it('draws other systems\' nodes too, without town details', () => {
    const s = session(['raft.start servers=3']);
    const m = stageModel(null, s.sim.nodes());
    expect(m.board).toBeNull();
    expect(m.nodes.map((n) => [n.id, n.kind, n.service])).toEqual([['n1', 'node', null], ['n2', 'node', null], ['n3', 'node', null]]);
  });
});

describe('where a message was lost', () => {
  it('lists recent drops with their reason, and forgets them once they are older than the window', () => {
    const s = session([...town, 'crash node=audit', 'publish from=app topic=TaskCreated', 'run for=30ms']);
    const drops = recentDrops(s.sim.trace(), s.sim.now, 400);
    expect(drops).toEqual([expect.objectContaining({ from: 'board', to: 'audit', type: 'Notice', reason: 'audit down', atSend: false })]);
    s.exec('run for=1s');
    expect(recentDrops(s.sim.trace(), s.sim.now, 400)).toEqual([]);
  });
});

describe('cross-highlighting', () => {
  it('turns a hovered trace entry into the message or node it is about', () => {
    const s = session([...town, 'publish from=app topic=TaskCreated', 'run for=50ms']);
    const trace = s.sim.trace();
    const send = trace.find((e) => e.kind === 'send')!;
    expect(traceAt(trace, send.i)).toBe(send);
    expect([...focusOf({ kind: 'trace', id: send.i }, trace).msgs]).toEqual([send.msgId]);
    const note = trace.find((e) => e.kind === 'note')!;
    expect([...focusOf({ kind: 'trace', id: note.i }, trace).nodes]).toEqual([note.node]);
  });

  it('highlights every message that carries a hovered notice, and nothing when nothing is pointed at', () => {
    const f = focusOf({ kind: 'notice', id: 6 }, []);
    expect(msgFocused(f, 99, 6)).toBe(true);
    expect(msgFocused(f, 99, 7)).toBe(false);
    expect(focusOf(null, []).any).toBe(false);
  });
});

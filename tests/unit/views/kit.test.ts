// The view kit's pure parts and its flight layer, without a browser: one picture per run state whatever
// number of panes ask; the menus of a message and a link run the scenario commands a learner would type;
// a link per pair of servers; the flight layer's keyboard model (one tab stop with a menu, none without).
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { labStore } from '../../../src/store/lab-store.ts';
import type { Sim } from '../../../src/engine/core/index.ts';
import { pictureAt } from '../../../src/views/kit/picture.ts';
import { linkMenu, messageMenu } from '../../../src/views/kit/menu.tsx';
import { linksBetween, straight, type ConsensusFlight } from '../../../src/views/kit/consensus.tsx';
import { FlightLayer, SMALL_RING, type FlightSpec } from '../../../src/views/kit/FlightLayer.tsx';
import { focusOf, NO_FOCUS } from '../../../src/views/shared/highlight.ts';
import { QUEUE_SYSTEMS } from '../../../src/views/queues/ids.ts';
import { queuesPicture, type QueueStates } from '../../../src/views/queues/picture.ts';
import { planPane } from '../../../src/views/queues/plan.ts';

const load = (lines: string[]) => {
  const r = labStore.getState().load(1, lines);
  for (const x of r) expect(x.error).toBeUndefined();
  return labStore.getState().session.sim;
};
const lines = () => labStore.getState().inputs.map((i) => i.line);

describe('useStagePicture’s cache (pictureAt)', () => {
  it('works a picture out once per state of the run for every pane, again when the run moves, and not for a run without the system', () => {
    const sim = load(['raft.start servers=3']);
    let calls = 0;
    const count = (st: { servers: object }) => { calls++; return Object.keys(st.servers).length; };
    const v = labStore.getState().version;
    expect(pictureAt('raft', count, sim, v)).toBe(3);
    expect(pictureAt('raft', count, sim, v)).toBe(3); // the second pane
    expect(calls).toBe(1);
    labStore.getState().exec('run for=200ms');
    expect(pictureAt('raft', count, sim, labStore.getState().version)).toBe(3);
    expect(calls).toBe(2);
    expect(pictureAt('kafka', count, sim, labStore.getState().version)).toBeNull();
  });

  it('gives a family of systems the states of those the run uses, in the order it first used them', () => {
    const sim = load(['sqs.queue name=orders', 'stream.topic name=log', 'sqs.send queue=orders body=a']);
    const names = (states: Record<string, unknown>) => Object.keys(states);
    expect(pictureAt(QUEUE_SYSTEMS, names, sim, labStore.getState().version)).toEqual(['sqs', 'stream']);
    expect(pictureAt(['rabbit', 'pubsub'], names, sim, labStore.getState().version)).toBeNull();
  });
});

describe('the consensus menus and links', () => {
  it('a message can be dropped or inspected; a doomed one only inspected', () => {
    const sim = load(['raft.start servers=3', 'run until="raft.leader != none" max=5s', 'run for=10ms']);
    const f = sim.inFlight()[0]!;
    const items = messageMenu(f.msgId, 'AE t1');
    expect(items.map((i) => i.id)).toEqual(['drop', 'inspect']);
    items[0]!.run();
    expect(lines()).toContain(`drop msg=${f.msgId}`);
    expect(labStore.getState().session.sim.inFlight().find((x) => x.msgId === f.msgId)?.doomed).toBe(true);
    const doomed = messageMenu(f.msgId, 'AE t1', true);
    expect(doomed.map((i) => i.id)).toEqual(['inspect']);
    doomed[0]!.run();
    expect(labStore.getState().selected).toEqual({ kind: 'msg', id: f.msgId });
  });

  it('a link offers the cuts it does not have yet and healing once cut, each a partition or heal command', () => {
    load(['raft.start servers=3']);
    expect(linkMenu('n1', 'n2', false, false).map((i) => i.id)).toEqual(['cut-xy', 'cut-yx', 'cut-both']);
    linkMenu('n1', 'n2', false, false)[0]!.run();
    expect(lines()).toContain('partition a=n1 b=n2 oneway=true');
    const sim: Sim = labStore.getState().session.sim;
    const links = linksBetween(['n1', 'n2', 'n3'], sim, (x, y) => straight({ x: x.length, y: 0 }, { x: y.length, y: 10 }));
    expect(links.map((l) => [l.key, l.cutXY, l.cutYX])).toEqual([['n1|n2', true, false], ['n1|n3', false, false], ['n2|n3', false, false]]);
    expect(linkMenu('n1', 'n2', true, false).map((i) => i.id)).toEqual(['cut-yx', 'cut-both', 'heal']);
    linkMenu('n1', 'n2', true, false).at(-1)!.run();
    expect(lines()).toContain('heal a=n1 b=n2');
    expect(labStore.getState().session.sim.isCut('n1', 'n2')).toBe(false);
  });
});

const at = { x: 0, y: 0 };
const consensus = (msgId: number, doomed = false): ConsensusFlight => ({
  msgId, key: `${msgId}:0`, from: 'n1', to: 'n2', sentAt: 0, arrivesAt: 10, a: at, b: at, c: at,
  label: `AppendEntries #${msgId}`, tag: `AE ${msgId}`, doomed, look: { shape: 'entries', colour: '#000', ok: null },
});
const icon = () => createElement('circle', { r: 5 });
const render = (props: Parameters<typeof FlightLayer<ConsensusFlight>>[0]) => renderToStaticMarkup(createElement('svg', null, createElement(FlightLayer<ConsensusFlight>, props)));

describe('the flight layer', () => {
  const menu = { open: () => {}, drop: () => {} };
  it('with a menu: all messages are one tab stop, each says how to act on it, a doomed one says it will be lost', () => {
    const html = render({ flights: [consensus(1), consensus(2, true)], focus: NO_FOCUS, icon, menu, ring: SMALL_RING, tags: { fontSize: 12, all: true } });
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html.match(/tabindex="-1"/g)).toHaveLength(1);
    expect(html).toContain('role="group" aria-label="2 messages in flight: arrow keys move between them');
    expect(html).toContain('aria-label="message #1, n1 to n2: AppendEntries #1. Enter for its menu, Delete drops it."');
    expect(html).toContain('aria-label="message #2, n1 to n2: AppendEntries #2. It will be lost on arrival."');
    expect(html).toContain('>AE 1</text>');
  });

  it('a crowded picture tags only the message pointed at', () => {
    const focus = focusOf({ kind: 'msg', id: 2 }, []);
    const html = render({ flights: [consensus(1), consensus(2)], focus, icon, menu, tags: { fontSize: 12, all: false } });
    expect(html).not.toContain('>AE 1</text>');
    expect(html).toContain('>AE 2</text>');
    expect(html).toContain('class="tb-flight is-dimmed"');
  });

  it('without a menu: a click selects (no tab stop), the message says itself in words, the selected one is ringed', () => {
    const f: FlightSpec = { ...consensus(3), type: 'TaskCreated', notice: null, topic: 'TaskCreated' };
    const html = renderToStaticMarkup(createElement('svg', null, createElement(FlightLayer<FlightSpec>, { flights: [f], focus: NO_FOCUS, icon, selectedMsg: 3 })));
    expect(html).not.toContain('tabindex="0"');
    expect(html).toContain('aria-label="AppendEntries #3"');
    expect(html).toContain('<circle r="17" fill="none" stroke="#000000" stroke-width="3">');
  });
});

describe('the queue pictures’ pane plan', () => {
  it('stacks a section per rule book inside the pane and gives every message drawn a box', () => {
    const sim = load(['sqs.queue name=orders', 'sqs.send queue=orders body=order count=4', 'rabbit.exchange name=ex type=fanout',
      'rabbit.queue name=q1', 'rabbit.bind exchange=ex queue=q1', 'rabbit.publish exchange=ex body=hello']);
    const pic = queuesPicture(Object.fromEntries(sim.activeSystems().filter((s) => (QUEUE_SYSTEMS as readonly string[]).includes(s)).map((s) => [s, sim.state(s)])) as QueueStates, sim);
    expect(pic.systems).toEqual(['sqs', 'rabbit']);
    for (const town of [true, false]) {
      const size = { width: 640, height: 420 };
      const plan = planPane(pic, size, town, false);
      expect(plan.sections.map((s) => s.sys)).toEqual(['sqs', 'rabbit']);
      for (const s of plan.sections) {
        expect(s.r.x).toBeGreaterThanOrEqual(0);
        expect(s.r.y + s.r.h).toBeLessThanOrEqual(size.height);
      }
      for (const q of pic.models.sqs!.queues) for (const c of q.msgs) expect(plan.rects[`sqs:msg:${c.id}`], `${c.id}`).toBeDefined();
    }
  });
});

// Scenario commands of the town board (lessons 00 and 01).
import { argNumber, argString, CommandError, type CommandSpec } from '../core/command.ts';
import type { SystemContext } from '../core/types.ts';
import { BOARD, BUILDING_KINDS, guessKind, type TownState } from './state.ts';
import { ensureBoard, startOperation } from './system.ts';

const SYS = 'town';
const need = (s: TownState, name: string) => {
  const x = s.services[name];
  if (!x) throw new CommandError(`there is no service '${name}'; add it first with: service name=${name}`);
  return x;
};
const free = (s: TownState, name: string, ctx: SystemContext) => {
  const x = need(s, name);
  if (!ctx.isUp(name)) throw new CommandError(`${name} is down (crashed); restart it first`);
  if (x.waitingOn !== null) throw new CommandError(`${name} is still waiting for a reply and cannot start anything else`);
  return x;
};

const SETUP = 'service name=app work=10ms\nservice name=analytics work=200ms\nsubscribe service=analytics topic=TaskCreated';

export const townCommands: CommandSpec[] = [
  {
    name: 'service', sys: SYS, summary: 'Add a service (a building in the town) that takes `work` to handle each job.',
    args: [
      { name: 'name', type: 'node', required: true, doc: 'its name, also its node id' },
      { name: 'work', type: 'duration', default: '50ms', doc: 'time to handle one notice or call' },
      { name: 'jitter', type: 'duration', default: '0ms', doc: 'extra random time per job, 0..jitter' },
      { name: 'kind', type: 'enum', values: BUILDING_KINDS, doc: 'its picture in the town (guessed from the name)' },
    ],
    example: 'service name=bakery work=30ms',
    run: (sim, a) => {
      const name = argString(a, 'name');
      if (name === BOARD) throw new CommandError(`'${BOARD}' is the bulletin board itself; pick another name`);
      sim.act<TownState>(SYS, `service name=${name} work=${argNumber(a, 'work')}ms`, (s, ctx) => {
        ensureBoard(s, ctx);
        ctx.addNode(name);
        if (!s.services[name]) s.order.push(name);
        s.services[name] = {
          id: name, kind: (a.kind as never) ?? guessKind(name), work: argNumber(a, 'work'), jitter: argNumber(a, 'jitter'),
          current: null, queue: [], doneTimer: null, handled: 0, readByTopic: {}, waitingOn: null,
        };
      });
    },
  },
  {
    name: 'subscribe', sys: SYS, summary: 'Make a service read every new notice of a topic.',
    args: [
      { name: 'service', type: 'node', required: true, doc: 'the reader' },
      { name: 'topic', type: 'string', required: true, doc: 'the topic, e.g. TaskCreated' },
    ],
    example: 'subscribe service=analytics topic=TaskCreated', setup: 'service name=analytics',
    run: (sim, a) => {
      const who = argString(a, 'service');
      const topic = argString(a, 'topic');
      sim.act<TownState>(SYS, `subscribe service=${who} topic=${topic}`, (s) => {
        need(s, who);
        const list = (s.subscriptions[topic] ??= []);
        if (!list.includes(who)) list.push(who);
      });
    },
  },
  {
    name: 'unsubscribe', sys: SYS, summary: 'Stop a service reading a topic.',
    args: [
      { name: 'service', type: 'node', required: true, doc: 'the reader' },
      { name: 'topic', type: 'string', required: true, doc: 'the topic' },
    ],
    example: 'unsubscribe service=analytics topic=TaskCreated', setup: SETUP,
    run: (sim, a) => {
      const who = argString(a, 'service');
      const topic = argString(a, 'topic');
      sim.act<TownState>(SYS, `unsubscribe service=${who} topic=${topic}`, (s) => {
        need(s, who);
        s.subscriptions[topic] = (s.subscriptions[topic] ?? []).filter((x) => x !== who);
      });
    },
  },
  {
    name: 'publish', sys: SYS, summary: 'Pin a notice (an event) on the board; every subscriber of its topic reads it.',
    args: [
      { name: 'from', type: 'node', required: true, doc: 'the publishing service' },
      { name: 'topic', type: 'string', required: true, doc: 'what kind of notice' },
    ],
    example: 'publish from=app topic=TaskCreated', setup: SETUP,
    run: (sim, a) => {
      const from = argString(a, 'from');
      const topic = argString(a, 'topic');
      sim.act<TownState>(SYS, `publish from=${from} topic=${topic}`, (s, ctx) => {
        free(s, from, ctx);
        startOperation(s, ctx, { from, mode: 'events', topic, targets: [...(s.subscriptions[topic] ?? [])] });
      });
    },
  },
  {
    name: 'call', sys: SYS, summary: 'A synchronous call: the caller waits until the callee has done the work and replied.',
    args: [
      { name: 'from', type: 'node', required: true, doc: 'the caller' },
      { name: 'to', type: 'node', required: true, doc: 'the callee' },
    ],
    example: 'call from=app to=analytics', setup: SETUP,
    run: (sim, a) => {
      const from = argString(a, 'from');
      const to = argString(a, 'to');
      sim.act<TownState>(SYS, `call from=${from} to=${to}`, (s, ctx) => {
        free(s, from, ctx);
        need(s, to);
        startOperation(s, ctx, { from, mode: 'calls', topic: null, targets: [to] });
      });
    },
  },
  {
    name: 'fanout', sys: SYS, summary: "Tell every subscriber of a topic: by calling each in turn (mode=calls) or by one notice (mode=events).",
    args: [
      { name: 'from', type: 'node', required: true, doc: 'who has the news' },
      { name: 'topic', type: 'string', required: true, doc: 'the topic whose subscribers must hear it' },
      { name: 'mode', type: 'enum', values: ['calls', 'events'], required: true, doc: 'calls in turn, or one notice on the board' },
    ],
    example: 'fanout from=app topic=TaskCreated mode=calls', setup: SETUP,
    run: (sim, a) => {
      const from = argString(a, 'from');
      const topic = argString(a, 'topic');
      const mode = argString(a, 'mode') as 'calls' | 'events';
      sim.act<TownState>(SYS, `fanout from=${from} topic=${topic} mode=${mode}`, (s, ctx) => {
        free(s, from, ctx);
        const targets = [...(s.subscriptions[topic] ?? [])];
        if (targets.length === 0) throw new CommandError(`nobody subscribes to ${topic}; add readers with: subscribe service=... topic=${topic}`);
        startOperation(s, ctx, { from, mode, topic, targets });
      });
    },
  },
];

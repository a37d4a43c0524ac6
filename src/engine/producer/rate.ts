// A producer node that sends one message every `every` ms, `count` times: the steady load a sandbox
// topology needs. Each messaging system supplies how one message leaves the node (its own wire message);
// this file owns the schedule, the arguments and the bookkeeping, so the four systems behave alike.
import { argString, CommandError, type ArgSpec, type ArgValue, type ArgValues, type CommandSpec } from '../core/command.ts';
import type { NodeId, SystemContext, TimerId } from '../core/types.ts';

export interface RateProducer {
  name: NodeId;
  target: string;
  body: string;
  /** Used in turn, one per message (routing keys, message groups); empty for none. */
  keys: string[];
  everyMs: number;
  jitterMs: number;
  count: number;
  sent: number;
  timer: TimerId | null;
  /** The system's own arguments (extraArgs), as given. */
  extra: Record<string, ArgValue>;
}

/** Producers live in their system's state under this field: plain data, snapshotted with it. */
export interface HasRateProducers { rateProducers?: Record<NodeId, RateProducer> }

export interface ProducerKind<S> {
  /** e.g. 'sqs.producer' */
  command: string;
  sys: string;
  /** The system's service node: no producer may take its name. */
  serviceNode: NodeId;
  summary: string;
  target: ArgSpec;
  keys?: ArgSpec;
  /** Further arguments of this system's producer (RabbitMQ headers). */
  extraArgs?: readonly ArgSpec[];
  example: string;
  setup: string;
  /** Throws a CommandError when the target does not exist or the keys do not fit it. */
  check(s: S, target: string, keys: readonly string[], extra: Readonly<Record<string, ArgValue>>): void;
  /** Lists the node among the system's producers (views draw them). */
  register(s: S, name: NodeId): void;
  /** Sends one message from the producer node. */
  send(s: S, p: RateProducer, body: string, key: string | null, ctx: SystemContext): void;
}

const TIMER = 'produce';
const MAX_COUNT = 10_000;

export interface RateProducerParts<S> {
  command: CommandSpec;
  /** True when the timer was a producer's (the system's onTimer returns then). */
  onTimer(s: S, node: NodeId, name: string, ctx: SystemContext): boolean;
  /** True when the node is a producer: it resumes with its next message, one interval later. */
  onRestart(s: S, node: NodeId, ctx: SystemContext): boolean;
}

function sendNext<S extends HasRateProducers>(k: ProducerKind<S>, s: S, p: RateProducer, ctx: SystemContext): void {
  p.timer = null;
  if (p.sent >= p.count) return;
  const i = p.sent + 1;
  const key = p.keys.length ? p.keys[(i - 1) % p.keys.length]! : null;
  k.send(s, p, `${p.body}${i}`, key, ctx);
  p.sent = i;
  if (p.sent < p.count) schedule(p, p.everyMs, ctx);
  else ctx.note(p.name, `sent all ${p.count} messages`);
}

function schedule(p: RateProducer, base: number, ctx: SystemContext): void {
  const extra = p.jitterMs > 0 ? ctx.rng.int(0, p.jitterMs) : 0;
  p.timer = ctx.setTimer(p.name, base + extra, TIMER);
}

const quoted = (v: unknown) => {
  const text = Array.isArray(v) ? v.join(',') : String(v);
  return /[\s#"]/.test(text) ? `"${text}"` : text;
};
const words = (a: ArgValues) => Object.keys(a).filter((k) => a[k] !== undefined).map((k) => ` ${k}=${quoted(a[k])}`).join('');

export function rateProducer<S extends HasRateProducers>(k: ProducerKind<S>): RateProducerParts<S> {
  const args: ArgSpec[] = [
    { name: 'name', type: 'string', required: true, doc: 'the producer node' },
    k.target,
    ...(k.keys ? [k.keys] : []),
    ...(k.extraArgs ?? []),
    { name: 'body', type: 'string', doc: 'the bodies are body1, body2, ... (default: the producer name)' },
    { name: 'every', type: 'duration', default: '200ms', doc: 'time between two messages' },
    { name: 'jitter', type: 'duration', default: '0ms', doc: 'extra random 0..jitter before each next message' },
    { name: 'count', type: 'int', default: '10', doc: `how many messages in all (1 to ${MAX_COUNT})` },
    { name: 'start', type: 'duration', default: '0ms', doc: 'when the first message leaves, from now' },
  ];
  const command: CommandSpec = {
    name: k.command, sys: k.sys, summary: k.summary, args, example: k.example, setup: k.setup,
    run(sim, a) {
      const name = argString(a, 'name');
      const target = argString(a, k.target.name);
      const keys = k.keys ? ((a[k.keys.name] as readonly string[] | string | undefined) ?? []) : [];
      const keyList = typeof keys === 'string' ? [keys] : [...keys];
      const count = (a.count as number | undefined) ?? 10;
      const everyMs = (a.every as number | undefined) ?? 200;
      if (count < 1 || count > MAX_COUNT) throw new CommandError(`count must be 1 to ${MAX_COUNT}`);
      if (everyMs < 1) throw new CommandError('every must be at least 1ms');
      if (name === k.serviceNode) throw new CommandError(`'${name}' is the service's own node; give the producer another name`);
      const taken = sim.nodes().find((n) => n.id === name);
      if (taken) throw new CommandError(`'${name}' is already a ${taken.sys} node; pick another name`);
      const extra: Record<string, ArgValue> = {};
      for (const spec of k.extraArgs ?? []) { const v = a[spec.name]; if (v !== undefined) extra[spec.name] = v; }
      sim.act<S>(k.sys, `${k.command}${words(a)}`, (s, ctx) => {
        k.check(s, target, keyList, extra);
        ctx.addNode(name);
        k.register(s, name);
        const p: RateProducer = {
          name, target, body: (a.body as string | undefined) ?? name, keys: keyList, everyMs,
          jitterMs: (a.jitter as number | undefined) ?? 0, count, sent: 0, timer: null, extra,
        };
        (s.rateProducers ??= {})[name] = p;
        p.timer = ctx.setTimer(name, (a.start as number | undefined) ?? 0, TIMER);
      });
    },
  };
  return {
    command,
    onTimer(s, node, name, ctx) {
      const p = s.rateProducers?.[node];
      if (!p || name !== TIMER) return false;
      sendNext(k, s, p, ctx);
      return true;
    },
    onRestart(s, node, ctx) {
      const p = s.rateProducers?.[node];
      if (!p) return false;
      if (p.sent < p.count) schedule(p, p.everyMs, ctx);
      return true;
    },
  };
}

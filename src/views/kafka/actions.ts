// What a learner can do from the Kafka pictures. Every action is a scenario command run through the lab
// store (so it lands in the console history and share links); nodes get theirs through the shared node
// menu (crash/restart come from src/views/shared/node-actions.ts), partitions, records and groups through
// the item menu here.
import type { Sim } from '../../engine/core/index.ts';
import type { KafkaState } from '../../engine/kafka/index.ts';
import { labStore } from '../../store/lab-store.ts';
import type { NodeAction } from '../registry.ts';
import { run } from '../kit/menu.tsx';
import { parseItem } from './ids.ts';

export interface ItemAction { label: string; line: string }

export function kafkaState(sim: Sim): KafkaState | null {
  return sim.activeSystems().includes('kafka') ? sim.state<KafkaState>('kafka') : null;
}

const liveState = () => kafkaState(labStore.getState().session.sim);

/** The first free id like `billing3` for a new member of a group, following its members' names. */
export function newMemberId(s: KafkaState, group: string, taken: ReadonlySet<string>): string {
  const first = Object.values(s.consumers).find((c) => c.group === group)?.id;
  const base = (first ?? group).replace(/\d+$/, '') || 'c';
  for (let n = 1; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

/** The command that adds one more member to a group with the same settings as its first member. */
export function addMemberLine(s: KafkaState, group: string, taken: ReadonlySet<string>): string | null {
  const like = Object.values(s.consumers).find((c) => c.group === group);
  if (!like) return null;
  const k = like.config;
  const id = newMemberId(s, group, taken);
  return `kafka.consumer id=${id} group=${group} topics=${like.topics.join(',')} assignor=${k.assignor} commit=${k.commit}`
    + ` maxpoll=${k.maxPoll} process=${k.processMs}ms session=${k.sessionMs}ms${k.isolation === 'read_committed' ? ' isolation=read_committed' : ''}${k.eos ? ' eos=true' : ''}`;
}

export function itemActions(sim: Sim, id: string): ItemAction[] {
  const s = kafkaState(sim);
  const item = parseItem(id);
  if (!s || !item) return [];
  const nodes = sim.nodes();
  const up = (n: string) => nodes.find((x) => x.id === n)?.up ?? false;
  const out: ItemAction[] = [];
  const holders = (tp: string) => Object.values(s.consumers).filter((c) => up(c.id) && c.owned.includes(tp));
  if (item.what === 'partition' || item.what === 'record') {
    const meta = s.partitions[item.tp];
    if (!meta) return [];
    if (item.what === 'partition') {
      for (const p of Object.values(s.producers).filter((x) => up(x.id)).slice(0, 3)) {
        if (p.config.transactionalId !== null && p.txn.state !== 'ongoing') continue;
        out.push({ label: `Post a notice to ${item.tp} from ${p.id}`, line: `kafka.produce producer=${p.id} topic=${meta.topic} partition=${meta.partition}` });
      }
      for (const c of holders(item.tp)) {
        out.push({ label: `Rewind ${c.id} (${c.group}) to the start of ${item.tp}`, line: `kafka.seek consumer=${c.id} partition=${item.tp} to=earliest` });
        out.push({ label: `Skip ${c.id} (${c.group}) to the end of ${item.tp}`, line: `kafka.seek consumer=${c.id} partition=${item.tp} to=latest` });
      }
      if (meta.leader && up(meta.leader)) out.push({ label: `Crash its leader ${meta.leader}`, line: `crash node=${meta.leader}` });
    } else {
      for (const c of holders(item.tp)) {
        out.push({ label: `Make ${c.id} (${c.group}) read from offset ${item.offset} again`, line: `kafka.seek consumer=${c.id} partition=${item.tp} offset=${item.offset}` });
      }
    }
  } else {
    if (!s.groups[item.group]) return [];
    const line = addMemberLine(s, item.group, new Set(nodes.map((n) => n.id)));
    if (line) out.push({ label: `Add a reader to ${item.group} (${line.split(' ')[1]!.slice(3)})`, line });
    for (const c of Object.values(s.consumers).filter((x) => x.group === item.group && up(x.id))) {
      if (c.phase === 'stable') out.push({ label: `Commit ${c.id}'s positions now`, line: `kafka.commit consumer=${c.id}` });
      out.push({ label: `${c.id} leaves the group cleanly`, line: `kafka.leave consumer=${c.id}` });
    }
  }
  return out;
}

// Node actions for Kafka's clients (brokers and the controller have crash/restart/pause from the shared menu).
const consumerOf = (id: string) => liveState()?.consumers[id];
const producerOf = (id: string) => liveState()?.producers[id];
const firstTopic = () => Object.keys(liveState()?.topics ?? {})[0];

/** Kafka's entries in a client's menu: a consumer commits or leaves, a producer posts notices. */
export const kafkaNodeActions: readonly NodeAction[] = [
  {
    id: 'kafka-commit', label: (n) => `Commit ${n.id}'s positions now`,
    applies: (n) => n.sys === 'kafka' && n.up && consumerOf(n.id)?.phase === 'stable',
    run: (n) => run(`kafka.commit consumer=${n.id}`),
  },
  {
    id: 'kafka-leave', label: (n) => `${n.id} leaves its group cleanly`,
    applies: (n) => n.sys === 'kafka' && n.up && consumerOf(n.id) !== undefined,
    run: (n) => run(`kafka.leave consumer=${n.id}`),
  },
  {
    id: 'kafka-produce', label: (n) => `${n.id} posts a notice (no key) to ${firstTopic() ?? 'the topic'}`,
    applies: (n) => {
      const p = producerOf(n.id);
      return n.sys === 'kafka' && n.up && p !== undefined && firstTopic() !== undefined && (p.config.transactionalId === null || p.txn.state === 'ongoing');
    },
    run: (n) => run(`kafka.produce producer=${n.id} topic=${firstTopic()!}`),
  },
  {
    id: 'kafka-produce-keyed', label: (n) => `${n.id} posts 5 notices with key alice`,
    applies: (n) => {
      const p = producerOf(n.id);
      return n.sys === 'kafka' && n.up && p !== undefined && firstTopic() !== undefined && (p.config.transactionalId === null || p.txn.state === 'ongoing');
    },
    run: (n) => run(`kafka.produce producer=${n.id} topic=${firstTopic()!} key=alice count=5`),
  },
];

// Kafka runs for the view tests: the lab's own language, run headless.
import { createSession } from '../../../src/script/runner.ts';
import type { KafkaState } from '../../../src/engine/kafka/state.ts';
import { kafkaPicture } from '../../../src/views/kafka/model.ts';

/** 12 partitions on 5 brokers, three groups (cooperative, range, round-robin), two producers. */
export const BIG = `
kafka.cluster brokers=5
kafka.topic name=orders partitions=12 replication=3 minisr=2
kafka.producer id=shop acks=all idempotent=true linger=20ms
kafka.producer id=web acks=1
kafka.consumer id=a1 group=billing topics=orders assignor=cooperative-sticky
kafka.consumer id=a2 group=billing topics=orders assignor=cooperative-sticky
kafka.consumer id=a3 group=billing topics=orders assignor=cooperative-sticky
kafka.consumer id=a4 group=billing topics=orders assignor=cooperative-sticky
kafka.consumer id=s1 group=search topics=orders assignor=range process=40ms
kafka.consumer id=s2 group=search topics=orders assignor=range process=40ms
kafka.consumer id=d1 group=audit topics=orders assignor=roundrobin process=80ms
kafka.produce producer=shop topic=orders key=alice count=20
kafka.produce producer=shop topic=orders key=bob count=20
kafka.produce producer=web topic=orders count=30
run for=1s`;

export function runLab(text: string, seed = 5) {
  const session = createSession(seed);
  for (const raw of text.split('\\n').join('\n').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const r = session.exec(line);
    if (r.error) throw new Error(`${line}: ${r.error}`);
  }
  const sim = session.sim;
  return {
    session, sim,
    state: () => sim.state<KafkaState>('kafka'),
    exec: (line: string) => { const r = session.exec(line); if (r.error) throw new Error(`${line}: ${r.error}`); },
    picture: (tail = 40) => kafkaPicture(sim.state<KafkaState>('kafka'), sim.nodes(), sim.now, { tail }),
  };
}

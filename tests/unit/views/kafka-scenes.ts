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

/**
 * Lesson 03's steps as the learner sees them (seed 3, the lesson's): a few partitions, one or two groups.
 * Each is the step's set-up, then what its prediction runs (or a little playing).
 */
export const LESSON03: Record<string, string> = {
  'columns (step 1)': `
kafka.cluster brokers=3
kafka.topic name=orders partitions=3 replication=3 minisr=2
kafka.producer id=shop acks=all idempotent=true
kafka.produce producer=shop topic=orders key=bob value=bread
kafka.produce producer=shop topic=orders key=carol value=milk
kafka.produce producer=shop topic=orders key=dave value=eggs
kafka.produce producer=shop topic=orders key=bob value=jam
run for=300ms`,
  'offsets (step 3)': `
kafka.cluster brokers=1
kafka.topic name=clicks partitions=2
kafka.producer id=web acks=1
kafka.produce producer=web topic=clicks key=home count=12
kafka.produce producer=web topic=clicks key=cart count=8
kafka.consumer id=r1 group=dash topics=clicks process=40ms maxpoll=4 commit=after
run for=450ms`,
  'a team shares (step 4)': `
kafka.cluster brokers=3
kafka.topic name=orders partitions=3 replication=3 minisr=2
kafka.producer id=shop acks=all
kafka.produce producer=shop topic=orders key=bob count=4
kafka.produce producer=shop topic=orders key=carol count=4
kafka.produce producer=shop topic=orders key=dave count=4
kafka.consumer id=c1 group=g1 topics=orders
kafka.consumer id=c2 group=g1 topics=orders
kafka.consumer id=c3 group=g1 topics=orders
kafka.consumer id=x1 group=audit topics=orders
run for=500ms
kafka.consumer id=c4 group=g1 topics=orders
run for=1s`,
  'commit before or after (step 6)': `
kafka.cluster brokers=1
kafka.topic name=orders partitions=1
kafka.producer id=shop acks=1
kafka.produce producer=shop topic=orders key=k count=10
kafka.consumer id=early group=before topics=orders commit=before maxpoll=10 process=20ms session=300ms
kafka.consumer id=late group=after topics=orders commit=after maxpoll=10 process=20ms session=300ms
run for=250ms
crash node=early
crash node=late
run for=500ms
restart node=early
restart node=late
run for=2s`,
  'exactly once (step 7)': `
kafka.cluster brokers=1
kafka.topic name=pay partitions=1
kafka.producer id=bank acks=all
kafka.produce producer=bank topic=pay key=acct count=20
kafka.consumer id=clerk group=ledger topics=pay commit=after process=20ms session=300ms
crash node=clerk
run for=200ms`,
  'lag (step 8)': `
kafka.cluster brokers=1
kafka.topic name=clicks partitions=3
kafka.producer id=web acks=1 keyless=roundrobin
kafka.produce producer=web topic=clicks count=60
kafka.consumer id=r1 group=dash topics=clicks process=30ms maxpoll=5
run for=600ms`,
  'ISR (step 9)': `
kafka.cluster brokers=3
kafka.topic name=orders partitions=1 replication=3 minisr=2
kafka.producer id=shop acks=all idempotent=true retries=3
kafka.produce producer=shop topic=orders key=k count=5
run for=500ms
crash node=b1
kafka.produce producer=shop topic=orders key=k count=5
run for=2s
crash node=b2
run for=1s
kafka.produce producer=shop topic=orders key=k
run for=5s`,
  'unclean election (step 11)': `
kafka.cluster brokers=3 unclean=true
kafka.topic name=orders partitions=1 replication=3 minisr=1
kafka.producer id=shop acks=all
partition a=b1 b=b2,b3
run for=600ms
kafka.produce producer=shop topic=orders key=k count=3
run for=200ms
crash node=b1
heal
run for=1500ms`,
  'idempotence (step 12)': `
kafka.cluster brokers=1
kafka.topic name=pay partitions=1
kafka.producer id=plain acks=all idempotent=false timeout=200ms
kafka.producer id=safe acks=all idempotent=true timeout=200ms
link from=b1 to=plain loss=1 oneway=true
link from=b1 to=safe loss=1 oneway=true
kafka.produce producer=plain topic=pay key=alice value=charge
kafka.produce producer=safe topic=pay key=bob value=charge
run for=220ms
link from=b1 to=plain loss=0 oneway=true
link from=b1 to=safe loss=0 oneway=true
run for=1s`,
  'open transaction (step 13)': `
kafka.cluster brokers=3
kafka.topic name=pay partitions=1 replication=3 minisr=2
kafka.producer id=bank txn=tx-bank
kafka.consumer id=auditor group=audit topics=pay isolation=read_committed
kafka.consumer id=peeker group=peek topics=pay
kafka.txn producer=bank action=begin
kafka.produce producer=bank topic=pay key=acct1 value=debit
kafka.produce producer=bank topic=pay key=acct2 value=credit
run for=500ms`,
  'retention and compaction (step 14)': `
kafka.cluster brokers=1
kafka.topic name=clicks partitions=1 retention=1s
kafka.topic name=profiles partitions=1 compact=true tombstones=500ms
kafka.producer id=app acks=1
kafka.produce producer=app topic=clicks key=page count=6
kafka.produce producer=app topic=profiles key=alice value=v1
kafka.produce producer=app topic=profiles key=bob value=v1
kafka.produce producer=app topic=profiles key=alice value=v2
kafka.produce producer=app topic=profiles key=bob tombstone=true
kafka.produce producer=app topic=profiles key=carol value=v1
run for=1200ms`,
};
/** Step 13 after its prediction: the transaction aborted. */
LESSON03['aborted transaction (step 13)'] = `${LESSON03['open transaction (step 13)']}
kafka.txn producer=bank action=abort
run for=800ms`;
/** Not a lesson step: two teams at different places on three partitions, so their markers share rows apart. */
LESSON03['two teams apart'] = `
kafka.cluster brokers=3
kafka.topic name=orders partitions=3 replication=3 minisr=2
kafka.producer id=shop acks=all
kafka.produce producer=shop topic=orders key=bob count=2
kafka.produce producer=shop topic=orders key=carol count=2
kafka.produce producer=shop topic=orders key=dave count=2
kafka.consumer id=fast1 group=quick topics=orders process=5ms
kafka.consumer id=slow1 group=slowpoke topics=orders process=120ms maxpoll=1
run for=500ms`;

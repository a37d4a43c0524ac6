// The fifteen lessons of CURRICULUM.md: the opening tour and fourteen chapters. The slug is the folder
// under lessons/ (and the lesson's id); a chapter whose folder has no lesson.md yet shows as coming.

export interface Chapter {
  chapter: number;
  slug: string;
  title: string;
  summary: string;
}

export const CHAPTERS: readonly Chapter[] = [
  { chapter: 0, slug: '00-town-square', title: 'The town square',
    summary: 'Buildings work on their own and coordinate through a bulletin board instead of phoning each other.' },
  { chapter: 1, slug: '01-events-vs-commands', title: 'Events vs commands',
    summary: 'Facts for anyone vs requests for one; waiting vs not waiting; the window where data disagrees.' },
  { chapter: 2, slug: '02-queues-vs-streams', title: 'Queues vs streams',
    summary: 'Competing consumers that take a message away vs a retained log every group reads and replays.' },
  { chapter: 3, slug: '03-kafka', title: 'Kafka deep dive',
    summary: 'Partitions, keys, offsets, consumer groups, rebalancing, replication, idempotence and transactions.' },
  { chapter: 4, slug: '04-brokers', title: 'SQS, RabbitMQ and pub/sub',
    summary: 'Visibility timeouts and redrive, exchanges and bindings, push and pull: one workload, three rule books.' },
  { chapter: 5, slug: '05-retries-dlq-idempotency', title: 'Retries, DLQs and idempotency',
    summary: 'Backoff with jitter, poison messages and dead-letter queues, and consumers that survive duplicates.' },
  { chapter: 6, slug: '06-event-sourcing', title: 'Event sourcing and replay',
    summary: 'The log as the source of truth: state as a fold, projections rebuilt by replay, snapshots, upcasting.' },
  { chapter: 7, slug: '07-sagas', title: 'Sagas',
    summary: 'Distributed work without two-phase commit: local steps, compensations, orchestration and choreography.' },
  { chapter: 8, slug: '08-cqrs-outbox', title: 'CQRS in practice, and the outbox',
    summary: 'Write and read models, stale reads, the dual-write problem and the transactional outbox.' },
  { chapter: 9, slug: '09-consistent-hashing', title: 'Consistent hashing',
    summary: 'Why modulo hashing moves almost every key, and how a ring with virtual nodes moves few.' },
  { chapter: 10, slug: '10-consensus', title: 'Consensus: Raft and Paxos',
    summary: 'The town crier: terms, elections, log replication, commit by majority, and single-decree Paxos.' },
  { chapter: 11, slug: '11-leader-election', title: 'Leader election',
    summary: 'One boss at a time: bullies, leases, the paused leader that wakes up, and fencing tokens.' },
  { chapter: 12, slug: '12-service-discovery', title: 'Service discovery',
    summary: 'The town directory: registration, heartbeats with TTLs, health checks, DNS and gossip.' },
  { chapter: 13, slug: '13-circuit-breakers', title: 'Circuit breakers and bulkheads',
    summary: 'Timeouts, cascading failure, the breaker state machine, bulkheads and load shedding.' },
  { chapter: 14, slug: '14-honest-admission', title: 'Honest admission',
    summary: 'What no design fully solves: two generals, FLP, CAP and PACELC, clocks, exactly-once, gray failure.' },
];

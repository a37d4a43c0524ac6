// `npm run bench`: prints benchmark figures, each system's as a ratio to the kernel baseline of this run.
import { existsSync } from 'node:fs';
import { benchKernel, benchSeek, type Figure } from './kernel.ts';

function print(title: string, figures: Figure[]): void {
  console.log(`\n${title}`);
  for (const f of figures) {
    const v = f.unit === 'ratio' ? (f.value < 0.01 ? f.value.toPrecision(2) : f.value.toFixed(2))
      : f.unit === 'ms' && f.value < 100 ? f.value.toFixed(1) : Math.round(f.value).toLocaleString('en-US');
    console.log(`  ${f.name.padEnd(62)} ${v.padStart(14)} ${f.unit === 'ratio' ? 'x' : f.unit}`);
  }
}

const kernel = benchKernel();
print('Kernel', kernel);
const baseline = kernel[0]!.value;
print('Time travel (kernel ring)', benchSeek());

// Systems contribute their own benches; each figure in events/s or records/s gets a ratio to the kernel.
const extra: [string, string, string][] = [
  ['Kafka', './kafka.ts', 'benchKafka'],
  ['Raft', './raft.ts', 'benchRaft'],
  ['SWIM membership (chapter 12)', './discovery.ts', 'benchDiscovery'],
  ['Resilience (chapter 13, metastable retry storm)', './resilience.ts', 'benchResilience'],
  ['SQS retries and idempotent payments (chapter 05)', './retries.ts', 'benchRetries'],
  ['Outbox (chapter 08)', './outbox.ts', 'benchOutbox'],
  ['Sagas (chapter 07, 10,000 concurrent sagas, random failures)', './saga.ts', 'benchSaga'],
  ['Linearizability checker (chapter 14)', './admission.ts', 'benchAdmission'],
  ['Hash ring (chapter 09, 1,000,000 keys on 100 nodes x 256 vnodes)', './hashring.ts', 'benchHashring'],
  ['Event store (chapter 06, 1,000,000 events)', './eventstore.ts', 'benchEventStore'],
  ['View', './view.ts', 'benchView'],
  ['Page sizes (production build)', './size.ts', 'benchSize'],
];
for (const [title, file, fn] of extra) {
  if (!existsSync(new URL(file, import.meta.url))) continue;
  const mod = (await import(file)) as Record<string, () => Figure[] | Promise<Figure[]>>;
  const figures = await mod[fn]!();
  print(title, figures.flatMap((f) => (/\/s$/.test(f.unit)
    ? [f, { name: '  / kernel events/s', value: f.value / baseline, unit: 'ratio' }]
    : [f])));
}

// Hash ring (chapter 09): placing 1,000,000 keys on 100 nodes x 256 virtual nodes under each scheme,
// headless, in keys per second (the run prints each as a ratio to the kernel's events per second), and what
// a 101st node's join moves under the ring against theory (1/101). Hash: 32-bit MurmurHash3 (hash.ts).
// Called by tests/bench/run.ts.
import { keyName } from '../../src/engine/hashring/hash.ts';
import { movement } from '../../src/engine/hashring/metrics.ts';
import { makeItems, place, SCHEMES, type Layout } from '../../src/engine/hashring/schemes.ts';
import type { Figure } from './kernel.ts';

const KEYS = 1_000_000;
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

export function benchHashring(): Figure[] {
  let start = process.hrtime.bigint();
  const items = makeItems('bench', Array.from({ length: KEYS }, (_, i) => keyName(i)));
  const hashing = KEYS / seconds(start);
  const nodes = Array.from({ length: 100 }, (_, i) => `h${i + 1}`);
  const layout: Layout = { nodes, vnodes: 256, eps: 0.25 };
  const figures: Figure[] = [{ name: 'murmur3 hashing of 1,000,000 key names keys/s', value: hashing, unit: 'keys/s' }];
  for (const s of SCHEMES) {
    start = process.hrtime.bigint();
    place(s, layout, items);
    figures.push({ name: `${s}: 1,000,000 keys on 100 nodes x 256 vnodes keys/s`, value: KEYS / seconds(start), unit: 'keys/s' });
  }
  const joined: Layout = { ...layout, nodes: [...nodes, 'h101'] };
  const moved = movement(place('ring', layout, items), nodes, place('ring', joined, items), joined.nodes);
  figures.push({ name: 'ring: keys moved when a 101st node joins (theory 1/101: 9,901)', value: moved.moved, unit: 'keys' });
  return figures;
}

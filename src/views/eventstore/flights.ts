// The event store's messages in flight, for both pictures: each runs between the store and a clerk or a
// projector, from the anchors the picture gives for that node (where it meets the store, where the node is).
import type { Sim } from '../../engine/core/index.ts';
import { STORE_NODE } from '../../engine/eventstore/index.ts';
import { curveControl, type Point } from '../shared/geometry.ts';
import type { Flight } from '../kit/FlightLayer.tsx';
import { messageWords } from './model.ts';

export type Anchor = (node: string, toward: 'store' | 'node') => Point | null;

export function storeFlights(sim: Sim, anchor: Anchor, town: boolean, bend: number): Flight[] {
  return sim.inFlight().filter((f) => f.sys === 'eventstore').flatMap((f, n) => {
    const other = f.from === STORE_NODE ? f.to : f.from;
    const atNode = anchor(other, 'node');
    const atStore = anchor(other, 'store');
    if (!atNode || !atStore) return [];
    const [a, b] = f.from === STORE_NODE ? [atStore, atNode] : [atNode, atStore];
    const w = messageWords(f.msg, town);
    return [{ msgId: f.msgId, key: `${f.msgId}:${n}`, from: f.from, to: f.to, sentAt: f.sentAt, arrivesAt: f.arrivesAt, a, b, c: curveControl(a, b, bend), label: w.words, tag: w.tag, type: f.msg.type, doomed: f.doomed }];
  });
}

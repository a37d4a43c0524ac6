// The town's "taken" rule (layout-hands.ts): a queue's message that somebody holds is drawn in the
// holder's hands, not in the queue, and leaves its empty pigeonhole behind; waiting messages stay put.
// The rule it draws is SQS's: "the message remains in the queue [...] Amazon SQS prevents other
// consumers from receiving and processing the message" for the visibility timeout (Amazon SQS Developer
// Guide, "Amazon SQS visibility timeout") — out of reach of everyone else, but not gone until deleted.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lab } from '../sqs/lab.ts';
import type { SqsState } from '../../../src/engine/sqs/state.ts';
import { sqsModel, type SqsChip, type SqsModel } from '../../../src/views/queues/model-sqs.ts';
import { layoutSqs } from '../../../src/views/queues/layout-sqs.ts';
import { handArea, handsIndex, handsOnly, planHands } from '../../../src/views/queues/layout-hands.ts';
import { inside, metrics, overlaps, type Rect } from '../../../src/views/queues/layout.ts';

const body: Rect = { x: 6, y: 30, w: 900, h: 300 };
const sqsHolder = (c: SqsChip) => (c.status === 'inflight' ? c.holder : null);

function townSqs(model: SqsModel, m = metrics(14, 7)) {
  const hands = handsOnly(model.queues.flatMap((q) => q.msgs.map(sqsHolder)), model.consumers.map((c) => c.id));
  const geom = layoutSqs(model, body, m, hands);
  const boxes = Object.fromEntries([...geom.consumers.map((c) => [c.item.id, c.r] as const), ...geom.hands.map((h) => [h.item, h.r] as const)]);
  return { geom, boxes, plan: planHands(geom.rows, sqsHolder, boxes, m), m };
}

describe('a taken message is in its holder’s hands (lesson 02, two bakers)', () => {
  it('each in-flight ticket is drawn inside the baker that received it; its pigeonhole stays, empty; waiting ones stay put', () => {
    const s = lab(2);
    s.run(`sqs.queue name=tickets visibility=2s
      sqs.send queue=tickets body=ticket count=8
      sqs.consumer name=baker1 queue=tickets work=200ms wait=2s
      sqs.consumer name=baker2 queue=tickets work=200ms wait=2s
      run for=100ms`);
    const model = sqsModel(s.sim.state<SqsState>('sqs'), s.sim.nodes());
    const { geom, boxes, plan } = townSqs(model);
    const held = model.queues[0]!.msgs.filter((c) => c.status === 'inflight');
    expect(held.map((c) => c.holder).sort()).toEqual(['baker1', 'baker2']);
    expect(plan.taken.map((t) => t.chip)).toEqual(held);
    for (const t of plan.taken) {
      expect(inside(t.r, boxes[t.holder]!)).toBe(true);
      // The pigeonhole it left is where the technical picture draws it: its slot in the queue's row.
      expect(t.ghost).toEqual(geom.rows[0]!.chips.find((c) => c.chip === t.chip)!.r);
    }
    const { hand } = handsIndex(plan);
    for (const c of model.queues[0]!.msgs.filter((x) => x.status === 'visible')) expect(hand.has(c)).toBe(false);
  });

  it('a message received at the console is in the hands of “you”, who gets a box of their own', () => {
    const s = lab(4);
    s.run(`sqs.queue name=orders visibility=3s
      sqs.send queue=orders body=order count=3
      sqs.receive queue=orders`);
    const model = sqsModel(s.sim.state<SqsState>('sqs'), s.sim.nodes());
    const { geom, plan } = townSqs(model);
    expect(geom.hands.map((h) => h.item)).toEqual(['you']);
    expect(plan.taken).toHaveLength(1);
    expect(plan.taken[0]).toMatchObject({ holder: 'you', chip: { body: 'order1' } });
    expect(inside(plan.taken[0]!.r, geom.hands[0]!.r)).toBe(true);
    // The technical picture has no such box: every message stays in its queue there.
    expect(layoutSqs(model, body, metrics(14, 7)).hands).toEqual([]);
  });
});

describe('hands never overlap and lose nothing (property)', () => {
  it('taken chips sit in their holder’s hands, apart, under its name; drawn + counted = held', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 13, max: 17 }), fc.integer({ min: 3, max: 12 }),
      fc.integer({ min: 120, max: 500 }),
      (heldBy, fs, longest, h) => {
        const m = metrics(fs, longest);
        const consumers = heldBy.map((_, k) => `c${k}`);
        let id = 0;
        const msgs: SqsChip[] = heldBy.flatMap((n, k) => Array.from({ length: n }, () => ({
          id: ++id, body: `m${id}`, status: 'inflight' as const, receiveCount: 1, until: 1000, span: 1000, holder: `c${k}`, group: null, route: ['q'],
        })));
        const rows = [{ chips: msgs.map((chip, k) => ({ chip, r: { x: k * 50, y: 0, w: 46, h: m.chipH } })) }];
        const boxes = Object.fromEntries(consumers.map((c, k) => [c, { x: 700, y: 40 + k * (h / 5), w: m.fs * 12, h: Math.max(20, h / 5 - 4) }]));
        const plan = planHands(rows, sqsHolder, boxes, m);
        for (const [k, c] of consumers.entries()) {
          const mine = plan.taken.filter((t) => t.holder === c);
          const more = plan.more.find((x) => x.holder === c);
          const stays = handArea(boxes[c]!, m, c) === null;
          // A box with no room for hands leaves its chips in the queue, drawn as in flight there.
          expect(mine.length + (more?.n ?? 0)).toBe(stays ? 0 : heldBy[k]);
          const drawn = [...mine.map((t) => t.r), ...(more ? [more.r] : [])];
          for (const r of drawn) {
            expect(inside(r, boxes[c]!)).toBe(true);
            // Under the name line.
            expect(r.y).toBeGreaterThanOrEqual(boxes[c]!.y + m.fs * 1.25);
          }
          for (let i = 0; i < drawn.length; i++) for (let j = i + 1; j < drawn.length; j++) expect(overlaps(drawn[i]!, drawn[j]!)).toBe(false);
        }
        expect(plan.taken.length + plan.ghosts.length).toBe(plan.taken.length + plan.more.reduce((a, x) => a + x.n, 0));
      }), { numRuns: 80 });
  });
});

// What the saga pictures draw, read from the saga state: the school (orchestrator) and the 2PC coordinator,
// each shop's record (booked, visible, PENDING, its 2PC vote and lock), the saga in focus (the latest
// unfinished one, else the latest) with its steps and history, every saga's outcome, the 2PC transactions,
// the reads. Words for both pictures. Pure.
import type { Message, NodeId, Sim } from '../../engine/core/index.ts';
import {
  COORDINATOR, listenGraph, ORCHESTRATOR, visibleValue,
  type HistoryEntry, type ParticipantState, type SagaMessage, type SagaState, type SagaStatus, type StepStatus,
} from '../../engine/saga/index.ts';
import { OKABE_ITO } from '../shared/palette.ts';

export interface ShopView {
  id: NodeId;
  down: boolean;
  value: number;
  visible: number;
  pending: number;
  lock: string | null;
  /** 2PC transactions this shop voted in, latest last. */
  votes: { tx: string; state: ParticipantState }[];
  waiting: number;
  noUndo: boolean;
  failing: string | null;
}

export interface SagaView {
  id: string;
  mode: 'orchestrated' | 'choreographed';
  status: SagaStatus;
  qty: number;
  pivot: number;
  steps: { shop: NodeId; status: StepStatus }[];
  history: readonly HistoryEntry[];
}

export interface TxView { id: string; decision: 'commit' | 'abort' | null; participants: { shop: NodeId; state: ParticipantState | 'working' }[] }

export interface SagaPicture {
  school: { present: boolean; down: boolean };
  coordinator: { present: boolean; down: boolean };
  shops: ShopView[];
  focus: SagaView | null;
  counts: Record<SagaStatus, number>;
  total: number;
  txs: TxView[];
  listen: { from: NodeId; to: NodeId; event: string }[];
  reads: { id: string; shop: NodeId; value: number; waiting: boolean }[];
  /** The live detectors that fired, in words. */
  problems: string[];
}

export const NO_SAGA: SagaPicture = {
  school: { present: false, down: false }, coordinator: { present: false, down: false }, shops: [], focus: null,
  counts: { running: 0, compensating: 0, done: 0, compensated: 0 }, total: 0, txs: [], listen: [], reads: [], problems: [],
};

function sagaView(st: SagaState, id: string): SagaView {
  const r = st.sagas[id]!;
  const def = st.defs[r.def]!;
  return { id, mode: r.mode, status: r.status, qty: r.qty, pivot: def.pivot, steps: def.steps.map((shop, i) => ({ shop, status: r.steps[i]! })), history: r.history };
}

export function sagaPicture(st: SagaState, sim: Sim): SagaPicture {
  const nodes = new Map(sim.nodes().map((n) => [n.id, n]));
  const present = (id: NodeId) => ({ present: nodes.has(id), down: nodes.get(id)?.up === false });
  const counts: Record<SagaStatus, number> = { running: 0, compensating: 0, done: 0, compensated: 0 };
  let focusId: string | null = null;
  for (const id of st.sagaOrder) {
    const s = st.sagas[id]!.status;
    counts[s]++;
    if (s === 'running' || s === 'compensating') focusId = id;
  }
  focusId ??= st.sagaOrder[st.sagaOrder.length - 1] ?? null;
  const focus = focusId ? sagaView(st, focusId) : null;
  const shops: ShopView[] = st.shopOrder.map((id) => {
    const s = st.shops[id]!;
    const visible = visibleValue(s);
    return {
      id, down: nodes.get(id)?.up === false, value: s.value, visible, pending: s.value - visible, lock: s.lock,
      votes: Object.keys(s.tx).map((tx) => ({ tx, state: s.tx[tx]! })), waiting: s.waiting.length, noUndo: s.noUndo,
      failing: s.failAlways ? 'refuses every order' : s.failNext > 0 ? `fails the next ${s.failNext}` : null,
    };
  });
  const txs: TxView[] = st.txOrder.map((id) => {
    const t = st.txs[id]!;
    return { id, decision: t.decision, participants: t.participants.map((p) => ({ shop: p, state: st.shops[p]!.tx[id] ?? 'working' })) };
  });
  return {
    school: present(ORCHESTRATOR), coordinator: present(COORDINATOR), shops, focus, counts, total: st.sagaOrder.length, txs,
    listen: focus?.mode === 'choreographed' ? listenGraph(focus.steps.map((s) => s.shop)) : [],
    reads: st.readOrder.map((id) => { const r = st.reads[id]!; return { id, shop: r.shop, value: r.value, waiting: r.doneAt === null }; }),
    problems: Object.values(st.detected),
  };
}

/** A checklist line's mark and words in the town ("✓ bakery: 200 booked"). */
export function stepTownWords(shop: NodeId, s: StepStatus, qty: number): { mark: string; words: string } {
  switch (s) {
    case 'pending': return { mark: '☐', words: `${shop}: not asked yet` };
    case 'started': return { mark: '…', words: `${shop}: asked for ${qty}` };
    case 'done': return { mark: '✓', words: `${shop}: ${qty} booked` };
    case 'failed': return { mark: '✗', words: `${shop}: said no` };
    case 'timed-out': return { mark: '?', words: `${shop}: no answer` };
    case 'compensating': return { mark: '↩', words: `${shop}: taking it back` };
    case 'compensated': return { mark: '↩', words: `${shop}: taken back` };
    case 'stuck': return { mark: '✗', words: `${shop}: cannot take back!` };
  }
}

export const statusWords: Record<SagaStatus, string> = {
  running: 'running', compensating: 'compensating (going backwards)', done: 'completed', compensated: 'compensated (all taken back)',
};

/** A history entry in Temporal's style: "30ms StepCompleted 1 bakery". */
export function historyLine(h: HistoryEntry, steps: readonly { shop: NodeId }[]): string {
  const step = h.step === undefined ? '' : ` ${h.step + 1} ${steps[h.step]?.shop ?? ''}`;
  const attempt = h.attempt !== undefined && h.attempt > 1 ? ` #${h.attempt}` : '';
  return `${h.t}ms ${h.kind}${step}${attempt}`;
}

export const participantWords: Record<ParticipantState | 'working', string> = {
  working: 'working', prepared: 'prepared, in doubt', committed: 'committed', aborted: 'aborted',
};

export type MsgDirection = 'forward' | 'back' | 'twopc' | 'reply';

export interface SagaMsgLook { town: string; label: string; words: string; dir: MsgDirection; colour: string; glyph: string }

const look = (dir: MsgDirection, glyph: string, town: string, label: string, words: string): SagaMsgLook => ({
  dir, glyph, town, label, words,
  colour: dir === 'back' ? OKABE_ITO.vermillion : dir === 'twopc' ? OKABE_ITO.reddishPurple : dir === 'reply' ? OKABE_ITO.bluishGreen : OKABE_ITO.blue,
});

export function sagaMessageLook(m: Message): SagaMsgLook {
  const msg = m as unknown as SagaMessage;
  switch (msg.type) {
    case 'Do': return look('forward', '→', `please make ${msg.qty}`, `Do ${msg.saga} #${msg.attempt}`, `Do: ${msg.saga} step ${msg.step + 1}, book ${msg.qty}${msg.pending ? ' as PENDING' : ''} (attempt ${msg.attempt})`);
    case 'Undo': return look('back', '↩', 'take it back', `Undo ${msg.saga}`, `Undo: take back ${msg.saga} step ${msg.step + 1} (a compensation, attempt ${msg.attempt})`);
    case 'Done': return look('reply', '✓', 'done', `Done ${msg.saga}`, `Done: ${msg.saga} step ${msg.step + 1} succeeded`);
    case 'Failed': return look('reply', '✗', 'cannot', `Failed ${msg.saga}`, `Failed: ${msg.saga} step ${msg.step + 1} (${msg.reason})`);
    case 'Undone': return look('back', '✓', 'taken back', `Undone ${msg.saga}`, `Undone: ${msg.saga} step ${msg.step + 1} taken back`);
    case 'UndoFailed': return look('back', '✗', 'could not take back', `UndoFailed ${msg.saga}`, `UndoFailed: ${msg.saga} step ${msg.step + 1}; it will be retried`);
    case 'NotUndoable': return look('back', '✗', 'cannot take back!', `NotUndoable ${msg.saga}`, `NotUndoable: ${msg.saga} step ${msg.step + 1} cannot be compensated`);
    case 'Confirm': return look('forward', '✓', 'it is final', `Confirm ${msg.saga}`, `Confirm: ${msg.saga} completed; clear the PENDING flag`);
    case 'Ordered': return look('forward', '→', 'lunches ordered!', `Ordered ${msg.saga}`, `Event Ordered: ${msg.saga} started`);
    case 'StepDone': return look('forward', '→', 'my part is ready', `StepDone ${msg.step + 1}`, `Event StepDone: ${msg.saga} step ${msg.step + 1} done`);
    case 'StepFailed': return look('back', '✗', 'I failed!', `StepFailed ${msg.step + 1}`, `Event StepFailed: ${msg.saga} step ${msg.step + 1} gave up`);
    case 'StepCompensated': return look('back', '↩', 'I took mine back', `StepCompensated ${msg.step + 1}`, `Event StepCompensated: ${msg.saga} step ${msg.step + 1} taken back`);
    case 'Prepare': return look('twopc', '?', 'ready to commit?', `Prepare ${msg.tx}`, `Prepare ${msg.tx}: vote, and lock if yes`);
    case 'Vote': return look('twopc', msg.yes ? '✓' : '✗', msg.yes ? 'yes (hand up)' : 'no', `Vote ${msg.yes ? 'yes' : 'no'}`, `Vote ${msg.yes ? 'yes' : 'no'} on ${msg.tx}`);
    case 'Decision': return look('twopc', msg.commit ? '✓' : '✗', msg.commit ? 'commit!' : 'abort!', `${msg.commit ? 'Commit' : 'Abort'} ${msg.tx}`, `Decision on ${msg.tx}: ${msg.commit ? 'commit' : 'abort'}`);
    case 'Ask': return look('twopc', '?', 'decided yet?', `Ask ${msg.tx}`, `Ask: an in-doubt participant asks for ${msg.tx}'s decision`);
    default: return look('forward', '·', m.type, m.type, m.type);
  }
}

export function describeShop(s: ShopView): string {
  return [
    `${s.id}${s.down ? ' (crashed)' : ''}`, `${s.value} booked`, s.pending ? `${s.pending} of them PENDING` : '',
    s.lock ? `locked by ${s.lock}` : '', s.waiting ? `${s.waiting} waiting for the lock` : '', s.noUndo ? 'cannot take back' : '', s.failing ?? '',
  ].filter(Boolean).join('; ');
}

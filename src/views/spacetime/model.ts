// The space-time diagram's data, built from the trace: one arrow per message (send to delivery or drop),
// intervals a node spent crashed or paused, partition bands, and point marks (notes, violations, faults).
// Built incrementally: each update only reads trace entries it has not seen yet.
import type { TraceEvent } from '../../engine/core/index.ts';

export interface Arrow {
  msgId: number;
  from: string;
  to: string;
  type: string;
  /** Notice id carried by the message, if any (town board), so notices cross-highlight. */
  notice: number | null;
  sentAt: number;
  /** Trace index of the send. */
  sendI: number;
  /** Delivery or drop time; null while in flight. */
  endAt: number | null;
  endI: number | null;
  status: 'flying' | 'delivered' | 'dropped';
  /** Why it was dropped (loss, partition, `n2 down`, dropped by hand). */
  reason: string | null;
  /** A second copy made by network duplication. */
  duplicate: boolean;
}

export interface Interval {
  node: string;
  kind: 'down' | 'paused';
  from: number;
  /** null while it lasts. */
  to: number | null;
}

export interface Band {
  text: string;
  from: number;
  to: number | null;
  /** Nodes named on each side of the cut, when the text says. */
  nodes: string[];
}

export interface Mark {
  i: number;
  t: number;
  /** null for marks that belong to no single node (violations, network changes). */
  node: string | null;
  kind: 'note' | 'violation' | 'crash' | 'restart' | 'pause' | 'resume' | 'network';
  text: string;
}

export interface SpaceTimeModel {
  arrows: Arrow[];
  intervals: Interval[];
  bands: Band[];
  marks: Mark[];
  /** Nodes seen in the trace, in order of first appearance. */
  seen: string[];
  /** The last trace time read. */
  lastT: number;
}

export const emptyModel = (): SpaceTimeModel => ({ arrows: [], intervals: [], bands: [], marks: [], seen: [], lastT: 0 });

function see(m: SpaceTimeModel, seenSet: Set<string>, n: string | undefined) {
  if (n && !seenSet.has(n)) { seenSet.add(n); m.seen.push(n); }
}

const noticeOf = (e: TraceEvent): number | null => {
  const v = e.msg?.notice;
  return typeof v === 'number' ? v : null;
};

/** Appends what `e` adds to the model. `open` indexes arrows still in flight by message id. */
export function addEvent(m: SpaceTimeModel, open: Map<number, Arrow>, seenSet: Set<string>, e: TraceEvent): void {
  m.lastT = e.t;
  see(m, seenSet, e.from);
  see(m, seenSet, e.to);
  see(m, seenSet, e.node);
  switch (e.kind) {
    case 'send': {
      const a: Arrow = {
        msgId: e.msgId!, from: e.from!, to: e.to!, type: e.msg?.type ?? '?', notice: noticeOf(e), sentAt: e.t,
        sendI: e.i, endAt: null, endI: null, status: 'flying', reason: null, duplicate: false,
      };
      m.arrows.push(a);
      open.set(a.msgId, a);
      return;
    }
    case 'deliver':
    case 'drop': {
      const status = e.kind === 'deliver' ? 'delivered' : 'dropped';
      const reason = e.kind === 'drop' ? e.text ?? 'lost' : null;
      const a = open.get(e.msgId!);
      if (a && a.endAt === null) {
        a.endAt = e.t; a.endI = e.i; a.status = status; a.reason = reason;
        return;
      }
      // A duplicate copy (or a message whose send fell out of the bounded trace).
      m.arrows.push({
        msgId: e.msgId!, from: e.from!, to: e.to!, type: e.msg?.type ?? '?', notice: noticeOf(e),
        sentAt: e.sentAt ?? e.t, sendI: a?.sendI ?? e.i, endAt: e.t, endI: e.i, status, reason, duplicate: a !== undefined,
      });
      return;
    }
    case 'note':
      m.marks.push({ i: e.i, t: e.t, node: e.node ?? null, kind: 'note', text: e.text ?? '' });
      return;
    case 'violation':
      m.marks.push({ i: e.i, t: e.t, node: null, kind: 'violation', text: `${e.invariant ?? 'invariant'}: ${e.text ?? ''}` });
      return;
    case 'fault':
      addFault(m, e);
      return;
    default:
  }
}

function addFault(m: SpaceTimeModel, e: TraceEvent): void {
  const text = e.text ?? '';
  const word = text.split(' ')[0] ?? '';
  if (e.node && (word === 'crash' || word === 'restart' || word === 'pause' || word === 'resume')) {
    m.marks.push({ i: e.i, t: e.t, node: e.node, kind: word, text });
    if (word === 'crash' || word === 'pause') {
      // A crash ends a pause: the node is down, not paused.
      if (word === 'crash') closeInterval(m, e.node, 'paused', e.t);
      m.intervals.push({ node: e.node, kind: word === 'crash' ? 'down' : 'paused', from: e.t, to: null });
    } else {
      closeInterval(m, e.node, word === 'restart' ? 'down' : 'paused', e.t);
    }
    return;
  }
  if (word === 'partition') {
    const nodes = text.slice('partition '.length).split(/\s+|,|<-\/->|-\/->/).filter((x) => x && !x.includes('/'));
    m.bands.push({ text, from: e.t, to: null, nodes });
    return;
  }
  if (word === 'heal') {
    for (const b of m.bands) if (b.to === null) b.to = e.t;
    m.marks.push({ i: e.i, t: e.t, node: null, kind: 'network', text });
    return;
  }
  m.marks.push({ i: e.i, t: e.t, node: e.node ?? null, kind: 'network', text });
}

function closeInterval(m: SpaceTimeModel, node: string, kind: Interval['kind'], t: number) {
  for (const iv of m.intervals) if (iv.node === node && iv.kind === kind && iv.to === null) iv.to = t;
}

/** Builds the model of a whole trace at once (tests, and after a seek back or a fork). */
export function buildModel(trace: readonly TraceEvent[]): SpaceTimeModel {
  const idx = createModelIndex();
  return idx.update(trace);
}

/**
 * Keeps a model in step with a growing trace. A trace that no longer holds the last entry read (a seek
 * back, a fork, a new session) is re-read from the start.
 */
export function createModelIndex() {
  let model = emptyModel();
  let open = new Map<number, Arrow>();
  let seenSet = new Set<string>();
  let last: TraceEvent | null = null;
  const reset = () => { model = emptyModel(); open = new Map(); seenSet = new Set(); last = null; };
  return {
    update(trace: readonly TraceEvent[]): SpaceTimeModel {
      const base = trace[0]?.i ?? 0;
      let start = 0;
      if (last) {
        const at = last.i - base;
        if (at >= 0 && trace[at] === last) start = at + 1;
        else reset();
      }
      if (start >= trace.length && last) return model;
      for (let k = start; k < trace.length; k++) addEvent(model, open, seenSet, trace[k]!);
      last = trace[trace.length - 1] ?? null;
      // A fresh wrapper so React sees a change; the arrays are shared and only ever appended to.
      model = { ...model };
      return model;
    },
  };
}

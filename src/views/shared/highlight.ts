// Cross-highlighting: the store holds one Highlight (what the learner points at); each view asks what
// that means for the things it draws. A notice highlights the messages that carry it, a trace entry the
// message or node it is about.
import { useRef } from 'react';
import type { TraceEvent } from '../../engine/core/index.ts';
import type { Highlight } from '../../store/lab-store.ts';
import { itemFocusOf } from '../registry.ts';

export interface Focus {
  nodes: ReadonlySet<string>;
  msgs: ReadonlySet<number>;
  notices: ReadonlySet<number>;
  topics: ReadonlySet<string>;
  /** System-specific things (`kafka:partition:orders-3`); see Highlight's `item`. */
  items: ReadonlySet<string>;
  /** True when something is pointed at, so everything else can be dimmed. */
  any: boolean;
}

export const NO_FOCUS: Focus = { nodes: new Set(), msgs: new Set(), notices: new Set(), topics: new Set(), items: new Set(), any: false };

/** The trace entry with index `i` (entries are in index order; the oldest may have been dropped). */
export function traceAt(trace: readonly TraceEvent[], i: number): TraceEvent | undefined {
  let lo = 0;
  let hi = trace.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = trace[mid]!;
    if (e.i === i) return e;
    if (e.i < i) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

export function focusOf(h: Highlight | null, trace: readonly TraceEvent[]): Focus {
  if (!h) return NO_FOCUS;
  const nodes = new Set<string>();
  const msgs = new Set<number>();
  const notices = new Set<number>();
  const topics = new Set<string>();
  const items = new Set<string>();
  switch (h.kind) {
    case 'node': nodes.add(h.id); break;
    case 'msg': msgs.add(h.id); break;
    case 'notice': notices.add(h.id); break;
    case 'topic': topics.add(h.id); break;
    case 'item': {
      items.add(h.id);
      // What else it points at, from its system's views (`focus` in src/views/registry.ts).
      const more = itemFocusOf(h.id)?.(h.id, trace);
      for (const n of more?.nodes ?? []) nodes.add(n);
      for (const m of more?.msgs ?? []) msgs.add(m);
      break;
    }
    case 'trace': {
      const e = traceAt(trace, h.id);
      if (e?.msgId !== undefined) msgs.add(e.msgId);
      else if (e?.node) nodes.add(e.node);
      break;
    }
  }
  return { nodes, msgs, notices, topics, items, any: true };
}

/** Whether a message (and the notice it carries, if any) is pointed at. */
export function msgFocused(f: Focus, msgId: number, notice: number | null, topic?: string | null): boolean {
  return f.msgs.has(msgId) || (notice !== null && f.notices.has(notice)) || (topic != null && f.topics.has(topic));
}

export const sameHighlight = (a: Highlight | null, b: Highlight | null) =>
  a === b || (a !== null && b !== null && a.kind === b.kind && a.id === b.id);

/**
 * The focus for the current highlight, kept as the same object while the highlight is unchanged, so
 * memoised parts of a view skip re-rendering. A trace highlight, and an item with a registered focus, is
 * re-read (the trace may have moved).
 */
export function useFocus(h: Highlight | null, trace: () => readonly TraceEvent[]): Focus {
  const cache = useRef<{ h: Highlight | null; f: Focus }>({ h: null, f: NO_FOCUS });
  const live = h?.kind === 'trace' || (h?.kind === 'item' && itemFocusOf(h.id) !== undefined);
  if (cache.current.h !== h || live) cache.current = { h, f: focusOf(h, live ? trace() : []) };
  return cache.current.f;
}

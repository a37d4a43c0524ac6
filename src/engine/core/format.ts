// One printable line per trace event: `t=120ms n2->n1 RequestVote term=2`.
import type { Message, TraceEvent } from './types.ts';

export function formatValue(v: unknown): string {
  if (typeof v === 'string') return /^[^\s"=]+$/.test(v) ? v : JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(formatValue).join(',')}]`;
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** `Type k=v k=v`, skipping undefined fields. */
export function defaultFormatMessage(msg: Message): string {
  let out = msg.type;
  for (const k in msg) {
    if (k === 'type') continue;
    const v = msg[k];
    if (v === undefined) continue;
    out += ` ${k}=${formatValue(v)}`;
  }
  return out;
}

export function formatTraceEvent(e: TraceEvent, formatMsg: (e: TraceEvent) => string): string {
  const t = `t=${e.t}ms`;
  switch (e.kind) {
    case 'send':
      return `${t} send ${e.from}->${e.to} ${formatMsg(e)}`;
    case 'deliver':
      return `${t} ${e.from}->${e.to} ${formatMsg(e)}`;
    case 'drop':
      return `${t} drop ${e.from}->${e.to} ${formatMsg(e)} (${e.text})`;
    case 'timer':
      return `${t} ${e.node} timer ${e.text}`;
    case 'note':
      return e.node ? `${t} ${e.node} ${e.text}` : `${t} ${e.text}`;
    case 'fault':
      return `${t} ${e.text}`;
    case 'input':
      return `${t} > ${e.text}`;
    case 'fork':
      return `${t} fork: ${e.text}`;
    case 'violation':
      return `${t} VIOLATION ${e.invariant}: ${e.text} (after #${e.cause})`;
  }
}

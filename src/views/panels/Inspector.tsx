// The inspector: the state of whatever was clicked — a node, a message or a trace entry here; a system's
// own things (a notice, a partition, a log entry) through its views' `inspect` (src/views/registry.ts).
import { useLab, labStore, type Highlight } from '../../store/lab-store.ts';
import type { Sim } from '../../engine/core/index.ts';
import { itemSystem, registeredViews, viewsOf, type Inspection, type InspectorRow } from '../registry.ts';
import { formatTime } from './format.ts';

type Row = InspectorRow;

/** Fields that hold a simulated time or duration in ms (`work`, `publishedAt`, ...). */
const isTimeField = (key: string) => /^(work|jitter|latency|timeout)$|At$/.test(key);

function Value({ v, field = '' }: { v: unknown; field?: string }) {
  if (v === null || v === undefined) return <span className="muted">none</span>;
  if (typeof v === 'boolean') return <span>{v ? 'yes' : 'no'}</span>;
  if (typeof v === 'number' && isTimeField(field)) return <span>{formatTime(v)}</span>;
  if (typeof v === 'string' || typeof v === 'number') return <span>{String(v)}</span>;
  if (Array.isArray(v)) return v.length === 0 ? <span className="muted">empty</span> : <span>{v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ')}</span>;
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length === 0) return <span className="muted">empty</span>;
  return <dl className="kv nested">{entries.map(([k, x]) => <div key={k}><dt>{k}</dt><dd><Value v={x} field={k} /></dd></div>)}</dl>;
}

/** Whatever per-node record a system keeps for this node (services[id], nodes[id], ...). */
function systemRecord(sim: Sim, sys: string, id: string): unknown {
  const st = sim.state<Record<string, unknown>>(sys);
  for (const v of Object.values(st)) {
    if (v && typeof v === 'object' && !Array.isArray(v) && id in (v as object)) return (v as Record<string, unknown>)[id];
  }
  return null;
}

function describe(sim: Sim, h: Highlight): Inspection | null {
  switch (h.kind) {
    case 'item': {
      const inspect = viewsOf(itemSystem(h.id))?.inspect.item;
      return inspect ? inspect(sim, h.id) : null;
    }
    case 'node': {
      const n = sim.nodes().find((x) => x.id === h.id);
      if (!n) return null;
      const rows: Row[] = [['running', n.up], ['paused', n.paused], ['clock skew', `${n.skew} ms`], ['system', n.sys]];
      const custom = viewsOf(n.sys)?.inspect.node(sim, n.id, n.sys);
      if (custom) return { title: custom.title, rows: [...rows, ...custom.rows] };
      const rec = systemRecord(sim, n.sys, n.id);
      if (rec && typeof rec === 'object') rows.push(...Object.entries(rec as Record<string, unknown>));
      return { title: `Node ${n.id}`, rows };
    }
    case 'notice':
    case 'topic':
      // Only the system that owns them knows them (the town board's notices and topics).
      for (const def of registeredViews()) {
        const found = def.inspect.other?.(sim, h);
        if (found) return found;
      }
      return null;
    case 'msg': {
      const f = sim.inFlight().find((m) => m.msgId === h.id);
      const events = sim.fullTrace().filter((e) => e.msgId === h.id);
      const first = events[0];
      if (!f && !first) return null;
      const msg = f?.msg ?? first?.msg;
      const rows: Row[] = [['from', f?.from ?? first?.from], ['to', f?.to ?? first?.to], ['sent at', formatTime(f?.sentAt ?? first?.t ?? 0)]];
      if (f) rows.push(['arrives at', formatTime(f.arrivesAt)], ['will be lost', f.doomed]);
      rows.push(['history', events.map((e) => sim.formatEvent(e))]);
      if (msg) rows.push(['fields', msg]);
      return { title: `Message #${h.id}${msg ? ` ${msg.type}` : ''}`, rows };
    }
    case 'trace': {
      const e = sim.fullTrace().find((x) => x.i === h.id);
      if (!e) return null;
      const rows: Row[] = [['kind', e.kind], ['time', formatTime(e.t)]];
      if (e.node) rows.push(['node', e.node]);
      if (e.from) rows.push(['from', e.from], ['to', e.to]);
      if (e.text) rows.push(['text', e.text]);
      if (e.invariant) rows.push(['invariant', e.invariant]);
      if (e.cause !== undefined) rows.push(['caused by', sim.fullTrace().find((x) => x.i === e.cause) ? sim.formatEvent(sim.fullTrace().find((x) => x.i === e.cause)!) : e.cause]);
      if (e.msg) rows.push(['message', e.msg]);
      return { title: `Event #${e.i}`, rows: [['line', sim.formatEvent(e)], ...rows] };
    }
  }
}

export function Inspector() {
  const selected = useLab((s) => s.selected);
  const version = useLab((s) => s.version);
  const sim = useLab((s) => s.session.sim);
  void version;
  const info = selected ? describe(sim, selected) : null;
  return (
    <section className="inspector" aria-label="Inspector" data-testid="inspector" tabIndex={0}>
      <h2 className="panel-title">Inspector</h2>
      {!selected ? (
        <p className="muted">Click a building, a notice, a message or a log entry to see its state here.</p>
      ) : !info ? (
        <p className="muted">That {selected.kind} does not exist at this moment.</p>
      ) : (
        <>
          <div className="inspector-head">
            <h3>{info.title}</h3>
            <button type="button" className="btn small" onClick={() => labStore.getState().select(null)}>Clear</button>
          </div>
          <dl className="kv">
            {info.rows.map(([k, v]) => <div key={k}><dt>{k}</dt><dd><Value v={v} field={k} /></dd></div>)}
          </dl>
        </>
      )}
    </section>
  );
}

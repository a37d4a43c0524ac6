// The stage: the town view and the technical view (side by side or one of them) and the space-time
// diagram, each mounted from its folder's index.ts when that folder exists. Until then a plain summary of
// the same state stands in, so the page always works.
import type { ComponentType } from 'react';
import { useLab, labStore } from '../store/lab-store.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';

function component(mods: Record<string, unknown>, name: string): ComponentType | null {
  for (const m of Object.values(mods)) {
    const c = (m as Record<string, unknown>)[name];
    if (typeof c === 'function' || (typeof c === 'object' && c !== null)) return c as ComponentType;
  }
  return null;
}

const TownView = component(import.meta.glob('../views/town/index.ts', { eager: true }), 'TownView');
const TechView = component(import.meta.glob('../views/tech/index.ts', { eager: true }), 'TechView');
const SpaceTime = component(import.meta.glob('../views/spacetime/index.ts', { eager: true }), 'SpaceTimeDiagram');

/** A plain list of nodes and messages on the wire, standing in for a view that is not built yet. */
function StateSummary({ title }: { title: string }) {
  const version = useLab((s) => s.version);
  const now = useLab((s) => s.now);
  const sim = useLab((s) => s.session.sim);
  void version; void now;
  const nodes = sim.nodes();
  const flying = sim.inFlight();
  return (
    <div className="fallback-view">
      <h2 className="panel-title">{title}</h2>
      <ul className="fallback-nodes">
        {nodes.map((n) => (
          <li key={n.id}>
            <button type="button" className="node-chip" onClick={() => labStore.getState().select({ kind: 'node', id: n.id })}>
              <span aria-hidden="true">{n.up ? (n.paused ? '⏸' : '●') : '✕'}</span> {n.id}
              <span className="muted"> {n.up ? (n.paused ? 'paused' : 'up') : 'down'}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="muted">{flying.length} message{flying.length === 1 ? '' : 's'} on the wire{flying.length ? ':' : '.'}</p>
      <ul className="fallback-msgs">
        {flying.slice(0, 8).map((m) => <li key={m.msgId}>{m.from} → {m.to} {m.msg.type}</li>)}
      </ul>
    </div>
  );
}

export function StageViews() {
  const view = useLab((s) => s.view);
  const showTown = view !== 'tech';
  const showTech = view !== 'town';
  return (
    <div className={`stage-views view-${view}`} data-testid="stage">
      {showTown ? (
        <section className="stage-pane" aria-label="Town view">
          <ErrorBoundary name="town view">{TownView ? <TownView /> : <StateSummary title="The town" />}</ErrorBoundary>
        </section>
      ) : null}
      {showTech ? (
        <section className="stage-pane" aria-label="Technical view">
          <ErrorBoundary name="technical view">{TechView ? <TechView /> : <StateSummary title="Technical view" />}</ErrorBoundary>
        </section>
      ) : null}
    </div>
  );
}

export function SpaceTimePanel() {
  if (SpaceTime) return <ErrorBoundary name="space-time diagram"><SpaceTime /></ErrorBoundary>;
  return <p className="muted empty">The space-time diagram is not available in this build.</p>;
}
